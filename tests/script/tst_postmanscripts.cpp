// A Postman v2.1 collection with pm.test scripts (collection, request and
// pre-request events), run by newman (npm, installed by this test into
// build/npm/script from the checked-in package.json + package-lock.json) and by
// Peephole (convert to .http, then run) against the same server in this
// process: the same verdict for every test. The collection is never modified.

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

class TestPostmanScripts : public QObject
{
    Q_OBJECT

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    static QJsonObject event(const QString &listen, const QString &code)
    {
        return QJsonObject{{u"listen"_s, listen},
                           {u"script"_s, QJsonObject{{u"type"_s, u"text/javascript"_s},
                                                     {u"exec"_s, QJsonArray::fromStringList(code.split(u'\n'))}}}};
    }
    static QJsonObject item(const QString &name, const QString &method, const QString &url,
                            const QJsonArray &headers, const QJsonArray &events)
    {
        return QJsonObject{{u"name"_s, name},
                           {u"event"_s, events},
                           {u"request"_s, QJsonObject{{u"method"_s, method}, {u"header"_s, headers}, {u"url"_s, url}}}};
    }
    static QJsonObject header(const QString &key, const QString &value)
    {
        return QJsonObject{{u"key"_s, key}, {u"value"_s, value}};
    }

    Test::ProcessResult program(const QString &exe, const QStringList &args, const QString &dir = {})
    {
        Test::ProcessOptions options;
        options.environment = Test::environmentWithHome(m_dir.path() + u"/home"_s);
        options.workingDirectory = dir;
        options.timeoutMs = 120000;
        return Test::runProcess(exe, args, options);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli = QString::fromUtf8(PEEPHOLE_CLI);
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
        const QString src = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/script/"_s;
        m_npm = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/npm/script"_s;
        QVERIFY(QDir().mkpath(m_npm));
        for (const QString &name : {u"package.json"_s, u"package-lock.json"_s}) {
            QFile::remove(m_npm + u'/' + name);
            QVERIFY2(QFile::copy(src + name, m_npm + u'/' + name), qPrintable(name));
        }
        if (!QFile::exists(m_npm + u"/node_modules/newman/package.json"_s)) {
            const Test::ProcessResult npm =
                program(u"npm"_s, {u"ci"_s, u"--no-audit"_s, u"--no-fund"_s}, m_npm);
            QVERIFY2(npm.exitCode == 0, npm.err.constData());
        }
        m_server.route("/login", [](const ServerRequest &, ScriptedResponse &r) {
            r = ScriptedResponse::text(201, R"({"token":"t-123","user":{"id":9,"name":"Ann"}})",
                                       "application/json");
        });
        m_server.route("/whoami", [](const ServerRequest &req, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, "token=" + req.header("x-token") + " user=" + req.header("x-user"),
                                       "text/plain; charset=utf-8");
        });
        m_server.route("/missing", ScriptedResponse::text(404, "no such thing\n"));
        QVERIFY(m_server.listen());
    }

    void newmanAndPeepholeGiveTheSameVerdicts()
    {
        const QString base = u"http://127.0.0.1:"_s + QString::number(m_server.port());
        QJsonArray items;
        items.append(item(u"Login"_s, u"POST"_s, u"{{baseUrl}}/login"_s, {},
                          {event(u"test"_s, u"pm.test(\"status 201\", function () {\n"
                                            "    pm.response.to.have.status(201);\n"
                                            "});\n"
                                            "pm.test(\"has a token\", function () {\n"
                                            "    const json = pm.response.json();\n"
                                            "    pm.expect(json).to.have.property(\"token\");\n"
                                            "    pm.expect(json.user.id).to.be.a(\"number\").and.above(5);\n"
                                            "    pm.collectionVariables.set(\"token\", json.token);\n"
                                            "});\n"
                                            "pm.test(\"user is Bob\", function () {\n"
                                            "    pm.expect(pm.response.json().user.name).to.equal(\"Bob\");\n"
                                            "});"_s)}));
        items.append(item(u"Who"_s, u"GET"_s, u"{{baseUrl}}/whoami"_s,
                          {header(u"X-Token"_s, u"{{token}}"_s), header(u"X-User"_s, u"{{user}}"_s)},
                          {event(u"prerequest"_s, u"pm.variables.set(\"user\", \"ann-\" + 9);"_s),
                           event(u"test"_s, u"pm.test(\"echoes the token\", function () {\n"
                                            "    pm.expect(pm.response.text()).to.include(\"token=t-123\");\n"
                                            "});\n"
                                            "pm.test(\"echoes the user\", function () {\n"
                                            "    pm.expect(pm.response.text()).to.include(\"user=ann-9\");\n"
                                            "});\n"
                                            "pm.test(\"plain text\", function () {\n"
                                            "    pm.expect(pm.response.headers.get(\"Content-Type\")).to.include(\"text/plain\");\n"
                                            "});\n"
                                            "pm.test(\"ok\", function () { pm.response.to.be.ok; });\n"
                                            "pm.test(\"eql\", function () { pm.expect({a: [1, 2]}).to.eql({a: [1, 2]}); });"_s)}));
        items.append(item(u"Missing"_s, u"GET"_s, u"{{baseUrl}}/missing"_s, {},
                          {event(u"test"_s, u"pm.test(\"is 404\", function () { pm.response.to.have.status(404); });\n"
                                            "pm.test(\"below 400\", function () {\n"
                                            "    pm.expect(pm.response.code).to.be.below(400);\n"
                                            "});\n"
                                            "pm.test(\"not ok\", function () { pm.response.to.not.be.ok; });"_s)}));
        const QJsonObject collection{
            {u"info"_s, QJsonObject{{u"name"_s, u"Scripts"_s},
                                    {u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s}}},
            {u"variable"_s, QJsonArray{QJsonObject{{u"key"_s, u"baseUrl"_s}, {u"value"_s, base}}}},
            {u"event"_s, QJsonArray{event(u"test"_s, u"pm.test(\"answers\", function () {\n"
                                                     "    pm.expect(pm.response.responseTime).to.be.below(30000);\n"
                                                     "});"_s)}},
            {u"item"_s, items}};
        const QString source = m_dir.path() + u"/scripts.postman_collection.json"_s;
        write(source, QJsonDocument(collection).toJson());
        const QByteArray original = read(source);

        // newman
        const QString newmanReport = m_dir.path() + u"/newman.json"_s;
        const Test::ProcessResult newman =
            program(u"node"_s, {m_npm + u"/node_modules/newman/bin/newman.js"_s, u"run"_s, source, u"-r"_s,
                                u"json"_s, u"--reporter-json-export"_s, newmanReport});
        QVERIFY2(newman.exitCode == 1, newman.err.constData()); // some tests fail
        QHash<QString, bool> expected;
        const QJsonArray executions =
            QJsonDocument::fromJson(read(newmanReport)).object().value(u"run"_s).toObject().value(u"executions"_s).toArray();
        for (const QJsonValue &e : executions) {
            const QString request = e.toObject().value(u"item"_s).toObject().value(u"name"_s).toString();
            for (const QJsonValue &a : e.toObject().value(u"assertions"_s).toArray())
                expected.insert(request + u" / "_s + a.toObject().value(u"assertion"_s).toString(),
                                !a.toObject().contains(u"error"_s));
        }
        QCOMPARE(expected.size(), 4 + 6 + 4);
        QCOMPARE(expected.value(u"Login / user is Bob"_s, true), false);
        QCOMPARE(expected.value(u"Who / echoes the token"_s), true);

        // Peephole: the same collection, converted, then run.
        const QString folder = m_dir.path() + u"/converted"_s;
        QVERIFY(QDir().mkpath(folder + u"/.peephole"_s));
        const Test::ProcessResult convert = program(
            m_cli, {u"convert"_s, u"--from"_s, u"postman"_s, u"--to"_s, u"http"_s, source, folder + u"/scripts.http"_s});
        QVERIFY2(convert.exitCode == 0, convert.err.constData());
        const QString report = m_dir.path() + u"/peephole.json"_s;
        const Test::ProcessResult run =
            program(m_cli, {u"run"_s, folder + u"/scripts.http"_s, u"--report"_s, u"json"_s, report});
        QCOMPARE(run.exitCode, 30);
        QHash<QString, bool> actual;
        for (const QJsonValue &r : QJsonDocument::fromJson(read(report)).object().value(u"results"_s).toArray()) {
            const QString request = r.toObject().value(u"name"_s).toString();
            for (const QJsonValue &a : r.toObject().value(u"assertions"_s).toArray())
                actual.insert(request + u" / "_s + a.toObject().value(u"expression"_s).toString(),
                              a.toObject().value(u"passed"_s).toBool());
        }
        QCOMPARE(actual, expected);
        QCOMPARE(read(source), original);
    }

    void whatIsNotCoveredIsNotRun()
    {
        const QString base = u"http://127.0.0.1:"_s + QString::number(m_server.port());
        const QJsonObject collection{
            {u"info"_s, QJsonObject{{u"name"_s, u"Uncovered"_s},
                                    {u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s}}},
            {u"item"_s,
             QJsonArray{item(u"Chained"_s, u"GET"_s, base + u"/whoami"_s, {},
                             {event(u"test"_s, u"pm.test(\"ok\", function () { pm.response.to.have.status(200); });\n"
                                               "postman.setNextRequest(\"Other\");"_s)}),
                        item(u"Cookies"_s, u"GET"_s, base + u"/whoami"_s, {},
                             {event(u"prerequest"_s, u"const c = pm.cookies.get(\"session\");"_s)})}}};
        const QString source = m_dir.path() + u"/uncovered.postman_collection.json"_s;
        write(source, QJsonDocument(collection).toJson());
        const QString folder = m_dir.path() + u"/uncovered"_s;
        QVERIFY(QDir().mkpath(folder + u"/.peephole"_s));
        QCOMPARE(program(m_cli, {u"convert"_s, u"--from"_s, u"postman"_s, u"--to"_s, u"http"_s, source,
                                 folder + u"/uncovered.http"_s})
                     .exitCode,
                 0);
        const Test::ProcessResult run = program(m_cli, {u"run"_s, folder});
        QCOMPARE(run.exitCode, 30);
        QVERIFY2(run.out.contains("`postman.setNextRequest` is not supported by Peephole (in the response handler)"),
                 run.out.constData());
        QVERIFY(run.out.contains("`pm.cookies` is not supported by Peephole (in the pre-request script)"));
        QVERIFY(!run.out.contains("PASS"));
        QVERIFY(!run.out.contains("test \"ok\""));
        QVERIFY(run.out.contains("0 passed, 0 changed, 0 failed, 0 errors, 0 skipped, 2 not run"));
    }

private:
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_npm;
    HttpServer m_server;
};

QTEST_GUILESS_MAIN(TestPostmanScripts)
#include "tst_postmanscripts.moc"
