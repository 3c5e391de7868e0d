#include "formats/curlcommand.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/httpserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
QByteArray header(const RequestSpec &spec, QByteArrayView name)
{
    return Headers::value(spec.headers, name);
}
} // namespace

class TestCurlCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseTable_data();
    void parseTable();
    void dataForms();
    void fileBodies();
    void forms();
    void authVariants();
    void optionsCarriedOver();
    void unknownOptionsReported();
    void errorsHavePositions_data();
    void errorsHavePositions();
    void windowsCmd();
    void roundTrip_data();
    void roundTrip();
    void fromExchange();
    void quotingOfWrittenCommand();
    void sentThroughTheEngine();
};

// Real-world commands in the style of API documentation, with the result that matters.
void TestCurlCommand::parseTable_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("plain get") << u"curl https://api.github.com/users/octocat"_s << "GET"_ba
                               << u"https://api.github.com/users/octocat"_s << QByteArray() << QByteArray()
                               << QByteArray();
    QTest::newRow("github accept") << u"curl -L \\\n  -H \"Accept: application/vnd.github+json\" \\\n"
                                      u"  -H \"X-GitHub-Api-Version: 2022-11-28\" \\\n"
                                      u"  https://api.github.com/repos/OWNER/REPO/issues"_s
                                   << "GET"_ba << u"https://api.github.com/repos/OWNER/REPO/issues"_s
                                   << "X-GitHub-Api-Version"_ba
                                   << "2022-11-28"_ba << QByteArray();
    QTest::newRow("stripe form")
        << u"curl https://api.stripe.com/v1/customers \\\n  -u sk_test_123: \\\n"
           u"  -d name=\"Jenny Rosen\" \\\n  --data-urlencode email=\"jenny.rosen@example.com\""_s
        << "POST"_ba << u"https://api.stripe.com/v1/customers"_s << QByteArray() << QByteArray()
        << "name=Jenny Rosen&email=jenny.rosen%40example.com"_ba;
    QTest::newRow("json post single quotes")
        << u"curl -X POST https://httpbin.org/post -H 'Content-Type: application/json' -d '{\"name\": \"Ada\", \"it'\\''s\": true}'"_s
        << "POST"_ba << u"https://httpbin.org/post"_s << "Content-Type"_ba
        << "application/json"_ba
        << "{\"name\": \"Ada\", \"it's\": true}"_ba;
    QTest::newRow("double quoted json with escapes")
        << u"curl \"https://example.com/api\" -H \"Content-Type: application/json\" --data \"{\\\"a\\\": \\\"$HOME\\\\n\\\"}\""_s
        << "POST"_ba << u"https://example.com/api"_s << "Content-Type"_ba
        << "application/json"_ba
        << "{\"a\": \"$HOME\\n\"}"_ba;
    QTest::newRow("ansi-c quotes")
        << u"curl $'https://example.com/a' --data-raw $'line1\\nline2\\t\\x41\\u00e9'"_s << "POST"_ba
        << u"https://example.com/a"_s << QByteArray() << QByteArray() << "line1\nline2\tA\xc3\xa9"_ba;
    QTest::newRow("combined short flags")
        << u"curl -sSL -XPUT https://example.com/x -d@/dev/null"_s << "PUT"_ba << u"https://example.com/x"_s
        << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("attached header") << u"curl -H'X-Trace: 1' https://example.com/"_s << "GET"_ba
                                     << u"https://example.com/"_s << "X-Trace"_ba
                                     << "1"_ba << QByteArray();
    QTest::newRow("multiple -d joined")
        << u"curl -d a=1 -d b=2 --data-raw 'c=@x' https://example.com/f"_s << "POST"_ba
        << u"https://example.com/f"_s << QByteArray() << QByteArray() << "a=1&b=2&c=@x"_ba;
    QTest::newRow("get with data")
        << u"curl -G https://example.com/search -d q=qt --data-urlencode 'lang=c++'"_s << "GET"_ba
        << u"https://example.com/search?q=qt&lang=c%2B%2B"_s << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("head") << u"curl -I https://example.com/"_s << "HEAD"_ba << u"https://example.com/"_s
                          << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("url option and user agent")
        << u"curl --url https://example.com/ua -A 'Mozilla/5.0 (X11)' -e https://ref.example/"_s << "GET"_ba
        << u"https://example.com/ua"_s << "User-Agent"_ba
        << "Mozilla/5.0 (X11)"_ba << QByteArray();
    QTest::newRow("cookie string") << u"curl -b 'session=abc; theme=dark' https://example.com/"_s << "GET"_ba
                                   << u"https://example.com/"_s << "Cookie"_ba
                                   << "session=abc; theme=dark"_ba << QByteArray();
    QTest::newRow("bearer header")
        << u"curl https://api.openai.com/v1/models -H \"Authorization: Bearer $OPENAI_API_KEY\""_s << "GET"_ba
        << u"https://api.openai.com/v1/models"_s << "Authorization"_ba
        << "Bearer $OPENAI_API_KEY"_ba << QByteArray();
    QTest::newRow("delete with -X")
        << u"curl --request DELETE \\\n     --url https://api.example.com/v1/items/42"_s << "DELETE"_ba
        << u"https://api.example.com/v1/items/42"_s << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("json option") << u"curl --json '{\"tool\": \"curl\"}' https://example.com/json"_s
                                 << "POST"_ba << u"https://example.com/json"_s << "Accept"_ba
                                 << "application/json"_ba
                                 << "{\"tool\": \"curl\"}"_ba;
    QTest::newRow("no scheme") << u"curl localhost:8080/health"_s << "GET"_ba
                               << u"http://localhost:8080/health"_s << QByteArray() << QByteArray()
                               << QByteArray();
    QTest::newRow("empty header value") << u"curl -H 'X-Empty;' https://example.com/"_s << "GET"_ba
                                        << u"https://example.com/"_s << "X-Empty"_ba
                                        << ""_ba << QByteArray();
    QTest::newRow("backslash escapes outside quotes")
        << u"curl https://example.com/a\\ b -H X-A:\\ \\\"q\\\""_s << "GET"_ba
        << u"https://example.com/a%20b"_s << "X-A"_ba
        << "\"q\""_ba << QByteArray();
    QTest::newRow("comment and crlf continuation")
        << u"curl https://example.com/c \\\r\n  -H 'A: 1' # trailing comment"_s << "GET"_ba
        << u"https://example.com/c"_s << "A"_ba
        << "1"_ba << QByteArray();
    QTest::newRow("patch with data-binary text")
        << u"curl -X PATCH https://api.example.com/u/1 -H 'Content-Type: application/merge-patch+json' --data-binary '{\"x\":1}'"_s
        << "PATCH"_ba << u"https://api.example.com/u/1"_s << "Content-Type"_ba
        << "application/merge-patch+json"_ba
        << "{\"x\":1}"_ba;
    QTest::newRow("slack webhook")
        << u"curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"Hello, World!\"}' https://hooks.slack.com/services/T0/B0/XXX"_s
        << "POST"_ba << u"https://hooks.slack.com/services/T0/B0/XXX"_s << "Content-type"_ba
        << "application/json"_ba
        << "{\"text\":\"Hello, World!\"}"_ba;
    QTest::newRow("mixed quoting in one word")
        << u"curl 'https://example.com/'\"path\"'?q=1'"_s << "GET"_ba << u"https://example.com/path?q=1"_s
        << QByteArray() << QByteArray() << QByteArray();
}

void TestCurlCommand::parseTable()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, headerValue);
    QFETCH(QByteArray, body);

    const CurlParseResult r = CurlCommand::parse(command);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.request.method, method);
    QCOMPARE(QString::fromUtf8(r.request.url.toEncoded()), url);
    if (!headerName.isEmpty()) {
        QVERIFY2(Headers::contains(r.request.headers, headerName), headerName.constData());
        QCOMPARE(header(r.request, headerName), headerValue);
    }
    if (!body.isEmpty()) {
        QCOMPARE(r.request.body.kind, RequestBody::Kind::Raw);
        QCOMPARE(r.request.body.raw, body);
    }
}

void TestCurlCommand::dataForms()
{
    // -d without a Content-Type header: curl sends form-urlencoded.
    CurlParseResult r = CurlCommand::parse(u"curl -d 'a=1' https://example.com/"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.body.contentType, "application/x-www-form-urlencoded"_ba);
    // An explicit header wins and is kept as typed.
    r = CurlCommand::parse(u"curl -H 'content-type: text/plain' -d 'a' https://example.com/"_s);
    QVERIFY(r.ok);
    QVERIFY(r.request.body.contentType.isEmpty());
    QCOMPARE(header(r.request, "Content-Type"), "text/plain"_ba);

    // --data-urlencode: every documented form.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(u"v.txt"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("a b&c");
    f.close();
    r = CurlCommand::parse(u"curl https://e.example/ --data-urlencode 'x y' --data-urlencode '=p&q' "
                           u"--data-urlencode 'n=1 2' --data-urlencode 'm@v.txt' --data-urlencode @v.txt"_s,
                           dir.path());
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.request.body.kind, RequestBody::Kind::Raw);
    QCOMPARE(r.request.body.raw, "x%20y&p%26q&n=1%202&m=a%20b%26c&a%20b%26c"_ba);

    // Only named --data-urlencode: a form the composer can edit, values unencoded.
    r = CurlCommand::parse(u"curl https://e.example/ --data-urlencode 'q=a&b' --data-urlencode 'lang=c++'"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.body.kind, RequestBody::Kind::FormUrlEncoded);
    QCOMPARE(r.request.body.form.size(), 2);
    QCOMPARE(r.request.body.form.at(0).second, "a&b"_ba);
    QCOMPARE(r.request.body.form.at(1).second, "c++"_ba);
}

void TestCurlCommand::fileBodies()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(u"body.json"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"a\": 1\n}\n");
    f.close();

    // --data-binary @file streams the file unchanged.
    CurlParseResult r = CurlCommand::parse(u"curl --data-binary @body.json https://e.example/"_s, dir.path());
    QVERIFY(r.ok);
    QCOMPARE(r.request.body.kind, RequestBody::Kind::File);
    QCOMPARE(r.request.body.filePath, dir.filePath(u"body.json"_s));
    QCOMPARE(r.request.method, "POST"_ba);

    // -d @file: curl strips the newlines.
    r = CurlCommand::parse(u"curl -d @body.json https://e.example/"_s, dir.path());
    QVERIFY(r.ok);
    QCOMPARE(r.request.body.raw, "{  \"a\": 1}"_ba);

    // A missing file is reported, not fatal.
    r = CurlCommand::parse(u"curl -d @missing.json https://e.example/"_s, dir.path());
    QVERIFY(r.ok);
    QCOMPARE(r.issues.size(), 1);
    QVERIFY(r.issues.first().reason.contains(u"missing.json"_s));

    // A pasted command cannot make the import block or read without end: devices, FIFOs (found by
    // tests/fuzz/fuzz_curl) and files over 64 MiB are left out with a reason; /dev/null is empty.
    QVERIFY(mkfifo(QFile::encodeName(dir.filePath(u"fifo"_s)).constData(), 0600) == 0);
    QElapsedTimer clock;
    clock.start();
    for (const QString &arg : {u"@fifo"_s, u"@/dev/zero"_s, u"@/dev/stdin"_s}) {
        r = CurlCommand::parse(u"curl -d "_s + arg + u" https://e.example/"_s, dir.path());
        QVERIFY(r.ok);
        QCOMPARE(r.issues.size(), 1);
        QVERIFY2(r.issues.first().reason.contains(u"not a regular file"_s), qPrintable(r.issues.first().reason));
        QVERIFY(r.request.body.raw.isEmpty());
    }
    QVERIFY(clock.elapsed() < 5000);
    QFile big(dir.filePath(u"big.bin"_s));
    QVERIFY(big.open(QIODevice::WriteOnly) && big.resize(64 * 1024 * 1024 + 1)); // sparse
    big.close();
    r = CurlCommand::parse(u"curl --data-raw x -d @big.bin https://e.example/"_s, dir.path());
    QVERIFY(r.ok);
    QCOMPARE(r.issues.size(), 1);
    QVERIFY2(r.issues.first().reason.contains(u"larger than 64 MiB"_s), qPrintable(r.issues.first().reason));
    r = CurlCommand::parse(u"curl -d @/dev/null https://e.example/"_s, dir.path());
    QVERIFY(r.ok && r.issues.isEmpty());

    // -T uploads with PUT and appends the file name to a URL ending in '/'.
    r = CurlCommand::parse(u"curl -T body.json https://files.example/upload/"_s, dir.path());
    QVERIFY(r.ok);
    QCOMPARE(r.request.method, "PUT"_ba);
    QCOMPARE(r.request.url.path(), u"/upload/body.json"_s);
    QCOMPARE(r.request.body.kind, RequestBody::Kind::File);
}

void TestCurlCommand::forms()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(u"note.txt"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("from file");
    f.close();
    const CurlParseResult r = CurlCommand::parse(
        u"curl https://e.example/upload -F 'title=Holiday' -F 'photo=@/tmp/a "
        u"b.jpg;type=image/jpeg;filename=\"x.jpg\"' "
        u"-F 'note=<note.txt' --form-string 'raw=@not-a-file' -F 'q=\"a;b\";type=text/plain' "
        u"-H 'Content-Type: multipart/form-data'"_s,
        dir.path());
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.request.method, "POST"_ba);
    QCOMPARE(r.request.body.kind, RequestBody::Kind::Multipart);
    const auto &parts = r.request.body.parts;
    QCOMPARE(parts.size(), 5);
    QCOMPARE(parts.at(0).name, "title"_ba);
    QCOMPARE(parts.at(0).value, "Holiday"_ba);
    QCOMPARE(parts.at(1).filePath, u"/tmp/a b.jpg"_s);
    QCOMPARE(parts.at(1).contentType, "image/jpeg"_ba);
    QCOMPARE(parts.at(1).fileName, "x.jpg"_ba);
    QCOMPARE(parts.at(2).value, "from file"_ba);
    QVERIFY(parts.at(2).filePath.isEmpty());
    QCOMPARE(parts.at(3).value, "@not-a-file"_ba);
    QCOMPARE(parts.at(4).value, "a;b"_ba);
    QCOMPARE(parts.at(4).contentType, "text/plain"_ba);
    QVERIFY(!Headers::contains(r.request.headers, "content-type")); // the engine adds it with the boundary
}

void TestCurlCommand::authVariants()
{
    CurlParseResult r = CurlCommand::parse(u"curl -u 'alice:pa:ss' https://e.example/"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.auth.scheme, AuthSettings::Scheme::Basic);
    QCOMPARE(r.request.auth.user, u"alice"_s);
    QCOMPARE(r.request.auth.password, u"pa:ss"_s);
    QVERIFY(r.request.auth.preemptive);
    QVERIFY(!Headers::contains(r.request.headers, "authorization"));

    r = CurlCommand::parse(u"curl --digest -u bob:secret https://e.example/"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.auth.scheme, AuthSettings::Scheme::Digest);
    QVERIFY(!r.request.auth.preemptive);

    r = CurlCommand::parse(u"curl --user bob https://e.example/"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.auth.user, u"bob"_s);
    QCOMPARE(r.issues.size(), 1); // the password curl would prompt for

    r = CurlCommand::parse(u"curl --oauth2-bearer 'eyJ.abc' https://e.example/"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.auth.scheme, AuthSettings::Scheme::Bearer);
    QCOMPARE(r.request.auth.token, u"eyJ.abc"_s);

    r = CurlCommand::parse(u"curl --basic -u a:b --anyauth https://e.example/"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.auth.scheme, AuthSettings::Scheme::Any);
}

void TestCurlCommand::optionsCarriedOver()
{
    CurlParseResult r = CurlCommand::parse(u"curl https://e.example/"_s);
    QVERIFY(r.ok);
    QVERIFY(!r.request.options.followRedirects); // curl does not follow without -L

    r = CurlCommand::parse(
        u"curl -kL --max-redirs 3 --compressed --http2 -x proxy.local:3128 -U pu:pp "
        u"-m 2.5 --cacert ca.pem --cert 'client.pem:pw' --key key.pem https://e.example/"_s,
        u"/certs"_s);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    const RequestOptions &o = r.request.options;
    QVERIFY(!o.verifyTls);
    QVERIFY(o.followRedirects);
    QCOMPARE(o.maxRedirects, 3);
    QVERIFY(o.http2Allowed);
    QCOMPARE(o.proxy, QUrl(u"http://proxy.local:3128"_s));
    QCOMPARE(r.request.auth.proxyUser, u"pu"_s);
    QCOMPARE(r.request.auth.proxyPassword, u"pp"_s);
    QCOMPARE(o.timeoutMs, 2500);
    QCOMPARE(o.caFile, u"/certs/ca.pem"_s);
    QCOMPARE(o.clientCertFile, u"/certs/client.pem"_s);
    QCOMPARE(o.clientCertPassphrase, u"pw"_s);
    QCOMPARE(o.clientKeyFile, u"/certs/key.pem"_s);
    QVERIFY(r.issues.isEmpty());

    r = CurlCommand::parse(u"curl --http2-prior-knowledge --connect-timeout 4 http://h2c.local/"_s);
    QVERIFY(r.ok);
    QVERIFY(r.request.options.h2cPriorKnowledge);
    QCOMPARE(r.request.options.connectTimeoutMs, 4000);
    QCOMPARE(r.request.options.timeoutMs, 0); // --connect-timeout is not a total deadline

    r = CurlCommand::parse(u"curl --http1.1 https://e.example/"_s);
    QVERIFY(r.ok);
    QVERIFY(!r.request.options.http2Allowed);
}

void TestCurlCommand::unknownOptionsReported()
{
    const CurlParseResult r = CurlCommand::parse(
        u"curl --frobnicate -Z -o out.html --retry 3 -v https://e.example/ https://second.example/"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.request.url, QUrl(u"https://e.example/"_s));
    QStringList items;
    for (const ImportIssue &issue : r.issues)
        items.append(issue.item);
    QCOMPARE(items, (QStringList{u"--frobnicate"_s, u"-Z"_s, u"--output out.html"_s, u"--retry 3"_s,
                                 u"https://second.example/"_s}));
}

void TestCurlCommand::errorsHavePositions_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("unterminated single") << u"curl \\\n  -H 'A: b https://e.example/"_s << 2 << 6;
    QTest::newRow("unterminated double") << u"curl \"https://e.example/"_s << 1 << 6;
    QTest::newRow("unterminated ansi") << u"curl $'abc"_s << 1 << 6;
    QTest::newRow("not curl") << u"  wget https://e.example/"_s << 1 << 3;
    QTest::newRow("missing value") << u"curl https://e.example/ -H"_s << 1 << 25;
    QTest::newRow("no url") << u"curl -s"_s << 1 << 1;
    QTest::newRow("bad url") << u"curl -s 'http://exa mple.com:99999/'"_s << 1 << 9;
    QTest::newRow("data and form") << u"curl -d a=1 -F b=2 https://e.example/"_s << 1 << 1;
}

void TestCurlCommand::errorsHavePositions()
{
    QFETCH(QString, command);
    QFETCH(int, line);
    QFETCH(int, column);
    const CurlParseResult r = CurlCommand::parse(command);
    QVERIFY(!r.ok);
    QVERIFY(!r.error.message.isEmpty());
    QCOMPARE(r.error.line, line);
    QCOMPARE(r.error.column, column);
    QVERIFY(r.request.url.isEmpty()); // a failed import produces nothing
}

void TestCurlCommand::windowsCmd()
{
    // As Chrome's "Copy as cURL (cmd)" writes it.
    const QString command = u"curl ^\"https://example.com/api?a=1^&b=2^\" ^\n"
                            u"  -H ^\"accept: application/json^\" ^\n"
                            u"  -H ^\"x-quote: say \\^\"hi\\^\"^\" ^\n"
                            u"  --data-raw ^\"^{^\\^\"k^\\^\":1^}^\" ^\n"
                            u"  --compressed"_s;
    const CurlParseResult r = CurlCommand::parse(command);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.request.url, QUrl(u"https://example.com/api?a=1&b=2"_s));
    QCOMPARE(header(r.request, "accept"), "application/json"_ba);
    QCOMPARE(header(r.request, "x-quote"), "say \"hi\""_ba);
    QCOMPARE(r.request.body.raw, "{\"k\":1}"_ba);
}

void TestCurlCommand::roundTrip_data()
{
    QTest::addColumn<RequestSpec>("spec");
    RequestSpec get;
    get.url = QUrl(u"https://api.example.com/v1/items?filter=a%20b&x=it's"_s);
    get.headers = {{"Accept", "application/json", true}, {"X-Quote", "it's \"quoted\" $HOME `x`", true}};
    QTest::newRow("get with tricky header") << get;

    RequestSpec post;
    post.method = "POST";
    post.url = QUrl(u"https://api.example.com/v1/items"_s);
    post.headers = {{"Content-Type", "application/json", true}};
    post.body.kind = RequestBody::Kind::Raw;
    post.body.raw = "{\n  \"name\": \"O'Brien\",\n  \"tab\": \"\\t\"\n}";
    post.auth.scheme = AuthSettings::Scheme::Digest;
    post.auth.user = u"alice"_s;
    post.auth.password = u"p'w:d"_s;
    post.options.followRedirects = true;
    post.options.maxRedirects = 4;
    post.options.timeoutMs = 1500;
    post.options.verifyTls = false;
    QTest::newRow("post json digest options") << post;

    RequestSpec control;
    control.method = "PUT";
    control.url = QUrl(u"https://e.example/raw"_s);
    control.headers = {{"Content-Type", "text/plain", true}};
    control.body.kind = RequestBody::Kind::Raw;
    control.body.raw = "bell\x07 and escape\x1b[0m";
    QTest::newRow("control characters") << control;

    RequestSpec form;
    form.method = "POST";
    form.url = QUrl(u"https://e.example/form"_s);
    form.body.kind = RequestBody::Kind::FormUrlEncoded;
    form.body.form = {{"q", "a&b=c"}, {"name", "Zoë O'Neil"}};
    form.body.contentType = "application/x-www-form-urlencoded";
    form.auth.scheme = AuthSettings::Scheme::Bearer;
    form.auth.token = u"tok'en"_s;
    form.auth.preemptive = true;
    QTest::newRow("urlencoded form bearer") << form;

    RequestSpec multipart;
    multipart.method = "POST";
    multipart.url = QUrl(u"https://e.example/upload"_s);
    multipart.body.kind = RequestBody::Kind::Multipart;
    multipart.body.parts = {{"title", "A; B", {}, {}, {}},
                            {"photo", {}, u"/tmp/my;photo.jpg"_s, "p.jpg", "image/jpeg"},
                            {"meta", "{\"a\":1}", {}, {}, "application/json"},
                            {"at", "@home", {}, {}, {}}};
    multipart.options.http2Allowed = false;
    QTest::newRow("multipart") << multipart;

    RequestSpec file;
    file.method = "PATCH";
    file.url = QUrl(u"https://e.example/file"_s);
    file.body.kind = RequestBody::Kind::File;
    file.body.filePath = u"/data/it's here.bin"_s;
    file.headers = {{"Content-Type", "application/octet-stream", true}, {"X-Empty", "", true}};
    file.options.proxy = QUrl(u"http://proxy.local:8080"_s);
    file.auth.proxyUser = u"p"_s;
    file.auth.proxyPassword = u"q"_s;
    file.options.h2cPriorKnowledge = true;
    QTest::newRow("file body proxy") << file;

    RequestSpec head;
    head.method = "HEAD";
    head.url = QUrl(u"https://e.example/"_s);
    QTest::newRow("head") << head;

    RequestSpec custom;
    custom.method = "PROPFIND";
    custom.url = QUrl(u"https://dav.example/dir/"_s);
    custom.headers = {{"Depth", "1", true}};
    custom.auth.scheme = AuthSettings::Scheme::Basic;
    custom.auth.user = u"u"_s;
    custom.auth.password = u"p"_s;
    custom.auth.preemptive = true;
    QTest::newRow("custom method basic") << custom;
}

void TestCurlCommand::roundTrip()
{
    QFETCH(RequestSpec, spec);
    QStringList warnings;
    const QString command = CurlCommand::fromRequest(spec, &warnings);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    const CurlParseResult r = CurlCommand::parse(command);
    QVERIFY2(r.ok, qPrintable(r.error.toString() + u'\n' + command));
    QVERIFY2(r.issues.isEmpty(), qPrintable(command));
    const RequestSpec &back = r.request;
    QCOMPARE(back.method, spec.method);
    QCOMPARE(back.url, spec.url);
    QCOMPARE(back.headers, spec.headers);
    QCOMPARE(back.body, spec.body);
    QCOMPARE(back.options, spec.options);
    QCOMPARE(back.auth.scheme, spec.auth.scheme);
    QCOMPARE(back.auth.user, spec.auth.user);
    QCOMPARE(back.auth.password, spec.auth.password);
    QCOMPARE(back.auth.token, spec.auth.token);
    QCOMPARE(back.auth.proxyUser, spec.auth.proxyUser);
    QCOMPARE(back.auth.proxyPassword, spec.auth.proxyPassword);
}

void TestCurlCommand::fromExchange()
{
    Exchange ex;
    ex.method = "POST";
    ex.url = QUrl(u"https://e.example/login"_s);
    ex.httpVersion = "HTTP/2";
    ex.requestHeaders = {{"Content-Type", "application/json", true},
                         {"Content-Length", "9", true},
                         {"Authorization", "Basic YTpi", true}};
    ex.requestBody = BodyStore::fromBytes("{\"a\":\"b\"}");
    const QString command = CurlCommand::fromExchange(ex);
    QVERIFY(!command.contains(u"-L"_s));
    QVERIFY(!command.contains(u"Content-Length"_s));
    const CurlParseResult r = CurlCommand::parse(command);
    QVERIFY(r.ok);
    QCOMPARE(r.request.method, "POST"_ba);
    QCOMPARE(r.request.body.raw, "{\"a\":\"b\"}"_ba);
    QCOMPARE(header(r.request, "authorization"), "Basic YTpi"_ba);
    QVERIFY(!r.request.options.followRedirects);
}

void TestCurlCommand::quotingOfWrittenCommand()
{
    RequestSpec spec;
    spec.url = QUrl(u"https://e.example/"_s);
    spec.headers = {{"X-A", "it's", true}};
    const QString command = CurlCommand::fromRequest(spec);
    // Peephole follows redirects by default; curl needs -L for that.
    QCOMPARE(command, u"curl 'https://e.example/' \\\n  -H 'X-A: it'\\''s' \\\n  -L\n"_s);
}

// A pasted command, sent by the real engine to a real server, arrives as curl would send it.
void TestCurlCommand::sentThroughTheEngine()
{
    HttpServer server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    server.route("/*", ScriptedResponse::text(200, "ok"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(u"photo.bin"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\x89PNG\r\n");
    f.close();

    ExchangeLog log;
    HttpSession session(&log);
    QSignalSpy finished(&session, &HttpSession::chainFinished);

    const QString base = QString::fromUtf8(server.urlBytes(u"/"_s));
    CurlParseResult r = CurlCommand::parse(u"curl '"_s + base +
                                           u"orders?x=1' -H 'X-Trace: abc' -b 'sid=42' "
                                           u"-d 'item=book' --data-urlencode 'note=a&b c'"_s);
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    session.send(r.request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    ServerRequest got = server.lastRequest();
    QCOMPARE(got.method, "POST"_ba);
    QCOMPARE(got.path, "/orders"_ba);
    QCOMPARE(got.query, "x=1"_ba);
    QCOMPARE(got.header("x-trace"), "abc"_ba);
    QCOMPARE(got.header("cookie"), "sid=42"_ba);
    QCOMPARE(got.header("content-type"), "application/x-www-form-urlencoded"_ba);
    QCOMPARE(got.body, "item=book&note=a%26b%20c"_ba);

    r = CurlCommand::parse(
        u"curl -X PUT "_s + base + u"upload -F 'title=Hi' -F 'file=@photo.bin;type=image/png'"_s, dir.path());
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    session.send(r.request);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    got = server.lastRequest();
    QCOMPARE(got.method, "PUT"_ba);
    QVERIFY(got.header("content-type").startsWith("multipart/form-data; boundary="));
    QVERIFY(got.body.contains("name=\"title\"\r\n\r\nHi\r\n"));
    QVERIFY(got.body.contains("filename=\"photo.bin\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n"));
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
