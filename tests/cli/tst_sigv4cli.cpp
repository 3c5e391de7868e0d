// peephole-cli send --aws-sigv4 against curl --aws-sigv4: the same request (same X-Amz-Date) must
// reach a capture server on loopback with the same Authorization. Then presigned URLs, API keys,
// the keychain, and what ends up on the terminal and under HOME.

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "clirun.h"
#include "secretscan.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {

/// Accepts connections on 127.0.0.1 and keeps the head (and body) of every request; answers 200.
class CaptureServer : public QObject
{
public:
    struct Request
    {
        QByteArray line;
        QList<std::pair<QByteArray, QByteArray>> fields;
        QByteArray body;
        QByteArray value(QByteArrayView name) const
        {
            for (const auto &[n, v] : fields)
                if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
                    return v;
            return {};
        }
    };
    QList<Request> requests;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    QString base() const { return u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()); }

private:
    void read(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        for (;;) {
            const qsizetype end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request r;
            const QList<QByteArray> lines = buf.left(end).split('\n');
            r.line = lines.value(0).trimmed();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.fields.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            const qsizetype length = r.value("Content-Length").toLongLong();
            if (buf.size() < end + 4 + length)
                return;
            r.body = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            requests.append(r);
            s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
        }
    }
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

constexpr char Date[] = "20150830T123600Z";
constexpr char Secret[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr char Token[] = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4";

} // namespace

class TestSigV4Cli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameAuthorizationAsCurl_data();
    void sameAuthorizationAsCurl();
    void presignedUrl();
    void secretsMaskedAndKeptInTheKeychain();
    void apiKeyHeaderAndQuery();
    void explainedErrors();

private:
    Test::ProcessResult cli(const QStringList &args);
    QByteArray lastAuthorization() const
    {
        return m_capture.requests.isEmpty() ? QByteArray() : m_capture.requests.last().value("Authorization");
    }

    CaptureServer m_capture;
    QTemporaryDir m_home;
};

Test::ProcessResult TestSigV4Cli::cli(const QStringList &args)
{
    Test::ProcessOptions options;
    options.environment = Test::environmentWithHome(m_home.path());
    return Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args, options);
}

void TestSigV4Cli::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_capture.listen());
    if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
        QSKIP("curl is not installed (scripts/install-deps installs it)");
}

void TestSigV4Cli::sameAuthorizationAsCurl_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("peepholeOnly"); // options curl spells as a header
    const QString date = u"X-Amz-Date: "_s + QLatin1StringView(Date);
    QTest::newRow("GET with a query") << u"aws:amz:eu-west-1:execute-api"_s << u"GET"_s
                                      << u"/prod/items?color=blue&size=10"_s << QStringList{date} << QString()
                                      << QStringList{};
    QTest::newRow("POST body and typed fields")
        << u"aws:amz:us-east-1:service"_s << u"POST"_s << u"/"_s
        << QStringList{date, u"Content-Type: application/json"_s, u"X-Foo:   two   spaces  "_s}
        << u"{\"a\":1}"_s << QStringList{};
    QTest::newRow("S3 PUT, UNSIGNED-PAYLOAD")
        << u"aws:amz:us-east-1:s3"_s << u"PUT"_s << u"/bucket/key.txt"_s
        << QStringList{date, u"x-amz-content-sha256: UNSIGNED-PAYLOAD"_s} << u"hello"_s << QStringList{};
    QTest::newRow("S3 GET with a session token")
        << u"aws:amz:us-east-1:s3"_s << u"GET"_s << u"/bucket/key.txt"_s
        << QStringList{date, u"x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s,
                       u"X-Amz-Security-Token: "_s + QLatin1StringView(Token)}
        << QString() << QStringList{u"--aws-session-token"_s, QLatin1StringView(Token)};
}

void TestSigV4Cli::sameAuthorizationAsCurl()
{
    QFETCH(QString, provider);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QStringList, headers);
    QFETCH(QString, body);
    QFETCH(QStringList, peepholeOnly);
    const QString url = m_capture.base() + path;
    const QString user = u"AKIDEXAMPLE:"_s + QLatin1StringView(Secret);

    QStringList curlArgs{u"-s"_s, u"-X"_s, method, u"--aws-sigv4"_s, provider, u"--user"_s, user, url};
    for (const QString &h : headers)
        curlArgs << u"-H"_s << h;
    if (!body.isEmpty())
        curlArgs << u"--data-binary"_s << body;
    const Test::ProcessResult curl = Test::runProcess(u"curl"_s, curlArgs);
    QCOMPARE(curl.exitCode, 0);
    const QByteArray expected = lastAuthorization();
    QVERIFY2(expected.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/"), expected.constData());

    QStringList args{u"send"_s, u"-X"_s, method, u"--aws-sigv4"_s, provider, u"--user"_s, user, url};
    for (const QString &h : headers) {
        if (!peepholeOnly.isEmpty() && h.startsWith(u"X-Amz-Security-Token"_s))
            continue; // Peephole adds it from --aws-session-token
        args << u"-H"_s << h;
    }
    args << peepholeOnly;
    if (!body.isEmpty())
        args << u"--data"_s << body;
    const Test::ProcessResult run = cli(args);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(lastAuthorization(), expected);
    QCOMPARE(m_capture.requests.last().body, body.toUtf8());
    // The terminal shows the scheme, never the signature or the secret.
    QVERIFY2(run.err.contains("> Authorization: AWS4-HMAC-SHA256 ****"), run.err.constData());
    QVERIFY(!run.err.contains(expected.mid(expected.indexOf("Signature=") + 10)));
    QVERIFY(!run.err.contains(Secret) && !run.out.contains(Secret));
    QVERIFY(!run.err.contains(Token));
}

void TestSigV4Cli::presignedUrl()
{
    const Test::ProcessResult run =
        cli({u"send"_s, u"-v"_s, u"--aws-sigv4"_s, u"aws:amz:us-east-1:s3"_s, u"--aws-presign"_s, u"300"_s,
             u"--aws-session-token"_s, QLatin1StringView(Token), u"--user"_s,
             u"AKIDEXAMPLE:"_s + QLatin1StringView(Secret), m_capture.base() + u"/bucket/a.txt?versionId=3"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const CaptureServer::Request &r = m_capture.requests.last();
    QVERIFY(r.value("Authorization").isEmpty());
    const QByteArray target = r.line.split(' ').value(1);
    const QUrlQuery query(QString::fromLatin1(target.mid(target.indexOf('?') + 1)));
    QCOMPARE(query.queryItemValue(u"versionId"_s), u"3"_s);
    QCOMPARE(query.queryItemValue(u"X-Amz-Expires"_s), u"300"_s);
    QCOMPARE(query.queryItemValue(u"X-Amz-SignedHeaders"_s), u"host"_s);
    QCOMPARE(query.queryItemValue(u"X-Amz-Security-Token"_s, QUrl::FullyDecoded), QString::fromLatin1(Token));
    const QString signature = query.queryItemValue(u"X-Amz-Signature"_s);
    QVERIFY(QRegularExpression(u"^[0-9a-f]{64}$"_s).match(signature).hasMatch());
    // Printed: the request line with the signature, credential and token masked.
    QVERIFY2(!run.err.contains(signature.toLatin1()) && !run.err.contains(Token), run.err.constData());
    QVERIFY2(run.err.contains("AWS Signature V4 (presigned URL)"), run.err.constData());
}

void TestSigV4Cli::secretsMaskedAndKeptInTheKeychain()
{
    const QString url = m_capture.base() + u"/kv"_s;
    const QStringList common{u"send"_s, u"--aws-sigv4"_s, u"aws:amz:us-east-1:service"_s, u"-H"_s,
                             u"X-Amz-Date: "_s + QLatin1StringView(Date), url};
    Test::ProcessResult run =
        cli(common + QStringList{u"--user"_s, u"AKIDSAVED:"_s + QLatin1StringView(Secret), u"--save-credentials"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("in the keychain"), run.err.constData());
    const QByteArray signedWithTyped = lastAuthorization();
    // Only the access key: the secret comes from the keychain; no terminal is asked.
    run = cli(common + QStringList{u"--user"_s, u"AKIDSAVED"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(lastAuthorization(), signedWithTyped);
    // Another access key has nothing stored, and there is no terminal: explained, exit 25.
    run = cli(common + QStringList{u"--user"_s, u"AKIDOTHER"_s});
    QCOMPARE(run.exitCode, 25);
    QVERIFY2(run.err.contains("no secret key") && run.err.contains("AKIDOTHER"), run.err.constData());
    // Forget it again (the keychain outlives the test's HOME).
    const Test::ProcessResult list = cli({u"credentials"_s, u"list"_s});
    QVERIFY2(list.out.contains("AKIDSAVED"), list.out.constData());
    QVERIFY(!list.out.contains(Secret));

    const QStringList hits = SecretScan::scanTree(m_home.path(), {{Secret, {}}, {Token, {}}});
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
}

void TestSigV4Cli::apiKeyHeaderAndQuery()
{
    const QByteArray key = "k3y-0f-th3-t3st-7a1b";
    Test::ProcessResult run = cli({u"send"_s, u"-v"_s, u"--auth"_s, u"apikey"_s, u"--api-key-name"_s,
                                   u"X-Custom-Key"_s, u"--api-key"_s, QString::fromLatin1(key),
                                   m_capture.base() + u"/api"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_capture.requests.last().value("X-Custom-Key"), key);
    QVERIFY2(run.err.contains("> X-Custom-Key: ****"), run.err.constData());
    QVERIFY(!run.err.contains(key) && !run.out.contains(key));

    // In the query, under a name no built-in list knows; HAR redacts it too.
    const QString har = m_home.filePath(u"k.har"_s);
    run = cli({u"send"_s, u"--api-key-in"_s, u"query"_s, u"--api-key-name"_s, u"subscription"_s,
               u"--api-key"_s, QString::fromLatin1(key), u"--har"_s, har, m_capture.base() + u"/api?x=1"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_capture.requests.last().line, QByteArray("GET /api?x=1&subscription=" + key + " HTTP/1.1"));
    QVERIFY2(!run.err.contains(key), run.err.constData());
    QVERIFY2(run.err.contains("subscription=****"), run.err.constData());

    // Saved in the keychain, then used without --api-key.
    run = cli({u"send"_s, u"--api-key-name"_s, u"X-Custom-Key"_s, u"--api-key"_s, QString::fromLatin1(key),
               u"--save-credentials"_s, m_capture.base() + u"/api"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    m_capture.requests.clear();
    run = cli({u"send"_s, u"--auth"_s, u"apikey"_s, u"--api-key-name"_s, u"X-Custom-Key"_s,
               m_capture.base() + u"/api"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_capture.requests.last().value("X-Custom-Key"), key);

    const QStringList hits = SecretScan::scanTree(m_home.path(), {{key, {}}});
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
}

void TestSigV4Cli::explainedErrors()
{
    Test::ProcessResult run = cli({u"send"_s, u"--aws-sigv4"_s, u"aws:amz"_s, u"--user"_s, u"AK:SK"_s,
                                   m_capture.base() + u"/"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("REGION:SERVICE"), run.err.constData());
    run = cli({u"send"_s, u"--aws-sigv4"_s, u"aws:amz:r:s"_s, m_capture.base() + u"/"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--user ACCESS_KEY"), run.err.constData());
    run = cli({u"send"_s, u"--aws-sigv4"_s, u"aws:amz:r:s"_s, u"--aws-payload"_s, u"maybe"_s, u"--user"_s,
               u"AK:SK"_s, m_capture.base() + u"/"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--aws-payload"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestSigV4Cli)
#include "tst_sigv4cli.moc"
