// NTLM through peephole-cli: squid (Debian's, with its ntlm_fake_auth helper, started here on
// loopback with its own configuration) as the proxy answering 407 legs; an origin on Peephole's
// test server that checks every leg arrives on one connection, on both HTTP stacks; a server that
// drops the connection between legs; nothing of the password under HOME.

#include "server/httpserver.h"

#include "auth/ntlm.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"
#include "secretscan.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
constexpr char Password[] = "Ntlm-pa55-word!";

/// A type 2 message with a fixed challenge and target "TESTDOM".
QByteArray type2()
{
    const QByteArray target = QByteArray::fromHex("540045005300540044004f004d00"); // TESTDOM
    QByteArray m("NTLMSSP\0", 8);
    m += QByteArray::fromHex("02000000");
    m += QByteArray::fromHex("0e000e0030000000");
    m += QByteArray::fromHex("05828100"); // UNICODE | REQUEST_TARGET | NTLM | TARGET_TYPE_DOMAIN
    m += QByteArray::fromHex("1122334455667788");
    m += QByteArray(8, '\0');
    m += QByteArray(8, '\0');
    return m + target;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}
} // namespace

class TestNtlmCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void squidProxyLegsOnOneConnection();
    void originLegsOnOneConnection();
    void droppedConnectionBetweenLegs();
    void refusedAfterType3();

private:
    Test::ProcessResult cli(const QStringList &args);

    QTemporaryDir m_home;
    QTemporaryDir m_squidDir;
    QProcess m_squid;
    quint16 m_squidPort = 0;
    HttpServer m_origin;
    QList<int> m_legConnections; ///< connectionId of each NTLM leg the origin saw
    bool m_refuse = false;
};

Test::ProcessResult TestNtlmCli::cli(const QStringList &args)
{
    Test::ProcessOptions options;
    options.environment = Test::environmentWithHome(m_home.path());
    return Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args, options);
}

void TestNtlmCli::initTestCase()
{
    QVERIFY(m_home.isValid() && m_squidDir.isValid());
    QVERIFY(m_origin.listen());
    m_origin.route("/hello", ScriptedResponse::text(200, "hello world\n"));
    // An origin speaking NTLM's framing: 401 NTLM, then the type 2 for a type 1, then 200 for a
    // type 3 that came on the type 1's connection (what real servers require).
    m_origin.route("/ntlm", [this](const ServerRequest &req, ScriptedResponse &r) {
        const QByteArray auth = req.header("Authorization");
        const NtlmMessageInfo m = Ntlm::decode(QByteArray::fromBase64(auth.mid(5)));
        if (!auth.startsWith("NTLM ") || m.type == 0) {
            r = ScriptedResponse::text(401, "who are you");
            r.headers.append({"WWW-Authenticate", "NTLM", true});
            return;
        }
        m_legConnections.append(req.connectionId);
        if (m.type == 1) {
            r = ScriptedResponse::text(401, "continue");
            r.headers.append({"WWW-Authenticate", "NTLM " + type2().toBase64(), true});
            if (req.path.endsWith("ntlm") && req.query == "drop")
                r.closeConnection = true;
            return;
        }
        const bool sameConnection = m_legConnections.size() >= 2 &&
                                    m_legConnections.at(m_legConnections.size() - 2) == req.connectionId;
        if (m.type == 3 && m.ntlmv2 && sameConnection && m.user == u"alice"_s && !m_refuse) {
            r = ScriptedResponse::text(200, "welcome alice\n");
            return;
        }
        r = ScriptedResponse::text(401, "refused");
        r.headers.append({"WWW-Authenticate", "NTLM", true});
    });

    const QString squid = u"/usr/sbin/squid"_s;
    const QString helper = u"/usr/lib/squid/ntlm_fake_auth"_s;
    if (!QFile::exists(squid) || !QFile::exists(helper))
        QSKIP("squid or its ntlm_fake_auth helper is missing: scripts/install-deps installs squid");
    // squid drops root privileges to its own user: the folder must be open to it.
    QFile::setPermissions(m_squidDir.path(), QFileDevice::Permissions(0x7777));
    m_squidPort = freePort();
    const QString dir = m_squidDir.path();
    QFile conf(dir + u"/squid.conf"_s);
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("http_port 127.0.0.1:%1\n"
                              "pid_filename %2/squid.pid\n"
                              "cache_log %2/cache.log\n"
                              "access_log stdio:%2/access.log\n"
                              "coredump_dir %2\n"
                              "cache deny all\n"
                              "cache_mem 8 MB\n"
                              "shutdown_lifetime 0 seconds\n"
                              "auth_param ntlm program %3\n"
                              "auth_param ntlm children 2\n"
                              "auth_param ntlm keep_alive on\n"
                              "acl authed proxy_auth REQUIRED\n"
                              "http_access allow authed\n"
                              "http_access deny all\n")
                   .arg(m_squidPort)
                   .arg(dir, helper)
                   .toUtf8());
    conf.close();
    QFile::setPermissions(conf.fileName(), QFileDevice::Permissions(0x6644));
    m_squid.setProcessChannelMode(QProcess::MergedChannels);
    m_squid.start(squid, {u"-N"_s, u"-f"_s, conf.fileName()});
    QVERIFY2(m_squid.waitForStarted(5000), qPrintable(m_squid.errorString()));
    bool up = false;
    for (int i = 0; i < 100 && !up; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_squidPort);
        up = probe.waitForConnected(100);
        if (!up)
            QTest::qWait(100);
    }
    QVERIFY2(up, m_squid.readAll().constData());
}

void TestNtlmCli::cleanupTestCase()
{
    if (m_squid.state() != QProcess::NotRunning) {
        m_squid.terminate();
        if (!m_squid.waitForFinished(5000))
            m_squid.kill();
    }
    const QStringList hits = SecretScan::scanTree(m_home.path(), {{Password, {}}});
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
}

void TestNtlmCli::squidProxyLegsOnOneConnection()
{
    const QString har = m_home.filePath(u"proxy.har"_s);
    const Test::ProcessResult run =
        cli({u"send"_s, u"-v"_s, u"--proxy"_s, u"http://127.0.0.1:%1"_s.arg(m_squidPort), u"--proxy-user"_s,
             u"TESTDOM\\alice:"_s + QLatin1StringView(Password), u"--har"_s, har,
             m_origin.url(u"/hello"_s).toString()});
    // Proxies go through Qt's stack, which does not yet carry the type 3 leg on the handshake's
    // connection (known gap, reported as XFAIL until fixed).
    QEXPECT_FAIL("", "NTLM through an HTTP proxy (Qt's stack) does not complete yet", Abort);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, QByteArray("hello world\n"));
    // Every leg, decoded.
    QVERIFY2(run.err.contains("< HTTP/1.1 407"), run.err.constData());
    QVERIFY2(run.err.contains("Sent: NTLM type 1 (negotiate)"), run.err.constData());
    QVERIFY2(run.err.contains("Received: NTLM type 2 (challenge)"), run.err.constData());
    QVERIFY2(run.err.contains("Sent: NTLM type 3 (authenticate); user alice; domain TESTDOM; NTLMv2 response"),
             run.err.constData());
    QVERIFY(!run.err.contains(Password));
    // Squid let it through as that user: the handshake held on one connection (squid's NTLM state is
    // per connection), and the HAR shows the later legs reused it (no connect phase).
    QFile log(m_squidDir.filePath(u"access.log"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray access = log.readAll();
    QVERIFY2(access.contains("TCP_MISS/200") && access.contains("alice"), access.constData());
    QFile harFile(har);
    QVERIFY(harFile.open(QIODevice::ReadOnly));
    const QJsonArray entries =
        QJsonDocument::fromJson(harFile.readAll()).object().value(u"log"_s).toObject().value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 3);
    for (int i = 1; i < 3; ++i)
        QCOMPARE(entries.at(i).toObject().value(u"timings"_s).toObject().value(u"connect"_s).toDouble(), -1.0);
}

void TestNtlmCli::originLegsOnOneConnection()
{
    m_legConnections.clear();
    const Test::ProcessResult run = cli({u"send"_s, u"--user"_s, u"TESTDOM\\alice:"_s + QLatin1StringView(Password),
                                         m_origin.url(u"/ntlm"_s).toString()});
    if (qEnvironmentVariable("PEEPHOLE_HTTP_STACK") == u"qt"_s)
        QEXPECT_FAIL("", "NTLM over Qt's stack does not complete yet (core/wire does)", Abort);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, QByteArray("welcome alice\n"));
    QCOMPARE(m_legConnections.size(), 2);
    QCOMPARE(m_legConnections.at(0), m_legConnections.at(1));
    QVERIFY2(run.err.contains("Sent: NTLM type 3 (authenticate); user alice"), run.err.constData());
}

void TestNtlmCli::droppedConnectionBetweenLegs()
{
    const Test::ProcessResult run = cli({u"send"_s, u"--user"_s, u"TESTDOM\\alice:"_s + QLatin1StringView(Password),
                                         m_origin.url(u"/ntlm?drop"_s).toString()});
    QCOMPARE(run.exitCode, 25);
    QVERIFY2(run.err.contains("Connection: close with its NTLM challenge") || run.err.contains("new connection"),
             run.err.constData());
}

void TestNtlmCli::refusedAfterType3()
{
    m_refuse = true;
    const Test::ProcessResult run = cli({u"send"_s, u"--auth"_s, u"ntlm"_s, u"--user"_s,
                                         u"TESTDOM\\alice:"_s + QLatin1StringView(Password),
                                         m_origin.url(u"/ntlm"_s).toString()});
    m_refuse = false;
    QCOMPARE(run.exitCode, 25);
    QVERIFY2(run.err.contains("NTLM type 3 (authenticate) message of user"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestNtlmCli)
#include "tst_ntlmcli.moc"
