#include "replayfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::TestSupport;

// peephole-cli run / convert as a user runs them: a separate process against
// a real server in this process (the event loop keeps serving while we wait).
class TestRunCli : public QObject
{
    Q_OBJECT

    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Result cli(const QStringList &args)
    {
        QProcess p;
        p.setProgram(m_cli);
        p.setArguments(args);
        QSignalSpy done(&p, &QProcess::finished);
        p.start();
        Result r;
        if (!p.waitForStarted(10000))
            return r;
        if (!done.wait(60000) && done.isEmpty())
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString collection(bool failing)
    {
        const QString root = m_dir.path() + (failing ? u"/failing"_s : u"/passing"_s);
        writeFile(root + u"/http-client.env.json"_s, R"({"ci": {"host": ")" + m_server.hostPort() + R"("}})");
        writeFile(root + u"/users/get.http"_s,
                  "### get user\nGET http://{{host}}/user\n?? status == 200\n"
                  "?? body $.name == Ann\n\n### text\nGET http://{{host}}/text\n");
        if (failing) {
            writeFile(root + u"/broken/missing.http"_s, "GET http://{{host}}/missing\n?? status == 200\n");
            writeFile(root + u"/broken/undefined.http"_s, "GET http://{{host}}/{{nothing}}\n");
        }
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/app/cli/peephole-cli"_s;
        if (!QFileInfo::exists(m_cli))
            m_cli = QCoreApplication::applicationDirPath() + u"/../../app/cli/peephole-cli"_s;
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
        QVERIFY(m_server.server.isListening());
        m_xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
        m_xsd = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/replay/junit.xsd"_s;
    }

    void allPassedExitsZero()
    {
        const QString root = collection(false);
        const QString junit = m_dir.path() + u"/pass.xml"_s;
        const Result r = cli({u"run"_s, root, u"--env"_s, u"ci"_s, u"--report"_s, u"junit"_s, junit});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(lines.at(0).startsWith("PASS     200"));
        QVERIFY(lines.at(0).contains("users/get.http"));
        QVERIFY(lines.at(0).contains("get user"));
        QVERIFY(lines.at(0).contains(" ms"));
        QVERIFY(r.out.contains("2 requests in"));
        QVERIFY(r.out.contains("2 passed, 0 changed, 0 failed, 0 errors, 0 skipped"));
        QVERIFY(QFileInfo::exists(junit));
    }

    void failuresExitThirtyWithAValidJUnitReport()
    {
        const QString root = collection(true);
        const QString junit = m_dir.path() + u"/fail.xml"_s;
        const QString json = m_dir.path() + u"/fail.json"_s;
        const Result r = cli({u"run"_s, root, u"--env"_s, u"ci"_s, u"--concurrency"_s, u"3"_s, u"--report"_s,
                              u"junit"_s, junit, u"--report"_s, u"json"_s, json});
        QVERIFY2(r.exitCode == 30, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("FAIL     404"));
        QVERIFY(r.out.contains("assertion \"status == 200\" failed"));
        QVERIFY(r.out.contains("ERROR"));
        QVERIFY(r.out.contains("{{nothing}}"));
        QVERIFY(r.out.contains("4 requests in"));
        QVERIFY(r.out.contains("2 passed, 0 changed, 1 failed, 1 errors"));

        const QByteArray xml = readFile(junit);
        QVERIFY(xml.contains("<testsuites name=\"peephole\" tests=\"5\" failures=\"1\" errors=\"1\""));
        QVERIFY(xml.contains("<testsuite name=\"broken/missing.http\""));
        QVERIFY(xml.contains("<testcase name=\"get user › status == 200\" classname=\"users.get\""));
        QVERIFY(xml.contains("<failure type=\"assertion\""));
        QVERIFY(xml.contains("<error type=\"error\""));
        if (m_xmllint.isEmpty())
            QSKIP("xmllint (libxml2-utils) is not installed: schema check skipped");
        QProcess lint;
        lint.start(m_xmllint, {u"--noout"_s, u"--schema"_s, m_xsd, junit});
        QVERIFY(lint.waitForFinished(30000));
        QVERIFY2(lint.exitCode() == 0, lint.readAllStandardError().constData());
        QVERIFY(QJsonDocument::fromJson(readFile(json))
                    .object()
                    .value(u"summary"_s)
                    .toObject()
                    .value(u"failed"_s)
                    .toInt() == 1);
    }

    void bailAndFolder()
    {
        const QString root = collection(true);
        Result r = cli({u"run"_s, root, u"--env"_s, u"ci"_s, u"--bail"_s});
        QCOMPARE(r.exitCode, 30);
        QVERIFY(r.out.contains("1 failed, 0 errors, 3 skipped"));
        r = cli({u"run"_s, root, u"--env"_s, u"ci"_s, u"--folder"_s, u"users"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        r = cli({u"run"_s, root + u"/users/get.http"_s, u"--env"_s, u"ci"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("2 passed"));
    }

    void changedResponsesExitThirty()
    {
        const QString root = collection(false);
        Result r = cli({u"run"_s, root, u"--env"_s, u"ci"_s, u"--update-expected"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo::exists(root + u"/.peephole/expected/users/get/get-user.response"_s));
        r = cli({u"run"_s, root, u"--env"_s, u"ci"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        m_server.version = 3;
        r = cli({u"run"_s, root, u"--env"_s, u"ci"_s});
        m_server.version = 1;
        QCOMPARE(r.exitCode, 30);
        QVERIFY(r.out.contains("CHANGED  200"));
        QVERIFY(r.out.contains("body $.version: 1 -> 3"));
    }

    void unparsableRequestIsReportedAndTheRestRuns()
    {
        const QString root = collection(false);
        writeFile(root + u"/users/bad.http"_s,
                  "GET http://{{host}}/text\n\n###\n# @peephole-auth basic secret=hunter2\n"
                  "GET http://{{host}}/user\n");
        const Result r = cli({u"run"_s, root, u"--env"_s, u"ci"_s});
        QCOMPARE(r.exitCode, 30);
        QVERIFY2(r.err.contains("users/bad.http:4: "), r.err.constData());
        QVERIFY(r.out.contains("3 passed"));
        QVERIFY(r.out.contains("1 requests could not be loaded"));
        QFile::remove(root + u"/users/bad.http"_s);
    }

    void usageAndInputErrors()
    {
        const QString root = collection(false);
        QCOMPARE(cli({u"run"_s}).exitCode, 2);
        QCOMPARE(cli({u"run"_s, root, u"--concurrency"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(cli({u"run"_s, root, u"--report"_s, u"xml"_s, u"x"_s}).exitCode, 2);
        const Result env = cli({u"run"_s, root, u"--env"_s, u"nope"_s});
        QCOMPARE(env.exitCode, 2);
        QVERIFY(env.err.contains("unknown environment \"nope\""));
        const Result missing = cli({u"run"_s, m_dir.path() + u"/does-not-exist"_s});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains("cannot read"));
        QCOMPARE(cli({u"run"_s, u"--help"_s}).exitCode, 0);
    }

    void convertCurlToHttpAndBack()
    {
        const QString in = m_dir.path() + u"/cmd.txt"_s;
        writeFile(
            in,
            "curl -X PUT -H 'X-A: 1' --data-raw '{\"a\":1}' --retry 2 'http://example.invalid/items/1'\n");
        const QString out = m_dir.path() + u"/cmd.http"_s;
        Result r = cli({u"convert"_s, u"--from"_s, u"curl"_s, u"--to"_s, u"http"_s, in, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("warning: --retry"));
        const QByteArray http = readFile(out);
        QVERIFY(http.contains("PUT http://example.invalid/items/1"));
        QVERIFY(http.contains("X-A: 1"));
        r = cli({u"convert"_s, u"--from"_s, u"http"_s, u"--to"_s, u"curl"_s, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("curl"));
        QVERIFY(r.out.contains("http://example.invalid/items/1"));

        // A failed import writes nothing.
        const QString bad = m_dir.path() + u"/bad.txt"_s;
        writeFile(bad, "curl 'unterminated\n");
        const QString target = m_dir.path() + u"/never.http"_s;
        r = cli({u"convert"_s, u"--from"_s, u"curl"_s, u"--to"_s, u"http"_s, bad, target});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("cannot import"));
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(cli({u"convert"_s, u"--from"_s, u"word"_s, u"--to"_s, u"http"_s, in}).exitCode, 2);

        // .http -> Postman -> .http and .http -> HAR -> curl keep method, URL and headers.
        const QString pm = m_dir.path() + u"/cmd.postman.json"_s;
        r = cli({u"convert"_s, u"--from"_s, u"http"_s, u"--to"_s, u"postman"_s, out, pm});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({u"convert"_s, u"--from"_s, u"postman"_s, u"--to"_s, u"http"_s, pm});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("PUT http://example.invalid/items/1"));
        QVERIFY(r.out.contains("X-A: 1"));
        const QString har = m_dir.path() + u"/cmd.har"_s;
        r = cli({u"convert"_s, u"--from"_s, u"http"_s, u"--to"_s, u"har"_s, out, har});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({u"convert"_s, u"--from"_s, u"har"_s, u"--to"_s, u"curl"_s, har});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("-X PUT") || r.out.contains("--request PUT"));
        QVERIFY(r.out.contains("http://example.invalid/items/1"));
    }

private:
    QTemporaryDir m_dir;
    ReplayServer m_server;
    QString m_cli;
    QString m_xmllint;
    QString m_xsd;
};

QTEST_GUILESS_MAIN(TestRunCli)
#include "tst_runcli.moc"
