#include "collection/variables.h"
#include "formats/httpfile.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/httpserver.h"

#include <QSignalSpy>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestHttpFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jetBrainsFileParses();
    void peepholeDirectives();
    void byteStability_data();
    void byteStability();
    void writerNormalises();
    void multipartNamesRoundTrip();
    void commentsAmongHeadersStayThere();
    void writeNeverHoldsSecrets();
    void errorsKeepOtherRequests();
    void writeFileAtomically();
    void brokenBlocksSurviveSaving();
    void sentThroughTheEngine();

private:
    static QByteArray fixture(const QString &name);
};

QByteArray TestHttpFile::fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/formats/fixtures/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

void TestHttpFile::jetBrainsFileParses()
{
    const HttpFileParseResult r = HttpFileParser::parse(fixture(u"jetbrains.http"_s));
    QVERIFY(r.ok);
    QCOMPARE(r.file.leadingComments, (QStringList{u"# Requests for the example API."_s,
                                                  u"// Run them with the \"dev\" environment."_s}));
    QCOMPARE(r.file.variables,
             (QList<HttpFileVariable>{{u"host"_s, u"api.example.com"_s}, {u"version"_s, u"v2"_s}}));

    // The broken request is reported with its line; the others load.
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().line, 46);
    QVERIFY(r.errors.first().message.contains(u"This is not a header"_s));
    QCOMPARE(r.file.requests.size(), 6);

    const HttpFileRequest &get = r.file.requests.at(0);
    QCOMPARE(get.name, u"Get a user"_s);
    QCOMPARE(get.comments, QStringList{u"# Fetches one user."_s});
    QCOMPARE(get.request.method, "GET"_ba);
    QCOMPARE(get.request.urlTemplate, u"https://{{host}}/{{version}}/users/42"_s);
    QCOMPARE(Headers::value(get.request.headers, "x-request-id"), "{{$uuid}}"_ba);
    QVERIFY(get.request.body.isEmpty());
    QCOMPARE(get.line, 9);

    const HttpFileRequest &post = r.file.requests.at(1);
    QCOMPARE(post.name, u"createUser"_s);
    QCOMPARE(post.httpVersion, "HTTP/1.1"_ba);
    QCOMPARE(post.request.body.kind, RequestBody::Kind::Raw);
    QCOMPARE(post.request.body.raw, "{\n  \"name\": \"Ada\",\n  \"tags\": [\"a\", \"b\"]\n}"_ba);
    QCOMPARE(post.responseHandler.size(), 5);
    QVERIFY(post.responseHandler.first().startsWith(u"> {%"_s));

    const HttpFileRequest &search = r.file.requests.at(2);
    QCOMPARE(search.request.method, "GET"_ba); // no method written
    QCOMPARE(search.request.urlTemplate, u"https://{{host}}/search?q=peephole&page=2"_s);
    QVERIFY(!search.request.options.followRedirects);
    QVERIFY(!search.request.options.useCookieJar);
    QVERIFY(search.comments.isEmpty());
    QVERIFY(search.unsupported.isEmpty());

    const HttpFileRequest &upload = r.file.requests.at(3);
    QCOMPARE(upload.request.body.kind, RequestBody::Kind::File);
    QCOMPARE(upload.request.body.filePath, u"./data/report.bin"_s);
    QCOMPARE(upload.requestWithPathsResolved(u"/home/u/api"_s).body.filePath,
             u"/home/u/api/data/report.bin"_s);

    const HttpFileRequest &form = r.file.requests.at(4);
    QCOMPARE(form.request.body.raw, "user=alice&password={{password}}"_ba);

    // A JetBrains multipart body becomes parts; Peephole sends them with its own boundary.
    const HttpFileRequest &upload2 = r.file.requests.at(5);
    QCOMPARE(upload2.request.body.kind, RequestBody::Kind::Multipart);
    QVERIFY(!Headers::contains(upload2.request.headers, "content-type"));
    const QList<MultipartPart> parts = upload2.request.body.parts;
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).name, "title"_ba);
    QCOMPARE(parts.at(0).value, "Holiday photos"_ba);
    QCOMPARE(parts.at(1).fileName, "beach.jpg"_ba);
    QCOMPARE(parts.at(1).contentType, "image/jpeg"_ba);
    QCOMPARE(parts.at(1).filePath, u"./photos/beach.jpg"_s);
    QCOMPARE(upload2.requestWithPathsResolved(u"/p"_s).body.parts.at(1).filePath, u"/p/photos/beach.jpg"_s);

    // The response handler is kept as written and read as a script (run by core/script).
    QCOMPARE(r.issues.size(), 0);
    QCOMPARE(post.scripts.size(), 1);
    QCOMPARE(post.scripts.first().phase, HttpFileScript::Phase::Response);
    QCOMPARE(post.scripts.first().line, 25); // "> {%"
    QVERIFY(post.scripts.first().code.contains(u"client.test(\"created\""_s));
}

void TestHttpFile::peepholeDirectives()
{
    const QByteArray text = "###\n"
                            "# @name login\n"
                            "# @peephole-timeout 5000\n"
                            "# @peephole-insecure\n"
                            "# @peephole-auth digest user=\"Jane Doe\" secret=keychain\n"
                            "# @peephole-assert status == 200\n"
                            "?? header content-type includes json\n"
                            "GET https://example.com/\n"
                            "X-On: 1\n"
                            "# @peephole-disabled X-Off: 2\n"
                            "\n"
                            "###\n"
                            "# @peephole-auth bearer secret={{token}} preemptive\n"
                            "GET https://example.com/b\n";
    const HttpFileParseResult r = HttpFileParser::parse(text);
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(r.file.requests.size(), 2);
    const HttpFileRequest &a = r.file.requests.at(0);
    QCOMPARE(a.request.options.timeoutMs, 5000);
    QVERIFY(!a.request.options.verifyTls);
    QVERIFY(a.auth.isSet);
    QCOMPARE(a.auth.scheme, AuthSettings::Scheme::Digest);
    QCOMPARE(a.auth.user, u"Jane Doe"_s);
    QCOMPARE(a.auth.source, AuthReference::SecretSource::Keychain);
    QCOMPARE(a.request.auth.scheme, AuthSettings::Scheme::Digest);
    QVERIFY(a.request.auth.password.isEmpty());
    QCOMPARE(a.assertions, (QStringList{u"status == 200"_s, u"header content-type includes json"_s}));
    QCOMPARE(a.request.headers, (HeaderList{{"X-On", "1", true}, {"X-Off", "2", false}}));

    const HttpFileRequest &b = r.file.requests.at(1);
    QCOMPARE(b.auth.source, AuthReference::SecretSource::Variable);
    QCOMPARE(b.auth.variable, u"token"_s);
    QCOMPARE(b.request.auth.token, u"{{token}}"_s);
    QVERIFY(b.request.auth.preemptive);

    // A literal secret in the directive is refused.
    const HttpFileParseResult bad = HttpFileParser::parse("# @peephole-auth basic user=a secret=hunter2\n"
                                                          "GET https://example.com/\n");
    QCOMPARE(bad.errors.size(), 1);
    QCOMPARE(bad.errors.first().line, 1);
    QVERIFY(bad.file.requests.isEmpty());
}

void TestHttpFile::byteStability_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("jetbrains fixture") << fixture(u"jetbrains.http"_s);
    QTest::newRow("directives") << QByteArray(
        "@a = 1\n### x\n# @peephole-assert status == 200\n# @no-redirect\n"
        "# @peephole-auth basic user=u secret={{p}}\n"
        "PUT https://e.example/a%20b?x=%41  \nA:   b  \n\n\n  body\n\n\n");
    QTest::newRow("crlf and bom") << QByteArray(
        "\xef\xbb\xbf### one\r\nGET https://e.example/\r\nX: 1\r\n\r\n"
        "line1\r\n\r\nline3\r\n\r\n### two\r\nhttps://e.example/2\r\n");
    QTest::newRow("handler without body") << QByteArray("GET https://e.example/\n\n> ./check.js\n");
}

// Writing a parsed file gives canonical bytes; parsing and writing those again gives the same bytes.
void TestHttpFile::byteStability()
{
    QFETCH(QByteArray, input);
    const HttpFileParseResult first = HttpFileParser::parse(input);
    QVERIFY(first.ok);
    const QByteArray written = HttpFileWriter::write(first.file);
    const HttpFileParseResult second = HttpFileParser::parse(written);
    QCOMPARE(second.errors.size(), first.errors.size()); // broken blocks are kept, and still broken
    const QByteArray again = HttpFileWriter::write(second.file);
    QCOMPARE(again, written);
    QCOMPARE(second.file.requests.size(), first.file.requests.size());
    for (qsizetype i = 0; i < first.file.requests.size(); ++i) {
        const HttpFileRequest &a = first.file.requests.at(i);
        const HttpFileRequest &b = second.file.requests.at(i);
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.request.method, a.request.method);
        QCOMPARE(b.request.headers, a.request.headers);
        QCOMPARE(b.request.body, a.request.body);
        QCOMPARE(b.request.options, a.request.options);
        QCOMPARE(b.auth, a.auth);
        QCOMPARE(b.assertions, a.assertions);
        QCOMPARE(b.comments, a.comments);
    }
}

void TestHttpFile::writerNormalises()
{
    const HttpFileParseResult r = HttpFileParser::parse(
        "### first\nhttps://e.example/\n###\n// @name second\nDELETE https://e.example/x\n");
    const QByteArray expected = "###\n"
                                "# @name first\n"
                                "GET https://e.example/\n"
                                "\n"
                                "###\n"
                                "# @name second\n"
                                "DELETE https://e.example/x\n";
    QCOMPARE(HttpFileWriter::write(r.file), expected);
}

// A part name or file name holding '"' or '\\' (quoted or not) was written back unescaped, so the
// saved file read back as another request (found by tests/fuzz/fuzz_httpfile).
void TestHttpFile::multipartNamesRoundTrip()
{
    const QByteArray text = "POST https://e.example/upload\n"
                            "Content-Type: multipart/form-data; boundary=B\n"
                            "\n"
                            "--B\n"
                            "Content-Disposition: form-data; name=\"a\\\"b\"; filename=\"C:\\\\dir\\\\x.txt\"\n"
                            "\n"
                            "one\n"
                            "--B\n"
                            "Content-Disposition: form-data; name=\"photo\"; filename=\"beach photo\n"
                            "\n"
                            "< ./beach.jpg\n"
                            "--B--\n";
    const HttpFileParseResult r = HttpFileParser::parse(text);
    QCOMPARE(r.file.requests.size(), 1);
    const QList<MultipartPart> parts = r.file.requests.first().request.body.parts;
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).name, "a\"b"_ba);
    QCOMPARE(parts.at(0).fileName, "C:\\dir\\x.txt"_ba);
    QCOMPARE(parts.at(1).fileName, "\"beach"_ba); // unquoted: up to the blank, quote included

    const QByteArray written = HttpFileWriter::write(r.file);
    const HttpFileParseResult again = HttpFileParser::parse(written);
    QCOMPARE(again.file.requests.size(), 1);
    QCOMPARE(again.file.requests.first().request.body.parts, parts);
    QCOMPARE(HttpFileWriter::write(again.file), written);
}

// Comments among the headers were written back above the request line, where "# @peephole-..."
// lines are directives: saving changed what the request does (found by tests/fuzz/fuzz_httpfile).
void TestHttpFile::commentsAmongHeadersStayThere()
{
    const QByteArray text = "GET https://e.example/\n"
                            "Accept: */*\n"
                            "# @peephole-max-redirects 2\n"
                            "// @name not-a-name\n"
                            "X-A: 1\n";
    const HttpFileParseResult r = HttpFileParser::parse(text);
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(r.file.requests.size(), 1);
    const HttpFileRequest &req = r.file.requests.first();
    QCOMPARE(req.request.options.maxRedirects, RequestOptions().maxRedirects);
    QVERIFY(req.name.isEmpty());
    QCOMPARE(req.headerComments, QStringList({u"# @peephole-max-redirects 2"_s, u"// @name not-a-name"_s}));
    QCOMPARE(req.request.headers.size(), 2);

    // A continuation line's inner blanks count as one, as on the request line.
    const HttpFileParseResult spaced = HttpFileParser::parse("GET https://{{h}}/s\n    ?q=a\t  b\n    &p=2\n");
    QCOMPARE(spaced.file.requests.size(), 1);
    const QString url = spaced.file.requests.first().request.urlTemplate;
    QCOMPARE(url, u"https://{{h}}/s?q=a b&p=2"_s);
    const QByteArray spacedOut = HttpFileWriter::write(spaced.file);
    QCOMPARE(HttpFileParser::parse(spacedOut).file.requests.first().request.urlTemplate, url);

    const QByteArray written = HttpFileWriter::write(r.file);
    QVERIFY2(written.indexOf("# @peephole-max-redirects") > written.indexOf("GET "), written.constData());
    const HttpFileParseResult again = HttpFileParser::parse(written);
    QCOMPARE(again.file.requests.size(), 1);
    QCOMPARE(again.file.requests.first().request.options.maxRedirects, RequestOptions().maxRedirects);
    QVERIFY(again.file.requests.first().name.isEmpty());
    QCOMPARE(again.file.requests.first().headerComments, req.headerComments);
    QCOMPARE(HttpFileWriter::write(again.file), written);
}

void TestHttpFile::writeNeverHoldsSecrets()
{
    HttpFile file;
    HttpFileRequest req;
    req.name = u"secret"_s;
    req.request.method = "POST";
    req.request.url = QUrl(u"https://e.example/"_s);
    req.request.auth.scheme = AuthSettings::Scheme::Basic;
    req.request.auth.user = u"alice"_s;
    req.request.auth.password = u"hunter2"_s;
    req.request.body.kind = RequestBody::Kind::FormUrlEncoded;
    req.request.body.form = {{"a", "1 2"}, {"b", "x&y"}};
    file.requests.append(req);
    QStringList warnings;
    const QByteArray text = HttpFileWriter::write(file, &warnings);
    QVERIFY(!text.contains("hunter2"));
    QVERIFY(text.contains("# @peephole-auth basic user=alice secret=keychain\n"));
    QVERIFY(text.contains("Content-Type: application/x-www-form-urlencoded\n\na=1%202&b=x%26y\n"));
    QCOMPARE(warnings.size(), 1);
}

void TestHttpFile::errorsKeepOtherRequests()
{
    const HttpFileParseResult r =
        HttpFileParser::parse("### a\nGET https://e.example/1\n"
                              "### b\n# @peephole-timeout soon\nGET https://e.example/2\n"
                              "### c\nGET not a url\n"
                              "### d\nGET https://e.example/4\n");
    QCOMPARE(r.file.requests.size(), 2);
    QCOMPARE(r.file.requests.at(0).name, u"a"_s);
    QCOMPARE(r.file.requests.at(1).name, u"d"_s);
    QCOMPARE(r.errors.size(), 2);
    QCOMPARE(r.errors.at(0).line, 4);
    QCOMPARE(r.errors.at(1).line, 7);
}

void TestHttpFile::writeFileAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"api.http"_s);
    const HttpFileParseResult r = HttpFileParser::parse(fixture(u"jetbrains.http"_s));
    QString error;
    QVERIFY2(HttpFileWriter::writeFile(path, r.file, &error), qPrintable(error));
    const HttpFileParseResult back = HttpFileParser::parseFile(path);
    QCOMPARE(back.file.requests.size(), r.file.requests.size());
    QVERIFY(!HttpFileWriter::writeFile(dir.filePath(u"missing/dir/x.http"_s), r.file, &error));
    QVERIFY(error.contains(u"missing/dir"_s));
}

void TestHttpFile::brokenBlocksSurviveSaving()
{
    const QByteArray text = "@a = 1\n"
                            "GET https://e.example/0\n"
                            "Not a header\n"
                            "\n"
                            "### works\n"
                            "GET https://e.example/1\n"
                            "\n"
                            "### broken one   \n"
                            "@b = 2\n"
                            "GET https://e.example/2\n"
                            "oops\n"
                            "\n"
                            "\n";
    const HttpFileParseResult r = HttpFileParser::parse(text);
    QCOMPARE(r.errors.size(), 2);
    QCOMPARE(r.file.requests.size(), 1);
    QVERIFY(r.file.variables.isEmpty()); // they belong to the broken blocks, kept verbatim there
    const QByteArray written = HttpFileWriter::write(r.file);
    const QByteArray expected = "###\n"
                                "@a = 1\n"
                                "GET https://e.example/0\n"
                                "Not a header\n"
                                "\n"
                                "###\n"
                                "# @name works\n"
                                "GET https://e.example/1\n"
                                "\n"
                                "### broken one\n"
                                "@b = 2\n"
                                "GET https://e.example/2\n"
                                "oops\n";
    QCOMPARE(written, expected);
    const HttpFileParseResult again = HttpFileParser::parse(written);
    QCOMPARE(again.errors.size(), 2);
    QCOMPARE(HttpFileWriter::write(again.file), written);
}

// A request from a .http file, its variables resolved, sent by the real engine to a real server.
void TestHttpFile::sentThroughTheEngine()
{
    HttpServer server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    server.route("/*", ScriptedResponse::text(201, "created"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(u"note.txt"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("from a file");
    f.close();

    QByteArray base = server.urlBytes(u""_s);
    base.chop(1); // "http://127.0.0.1:port", as people write it: "{{base}}/items" must not give "//items"
    const QByteArray text = "@base = " + base +
                            "\n"
                            "\n"
                            "### create\n"
                            "POST {{base}}/items/{{id}}\n"
                            "Content-Type: application/json\n"
                            "X-Request-Id: {{$uuid}}\n"
                            "\n"
                            "{\"name\": \"{{name}}\"}\n"
                            "\n"
                            "### upload\n"
                            "POST {{base}}/upload\n"
                            "Content-Type: multipart/form-data; boundary=B\n"
                            "\n"
                            "--B\n"
                            "Content-Disposition: form-data; name=\"note\"; filename=\"note.txt\"\n"
                            "\n"
                            "< ./note.txt\n"
                            "--B--\n";
    const HttpFileParseResult r = HttpFileParser::parse(text);
    QVERIFY(r.errors.isEmpty());
    VariableScope fileScope;
    for (const HttpFileVariable &v : r.file.variables)
        fileScope.insert(v.name, v.value);
    const Variables vars({VariableScope{{u"id"_s, u"7"_s}}, fileScope, VariableScope{{u"name"_s, u"Zoë"_s}}});

    ExchangeLog log;
    HttpSession session(&log);
    QSignalSpy finished(&session, &HttpSession::chainFinished);
    for (const HttpFileRequest &req : r.file.requests) {
        VariableError error;
        const std::optional<RequestSpec> spec =
            vars.resolveRequest(req.requestWithPathsResolved(dir.path()), &error);
        QVERIFY2(spec, qPrintable(error.message));
        session.send(*spec);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(server.requestCount(), 2);
    ServerRequest create = server.requests().at(0);
    ServerRequest upload = server.requests().at(1);
    if (create.path != "/items/7")
        std::swap(create, upload);
    QCOMPARE(create.path, "/items/7"_ba);
    QCOMPARE(create.body, "{\"name\": \"Zoë\"}"_ba);
    QVERIFY(!create.header("x-request-id").contains("{{"));
    QCOMPARE(create.header("x-request-id").size(), 36);
    QVERIFY(upload.body.contains("filename=\"note.txt\""));
    QVERIFY(upload.body.contains("\r\n\r\nfrom a file\r\n"));
}

QTEST_GUILESS_MAIN(TestHttpFile)
#include "tst_httpfile.moc"
