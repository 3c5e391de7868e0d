// Where peephole-cli writes, against the real kernel objects: /dev/null, a FIFO read by another
// process, "-" and a pipe, /dev/full (ENOSPC), a pipe whose reader has gone (EPIPE) — for
// `send --output`, `send` to standard output, `send --har`, `convert` and `run --report`. Every
// write error is a non-zero exit with a message naming the output; a device or FIFO is written in
// place and is still that device or FIFO afterwards (these tests run as root in CI, where a
// rename over /dev/full would succeed).
#include "clirun.h"
#include "server/httpserver.h"
#include "server/routes.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::Test;

namespace {
constexpr qint64 BigSize = 3 * 1024 * 1024;

mode_t typeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & S_IFMT;
}

QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(u'\'', u"'\\''"_s);
    return u'\'' + q + u'\'';
}
} // namespace

class TestCliOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void devNull_data();
    void devNull();
    void devFull_data();
    void devFull();
    void fifoReadByAnotherProcess_data();
    void fifoReadByAnotherProcess();
    void standardOutputAndPipes_data();
    void standardOutputAndPipes();
    void closedPipe_data();
    void closedPipe();

private:
    /// The command line of each kind of write, writing to @p target.
    QStringList command(const QString &kind, const QString &target) const;
    /// What that command writes there.
    QByteArray expected(const QString &kind) const;
    void addKinds(bool withHar = true);
    ProcessResult cli(const QStringList &args);

    HttpServer m_server;
    QTemporaryDir m_dir;
    QString m_curlFile;
    QString m_collection;
};

void TestCliOutput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.listen());
    m_server.route("/big", Routes::largeBody(BigSize));
    m_server.route("/hello", ScriptedResponse::text(200, "hello\n"));
    m_curlFile = m_dir.filePath(u"request.curl"_s);
    QFile curl(m_curlFile);
    QVERIFY(curl.open(QIODevice::WriteOnly));
    curl.write("curl -X POST -H 'Accept: application/json' -d 'a=1' http://example.com/items\n");
    curl.close();
    m_collection = m_dir.filePath(u"collection"_s);
    QVERIFY(QDir().mkpath(m_collection));
    QFile http(m_collection + u"/hello.http"_s);
    QVERIFY(http.open(QIODevice::WriteOnly));
    http.write("# @name hello\nGET " + m_server.url(u"/hello"_s).toEncoded() + "\n");
    http.close();
}

ProcessResult TestCliOutput::cli(const QStringList &args)
{
    ProcessOptions options;
    options.environment = environmentWithHome(m_dir.filePath(u"home"_s));
    return runProcess(QStringLiteral(PEEPHOLE_CLI), args, options);
}

QStringList TestCliOutput::command(const QString &kind, const QString &target) const
{
    if (kind == u"send --output"_s)
        return {u"send"_s, u"--output"_s, target, m_server.url(u"/big"_s).toString()};
    if (kind == u"send --har"_s)
        return {u"send"_s, u"--har"_s, target, m_server.url(u"/hello"_s).toString()};
    if (kind == u"convert"_s)
        return {u"convert"_s, u"--from"_s, u"curl"_s, u"--to"_s, u"http"_s, m_curlFile, target};
    if (kind == u"run --report json"_s)
        return {u"run"_s, m_collection, u"--quiet"_s, u"--report"_s, u"json"_s, target};
    if (kind == u"run --report junit"_s)
        return {u"run"_s, m_collection, u"--quiet"_s, u"--report"_s, u"junit"_s, target};
    return {};
}

QByteArray TestCliOutput::expected(const QString &kind) const
{
    if (kind == u"send --output"_s)
        return Routes::largeBodyBytes(0, BigSize);
    if (kind == u"convert"_s)
        return "POST http://example.com/items";
    if (kind == u"run --report json"_s)
        return "\"summary\"";
    if (kind == u"run --report junit"_s)
        return "<testsuite";
    if (kind == u"send --har"_s)
        return "\"entries\"";
    return {};
}

void TestCliOutput::addKinds(bool withHar)
{
    QTest::addColumn<QString>("kind");
    QStringList kinds{u"send --output"_s, u"convert"_s, u"run --report json"_s, u"run --report junit"_s};
    if (withHar)
        kinds.append(u"send --har"_s);
    for (const QString &k : std::as_const(kinds))
        QTest::newRow(qPrintable(k)) << k;
}

void TestCliOutput::devNull_data()
{
    addKinds();
}

void TestCliOutput::devNull()
{
    QFETCH(QString, kind);
    const ProcessResult r = cli(command(kind, u"/dev/null"_s));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(typeOf(u"/dev/null"_s), mode_t(S_IFCHR));
}

void TestCliOutput::devFull_data()
{
    addKinds();
}

void TestCliOutput::devFull()
{
    QFETCH(QString, kind);
    const ProcessResult r = cli(command(kind, u"/dev/full"_s));
    QCOMPARE(r.exitCode, 13);
    QVERIFY2(r.err.contains("/dev/full") && r.err.contains("No space left on device"), r.err.constData());
    QVERIFY2(!r.err.contains("converted ") && !r.out.contains("converted "), "claims success");
    QCOMPARE(typeOf(u"/dev/full"_s), mode_t(S_IFCHR)); // not replaced by a renamed temporary file
}

void TestCliOutput::fifoReadByAnotherProcess_data()
{
    addKinds();
}

void TestCliOutput::fifoReadByAnotherProcess()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"fifo"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess reader;
    reader.setStandardOutputFile(dir.filePath(u"got"_s));
    reader.start(u"cat"_s, {fifo});
    QVERIFY(reader.waitForStarted());
    const ProcessResult r = cli(command(kind, fifo));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(reader.state() == QProcess::NotRunning ||
            reader.waitForFinished(10000)); // it may be done already
    QFile got(dir.filePath(u"got"_s));
    QVERIFY(got.open(QIODevice::ReadOnly));
    const QByteArray bytes = got.readAll();
    if (kind == u"send --output"_s)
        QCOMPARE(bytes, expected(kind));
    else
        QVERIFY2(bytes.contains(expected(kind)), bytes.left(500).constData());
    QCOMPARE(typeOf(fifo), mode_t(S_IFIFO));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::System).size(), 2);
}

void TestCliOutput::standardOutputAndPipes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("target");
    // Standard output of the CLI is a pipe to this test: "-" names it, /dev/stdout is that pipe.
    for (const QString &k : {u"send --output"_s, u"convert"_s}) {
        QTest::newRow(qPrintable(k + u" -"_s)) << k << u"-"_s;
        QTest::newRow(qPrintable(k + u" /dev/stdout"_s)) << k << u"/dev/stdout"_s;
    }
    QTest::newRow("run --report json /dev/stdout") << u"run --report json"_s << u"/dev/stdout"_s;
    QTest::newRow("send (no --output)") << u"send"_s << QString();
}

void TestCliOutput::standardOutputAndPipes()
{
    QFETCH(QString, kind);
    QFETCH(QString, target);
    const QStringList args = kind == u"send"_s ? QStringList{u"send"_s, m_server.url(u"/big"_s).toString()}
                                               : command(kind, target);
    const ProcessResult r = cli(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    if (kind.startsWith(u"send"_s))
        QCOMPARE(r.out, Routes::largeBodyBytes(0, BigSize));
    else
        QVERIFY2(r.out.contains(expected(kind)), r.out.left(500).constData());
}

void TestCliOutput::closedPipe_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("target");
    QTest::newRow("send") << u"send"_s << QString();
    QTest::newRow("send --output -") << u"send --output"_s << u"-"_s;
    QTest::newRow("convert -") << u"convert"_s << u"-"_s;
    QTest::newRow("run --report json /dev/stdout") << u"run --report json"_s << u"/dev/stdout"_s;
}

void TestCliOutput::closedPipe()
{
    // The reader is gone before the CLI writes: EPIPE, reported, exit 13 — not a silent death by
    // SIGPIPE and not a hang.
    QFETCH(QString, kind);
    QFETCH(QString, target);
    const QStringList args = kind == u"send"_s ? QStringList{u"send"_s, m_server.url(u"/big"_s).toString()}
                                               : command(kind, target);
    QStringList quoted{shellQuote(QStringLiteral(PEEPHOLE_CLI))};
    for (const QString &a : args)
        quoted.append(shellQuote(a));
    const QString err = m_dir.filePath(u"closed.err"_s);
    const QString rc = m_dir.filePath(u"closed.rc"_s);
    const QString script =
        u"(sleep 0.5; %1 2>%2; echo $? >%3) | true"_s.arg(quoted.join(u' '), shellQuote(err), shellQuote(rc));
    ProcessOptions options;
    options.environment = environmentWithHome(m_dir.filePath(u"home"_s));
    const ProcessResult shell = runProcess(u"sh"_s, {u"-c"_s, script}, options);
    QCOMPARE(shell.exitCode, 0);
    QFile rcFile(rc), errFile(err);
    QVERIFY(rcFile.open(QIODevice::ReadOnly) && errFile.open(QIODevice::ReadOnly));
    const QByteArray message = errFile.readAll();
    QCOMPARE(rcFile.readAll().trimmed(), "13"_ba);
    QVERIFY2(message.contains("Broken pipe"), message.constData());
}

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_clioutput.moc"
