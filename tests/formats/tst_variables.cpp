#include "collection/environmentfile.h"
#include "collection/variables.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestVariables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scopesInOrder();
    void nestedValues();
    void dynamicVariables();
    void undefinedIsAnErrorNamingItAndWhere_data();
    void undefinedIsAnErrorNamingItAndWhere();
    void syntaxAndCycles();
    void depthLimitIsNotASelfReference();
    void exponentialExpansionIsBounded();
    void resolveWholeRequest();
    void environmentFile();
    void environmentWithPrivateFile();
    void environmentWriteRoundTrip();
    void environmentErrors();

private:
    static QString fixturePath(const QString &name)
    {
        return qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/formats/fixtures/"_s + name;
    }
};

void TestVariables::scopesInOrder()
{
    const VariableScope request{{u"id"_s, u"request"_s}};
    const VariableScope folder{{u"id"_s, u"folder"_s}, {u"f"_s, u"folder"_s}};
    const VariableScope collection{
        {u"id"_s, u"collection"_s}, {u"f"_s, u"collection"_s}, {u"c"_s, u"collection"_s}};
    const VariableScope environment{{u"id"_s, u"env"_s}, {u"c"_s, u"env"_s}, {u"e"_s, u"env"_s}};
    const Variables vars({request, folder, collection, environment});
    VariableError error;
    QCOMPARE(vars.resolve(u"{{id}} {{f}} {{c}} {{e}}"_s, u"body"_s, &error),
             u"request folder collection env"_s);
    QCOMPARE(vars.resolve(u"{{ id }}"_s, u"body"_s, &error), u"request"_s); // spaces inside braces
    QCOMPARE(vars.resolve("no variables here"_ba, u"body"_s, &error), "no variables here"_ba);
}

void TestVariables::nestedValues()
{
    const Variables vars({{{u"url"_s, u"https://{{host}}/{{version}}"_s}},
                          {{u"host"_s, u"api.example.com"_s}, {u"version"_s, u"v2"_s}}});
    VariableError error;
    QCOMPARE(vars.resolve(u"{{url}}/users"_s, u"URL"_s, &error), u"https://api.example.com/v2/users"_s);
}

void TestVariables::dynamicVariables()
{
    const Variables vars;
    VariableError error;
    const std::optional<QString> uuids = vars.resolve(u"{{$uuid}} {{$guid}}"_s, u"body"_s, &error);
    QVERIFY(uuids);
    const QStringList two = uuids->split(u' ');
    QVERIFY(!QUuid::fromString(two.at(0)).isNull());
    QVERIFY(!QUuid::fromString(two.at(1)).isNull());
    QVERIFY(two.at(0) != two.at(1));

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const std::optional<QString> ts = vars.resolve(u"{{$timestamp}}"_s, u"body"_s, &error);
    QVERIFY(ts);
    bool ok = false;
    const qint64 value = ts->toLongLong(&ok);
    QVERIFY(ok);
    QVERIFY(value >= before);

    const std::optional<QString> iso = vars.resolve(u"{{$isoTimestamp}}"_s, u"body"_s, &error);
    QVERIFY(iso);
    QVERIFY(QDateTime::fromString(*iso, Qt::ISODateWithMs).isValid());
    QVERIFY(iso->endsWith(u'Z'));

    for (int i = 0; i < 50; ++i) {
        const int n = vars.resolve(u"{{$randomInt 5 8}}"_s, u"body"_s, &error)->toInt();
        QVERIFY(n >= 5 && n < 8);
        const int m = vars.resolve(u"{{$randomInt}}"_s, u"body"_s, &error)->toInt();
        QVERIFY(m >= 0 && m <= 1000);
    }
    QVERIFY(!vars.resolve(u"{{$randomInt 9 2}}"_s, u"body"_s, &error));
    QVERIFY(error.message.contains(u"MIN < MAX"_s));
    QVERIFY(!vars.resolve(u"{{$nope}}"_s, u"header value of X"_s, &error));
    QCOMPARE(error.name, u"$nope"_s);
}

void TestVariables::undefinedIsAnErrorNamingItAndWhere_data()
{
    QTest::addColumn<RequestSpec>("spec");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("where");

    RequestSpec url;
    url.urlTemplate = u"https://{{host}}/x"_s;
    QTest::newRow("URL") << url << u"host"_s << u"URL"_s;

    RequestSpec headerName;
    headerName.url = QUrl(u"https://e.example/"_s);
    headerName.headers = {{"X-{{suffix}}", "1", true}};
    QTest::newRow("header name") << headerName << u"suffix"_s << u"header name"_s;

    RequestSpec headerValue;
    headerValue.url = QUrl(u"https://e.example/"_s);
    headerValue.headers = {{"Authorization", "Bearer {{token}}", true}};
    QTest::newRow("header value") << headerValue << u"token"_s << u"value of header Authorization"_s;

    RequestSpec body;
    body.url = QUrl(u"https://e.example/"_s);
    body.body.kind = RequestBody::Kind::Raw;
    body.body.raw = "{\"id\": \"{{userId}}\"}";
    QTest::newRow("body") << body << u"userId"_s << u"body"_s;

    RequestSpec form;
    form.url = QUrl(u"https://e.example/"_s);
    form.body.kind = RequestBody::Kind::FormUrlEncoded;
    form.body.form = {{"user", "{{user}}"}};
    QTest::newRow("form") << form << u"user"_s << u"form field user"_s;

    RequestSpec auth;
    auth.url = QUrl(u"https://e.example/"_s);
    auth.auth.password = u"{{password}}"_s;
    QTest::newRow("auth") << auth << u"password"_s << u"auth password"_s;
}

void TestVariables::undefinedIsAnErrorNamingItAndWhere()
{
    QFETCH(RequestSpec, spec);
    QFETCH(QString, name);
    QFETCH(QString, where);
    const Variables vars({{{u"other"_s, u"x"_s}}});
    VariableError error;
    QVERIFY(!vars.resolveRequest(spec, &error));
    QCOMPARE(error.name, name);
    QCOMPARE(error.where, where);
    QVERIFY(error.message.contains(u"{{"_s + name + u"}}"_s));
    QVERIFY(error.message.contains(where));
}

void TestVariables::syntaxAndCycles()
{
    const Variables vars({{{u"a"_s, u"{{b}}"_s}, {u"b"_s, u"{{a}}"_s}, {u"c"_s, u"{{missing}}"_s}}});
    VariableError error;
    QVERIFY(!vars.resolve(u"x {{a}}"_s, u"body"_s, &error));
    QVERIFY(error.message.contains(u"refers to itself"_s));
    QVERIFY(!vars.resolve(u"{{c}}"_s, u"body"_s, &error));
    QCOMPARE(error.name, u"missing"_s);
    QVERIFY(error.message.contains(u"{{c}}"_s)); // who used it
    QVERIFY(!vars.resolve(u"abc {{open"_s, u"URL"_s, &error));
    QVERIFY(error.message.contains(u"never closed"_s));
    QVERIFY(!vars.resolve(u"{{ }}"_s, u"URL"_s, &error));
}

void TestVariables::depthLimitIsNotASelfReference()
{
    // v0 → v1 → … → vN, every name distinct: no cycle, only depth.
    auto chainOf = [](int levels) {
        VariableScope scope;
        for (int i = 0; i < levels; ++i)
            scope.insert(u"v%1"_s.arg(i), u"{{v%1}}"_s.arg(i + 1));
        scope.insert(u"v%1"_s.arg(levels), u"end"_s);
        return Variables({scope});
    };
    VariableError error;
    QCOMPARE(chainOf(15).resolve(u"{{v0}}"_s, u"URL"_s, &error).value_or(QString()), u"end"_s);
    QVERIFY(!chainOf(40).resolve(u"{{v0}}"_s, u"URL"_s, &error));
    QVERIFY2(!error.message.contains(u"itself"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"more than 16 levels deep"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"v0 → v1"_s), qPrintable(error.message));
}

void TestVariables::exponentialExpansionIsBounded()
{
    // Ten uses of the next level, eight levels: 10^8 substitutions if nothing stopped it.
    VariableScope scope;
    for (int i = 0; i < 8; ++i)
        scope.insert(u"l%1"_s.arg(i), u"{{l%1}}"_s.arg(i + 1).repeated(10));
    scope.insert(u"l8"_s, u"laugh"_s);
    const Variables vars({scope});
    QElapsedTimer timer;
    timer.start();
    VariableError error;
    QVERIFY(!vars.resolve(u"{{l0}}"_s, u"body"_s, &error));
    QVERIFY2(error.message.contains(u"expand to more than 16 MiB or 100000 substitutions"_s),
             qPrintable(error.message));
    QCOMPARE(error.where, u"body"_s);
    QVERIFY2(timer.elapsed() < 10000, "bounded, not a hang");

    // A few levels of doubling still resolve.
    VariableScope small;
    for (int i = 0; i < 4; ++i)
        small.insert(u"d%1"_s.arg(i), u"{{d%1}}{{d%1}}"_s.arg(i + 1));
    small.insert(u"d4"_s, u"ab"_s);
    QCOMPARE(Variables({small}).resolve(u"{{d0}}"_s, u"body"_s, &error).value_or(QString()),
             u"ab"_s.repeated(16));
}

void TestVariables::resolveWholeRequest()
{
    RequestSpec spec;
    spec.method = "POST";
    spec.urlTemplate = u"https://{{host}}/users/{{id}}?q={{q}}"_s;
    spec.headers = {{"Authorization", "Bearer {{token}}", true},
                    {"X-Off", "{{undefinedButDisabled}}", false}};
    spec.body.kind = RequestBody::Kind::Multipart;
    spec.body.parts = {{"name", "{{user}}", {}, {}, {}}, {"file", {}, u"{{dir}}/a.txt"_s, {}, {}}};
    spec.auth.user = u"{{user}}"_s;
    const Variables vars({{{u"id"_s, u"42"_s}},
                          {{u"host"_s, u"api.example.com"_s},
                           {u"q"_s, u"a b"_s},
                           {u"token"_s, u"t0k"_s},
                           {u"user"_s, u"alice"_s},
                           {u"dir"_s, u"/tmp"_s}}});
    VariableError error;
    const std::optional<RequestSpec> out = vars.resolveRequest(spec, &error);
    QVERIFY2(out, qPrintable(error.message));
    QCOMPARE(out->url, QUrl(u"https://api.example.com/users/42?q=a b"_s));
    QVERIFY(out->urlTemplate.isEmpty());
    QCOMPARE(Headers::value(out->headers, "authorization"), "Bearer t0k"_ba);
    QCOMPARE(out->body.parts.at(0).value, "alice"_ba);
    QCOMPARE(out->body.parts.at(1).filePath, u"/tmp/a.txt"_s);
    QCOMPARE(out->auth.user, u"alice"_s);

    // A URL that is not valid once resolved is an error too.
    RequestSpec bad;
    bad.urlTemplate = u"{{host}}"_s;
    QVERIFY(!Variables({{{u"host"_s, u"not a url"_s}}}).resolveRequest(bad, &error));
    QCOMPARE(error.where, u"URL"_s);
}

void TestVariables::environmentFile()
{
    const EnvironmentFileResult r = EnvironmentFile::readFile(fixturePath(u"http-client.env.json"_s));
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.environments.size(), 3);
    QCOMPARE(r.environments.at(0).name, u"dev"_s); // file order
    QCOMPARE(r.environments.at(1).name, u"$shared"_s);
    QCOMPARE(r.environments.at(2).name, u"prod"_s);
    QCOMPARE(r.environments.at(0).variables.value(u"retries"_s), u"3"_s);
    QCOMPARE(r.environments.at(0).variables.value(u"verbose"_s), u"true"_s);
    QCOMPARE(r.issues.size(), 1); // SSLConfiguration is not a variable
    QCOMPARE(r.issues.first().item, u"prod.SSLConfiguration"_s);

    const VariableScope dev = EnvironmentFile::scopeFor(r.environments, u"dev"_s);
    QCOMPARE(dev.value(u"host"_s), u"localhost:8080"_s); // the environment wins over $shared
    QCOMPARE(dev.value(u"version"_s), u"v2"_s);          // from $shared
}

void TestVariables::environmentWithPrivateFile()
{
    const QString publicPath = fixturePath(u"http-client.env.json"_s);
    QCOMPARE(EnvironmentFile::privateFileFor(publicPath), fixturePath(u"http-client.private.env.json"_s));
    const EnvironmentFileResult r = EnvironmentFile::readWithPrivate(publicPath);
    QVERIFY(r.ok);
    const VariableScope prod = EnvironmentFile::scopeFor(r.environments, u"prod"_s);
    QCOMPARE(prod.value(u"password"_s), u"prod-password"_s);
    QCOMPARE(prod.value(u"user"_s), u"service-admin"_s); // private overrides public
    QCOMPARE(prod.value(u"host"_s), u"api.example.com"_s);
}

void TestVariables::environmentWriteRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<Environment> envs{
        {u"staging"_s, {{u"host"_s, u"s.example.com"_s}, {u"quote"_s, u"a \"b\""_s}}},
        {u"$shared"_s, {{u"v"_s, u"1"_s}}},
        {u"alpha"_s, {}}};
    const QString path = dir.filePath(u"http-client.env.json"_s);
    QString error;
    QVERIFY2(EnvironmentFile::writeFile(path, envs, &error), qPrintable(error));
    const EnvironmentFileResult r = EnvironmentFile::readFile(path);
    QVERIFY(r.ok);
    QCOMPARE(r.environments, envs); // order kept, values exact
    QCOMPARE(EnvironmentFile::toJson(r.environments), EnvironmentFile::toJson(envs));
}

void TestVariables::environmentErrors()
{
    EnvironmentFileResult r = EnvironmentFile::read("{\n  \"dev\": {\n    \"a\": 1,\n  }\n}");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.line, 4);
    QVERIFY(r.environments.isEmpty());
    r = EnvironmentFile::read("{\"dev\": \"not an object\"}");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.where, u"dev"_s);
    r = EnvironmentFile::readFile(u"/nonexistent/http-client.env.json"_s);
    QVERIFY(!r.ok);
    QVERIFY(r.error.message.contains(u"/nonexistent/"_s));
}

QTEST_GUILESS_MAIN(TestVariables)
#include "tst_variables.moc"
