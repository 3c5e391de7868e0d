// Scripted responses of the in-process server, checked byte for byte on a raw socket.
#include "rawclient.h"
#include "server/httpserver.h"
#include "server/routes.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using Peephole::Test::RawClient;
using Peephole::Test::RawResponse;

namespace {
RawResponse fetch(HttpServer &server, const QByteArray &path, RawClient *keep = nullptr)
{
    RawClient local;
    RawClient &client = keep ? *keep : local;
    if (client.socket()->state() != QAbstractSocket::ConnectedState && !client.connectTo(server.port()))
        return {};
    client.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    return client.readResponse().value_or(RawResponse{});
}

QByteArray gunzip(const QByteArray &data)
{
    QProcess p;
    p.start(u"gzip"_s, {u"-dc"_s});
    p.write(data);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return p.exitCode() == 0 ? p.readAllStandardOutput()
                             : QByteArray("gzip failed: " + p.readAllStandardError());
}
} // namespace

class TestServerScripting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsHeadersExactly();
    void autoHeadersOff();
    void chunkedResponse();
    void gzipResponse();
    void headDelay();
    void trickledChunks();
    void resetMidBody();
    void closeMidBodyWithFin();
    void closeWithoutResponse();
    void garbageResponse();
    void redirectsWithEveryStatus();
    void redirectChainAndLoop();
    void crossPortRedirect();
    void largeStreamedBody();
    void largeStreamedChunkedBody();
};

void TestServerScripting::sendsHeadersExactly()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r;
    r.status = 299;
    r.reason = "Custom Reason"_ba;
    r.headers = {{"x-lower"_ba, "1"_ba, true},
                 {"Set-Cookie"_ba, "a=1"_ba, true},
                 {"SET-COOKIE"_ba, "b=2"_ba, true},
                 {"X-Disabled"_ba, "no"_ba, false},
                 {"Content-Type"_ba, "text/plain"_ba, true}};
    r.body = "body"_ba;
    server.route("/h"_ba, r);
    const RawResponse response = fetch(server, "/h"_ba);
    QCOMPARE(response.raw, "HTTP/1.1 299 Custom Reason\r\n"
                           "x-lower: 1\r\n"
                           "Set-Cookie: a=1\r\n"
                           "SET-COOKIE: b=2\r\n"
                           "Content-Type: text/plain\r\n"
                           "Content-Length: 4\r\n"
                           "\r\n"
                           "body"_ba);
}

void TestServerScripting::autoHeadersOff()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r;
    r.autoHeaders = false;
    r.headers = {{"content-length"_ba, "2"_ba, true}};
    r.body = "ok"_ba;
    server.route("/a"_ba, r);
    QCOMPARE(fetch(server, "/a"_ba).raw, "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"_ba);
}

void TestServerScripting::chunkedResponse()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r;
    r.body = "hello world"_ba;
    r.chunked = true;
    r.chunkSize = 4;
    r.trailers = {{"X-Trailer"_ba, "done"_ba, true}};
    server.route("/c"_ba, r);
    const RawResponse response = fetch(server, "/c"_ba);
    QCOMPARE(response.head, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"_ba);
    QCOMPARE(response.rawBody, "4\r\nhell\r\n4\r\no wo\r\n3\r\nrld\r\n0\r\nX-Trailer: done\r\n\r\n"_ba);
    QCOMPARE(response.body, "hello world"_ba);
}

void TestServerScripting::gzipResponse()
{
    HttpServer server;
    QVERIFY(server.listen());
    QByteArray text;
    for (int i = 0; i < 2000; ++i)
        text += "line " + QByteArray::number(i) + " of a compressible text\n";
    ScriptedResponse r = ScriptedResponse::text(200, text);
    r.gzip = true;
    server.route("/z"_ba, r);
    const RawResponse plain = fetch(server, "/z"_ba);
    QCOMPARE(plain.header("Content-Encoding"), "gzip"_ba);
    QCOMPARE(plain.header("Content-Length").toLongLong(), plain.body.size());
    QVERIFY(plain.body.size() < text.size() / 4);
    QVERIFY(plain.body.startsWith("\x1f\x8b"));
    QCOMPARE(gunzip(plain.body), text); // decoded by the real gzip tool

    r.chunked = true;
    r.chunkSize = 100;
    server.route("/zc"_ba, r);
    const RawResponse chunked = fetch(server, "/zc"_ba);
    QCOMPARE(chunked.header("Transfer-Encoding"), "chunked"_ba);
    QCOMPARE(gunzip(chunked.body), text);
}

void TestServerScripting::headDelay()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r = ScriptedResponse::text(200, "late"_ba);
    r.headDelayMs = 3000;
    server.route("/late"_ba, r);
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /late HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    QTRY_COMPARE(server.requestCount(), 1);
    // The request is in, the answer is held back.
    QVERIFY(client.buffered().isEmpty());
    const auto response = client.readResponse(20000);
    QVERIFY(response);
    QCOMPARE(response->body, "late"_ba);
}

void TestServerScripting::trickledChunks()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/slow"_ba, Routes::slow(0, "0123456789"_ba, 5, 300));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    // The first chunk comes before the last one is written: the body is not complete yet.
    QVERIFY(client.waitForBytes(1));
    QTRY_VERIFY(client.buffered().contains("\r\n2\r\n01\r\n"));
    QVERIFY(!client.buffered().contains("\r\n0\r\n\r\n"));
    const auto response = client.readResponse(20000);
    QVERIFY(response);
    QCOMPARE(response->rawBody, "2\r\n01\r\n2\r\n23\r\n2\r\n45\r\n2\r\n67\r\n2\r\n89\r\n0\r\n\r\n"_ba);
}

void TestServerScripting::resetMidBody()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r = ScriptedResponse::text(200, QByteArray(100000, 'x'));
    r.resetAfterBodyBytes = 1000;
    server.route("/reset"_ba, r);
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /reset HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    const QByteArray all = client.readUntilClosed();
    QVERIFY(client.isClosed());
    QCOMPARE(client.socketError(), QAbstractSocket::RemoteHostClosedError); // Qt reports an RST like this too
    const qsizetype headEnd = all.indexOf("\r\n\r\n");
    QVERIFY(all.contains("Content-Length: 100000\r\n"));
    QCOMPARE(all.size() - headEnd - 4, 1000);
}

void TestServerScripting::closeMidBodyWithFin()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r = ScriptedResponse::text(200, "0123456789"_ba);
    r.chunked = true;
    r.chunkSize = 4;
    r.resetAfterBodyBytes = 6;
    r.resetWithRst = false;
    server.route("/fin"_ba, r);
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /fin HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    const QByteArray all = client.readUntilClosed();
    // The second chunk announces 4 bytes but only 2 come before the close.
    QVERIFY(all.endsWith("\r\n\r\n4\r\n0123\r\n4\r\n45"));
}

void TestServerScripting::closeWithoutResponse()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r;
    r.failure = ScriptedResponse::Failure::CloseWithoutResponse;
    server.route("/gone"_ba, r);
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /gone HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    QCOMPARE(client.readUntilClosed(), QByteArray());
    QVERIFY(client.isClosed());
    QCOMPARE(server.requestCount(), 1);
}

void TestServerScripting::garbageResponse()
{
    HttpServer server;
    QVERIFY(server.listen());
    ScriptedResponse r;
    r.failure = ScriptedResponse::Failure::SendGarbage;
    r.garbage = "HTTP/9 banana\r\n\x01\x02\r\n\r\n"_ba;
    server.route("/junk"_ba, r);
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /junk HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    QCOMPARE(client.readUntilClosed(), r.garbage);
}

void TestServerScripting::redirectsWithEveryStatus()
{
    HttpServer server;
    QVERIFY(server.listen());
    for (int status : {301, 302, 303, 307, 308}) {
        const QByteArray path = "/r" + QByteArray::number(status);
        Routes::addRedirect(server, path, status, "../target?from=" + QByteArray::number(status));
        const RawResponse response = fetch(server, path);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Location"), "../target?from=" + QByteArray::number(status));
        QVERIFY(!response.reason.isEmpty());
    }
}

void TestServerScripting::redirectChainAndLoop()
{
    HttpServer server;
    QVERIFY(server.listen());
    const QByteArray start = Routes::addRedirectChain(server, "/chain"_ba, 3, 307);
    QCOMPARE(start, "/chain/0"_ba);
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    QByteArray path = start;
    int hops = 0;
    for (;;) {
        const RawResponse r = fetch(server, path, &client);
        if (r.status != 307)
            break;
        path = r.header("Location");
        ++hops;
    }
    QCOMPARE(hops, 3);
    QCOMPARE(path, "/chain/3"_ba);
    QCOMPARE(fetch(server, path, &client).body, "end of chain\n"_ba);

    Routes::addRedirectLoop(server, "/a"_ba, "/b"_ba);
    QCOMPARE(fetch(server, "/a"_ba, &client).header("Location"), "/b"_ba);
    QCOMPARE(fetch(server, "/b"_ba, &client).header("Location"), "/a"_ba);

    Routes::addRedirectChain(server, "/abs"_ba, 1, 302, true);
    QCOMPARE(fetch(server, "/abs/0"_ba, &client).header("Location"), server.urlBytes(u"/abs/1"_s));
}

void TestServerScripting::crossPortRedirect()
{
    HttpServer first, second;
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    second.route("/landing"_ba, ScriptedResponse::text(200, "other port"_ba));
    Routes::addRedirect(first, "/go"_ba, 302, second.urlBytes(u"/landing"_s));
    const RawResponse hop = fetch(first, "/go"_ba);
    const QUrl location = QUrl::fromEncoded(hop.header("Location"));
    QCOMPARE(location.port(), int(second.port()));
    QCOMPARE(fetch(second, location.path().toUtf8()).body, "other port"_ba);
}

void TestServerScripting::largeStreamedBody()
{
    HttpServer server;
    QVERIFY(server.listen());
    constexpr qint64 Size = 8 * 1024 * 1024 + 3;
    server.route("/big"_ba, Routes::largeBody(Size));
    const RawResponse response = fetch(server, "/big"_ba);
    QCOMPARE(response.header("Content-Length").toLongLong(), Size);
    QCOMPARE(response.body.size(), Size);
    QVERIFY(response.body == Routes::largeBodyBytes(0, Size));
    QCOMPARE(Routes::largeBodyBytes(65, 3), "123"_ba); // the documented pattern
}

void TestServerScripting::largeStreamedChunkedBody()
{
    HttpServer server;
    QVERIFY(server.listen());
    constexpr qint64 Size = 1024 * 1024 + 17;
    server.route("/bigc"_ba, Routes::largeBody(Size, true));
    const RawResponse response = fetch(server, "/bigc"_ba);
    QCOMPARE(response.header("Transfer-Encoding"), "chunked"_ba);
    QVERIFY(response.header("Content-Length").isNull());
    QVERIFY(response.body == Routes::largeBodyBytes(0, Size));
}

QTEST_GUILESS_MAIN(TestServerScripting)
#include "tst_serverscripting.moc"
