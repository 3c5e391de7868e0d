#include "server/authgate.h"
#include "server/httpserver.h"
#include "server/routes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
using Run = Test::ProcessResult;

/// Runs peephole-cli while this process's event loop keeps the test server answering.
Run cli(const QStringList &args)
{
    return Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args);
}
} // namespace

class TestCliSend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void printsTheChainLikeCurlVerbose();
    void bodyOnlyAndHeadModes();
    void exitCodes();
    void outputStreamsToAFile();
    void harHasEveryHopWithTimings();
    void digestWithUserAndPassword();
    void wrongPasswordIsAnAuthFailure();
    void savedCredentialsAreListedReusedAndForgotten();

private:
    HttpServer m_server;
    QTemporaryDir m_dir;
};

void TestCliSend::initTestCase()
{
    QVERIFY(m_server.listen());
    m_server.route("/hello", ScriptedResponse::text(200, "hello world\n"));
    m_server.route("/missing", ScriptedResponse::text(404, "nope"));
    Routes::addRedirect(m_server, "/go", 302, "/hello");
    m_server.route("/big", Routes::largeBody(3 * 1024 * 1024));
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("alice", "s3cret");
    DigestOptions digest;
    gate->offerDigest(digest);
    m_server.route("/digest",
                   protect(gate, [](const ServerRequest &, ScriptedResponse &r) { r.body = "welcome"; }));
}

void TestCliSend::printsTheChainLikeCurlVerbose()
{
    const Run r = cli({u"send"_s, u"-v"_s, m_server.url(u"/go"_s).toString()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "hello world\n"_ba);
    QVERIFY2(r.err.contains("> GET /go HTTP/1.1"), r.err.constData());
    QVERIFY(r.err.contains("< HTTP/1.1 302 Found"));
    QVERIFY(r.err.contains("> GET /hello HTTP/1.1"));
    QVERIFY(r.err.contains("< HTTP/1.1 200 OK"));
    QVERIFY(r.err.contains("* Timing:"));
}

void TestCliSend::bodyOnlyAndHeadModes()
{
    Run r = cli({u"send"_s, u"--body-only"_s, m_server.url(u"/hello"_s).toString()});
    QCOMPARE(r.out, "hello world\n"_ba);
    QVERIFY(r.err.isEmpty());
    r = cli({u"send"_s, u"--head"_s, m_server.url(u"/hello"_s).toString()});
    QVERIFY(r.out.startsWith("< HTTP/1.1 200 OK"));
    QVERIFY(!r.out.contains("hello world"));
}

void TestCliSend::exitCodes()
{
    QCOMPARE(cli({u"send"_s, m_server.url(u"/missing"_s).toString()}).exitCode, 0);
    const Run fail = cli({u"send"_s, u"--fail"_s, m_server.url(u"/missing"_s).toString()});
    QCOMPARE(fail.exitCode, 22);
    QVERIFY(fail.err.contains("404"));
    const Run unknown = cli({u"send"_s, u"--frobnicate"_s, u"http://x/"_s});
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err.count('\n'), 1); // one clear line
    QCOMPARE(cli({u"send"_s, u"http://exa mple/"_s}).exitCode, 2);
    const Run unreadable =
        cli({u"send"_s, u"--data-file"_s, u"/no/such/file"_s, m_server.url(u"/hello"_s).toString()});
    QCOMPARE(unreadable.exitCode, 3);
    QVERIFY(unreadable.err.contains("/no/such/file"));
    const quint16 closed = [] {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost);
        return s.serverPort();
    }();
    QCOMPARE(cli({u"send"_s, u"http://127.0.0.1:%1/"_s.arg(closed)}).exitCode, 6);
    QCOMPARE(cli({u"bogus"_s}).exitCode, 2);
    QVERIFY(cli({u"--help"_s}).out.contains("Exit codes"));
}

void TestCliSend::outputStreamsToAFile()
{
    const QString out = m_dir.filePath(u"big.bin"_s);
    const Run r = cli({u"send"_s, u"--output"_s, out, m_server.url(u"/big"_s).toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.size(), 3 * 1024 * 1024);
    f.seek(1000000);
    QCOMPARE(f.read(100), Routes::largeBodyBytes(1000000, 100));
}

void TestCliSend::harHasEveryHopWithTimings()
{
    const QString har = m_dir.filePath(u"chain.har"_s);
    const Run r = cli({u"send"_s, u"--har"_s, har, m_server.url(u"/go"_s).toString()});
    QCOMPARE(r.exitCode, 0);
    QFile f(har);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject log = QJsonDocument::fromJson(f.readAll()).object().value(u"log"_s).toObject();
    QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
    const QJsonArray entries = log.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value(u"response"_s).toObject().value(u"status"_s).toInt(), 302);
    const QJsonObject timings = entries.at(1).toObject().value(u"timings"_s).toObject();
    QVERIFY(timings.value(u"wait"_s).toDouble() >= 0);
}

void TestCliSend::digestWithUserAndPassword()
{
    const Run r =
        cli({u"send"_s, u"-v"_s, u"--user"_s, u"alice:s3cret"_s, m_server.url(u"/digest"_s).toString()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "welcome"_ba);
    QVERIFY2(r.err.contains("< HTTP/1.1 401"), r.err.constData());
    QVERIFY(r.err.contains("* Challenge: Digest"));
    QVERIFY(r.err.contains("* Answering with Digest"));
    QVERIFY(r.err.contains("> Authorization: Digest username=\"alice\""));
}

void TestCliSend::wrongPasswordIsAnAuthFailure()
{
    const Run r = cli({u"send"_s, u"--user"_s, u"alice:wrong"_s, m_server.url(u"/digest"_s).toString()});
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(r.err.contains("peephole-cli:"), r.err.constData());
}

void TestCliSend::savedCredentialsAreListedReusedAndForgotten()
{
    const QString url = m_server.url(u"/digest"_s).toString();
    Run r = cli({u"send"_s, u"--save-credentials"_s, u"--user"_s, u"alice:s3cret"_s, url});
    QCOMPARE(r.exitCode, 0);
    r = cli({u"credentials"_s, u"list"_s});
    QCOMPARE(r.exitCode, 0);
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(m_server.port());
    QVERIFY2(r.out.contains(origin) && r.out.contains("alice"), r.out.constData());
    QVERIFY(!r.out.contains("s3cret"));
    // A later run finds the password in the keychain: no --user needed.
    r = cli({u"send"_s, url});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "welcome"_ba);
    Run list = cli({u"credentials"_s, u"list"_s});
    const QList<QByteArray> columns = list.out.trimmed().split('\n').first().split('\t');
    QCOMPARE(columns.size(), 4);
    r = cli({u"credentials"_s, u"forget"_s, QString::fromUtf8(columns.at(0)),
             QString::fromUtf8(columns.at(1)), QString::fromUtf8(columns.at(2)),
             QString::fromUtf8(columns.at(3))});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!cli({u"credentials"_s, u"list"_s}).out.contains("alice"));
    QCOMPARE(cli({u"send"_s, url}).exitCode, 0); // a bare 401 without credentials is an answer, not an error
    QCOMPARE(
        cli({u"credentials"_s, u"forget"_s, u"Digest"_s, u"http://nowhere:1"_s, u"r"_s, u"u"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliSend)
#include "tst_clisend.moc"
