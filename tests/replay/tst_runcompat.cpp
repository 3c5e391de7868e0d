#include "replayfixture.h"

#include "server/authgate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::TestSupport;

// peephole-cli run on .http files written for the JetBrains HTTP Client and
// httpyac: what Peephole does not implement is "not run" with the file and
// line, never a silent PASS; what it implements behaves as those tools do.
// A separate process against a real server in this process.
class TestRunCompat : public QObject
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

    /// @p text as file @p name of a fresh collection; "HOST" becomes the server's host:port.
    QString file(const QString &name, QByteArray text)
    {
        text.replace("HOST", m_server.hostPort());
        const QString path = m_dir.path() + u'/' + QString::number(++m_files) + u'/' + name;
        writeFile(QFileInfo(path).absolutePath() + u"/.peephole/keep"_s, {});
        writeFile(path, text);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/app/cli/peephole-cli"_s;
        if (!QFileInfo::exists(m_cli))
            m_cli = QCoreApplication::applicationDirPath() + u"/../../app/cli/peephole-cli"_s;
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
        m_server.server.route("/echo", [this](const ServerRequest &req, ScriptedResponse &r) {
            ++m_echoes;
            r = ScriptedResponse::text(200, req.body, "text/plain");
        });
        m_server.server.route("/set-cookie", [](const ServerRequest &, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, "set\n");
            r.headers.append(HeaderField{"Set-Cookie", "flavour=oat; Path=/", true});
        });
        m_server.server.route("/cookie", [](const ServerRequest &req, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, "cookie=" + req.header("cookie"));
        });
        m_gate->setCredentials("ann", "s3cret pw");
        m_gate->offerDigest();
        m_server.server.route("/digest", [this](const ServerRequest &req, ScriptedResponse &r) {
            const AuthGate::Outcome o = m_gate->check(req);
            r = o.allowed ? ScriptedResponse::text(200, "digest ok\n") : o.rejection;
        });
        m_server.server.route("/login", [](const ServerRequest &, ScriptedResponse &r) {
            r = ScriptedResponse::text(201, R"({"token":"t-123","user":{"id":9}})", "application/json");
            r.headers.append(HeaderField{"Location", "/users/9", true});
        });
        QVERIFY(m_server.server.isListening());
    }

    void unsupportedConstructsAreNotRunNamingTheLine()
    {
        const QString path = file(u"scripts.http"_s,
                                  "### handler\n"          // 1
                                  "GET http://HOST/echo\n" // 2
                                  "\n"                     // 3
                                  "> {%\n"                 // 4
                                  "  client.exit();\n"
                                  "%}\n"              // 6
                                  "\n"                // 7
                                  "### pre-request\n" // 8
                                  "< {% request.url.tryGetSubstituted() %}\n"
                                  "GET http://HOST/echo\n" // 10
                                  "\n"                     // 11
                                  "### handler file\n"     // 12
                                  "GET http://HOST/echo\n" // 13
                                  "\n"                     // 14
                                  "> ./check.js\n"         // 15
                                  "\n"                     // 16
                                  "### js assertion\n"     // 17
                                  "GET http://HOST/echo\n" // 18
                                  "?? xpath //a == 1\n"
                                  "\n"                     // 20
                                  "### loop\n"             // 21
                                  "# @loop for 3\n"        // 22
                                  "GET http://HOST/echo\n" // 23
                                  "\n"                     // 24
                                  "### plain\n"            // 25
                                  "GET http://HOST/echo\n" // 26
                                  "?? status == 200\n");
        const int before = m_echoes;
        const QByteArray original = readFile(path);
        const Result r = cli({u"run"_s, path});
        QCOMPARE(r.exitCode, 30);
        QCOMPARE(m_echoes - before, 1); // only "plain" was sent
        // Scripts run (tests/script); what they use that Peephole lacks is named before sending.
        QVERIFY2(r.out.contains("scripts.http:5: `client.exit` is not supported by Peephole (in the response "
                                "handler)"),
                 r.out.constData());
        QVERIFY(r.out.contains("scripts.http:9: `request.url` is not supported by Peephole (in the pre-request "
                               "script)"));
        QVERIFY(r.out.contains("scripts.http:15: cannot read the script file ./check.js"));
        QVERIFY(r.out.contains("scripts.http:19: `?? xpath //a == 1` is not supported"));
        QVERIFY(r.out.contains("scripts.http:22: `# @loop for 3` is not supported"));
        QCOMPARE(r.out.count("NOT RUN"), 5);
        QVERIFY(r.out.contains("PASS     200"));
        QVERIFY(r.out.contains("1 passed, 0 changed, 0 failed, 0 errors, 0 skipped, 5 not run"));
        QCOMPARE(readFile(path), original); // a run never modifies the collection
    }

    void assertionsAfterTheBodyAreNeverSent()
    {
        const QString path = file(u"body.http"_s, "POST http://HOST/echo\n"
                                                  "Content-Type: text/plain\n"
                                                  "\n"
                                                  "hello\n"
                                                  "\n"
                                                  "?? status == 200\n"
                                                  "?? body == hello\n"
                                                  "?? header content-type includes text\n");
        const Result r = cli({u"run"_s, path});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("ok   ?? status == 200"));
        QVERIFY(r.out.contains("ok   ?? body == hello"));
        QVERIFY(r.out.contains("ok   ?? header content-type includes text"));
    }

    void eachAssertionHasItsVerdict()
    {
        const QString path = file(u"verdicts.http"_s, "GET http://HOST/user\n"
                                                      "?? status == 200\n"
                                                      "?? body name == Ann\n"
                                                      "?? body $.id == 8\n"
                                                      "?? body id isNumber\n");
        const QString json = m_dir.path() + u"/verdicts.json"_s;
        const Result r = cli({u"run"_s, path, u"--report"_s, u"json"_s, json});
        QCOMPARE(r.exitCode, 30);
        QVERIFY(r.out.contains("ok   ?? status == 200"));
        QVERIFY(r.out.contains("ok   ?? body name == Ann"));
        QVERIFY(r.out.contains("FAIL ?? body $.id == 8"));
        QVERIFY(r.out.contains("ok   ?? body id isNumber"));
        const QJsonArray assertions = QJsonDocument::fromJson(readFile(json))
                                          .object()
                                          .value(u"results"_s)
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(u"assertions"_s)
                                          .toArray();
        QCOMPARE(assertions.size(), 4);
        QCOMPARE(assertions.at(2).toObject().value(u"passed"_s).toBool(), false);

        // JUnit: one testcase per assertion, timestamps with their time zone.
        const QString junit = m_dir.path() + u"/verdicts.xml"_s;
        QCOMPARE(cli({u"run"_s, path, u"--report"_s, u"junit"_s, junit}).exitCode, 30);
        const QByteArray xml = readFile(junit);
        QVERIFY2(xml.contains("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"0\""), xml.constData());
        QCOMPARE(xml.count("<testcase "), 4);
        QVERIFY2(xml.contains(" \xe2\x80\xba body $.id == 8\""), xml.constData());
        QVERIFY(QRegularExpression(u"timestamp=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\""_s)
                    .match(QString::fromUtf8(xml))
                    .hasMatch());
        lint(junit);
    }

    void jsonOutputAndNotRunInReports()
    {
        const QString path = file(u"mixed.http"_s, "GET http://HOST/user\n"
                                                   "?? status == 200\n"
                                                   "\n"
                                                   "###\n"
                                                   "GET http://HOST/user\n"
                                                   "\n"
                                                   "> {% client.exit() %}\n");
        const Result r = cli({u"run"_s, path, u"--json"_s});
        QCOMPARE(r.exitCode, 30);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(u"schemaVersion"_s).toInt(), 1);
        const QJsonObject summary = report.value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"passed"_s).toInt(), 1);
        QCOMPARE(summary.value(u"notRun"_s).toInt(), 1);
        const QJsonObject second = report.value(u"results"_s).toArray().at(1).toObject();
        QCOMPARE(second.value(u"outcome"_s).toString(), u"NOT RUN"_s);
        QVERIFY(second.value(u"messages"_s).toArray().at(0).toString().contains(u"mixed.http:7:"_s));

        const QString junit = m_dir.path() + u"/mixed.xml"_s;
        QCOMPARE(cli({u"run"_s, path, u"--report"_s, u"junit"_s, junit}).exitCode, 30);
        const QByteArray xml = readFile(junit);
        QVERIFY2(xml.contains("<skipped message=\"NOT RUN: mixed.http:7: "), xml.constData());
        lint(junit);
    }

    void disabledIsSkippedAndUnknownDirectivesWarn()
    {
        const QString path = file(u"directives.http"_s, "### off\n"
                                                        "# @disabled\n"
                                                        "GET http://HOST/echo\n"
                                                        "\n"
                                                        "### on\n"
                                                        "# @frobnicate now\n"
                                                        "# @no-log\n"
                                                        "GET http://HOST/echo\n");
        const int before = m_echoes;
        const Result r = cli({u"run"_s, path});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(m_echoes - before, 1);
        QVERIFY(r.out.contains("SKIP"));
        QVERIFY(r.out.contains("directives.http:3: disabled by # @disabled"));
        QVERIFY2(r.err.contains("directives.http:6: warning: unknown directive @frobnicate"),
                 r.err.constData());
        QVERIFY(!r.err.contains("no-log"));
        QVERIFY(r.out.contains("1 passed, 0 changed, 0 failed, 0 errors, 1 skipped, 0 not run"));
    }

    void noCookieJar()
    {
        const QString path = file(u"cookies.http"_s, "GET http://HOST/set-cookie\n"
                                                     "\n"
                                                     "###\n"
                                                     "# @no-cookie-jar\n"
                                                     "GET http://HOST/cookie\n"
                                                     "?? body == cookie=\n"
                                                     "\n"
                                                     "###\n"
                                                     "GET http://HOST/cookie\n"
                                                     "?? body == cookie=flavour=oat\n");
        const Result r = cli({u"run"_s, path});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("3 passed"));
    }

    void authorizationShorthands()
    {
        m_server.expectedAuthorization = "Basic " + QByteArray("ann:s3cret pw").toBase64();
        const QString path = file(u"auth.http"_s, "@user = ann\n"
                                                  "### spaces\n"
                                                  "GET http://HOST/auth\n"
                                                  "Authorization: Basic {{user}} s3cret pw\n"
                                                  "?? status == 200\n"
                                                  "\n"
                                                  "### colon\n"
                                                  "GET http://HOST/auth\n"
                                                  "Authorization: Basic ann:s3cret pw\n"
                                                  "?? status == 200\n"
                                                  "\n"
                                                  "### encoded already\n"
                                                  "GET http://HOST/auth\n"
                                                  "Authorization: " +
                                                      m_server.expectedAuthorization +
                                                      "\n"
                                                      "?? status == 200\n"
                                                      "\n"
                                                      "### digest\n"
                                                      "GET http://HOST/digest\n"
                                                      "Authorization: Digest ann s3cret pw\n"
                                                      "?? status == 200\n");
        const Result r = cli({u"run"_s, path});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("4 passed"));
        QVERIFY(!r.out.contains("s3cret"));
    }

    void responseRedirection()
    {
        const QString path = file(u"save.http"_s, "GET http://HOST/user\n"
                                                  "\n"
                                                  ">> ./out/user.json\n"
                                                  "\n"
                                                  "###\n"
                                                  "GET http://HOST/text\n"
                                                  "\n"
                                                  ">>! ./out/text.txt\n");
        const QString out = QFileInfo(path).absolutePath() + u"/out"_s;
        writeFile(out + u"/text.txt"_s, "old");
        Result r = cli({u"run"_s, path});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(readFile(out + u"/text.txt"_s), "one\ntwo\nthree\n"_ba);
        QVERIFY(readFile(out + u"/user.json"_s).contains("\"name\":\"Ann\""));
        r = cli({u"run"_s, path});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(readFile(out + u"/user-1.json"_s).contains("\"name\":\"Ann\"")); // >> never replaces
        QVERIFY(!QFileInfo::exists(out + u"/text-1.txt"_s));
    }

    void requestChaining()
    {
        const QString path =
            file(u"auth.http"_s, "### \n"
                                 "# @name login\n"
                                 "POST http://HOST/login\n"
                                 "?? status == 201\n"
                                 "\n"
                                 "### JetBrains form\n"
                                 "GET http://HOST/echo-header\n"
                                 "X-Token: {{login.response.body.$.token}}\n"
                                 "?? body == t-123\n"
                                 "\n"
                                 "### httpyac form\n"
                                 "GET http://HOST/echo-header\n"
                                 "X-Token: {{login.token}}-{{ login.user.id }}-{{login.json.token}}\n"
                                 "?? body == t-123-9-t-123\n"
                                 "\n"
                                 "### header\n"
                                 "GET http://HOST/echo-header\n"
                                 "X-Token: {{login.response.headers.Location}}\n"
                                 "?? body == /users/9\n");
        Result r = cli({u"run"_s, path});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("4 passed"));

        // Another file imports it and asks for login: login runs first, once.
        const QString dir = QFileInfo(path).absolutePath();
        writeFile(dir + u"/me.http"_s, "# @import ./auth.http\n\n###\n# @ref login\n"
                                       "GET http://" +
                                           m_server.hostPort() +
                                           "/echo-header\n"
                                           "X-Token: {{login.token}}\n?? body == t-123\n");
        r = cli({u"run"_s, dir + u"/me.http"_s});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("2 requests in"), r.out.constData());
        QVERIFY(r.out.contains("auth.http › login"));
    }

    void failedStepsAndCycles()
    {
        const QString path = file(u"chain.http"_s, "###\n"
                                                   "# @name login\n"
                                                   "GET http://HOST/missing\n"
                                                   "?? status == 200\n"
                                                   "\n"
                                                   "###\n"
                                                   "GET http://HOST/echo-header\n"
                                                   "X-Token: {{login.token}}\n"
                                                   "\n"
                                                   "###\n"
                                                   "# @name a\n"
                                                   "# @ref b\n"
                                                   "GET http://HOST/echo\n"
                                                   "\n"
                                                   "###\n"
                                                   "# @name b\n"
                                                   "# @ref a\n"
                                                   "GET http://HOST/echo\n"
                                                   "\n"
                                                   "###\n"
                                                   "# @ref nobody\n"
                                                   "GET http://HOST/echo\n");
        const int before = m_echoes;
        const Result r = cli({u"run"_s, path});
        QCOMPARE(r.exitCode, 30);
        QCOMPARE(m_echoes, before);
        QVERIFY2(r.out.contains("chain.http:7: depends on \"login\" (chain.http), which did not pass (FAIL)"),
                 r.out.constData());
        QVERIFY(
            r.out.contains("chain.http:13: the requests depend on each other in a cycle: a \xe2\x86\x92 b "
                           "\xe2\x86\x92 a"));
        QVERIFY(r.out.contains("chain.http:18: the requests depend on each other in a cycle"));
        QVERIFY(r.out.contains("chain.http:22: # @ref nobody: no request of this name"));
        QVERIFY(r.out.contains("0 passed, 0 changed, 1 failed, 3 errors, 0 skipped, 1 not run"));
    }

private:
    void lint(const QString &junit)
    {
        const QString xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
        if (xmllint.isEmpty())
            return; // tst_runcli says so when libxml2-utils is missing
        QProcess p;
        p.start(xmllint, {u"--noout"_s, u"--schema"_s,
                          qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/replay/junit.xsd"_s, junit});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    std::shared_ptr<AuthGate> m_gate = std::make_shared<AuthGate>();
    QString m_cli;
    QTemporaryDir m_dir;
    ReplayServer m_server;
    int m_echoes = 0;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestRunCompat)
#include "tst_runcompat.moc"
