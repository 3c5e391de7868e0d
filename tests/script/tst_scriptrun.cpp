// peephole-cli run on .http files with JetBrains HTTP Client handler scripts
// ("> {% %}", "< {% %}", "> ./handler.js") and httpyac "?? js" assertions, against a
// real server in this process: each client.test is one verdict in the terminal
// output and in the reports, values set by scripts feed later requests, and a
// script that throws, loops or uses what Peephole lacks says so with its file and line.

#include "clirun.h"
#include "server/httpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestScriptRun : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// A fresh collection folder holding @p files (name -> text; "HOST" becomes host:port).
    QString collection(const QList<std::pair<QString, QByteArray>> &files)
    {
        const QString root = m_dir.path() + u"/c"_s + QString::number(++m_collections);
        write(root + u"/.peephole/keep"_s, {});
        for (const auto &[name, text] : files) {
            QByteArray t = text;
            t.replace("HOST", QByteArray("127.0.0.1:" + QByteArray::number(m_server.port())));
            write(root + u'/' + name, t);
        }
        return root;
    }

    Test::ProcessResult run(const QStringList &args)
    {
        Test::ProcessOptions options;
        options.environment = Test::environmentWithHome(m_dir.path() + u"/home"_s);
        options.timeoutMs = 60000;
        return Test::runProcess(m_cli, QStringList{u"run"_s} + args, options);
    }

    /// Every file under @p root with its bytes.
    static QHash<QString, QByteArray> snapshot(const QString &root)
    {
        QHash<QString, QByteArray> files;
        QDir dir(root);
        const QStringList names = dir.entryList(QDir::Files);
        for (const QString &n : names)
            files.insert(n, read(dir.filePath(n)));
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli = QString::fromUtf8(PEEPHOLE_CLI);
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
        m_server.route("/login", [](const ServerRequest &, ScriptedResponse &r) {
            r = ScriptedResponse::text(201, R"({"token":"t-123","user":{"id":9,"name":"Ann"}})",
                                       "application/json");
        });
        m_server.route("/whoami", [this](const ServerRequest &req, ScriptedResponse &r) {
            m_tokens.append(req.header("x-token"));
            r = ScriptedResponse::text(200, "token=" + req.header("x-token") + " user=" + req.header("x-user"),
                                       "text/plain; charset=utf-8");
        });
        m_server.route("/missing", ScriptedResponse::text(404, "no such thing\n"));
        QVERIFY(m_server.listen());
    }

    void handlersGiveOneVerdictPerTest()
    {
        const QString root = collection({
            {u"api.http"_s,
             "### login\n"                                                       // 1
             "POST http://HOST/login\n"                                          // 2
             "\n"                                                                // 3
             "> {%\n"                                                            // 4
             "  client.test(\"created\", function () {\n"                        // 5
             "    client.assert(response.status === 201, \"status \" + response.status);\n"
             "  });\n"                                                           // 7
             "  client.test(\"user\", function () {\n"                           // 8
             "    client.assert(jsonPath(response.body, \"$.user.name\") === \"Bob\", \"not Bob\");\n"
             "  });\n"                                                           // 10
             "  client.global.set(\"token\", response.body.token);\n"            // 11
             "  client.log(\"logged in as \" + response.body.user.name);\n"      // 12
             "%}\n"                                                              // 13
             "\n"                                                                // 14
             "### who\n"                                                         // 15
             "< {% request.variables.set(\"user\", \"ann-\" + 9) %}\n"           // 16
             "GET http://HOST/whoami\n"                                          // 17
             "X-Token: {{token}}\n"                                              // 18
             "X-User: {{user}}\n"                                                // 19
             "?? js response.body includes t-123\n"                              // 20
             "?? js response.statusCode == 200\n"                                // 21
             "\n"                                                                // 22
             "> ./checks/who.js\n"},                                             // 23
            {u"checks/who.js"_s, "client.test(\"echoed\", function () {\n"
                                 "  client.assert(response.body === \"token=t-123 user=ann-9\", response.body);\n"
                                 "  client.assert(response.contentType.mimeType === \"text/plain\");\n"
                                 "});\n"},
        });
        const QHash<QString, QByteArray> before = snapshot(root);
        const QString junit = m_dir.path() + u"/handlers.xml"_s;
        const QString json = m_dir.path() + u"/handlers.json"_s;
        const Test::ProcessResult r =
            run({root + u"/api.http"_s, u"--report"_s, u"junit"_s, junit, u"--report"_s, u"json"_s, json});
        QCOMPARE(r.exitCode, 30); // "user" fails
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(u"FAIL     201"_s), r.out.constData());
        QVERIFY(out.contains(u"ok   test \"created\""_s));
        QVERIFY(out.contains(u"FAIL test \"user\""_s));
        QVERIFY2(out.contains(u"test \"user\" failed: api.http:9: not Bob"_s), r.out.constData());
        QVERIFY(out.contains(u"log  logged in as Ann"_s));
        // The global and the pre-request variable went into the next request.
        QCOMPARE(m_tokens.last(), "t-123"_ba);
        QVERIFY(out.contains(u"PASS     200"_s));
        QVERIFY(out.contains(u"ok   ?? js response.body includes t-123"_s));
        QVERIFY(out.contains(u"ok   test \"echoed\""_s));
        QVERIFY(out.contains(u"1 passed, 0 changed, 1 failed, 0 errors, 0 skipped, 0 not run"_s));

        // One testcase per client.test.
        const QByteArray xml = read(junit);
        QVERIFY2(xml.contains("testcase name=\"login \xe2\x80\xba created\""), xml.constData());
        QVERIFY(xml.contains("testcase name=\"login \xe2\x80\xba user\""));
        QVERIFY(xml.contains("api.http:9: not Bob"));
        QVERIFY(xml.contains("testcase name=\"who \xe2\x80\xba echoed\""));
        const QJsonArray results = QJsonDocument::fromJson(read(json)).object().value(u"results"_s).toArray();
        const QJsonArray tests = results.at(0).toObject().value(u"assertions"_s).toArray();
        QCOMPARE(tests.size(), 2);
        QCOMPARE(tests.at(0).toObject().value(u"kind"_s).toString(), u"test"_s);
        QCOMPARE(results.at(0).toObject().value(u"scriptLog"_s).toArray().at(0).toString(), u"logged in as Ann"_s);
        QCOMPARE(snapshot(root), before); // a run never modifies the collection
    }

    void badScriptsNameTheirLine()
    {
        const QString root = collection({
            {u"bad.http"_s,
             "### throws\n"                        // 1
             "GET http://HOST/whoami\n"            // 2
             "\n"                                  // 3
             "> {%\n"                              // 4
             "  var user = response.body;\n"       // 5
             "  user.missing.name;\n"              // 6
             "%}\n"                                // 7
             "\n"                                  // 8
             "### loops\n"                         // 9
             "GET http://HOST/whoami\n"            // 10
             "\n"                                  // 11
             "> {% while (true) {} %}\n"           // 12
             "\n"                                  // 13
             "### missing file\n"                  // 14
             "GET http://HOST/whoami\n"            // 15
             "\n"                                  // 16
             "> ./nowhere.js\n"                    // 17
             "\n"                                  // 18
             "### outside\n"                       // 19
             "GET http://HOST/whoami\n"            // 20
             "\n"                                  // 21
             "> ../outside.js\n"                   // 22
             "\n"                                  // 23
             "### sends a request of its own\n"    // 24
             "GET http://HOST/whoami\n"            // 25
             "\n"                                  // 26
             "> {%\n"                              // 27
             "  pm.sendRequest('http://HOST/whoami', function () {});\n"
             "  pm.test('never', function () {});\n"
             "%}\n"                                // 30
             "\n"                                  // 31
             "### assertion outside a test\n"      // 32
             "GET http://HOST/missing\n"           // 33
             "\n"                                  // 34
             "> {% client.assert(response.status === 200, 'expected 200'); %}\n"},
        });
        write(QFileInfo(root).absolutePath() + u"/outside.js"_s, "client.test('x', function () {});");
        const int sent = int(m_tokens.size());
        const Test::ProcessResult r = run({root});
        QCOMPARE(r.exitCode, 30);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(u"bad.http:6: TypeError"_s), r.out.constData());
        QVERIFY(out.contains(u"bad.http:12: the script ran longer than 5000 ms and was stopped"_s));
        QVERIFY(out.contains(u"bad.http:17: cannot read the script file ./nowhere.js"_s));
        QVERIFY(out.contains(u"bad.http:22: the script file ../outside.js is outside the collection"_s));
        QVERIFY(out.contains(u"bad.http:28: `pm.sendRequest` is not supported by Peephole (in the response handler)"_s));
        QVERIFY(out.contains(u"bad.http:35: AssertionError: expected 200"_s));
        QVERIFY(!out.contains(u"test \"never\""_s));
        QVERIFY(!out.contains(u"PASS"_s));
        QVERIFY(out.contains(u"0 passed, 0 changed, 1 failed, 2 errors, 0 skipped, 3 not run"_s));
        QCOMPARE(int(m_tokens.size()) - sent, 2); // what was not run was not sent either
    }

    void secretsNeverReachTheLog()
    {
        const QString root = collection({
            {u"http-client.env.json"_s, R"({"dev": {"user": "ann"}})"},
            {u"http-client.private.env.json"_s, R"({"dev": {"signingKey": "k-7f3a9c"}})"},
            {u"log.http"_s, "POST http://HOST/login\n"
                            "\n"
                            "> {%\n"
                            "  client.log('key ' + request.environment.get('signingKey') + ' for ' +\n"
                            "             request.environment.get('user'));\n"
                            "  client.global.set('accessToken', response.body.token);\n"
                            "  client.log('token ' + client.global.get('accessToken'));\n"
                            "  client.test('has token', function () { client.assert(response.body.token); });\n"
                            "%}\n"},
        });
        const QString json = m_dir.path() + u"/log.json"_s;
        const Test::ProcessResult r = run({root, u"--env"_s, u"dev"_s, u"--report"_s, u"json"_s, json});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("log  key [redacted] for ann"), r.out.constData());
        QVERIFY(r.out.contains("log  token [redacted]"));
        for (const QByteArray &bytes : {r.out, r.err, read(json)}) {
            QVERIFY(!bytes.contains("k-7f3a9c"));
            QVERIFY(!bytes.contains("t-123"));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_cli;
    HttpServer m_server;
    QList<QByteArray> m_tokens;
    int m_collections = 0;
};

QTEST_GUILESS_MAIN(TestScriptRun)
#include "tst_scriptrun.moc"
