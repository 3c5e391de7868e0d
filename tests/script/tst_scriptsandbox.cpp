// The script sandbox and API on their own: limits (time, memory, sizes), errors
// pointing to the script's file and line, no file or network access, and the
// JetBrains / Postman / httpyac objects behaving as those tools document them.

#include "script/scriptapi.h"
#include "script/scriptsandbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestScriptSandbox : public QObject
{
    Q_OBJECT

    static ScriptMessage jsonResponse(int status, const QByteArray &body)
    {
        ScriptMessage m;
        m.status = status;
        m.reason = status == 200 ? "OK" : "Not Found";
        m.headers = {{"Content-Type", "application/json; charset=utf-8", true},
                     {"Set-Cookie", "a=1", true},
                     {"Set-Cookie", "b=2", true}};
        m.body = body;
        m.durationMs = 12;
        return m;
    }

    static ScriptOutcome respond(const QString &code, const ScriptMessage &response, ScriptVariables *vars = nullptr,
                                 const ScriptLimits &limits = {})
    {
        ScriptVariables local;
        ScriptMessage request;
        request.method = "GET";
        request.url = u"http://127.0.0.1:1/users/7"_s;
        request.headers = {{"Accept", "application/json", true}};
        return ScriptApi::run(code, u"api.http"_s, 10, ScriptPhase::Response, request, &response,
                              vars ? *vars : local, limits);
    }

private Q_SLOTS:
    void anEndlessLoopStopsWithItsLine()
    {
        ScriptLimits limits;
        limits.timeoutMs = 300;
        ScriptSandbox sandbox(limits);
        QElapsedTimer clock;
        clock.start();
        const ScriptSandbox::Evaluation e = sandbox.evaluate(u"var i = 0;\nwhile (true) { ++i; }"_s, u"loop.http"_s, 7);
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(!e.ok);
        QVERIFY(e.timedOut);
        QCOMPARE(e.error, u"loop.http:7: the script ran longer than 300 ms and was stopped (an endless loop?)"_s);
        // The engine is usable again afterwards.
        QVERIFY(sandbox.evaluate(u"1 + 1"_s, u"loop.http"_s, 1).ok);
    }

    void memoryIsBounded()
    {
        ScriptLimits limits;
        limits.maxMemoryGrowth = 64ll * 1024 * 1024;
        limits.timeoutMs = 20000;
        ScriptSandbox sandbox(limits);
        const ScriptSandbox::Evaluation e =
            sandbox.evaluate(u"var keep = [];\nfor (;;) keep.push(new Array(100000).fill(1));"_s, u"hog.http"_s, 3);
        QVERIFY(!e.ok);
        QVERIFY2(e.outOfMemory, qPrintable(e.error));
        QVERIFY(e.error.startsWith(u"hog.http:3: the script used more than 64 MiB of memory"_s));
    }

    void aThrowPointsToTheFileAndLine()
    {
        ScriptSandbox sandbox;
        ScriptSandbox::Evaluation e =
            sandbox.evaluate(u"var a = 1;\n\nthrow new Error('boom');"_s, u"dir/api.http"_s, 20);
        QVERIFY(!e.ok);
        QCOMPARE(e.line, 22);
        QCOMPARE(e.error, u"dir/api.http:22: Error: boom"_s);
        e = sandbox.evaluate(u"\nundefinedFunction()"_s, u"api.http"_s, 5);
        QCOMPARE(e.error, u"api.http:6: ReferenceError: undefinedFunction is not defined"_s);
        e = sandbox.evaluate(u"var x = ;"_s, u"api.http"_s, 9);
        QVERIFY(e.error.startsWith(u"api.http:9: SyntaxError"_s));
        e = sandbox.evaluate(u"throw 'a string';"_s, u"api.http"_s, 4);
        QCOMPARE(e.error, u"api.http:4: a string"_s);
    }

    void noFileOrNetworkAccess()
    {
        QTemporaryDir dir;
        const QString secret = dir.filePath(u"secret.txt"_s);
        QFile f(secret);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("top secret");
        f.close();
        ScriptSandbox sandbox;
        const QString kinds = sandbox
                                  .evaluate(u"[typeof XMLHttpRequest, typeof fetch, typeof require, typeof Qt, "
                                            "typeof console, typeof print, typeof gc, typeof process, typeof "
                                            "WebSocket].join(',')"_s,
                                            u"x.http"_s, 1)
                                  .value.toString();
        QCOMPARE(kinds, u"undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined"_s);
        const ScriptSandbox::Evaluation imported =
            sandbox.evaluate(u"import('"_s + secret + u"')"_s, u"x.http"_s, 1);
        QVERIFY(!imported.ok);
        QVERIFY2(imported.error.contains(u"SyntaxError"_s), qPrintable(imported.error));

        // Through the API: the tools' ways out are refused by name, never run.
        const ScriptOutcome o = respond(u"var fs = require('fs');\nclient.test('read', function () {});"_s,
                                        jsonResponse(200, "{}"));
        QCOMPARE(o.status, ScriptOutcome::Status::Unsupported);
        QCOMPARE(o.message, u"api.http:10: `require()` is not supported by Peephole; the script's tests were not run"_s);
        QVERIFY(o.tests.isEmpty());
        QCOMPARE(ScriptApi::unsupported(u"pm.sendRequest('http://x', function () {});"_s), u"pm.sendRequest"_s);
        QCOMPARE(ScriptApi::unsupported(u"postman.setNextRequest('b')"_s), u"postman.setNextRequest"_s);
    }

    void sizesAreBounded()
    {
        ScriptLimits limits;
        limits.maxSourceChars = 100;
        ScriptSandbox sandbox(limits);
        const ScriptSandbox::Evaluation e = sandbox.evaluate(QString(200, u' '), u"big.js"_s, 1);
        QVERIFY(!e.ok);
        QCOMPARE(e.error, u"big.js:1: the script has 200 characters; scripts may have at most 100"_s);

        ScriptLimits small;
        small.maxBodyBytes = 10;
        ScriptOutcome o = respond(u"client.test('x', function () {});"_s, jsonResponse(200, "{\"a\": \"0123456789\"}"),
                                  nullptr, small);
        QCOMPARE(o.status, ScriptOutcome::Status::Unsupported);
        QVERIFY(o.message.contains(u"the response body has 19 bytes; scripts are given bodies of at most"_s));

        small = ScriptLimits{};
        small.maxLogChars = 20;
        small.maxValueChars = 8;
        o = respond(u"for (var i = 0; i < 100; ++i) client.log('line ' + i);"_s, jsonResponse(200, "{}"), nullptr,
                    small);
        QCOMPARE(o.status, ScriptOutcome::Status::Ok);
        QCOMPARE(o.log.first(), u"line 0"_s);
        QCOMPARE(o.log.last(), u"[log cut at 20 characters]"_s);
        QVERIFY(o.log.size() < 6);
        o = respond(u"\nclient.global.set('big', 'more than eight');"_s, jsonResponse(200, "{}"), nullptr, small);
        QCOMPARE(o.status, ScriptOutcome::Status::Error);
        QVERIFY2(o.message.startsWith(u"api.http:11: RangeError: global variable \"big\": 15 characters"_s),
                 qPrintable(o.message));
    }

    void jetbrainsApi()
    {
        ScriptVariables vars;
        vars.environment.insert(u"host"_s, u"example.test"_s);
        vars.globals.insert(u"old"_s, u"x"_s);
        const ScriptOutcome o = respond(
            uR"(client.test("status", function () { client.assert(response.status === 200, "not 200"); });
client.test("body", function () {
  client.assert(response.body.user.name === "Ann", "name");
  client.assert(jsonPath(response.body, "$.items[1].id") === 2, "jsonPath");
  client.assert(jsonPath(response.body, "$.items[*].id").length === 3, "wildcard");
});
client.test("headers", function () {
  client.assert(response.headers.valueOf("set-cookie") === "a=1", "valueOf");
  client.assert(response.headers.valuesOf("Set-Cookie").length === 2, "valuesOf");
  client.assert(response.headers.valueOf("x-none") === null, "missing header");
  client.assert(response.contentType.mimeType === "application/json", "mime");
  client.assert(response.contentType.charset === "utf-8", "charset");
});
client.test("fails", function () {
  client.assert(response.status === 201, "expected 201");
});
client.test("environment", function () { client.assert(request.environment.get("host") === "example.test"); });
client.global.set("token", response.body.token);
client.global.set("count", 3);
client.global.clear("old");
client.log("token is", response.body.token, {a: 1});
client.log(response.contentType);
)"_s,
            jsonResponse(200, R"({"token":"t-1","user":{"name":"Ann"},"items":[{"id":1},{"id":2},{"id":3}]})"),
            &vars);
        QCOMPARE(o.status, ScriptOutcome::Status::Ok);
        QCOMPARE(o.tests.size(), 5);
        QCOMPARE(o.tests.at(0).name, u"status"_s);
        QVERIFY(o.tests.at(0).passed);
        QVERIFY2(o.tests.at(1).passed, qPrintable(o.tests.at(1).message));
        QVERIFY2(o.tests.at(2).passed, qPrintable(o.tests.at(2).message));
        QVERIFY(!o.tests.at(3).passed);
        QCOMPARE(o.tests.at(3).message, u"expected 201"_s);
        QCOMPARE(o.tests.at(3).line, 24); // line 15 of the script, which starts at line 10
        QVERIFY(o.tests.at(4).passed);
        QCOMPARE(vars.globals.value(u"token"_s), u"t-1"_s);
        QCOMPARE(vars.globals.value(u"count"_s), u"3"_s);
        QVERIFY(!vars.globals.contains(u"old"_s));
        // Printing an API object is not using something Peephole lacks.
        QCOMPARE(o.log, (QStringList{u"token is t-1 {\"a\":1}"_s,
                                     u"{\"mimeType\":\"application/json\",\"charset\":\"utf-8\"}"_s}));
    }

    void preRequestVariables()
    {
        ScriptVariables vars;
        vars.environment.insert(u"user"_s, u"ann"_s);
        ScriptMessage request;
        request.method = "POST";
        const ScriptOutcome o = ScriptApi::run(
            u"request.variables.set('who', request.environment.get('user') + '-' + 1);\n"
            "client.global.set('isEmpty', client.global.isEmpty());"_s,
            u"pre.http"_s, 3, ScriptPhase::PreRequest, request, nullptr, vars);
        QCOMPARE(o.status, ScriptOutcome::Status::Ok);
        QCOMPARE(vars.request.value(u"who"_s), u"ann-1"_s);
        QCOMPARE(vars.globals.value(u"isEmpty"_s), u"true"_s);
        // No response before the request is sent.
        const ScriptOutcome noResponse = ScriptApi::run(u"\nresponse.status"_s, u"pre.http"_s, 3,
                                                        ScriptPhase::PreRequest, request, nullptr, vars);
        QCOMPARE(noResponse.status, ScriptOutcome::Status::Error);
        QCOMPARE(noResponse.message, u"pre.http:4: ReferenceError: response is not defined"_s);
    }

    void anAssertionOutsideATestFails()
    {
        const ScriptOutcome o = respond(u"\n\nclient.assert(response.status === 404, 'wanted 404');"_s,
                                        jsonResponse(200, "{}"));
        QCOMPARE(o.status, ScriptOutcome::Status::Failed);
        QCOMPARE(o.message, u"api.http:12: AssertionError: wanted 404"_s);
    }

    void unknownMembersAreNamed()
    {
        ScriptOutcome o = respond(u"client.test('t', function () {\n  client.assert(response.cookies.length);\n});"_s,
                                  jsonResponse(200, "{}"));
        QCOMPARE(o.status, ScriptOutcome::Status::Unsupported);
        QCOMPARE(o.message,
                 u"api.http:11: `response.cookies` is not supported by Peephole; the script's tests were not run"_s);
        QVERIFY(o.tests.isEmpty());
        o = respond(u"pm.test('t', function () { pm.expect([]).to.be.empty.and.have.members([]); });"_s,
                    jsonResponse(200, "{}"));
        QVERIFY2(o.status == ScriptOutcome::Status::Unsupported,
                 qPrintable(o.tests.isEmpty() ? o.message : o.tests.first().message));
        QVERIFY2(o.message.contains(u"`pm.expect(\u2026).members`"_s), qPrintable(o.message));
        // Found before anything is sent; strings, comments and the script's own variables do not count.
        QCOMPARE(ScriptApi::unsupported(u"client.exit()"_s), u"client.exit"_s);
        QCOMPARE(ScriptApi::unsupported(u"pm.response.to.have.status(200); pm.info.requestName"_s), u"pm.info"_s);
        QCOMPARE(ScriptApi::unsupported(u"client.log('pm.cookies'); // client.exit()\n/* pm.x */"_s), QString());
        QCOMPARE(ScriptApi::unsupported(u"const response = pm.response.json(); response.data.id"_s), QString());
    }

    void postmanApi()
    {
        ScriptVariables vars;
        vars.environment.insert(u"base"_s, u"http://h"_s);
        vars.visible.insert(u"fileVar"_s, u"fv"_s);
        const ScriptOutcome o = respond(
            uR"(pm.test("code", function () { pm.response.to.have.status(200); });
pm.test("json", function () {
  var j = pm.response.json();
  pm.expect(j.id).to.equal(7);
  pm.expect(j).to.have.property("name", "Ann");
  pm.expect(j).to.have.property("tags").that.is.an("array").and.include("x");
  pm.expect(j.tags).to.eql(["x", "y"]);
  pm.expect(j.name).to.be.a("string");
  pm.expect(j.id).to.be.above(6).and.below(8);
  pm.expect(j.missing).to.not.be.ok;
  pm.expect(j).to.include({id: 7});
  pm.expect(pm.response.text()).to.include("Ann");
});
pm.test("headers", function () {
  pm.expect(pm.response.headers.get("content-type")).to.include("json");
  pm.expect(pm.response.code).to.equal(200);
  pm.expect(pm.response.status).to.equal("OK");
  pm.expect(pm.response.responseTime).to.be.below(1000);
  pm.expect(pm.request.url.toString()).to.include("/users/7");
  pm.expect(pm.request.headers.get("accept")).to.equal("application/json");
});
pm.test("fails", function () { pm.expect(pm.response.json().id).to.equal(8); });
pm.test("deep fails", function () { pm.expect({a: [1]}).to.eql({a: [2]}); });
pm.test("response ok", function () { pm.response.to.be.ok; });
pm.environment.set("fromTest", 42);
pm.collectionVariables.set("c", "1");
pm.globals.set("g", "2");
pm.variables.set("local", pm.variables.get("fileVar") + pm.environment.get("base"));
pm.environment.unset("base");
if (!pm.environment.has("fromTest") || pm.environment.has("base")) throw new Error("has/unset");
console.log("done");
)"_s,
            jsonResponse(200, R"({"id":7,"name":"Ann","tags":["x","y"]})"), &vars);
        QCOMPARE(o.status, ScriptOutcome::Status::Ok);
        QCOMPARE(o.tests.size(), 6);
        for (int i : {0, 1, 2, 5})
            QVERIFY2(o.tests.at(i).passed, qPrintable(o.tests.at(i).name + u": "_s + o.tests.at(i).message));
        QVERIFY(!o.tests.at(3).passed);
        QCOMPARE(o.tests.at(3).message, u"expected 7 to equal 8"_s);
        QVERIFY(!o.tests.at(4).passed);
        QCOMPARE(o.tests.at(4).message, u"expected {\"a\":[1]} to deeply equal {\"a\":[2]}"_s);
        QCOMPARE(vars.environment.value(u"fromTest"_s), u"42"_s);
        QVERIFY(!vars.environment.contains(u"base"_s));
        QCOMPARE(vars.collection.value(u"c"_s), u"1"_s);
        QCOMPARE(vars.globals.value(u"g"_s), u"2"_s);
        QCOMPARE(vars.request.value(u"local"_s), u"fvhttp://h"_s);
        QCOMPARE(o.log, QStringList{u"done"_s});

        const ScriptOutcome notFound = respond(u"pm.test('ok', function () { pm.response.to.be.ok; });\n"
                                               "pm.test('404', function () { pm.response.to.have.status(404); });"_s,
                                               jsonResponse(404, "{}"));
        QVERIFY(!notFound.tests.at(0).passed);
        QCOMPARE(notFound.tests.at(0).message, u"expected response code to be 200 but found 404"_s);
        QVERIFY(notFound.tests.at(1).passed);
    }

    void httpyacExpressions()
    {
        ScriptVariables vars;
        vars.visible.insert(u"expectedName"_s, u"Ann"_s);
        QString error;
        bool unsupported = false;
        const ScriptMessage r = jsonResponse(200, R"({"id":7,"name":"Ann"})");
        std::optional<QJsonValue> v = ScriptApi::evaluate(u"response.parsedBody.id"_s, u"a.http"_s, 3, r, vars,
                                                          &error, &unsupported);
        QVERIFY2(v, qPrintable(error));
        QCOMPARE(v->toInt(), 7);
        v = ScriptApi::evaluate(u"response.parsedBody.name === expectedName && response.statusCode === 200"_s,
                                u"a.http"_s, 3, r, vars, &error, &unsupported);
        QVERIFY(v && v->toBool());
        v = ScriptApi::evaluate(u"response.headers['content-type']"_s, u"a.http"_s, 3, r, vars, &error,
                                &unsupported);
        QCOMPARE(v->toString(), u"application/json; charset=utf-8"_s);
        v = ScriptApi::evaluate(u"response.parsedBody.nothing"_s, u"a.http"_s, 3, r, vars, &error, &unsupported);
        QVERIFY(!v && error.isEmpty());
        v = ScriptApi::evaluate(u"nosuch.thing"_s, u"a.http"_s, 3, r, vars, &error, &unsupported);
        QVERIFY(!v);
        QCOMPARE(error, u"a.http:3: ReferenceError: nosuch is not defined"_s);
        v = ScriptApi::evaluate(u"response.timings.total"_s, u"a.http"_s, 3, r, vars, &error, &unsupported);
        QVERIFY(!v && unsupported);
        QCOMPARE(error, u"a.http:3: `response.timings` is not supported by Peephole"_s);
    }
};

QTEST_GUILESS_MAIN(TestScriptSandbox)
#include "tst_scriptsandbox.moc"
