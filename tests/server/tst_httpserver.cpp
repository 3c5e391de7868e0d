// Request parsing and recording of the in-process server, driven by raw sockets.
#include "rawclient.h"
#include "server/httpserver.h"
#include "server/routes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using Peephole::Test::RawClient;

class TestHttpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listensOnFreePort();
    void keepsRequestHeadExactly();
    void readsContentLengthBody();
    void readsChunkedBodyWithTrailers();
    void keepAliveAndPipelining();
    void absoluteFormTarget();
    void routesExactAndPrefix();
    void echoReturnsRequestAsJson();
    void headRequestGetsNoBody();
    void expectContinue();
    void malformedRequestGets400();
    void http10ClosesByDefault();
    void cutsRecordedBodyAtLimit();
};

void TestHttpServer::listensOnFreePort()
{
    HttpServer a, b;
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    QVERIFY(a.port() != 0);
    QVERIFY(a.port() != b.port());
    QCOMPARE(a.url(u"/x?y=1"_s).toString(), u"http://127.0.0.1:%1/x?y=1"_s.arg(a.port()));
    QVERIFY(!a.isTls());

    HttpServer c;
    QVERIFY(!c.listen(a.port()));
    QVERIFY(c.errorString().contains(QString::number(a.port())));
}

void TestHttpServer::keepsRequestHeadExactly()
{
    HttpServer server;
    QVERIFY(server.listen());
    QSignalSpy received(&server, &HttpServer::requestReceived);
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray head = "GET /path/x?q=1&r=%20 HTTP/1.1\r\n"
                            "host: 127.0.0.1\r\n"
                            "X-CaSe-MiXeD:   spaced value  \r\n"
                            "x-dup: one\r\n"
                            "X-Dup: two\r\n"
                            "accept: */*\r\n"
                            "\r\n"_ba;
    client.send(head);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    QCOMPARE(received.size(), 1);

    const ServerRequest req = server.lastRequest();
    QCOMPARE(req.rawHead, head);
    QCOMPARE(req.method, "GET"_ba);
    QCOMPARE(req.target, "/path/x?q=1&r=%20"_ba);
    QCOMPARE(req.path, "/path/x"_ba);
    QCOMPARE(req.query, "q=1&r=%20"_ba);
    QCOMPARE(req.version, "HTTP/1.1"_ba);
    const HeaderList expected = {{"host"_ba, "127.0.0.1"_ba, true},
                                 {"X-CaSe-MiXeD"_ba, "spaced value"_ba, true},
                                 {"x-dup"_ba, "one"_ba, true},
                                 {"X-Dup"_ba, "two"_ba, true},
                                 {"accept"_ba, "*/*"_ba, true}};
    QCOMPARE(req.headers, expected);
    QCOMPARE(received.first().first().value<ServerRequest>().target, req.target);
}

void TestHttpServer::readsContentLengthBody()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/upload"_ba, ScriptedResponse::text(201, "stored\n"_ba));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello"_ba);
    QTest::qWait(50);
    client.send(" world"_ba); // body arrives in two pieces
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 201);
    QCOMPARE(response->body, "stored\n"_ba);
    QCOMPARE(server.lastRequest().body, "hello world"_ba);
    QCOMPARE(server.lastRequest().bodySize, 11);
    QVERIFY(!server.lastRequest().chunked);
}

void TestHttpServer::readsChunkedBodyWithTrailers()
{
    HttpServer server;
    QVERIFY(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n"_ba);
    QVERIFY(client.readResponse());
    const ServerRequest req = server.lastRequest();
    QVERIFY(req.chunked);
    QCOMPARE(req.body, "hello world"_ba);
    QCOMPARE(req.trailers, (HeaderList{{"X-Checksum"_ba, "abc"_ba, true}}));
}

void TestHttpServer::keepAliveAndPipelining()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/a"_ba, ScriptedResponse::text(200, "A"_ba));
    server.route("/b"_ba, ScriptedResponse::text(200, "B"_ba));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    // Two requests in one write: answered in order on the same connection.
    client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    const auto first = client.readResponse();
    const auto second = client.readResponse();
    QVERIFY(first && second);
    QCOMPARE(first->body, "A"_ba);
    QCOMPARE(second->body, "B"_ba);
    client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    QVERIFY(client.readResponse());
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(server.requests().at(0).connectionId, server.requests().at(2).connectionId);
    QCOMPARE(server.requests().at(2).sequence, 2);
    QVERIFY(!client.isClosed());

    // Connection: close is honoured after the response.
    client.send("GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"_ba);
    const auto last = client.readResponse();
    QVERIFY(last);
    QCOMPARE(last->body, "B"_ba);
    QTRY_VERIFY(client.isClosed());
}

void TestHttpServer::absoluteFormTarget()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/origin/page"_ba, ScriptedResponse::text(200, "served"_ba));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send(
        "GET http://example.test:8080/origin/page?x=1 HTTP/1.1\r\nHost: example.test:8080\r\n\r\n"_ba);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->body, "served"_ba);
    const ServerRequest req = server.lastRequest();
    QVERIFY(req.absoluteForm);
    QCOMPARE(req.target, "http://example.test:8080/origin/page?x=1"_ba);
    QCOMPARE(req.path, "/origin/page"_ba);
    QCOMPARE(req.query, "x=1"_ba);
}

void TestHttpServer::routesExactAndPrefix()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/files/*"_ba, ScriptedResponse::text(200, "prefix"_ba));
    server.route("/files/special"_ba, ScriptedResponse::text(200, "exact"_ba));
    server.route("/"_ba, [](const ServerRequest &req, ScriptedResponse &r) {
        r = ScriptedResponse::text(req.method == "DELETE" ? 405 : 200, "root"_ba);
    });
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    auto get = [&client](const QByteArray &line) {
        client.send(line + " HTTP/1.1\r\nHost: x\r\n\r\n");
        return client.readResponse().value_or(Test::RawResponse{});
    };
    QCOMPARE(get("GET /files/a/b"_ba).body, "prefix"_ba);
    QCOMPARE(get("GET /files/special"_ba).body, "exact"_ba);
    QCOMPARE(get("GET /"_ba).body, "root"_ba);
    QCOMPARE(get("DELETE /"_ba).status, 405);
    const auto missing = get("GET /nothing"_ba);
    QCOMPARE(missing.status, 404);
    QVERIFY(missing.body.contains("/nothing"));
}

void TestHttpServer::echoReturnsRequestAsJson()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/echo"_ba, Routes::echo());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray body("\x00\x01binary\xff", 9);
    client.send("PATCH /echo?k=v HTTP/1.1\r\nHost: x\r\nX-B: 2\r\nx-a: 1\r\nContent-Length: 9\r\n\r\n" +
                body);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->header("content-type"), "application/json"_ba);
    const QJsonObject o = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(o.value(u"method"_s).toString(), u"PATCH"_s);
    QCOMPARE(o.value(u"target"_s).toString(), u"/echo?k=v"_s);
    QCOMPARE(o.value(u"query"_s).toString(), u"k=v"_s);
    const QJsonArray headers = o.value(u"headers"_s).toArray();
    QCOMPARE(headers.size(), 4);
    QCOMPARE(headers.at(1).toObject().value(u"name"_s).toString(), u"X-B"_s);
    QCOMPARE(headers.at(2).toObject().value(u"name"_s).toString(), u"x-a"_s);
    QCOMPARE(QByteArray::fromBase64(o.value(u"body_base64"_s).toString().toLatin1()), body);
    QCOMPARE(o.value(u"body_size"_s).toInt(), 9);
}

void TestHttpServer::headRequestGetsNoBody()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/doc"_ba, ScriptedResponse::text(200, "0123456789"_ba));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("HEAD /doc HTTP/1.1\r\nHost: x\r\n\r\nGET /doc HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
    const auto head = client.readResponse(10000, true);
    QVERIFY(head);
    QCOMPARE(head->header("Content-Length"), "10"_ba);
    QVERIFY(head->body.isEmpty());
    // The next response starts right after the HEAD response's head: no stray body bytes.
    const auto get = client.readResponse();
    QVERIFY(get);
    QCOMPARE(get->body, "0123456789"_ba);
}

void TestHttpServer::expectContinue()
{
    HttpServer server;
    QVERIFY(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"_ba);
    const auto interim = client.readResponse();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    QCOMPARE(interim->raw, "HTTP/1.1 100 Continue\r\n\r\n"_ba);
    client.send("abc"_ba);
    const auto final = client.readResponse();
    QVERIFY(final);
    QCOMPARE(final->status, 404);
    QCOMPARE(server.lastRequest().body, "abc"_ba);
}

void TestHttpServer::malformedRequestGets400()
{
    HttpServer server;
    QVERIFY(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("THIS IS NOT A REQUEST LINE\r\n\r\n"_ba);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QVERIFY(response->body.contains("request line"));
    QTRY_VERIFY(client.isClosed());
    QCOMPARE(server.requestCount(), 0);
}

void TestHttpServer::http10ClosesByDefault()
{
    HttpServer server;
    QVERIFY(server.listen());
    server.route("/"_ba, ScriptedResponse::text(200, "hi"_ba));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET / HTTP/1.0\r\n\r\n"_ba);
    const QByteArray all = client.readUntilClosed();
    QVERIFY(all.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(all.endsWith("\r\n\r\nhi"));
}

void TestHttpServer::cutsRecordedBodyAtLimit()
{
    HttpServer server;
    server.setMaxRecordedBodySize(4);
    QVERIFY(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"_ba);
    QVERIFY(client.readResponse());
    QCOMPARE(server.lastRequest().body, "0123"_ba);
    QCOMPARE(server.lastRequest().bodySize, 10);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
