// peephole-cli send against a real SSE server no one here wrote: better-sse
// (npm) on node's http, started on a free loopback port (sse-server.mjs).
// Events print as they arrive; --json, --max-events, --max-time and Ctrl-C
// end cleanly; a cut stream, a huge event, a stream without line ends and
// invalid UTF-8 end as the spec and the trust rules say, in bounded memory.

#include "testcerts.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    qint64 maxRssKb = -1;
};
} // namespace

class TestSseStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void eventsPrintedAsTheyArrive();
    void jsonOnBothStacks_data();
    void jsonOnBothStacks();
    void overHttp2();
    void maxEvents();
    void maxTime();
    void ctrlC();
    void reconnectWithLastEventId();
    void hugeEvent_data();
    void hugeEvent();
    void invalidUtf8();

private:
    CliRun cli(const QStringList &args, const QStringList &env = {});
    QString url(const QString &path) const { return u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path); }

    Peephole::Test::TestCerts m_certs;
    QProcess m_server;
    int m_port = 0;
    int m_tlsPort = 0;
};

void TestSseStream::initTestCase()
{
    const QString src = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/stream/"_s;
    const QString dir = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/npm/stream"_s;
    QVERIFY(QDir().mkpath(dir));
    for (const QString &name : {u"package.json"_s, u"package-lock.json"_s, u"sse-server.mjs"_s}) {
        QFile::remove(dir + u'/' + name);
        QVERIFY2(QFile::copy(src + name, dir + u'/' + name), qPrintable(name));
    }
    if (!QFile::exists(dir + u"/node_modules/better-sse/package.json"_s)) {
        QProcess npm;
        npm.setWorkingDirectory(dir);
        npm.start(u"npm"_s, {u"ci"_s, u"--no-audit"_s, u"--no-fund"_s});
        QVERIFY2(npm.waitForFinished(300000), "npm ci did not finish");
        QVERIFY2(npm.exitCode() == 0, npm.readAllStandardError().constData());
    }
    QVERIFY2(m_certs.isValid(), qPrintable(m_certs.errorString()));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SSE_TLS_CERT"_s, m_certs.serverCertPath());
    env.insert(u"SSE_TLS_KEY"_s, m_certs.serverKeyPath());
    m_server.setProcessEnvironment(env);
    m_server.setWorkingDirectory(dir);
    m_server.start(u"node"_s, {u"sse-server.mjs"_s});
    QVERIFY2(m_server.waitForStarted(), "node is not installed");
    QVERIFY(m_server.waitForReadyRead(20000));
    const QByteArray line = m_server.readLine().trimmed();
    QVERIFY2(line.startsWith("PORT "), line.constData());
    m_port = line.mid(5).toInt();
    QVERIFY(m_port > 0);
    if (!m_server.canReadLine())
        QVERIFY(m_server.waitForReadyRead(20000));
    const QByteArray tls = m_server.readLine().trimmed();
    QVERIFY2(tls.startsWith("TLSPORT "), tls.constData());
    m_tlsPort = tls.mid(8).toInt();
}

void TestSseStream::cleanupTestCase()
{
    m_server.kill();
    m_server.waitForFinished();
}

CliRun TestSseStream::cli(const QStringList &args, const QStringList &env)
{
    // A small python wrapper reports the CLI's peak RSS (ru_maxrss of the child, KiB).
    static const QString wrapper =
        u"import resource,subprocess,sys\n"
        "r=subprocess.run(sys.argv[1:])\n"
        "sys.stderr.write('\\nMAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"_s;
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    p.start(u"python3"_s, QStringList{u"-c"_s, wrapper, QStringLiteral(PEEPHOLE_CLI), u"send"_s} + args);
    CliRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    const qsizetype at = r.err.lastIndexOf(u"MAXRSS "_s);
    if (at >= 0) {
        r.maxRssKb = r.err.mid(at + 7).trimmed().toLongLong();
        r.err.truncate(at);
    }
    return r;
}

void TestSseStream::eventsPrintedAsTheyArrive()
{
    const CliRun r = cli({url(u"/events"_s)});
    QCOMPARE(QString::fromUtf8(r.out),
             u"event: greeting\nid: 1\ndata: line one\ndata: line two\ndata: line three\n\n"
             "event: json\nid: 2\ndata: {\"n\":2,\"ok\":true}\n\n"
             "event: message\nid: 3\ndata: plain\n\n"
             "event: info\nid: 4\ndata: last: Last-Event-ID was none\n\n"_s);
    // The server cut the stream inside an event: not dispatched (the spec), and an error (the connection).
    QVERIFY2(r.exitCode != 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(u"closed while reading the body"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"content-type: text/event-stream"_s));
}

void TestSseStream::jsonOnBothStacks_data()
{
    QTest::addColumn<QString>("stack");
    QTest::newRow("Peephole's HTTP/1.1 client") << QString();
    QTest::newRow("Qt's stack") << u"qt"_s;
}

void TestSseStream::jsonOnBothStacks()
{
    QFETCH(QString, stack);
    const CliRun r = cli({u"--json"_s, url(u"/events"_s)},
                         stack.isEmpty() ? QStringList{} : QStringList{u"PEEPHOLE_HTTP_STACK="_s + stack});
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QList<QJsonObject> events;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(doc.isObject(), line.constData());
        events.append(doc.object());
    }
    QCOMPARE(events[0].value(u"event"_s).toString(), u"greeting"_s);
    QCOMPARE(events[0].value(u"id"_s).toString(), u"1"_s);
    QCOMPARE(events[0].value(u"data"_s).toString(), u"line one\nline two\nline three"_s);
    QVERIFY(!events[0].value(u"time"_s).toString().isEmpty());
    QCOMPARE(events[1].value(u"data"_s).toString(), u"{\"n\":2,\"ok\":true}"_s);
    QCOMPARE(events[2].value(u"event"_s).toString(), u"message"_s);
    QCOMPARE(events[3].value(u"id"_s).toString(), u"4"_s);
    QVERIFY(r.exitCode != 0);
}

void TestSseStream::overHttp2()
{
    // better-sse on node's http2 secure server, the test CA trusted: Qt's stack negotiates h2.
    const CliRun r = cli(
        {u"--json"_s, u"--cacert"_s, m_certs.caCertPath(), u"https://localhost:%1/events"_s.arg(m_tlsPort)});
    QVERIFY2(r.err.contains(u"< HTTP/2 200"_s), qPrintable(r.err));
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(u"data"_s).toString(),
             u"line one\nline two\nline three"_s);
    QCOMPARE(QJsonDocument::fromJson(lines[3]).object().value(u"id"_s).toString(), u"4"_s);
}

void TestSseStream::maxEvents()
{
    const CliRun r = cli({u"--json"_s, u"--max-events"_s, u"5"_s, url(u"/forever"_s)});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.last().contains("\"tick 5\""));
    QVERIFY2(r.err.contains(u"stopped after 5 event(s): --max-events 5 reached"_s), qPrintable(r.err));
}

void TestSseStream::maxTime()
{
    const CliRun r = cli({u"--max-time"_s, u"0.5"_s, url(u"/forever"_s)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("event: tick\nid: 1\ndata: tick 1\n\n"));
    QVERIFY2(r.err.contains(u"--max-time 0.5 s reached"_s), qPrintable(r.err));
}

void TestSseStream::ctrlC()
{
    QProcess p;
    p.start(QStringLiteral(PEEPHOLE_CLI), {u"send"_s, u"--json"_s, url(u"/forever"_s)});
    QVERIFY(p.waitForStarted());
    QByteArray out;
    while (out.count('\n') < 3 && p.state() == QProcess::Running) {
        p.waitForReadyRead(5000);
        out += p.readAllStandardOutput();
    }
    QVERIFY(out.count('\n') >= 3);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u"interrupted (Ctrl-C)"_s), qPrintable(err));
}

void TestSseStream::reconnectWithLastEventId()
{
    // The server asks for retry: 1500 and ends after event id 4; the second connection says what it received.
    const CliRun r = cli({u"--json"_s, u"--reconnect"_s, u"--max-events"_s, u"8"_s, url(u"/events"_s)});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 8);
    QCOMPARE(QJsonDocument::fromJson(lines[3]).object().value(u"data"_s).toString(),
             u"last: Last-Event-ID was none"_s);
    QCOMPARE(QJsonDocument::fromJson(lines[4]).object().value(u"event"_s).toString(), u"greeting"_s);
    QCOMPARE(QJsonDocument::fromJson(lines[7]).object().value(u"data"_s).toString(),
             u"last: Last-Event-ID was 4"_s);
    QVERIFY2(r.err.contains(u"reconnecting in 1500 ms with Last-Event-ID: 4"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"Last-Event-ID: 4\r"_s) || r.err.contains(u"Last-Event-ID: 4\n"_s));
}

void TestSseStream::hugeEvent_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");
    QTest::newRow("an event of 20 MiB of data lines") << u"/huge"_s << u"more than 16777216 bytes of data"_s;
    QTest::newRow("a server that never sends a line end")
        << u"/nonewline"_s << u"longer than 16777216 bytes"_s;
}

void TestSseStream::hugeEvent()
{
    QFETCH(QString, path);
    QFETCH(QString, error);
    const CliRun r = cli({url(path)});
    QVERIFY2(r.exitCode != 0 && r.exitCode != -1, qPrintable(r.err));
    QVERIFY2(r.err.contains(error), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    qInfo("%s: peak RSS %lld KiB", qPrintable(path), r.maxRssKb);
    QVERIFY2(r.maxRssKb > 0 && r.maxRssKb < 200 * 1024, qPrintable(QString::number(r.maxRssKb)));
}

void TestSseStream::invalidUtf8()
{
    const CliRun r = cli({u"--json"_s, url(u"/badutf8"_s)});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject event = QJsonDocument::fromJson(r.out).object();
    // E2 82 is a cut sequence (one U+FFFD), FF is never UTF-8 (another): the WHATWG decoder's result.
    QCOMPARE(event.value(u"data"_s).toString(), u"ok\uFFFD\uFFFDA"_s);
}

QTEST_GUILESS_MAIN(TestSseStream)
#include "tst_ssestream.moc"
