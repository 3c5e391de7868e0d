// Peephole's own HTTP/1.1 client (core/wire), through the engine, against the
// test server on real sockets: what is written, what is kept of the answer,
// and how kept-alive connections are reused and replaced.
#include "enginefixture.h"

#include <QTemporaryFile>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::Test;

class TestHttp1Client : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headKeptExactlyAsReceived();
    void requestWrittenExactlyAsRecorded();
    void pathSentAsTyped();
    void keptAliveConnectionIsReused();
    void connectionCloseIsHonoured();
    void staleConnectionIsReplacedOnce();
    void largeUploadStreams();
    void chunkedResponse();
};

void TestHttp1Client::headKeptExactlyAsReceived()
{
    EngineFixture f;
    ScriptedResponse r;
    r.status = 200;
    r.reason = "Fine";
    r.autoHeaders = false;
    r.headers = {{"X-Dup", "one"},
                 {"Set-Cookie", "a=1; Path=/"},
                 {"x-dup", "two"},
                 {"Set-Cookie", "b=2; Path=/"},
                 {"Content-Length", "2"}};
    r.body = "ok";
    f.server.route("/dup", r);
    const Exchange e = f.run(f.get(u"/dup"_s)).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.httpVersion, "HTTP/1.1"_ba);
    QCOMPARE(e.reasonPhrase, "Fine"_ba);
    // Qt's stack would join X-Dup into one field; here every line stays as it came.
    QCOMPARE(e.responseHeaders, r.headers);
    QCOMPARE(e.cookiesSet->size(), 2);
    const QByteArray head = "HTTP/1.1 200 Fine\r\n" + Headers::toWire(r.headers) + "\r\n";
    QCOMPARE(e.wireHeaderSize, head.size());
    QCOMPARE(e.responseBody->read(0, 100), "ok"_ba);
    QCOMPARE(e.wireBodySize, 2);
}

void TestHttp1Client::requestWrittenExactlyAsRecorded()
{
    EngineFixture f;
    f.server.route("/echo", ScriptedResponse::text(200, "seen"));
    RequestSpec spec = f.get(u"/echo"_s);
    spec.url.setQuery(u"x=1&y=two%20words"_s);
    spec.method = "PATCH";
    spec.headers = {{"x-lower-case", "kept"}, {"X-Twice", "1"}, {"Accept", "*/*"}};
    spec.body.kind = RequestBody::Kind::Raw;
    spec.body.raw = "{\"a\":1}";
    spec.body.contentType = "application/json";
    const Exchange e = f.run(spec).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(f.server.requestCount(), 1);
    const ServerRequest &got = f.server.requests().at(0);
    QCOMPARE(got.rawHead,
             "PATCH /echo?x=1&y=two%20words HTTP/1.1\r\n" + Headers::toWire(e.requestHeaders) + "\r\n");
    QCOMPARE(got.body, "{\"a\":1}"_ba);
    QVERIFY(got.rawHead.contains("\r\nx-lower-case: kept\r\n"));
}

void TestHttp1Client::pathSentAsTyped()
{
    EngineFixture f;
    f.server.route("/*", ScriptedResponse::text(200, "ok"));
    RequestSpec spec;
    spec.url = QUrl::fromEncoded(QByteArray(f.server.urlBytes(u""_s) + "/double//slash/./x/../y?q=%2F"));
    const Exchange e = f.run(spec).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    // Dot segments resolved (RFC 3986 §5.2.4), empty segments kept: what curl and browsers send.
    QCOMPARE(f.server.requests().at(0).target, "//double//slash/y?q=%2F"_ba);
    QCOMPARE(e.requestTarget(), "//double//slash/y?q=%2F"_ba); // the record says what went out
}

void TestHttp1Client::keptAliveConnectionIsReused()
{
    EngineFixture f;
    f.server.route("/n", ScriptedResponse::text(200, "n"));
    QList<Exchange> sent;
    for (int i = 0; i < 3; ++i)
        sent.append(f.run(f.get(u"/n"_s)).value(0));
    QCOMPARE(f.server.requestCount(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(!sent.at(i).error.isError(), qPrintable(sent.at(i).error.message));
        QCOMPARE(f.server.requests().at(i).connectionId, f.server.requests().at(0).connectionId);
        QCOMPARE(f.server.requests().at(i).sequence, i);
    }
    // Only the first exchange opened a connection; the timeline shows no connect phase for the others.
    QVERIFY(sent.at(0).timings.connectStartNs >= 0);
    QCOMPARE(sent.at(1).timings.connectStartNs, -1);
    QCOMPARE(sent.at(2).timings.connectStartNs, -1);
}

void TestHttp1Client::connectionCloseIsHonoured()
{
    EngineFixture f;
    ScriptedResponse r = ScriptedResponse::text(200, "bye");
    r.headers.append(HeaderField{"Connection", "close"});
    r.closeConnection = true;
    f.server.route("/close", r);
    for (int i = 0; i < 2; ++i) {
        const Exchange e = f.run(f.get(u"/close"_s)).value(0);
        QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
        QVERIFY(e.timings.connectStartNs >= 0);
    }
    QCOMPARE(f.server.requestCount(), 2);
    QVERIFY(f.server.requests().at(0).connectionId != f.server.requests().at(1).connectionId);

    // The user's own "Connection: close" is sent alone, and honoured even if the server would keep it.
    f.server.route("/open", ScriptedResponse::text(200, "open"));
    RequestSpec spec = f.get(u"/open"_s);
    spec.headers = {{"Connection", "close"}};
    for (int i = 0; i < 2; ++i) {
        const Exchange e = f.run(spec).value(0);
        QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
        QCOMPARE(Headers::values(e.requestHeaders, "Connection"), QList<QByteArray>{"close"});
    }
    QCOMPARE(f.server.requestCount(), 4);
    QVERIFY(f.server.requests().at(2).connectionId != f.server.requests().at(3).connectionId);
}

void TestHttp1Client::staleConnectionIsReplacedOnce()
{
    EngineFixture f;
    int seen = 0;
    // The second request arrives on a connection the server is about to drop (an idle timeout
    // racing the request): it closes without answering. The client sends it again on a new one.
    f.server.route("/flaky", [&seen](const ServerRequest &, ScriptedResponse &r) {
        ++seen;
        r = ScriptedResponse::text(200, "answer " + QByteArray::number(seen));
        if (seen == 2)
            r.failure = ScriptedResponse::Failure::CloseWithoutResponse;
    });
    const Exchange first = f.run(f.get(u"/flaky"_s)).value(0);
    QVERIFY2(!first.error.isError(), qPrintable(first.error.message));
    const Exchange second = f.run(f.get(u"/flaky"_s)).value(0);
    QVERIFY2(!second.error.isError(), qPrintable(second.error.message));
    QCOMPARE(second.statusCode, 200);
    QCOMPARE(second.responseBody->read(0, 100), "answer 3"_ba);
    QCOMPARE(f.server.requestCount(), 3);
    QVERIFY(f.server.requests().at(2).connectionId != f.server.requests().at(0).connectionId);
    QVERIFY(second.timings.connectStartNs >= 0); // the new connection is on the record

    // The same with a body larger than one write: it goes out whole, once more, on the new connection.
    int uploads = 0;
    f.server.route("/flaky-upload", [&uploads](const ServerRequest &req, ScriptedResponse &r) {
        ++uploads;
        r = ScriptedResponse::text(200, QByteArray::number(req.bodySize));
        if (uploads == 2)
            r.failure = ScriptedResponse::Failure::CloseWithoutResponse;
    });
    RequestSpec upload = f.get(u"/flaky-upload"_s);
    upload.method = "POST";
    upload.body.kind = RequestBody::Kind::Raw;
    upload.body.raw = QByteArray(700 * 1024, 'u');
    QVERIFY(!f.run(upload).value(0).error.isError());
    const Exchange retried = f.run(upload).value(0);
    QVERIFY2(!retried.error.isError(), qPrintable(retried.error.message));
    QCOMPARE(retried.responseBody->read(0, 100), QByteArray::number(700 * 1024));
    QCOMPARE(uploads, 3);
    QCOMPARE(f.server.requests().last().body, upload.body.raw);

    // On a fresh connection the same failure is an answer of its own: no second try.
    f.server.route("/gone", [](const ServerRequest &, ScriptedResponse &r) {
        r.failure = ScriptedResponse::Failure::CloseWithoutResponse;
        r.closeConnection = true;
    });
    RequestSpec spec = f.get(u"/gone"_s);
    const qsizetype before = f.server.requestCount();
    ScriptedResponse close = ScriptedResponse::text(200, "x");
    close.closeConnection = true;
    f.server.route("/last", close);
    QVERIFY(!f.run(f.get(u"/last"_s)).value(0).error.isError()); // leaves no idle connection behind
    const Exchange gone = f.run(spec).value(0);
    QCOMPARE(gone.error.kind, ExchangeError::Kind::ConnectionReset);
    QCOMPARE(f.server.requestCount(), before + 2);
}

void TestHttp1Client::largeUploadStreams()
{
    EngineFixture f;
    f.server.route("/up", [](const ServerRequest &req, ScriptedResponse &r) {
        r = ScriptedResponse::text(200, QByteArray::number(req.bodySize));
    });
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray block(1024 * 1024, 'x');
    for (int i = 0; i < 12; ++i) {
        block[0] = char('a' + i);
        file.write(block);
    }
    file.close();
    RequestSpec spec = f.get(u"/up"_s);
    spec.method = "PUT";
    spec.body.kind = RequestBody::Kind::File;
    spec.body.filePath = file.fileName();
    spec.body.contentType = "application/octet-stream";
    const Exchange e = f.run(spec).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.responseBody->read(0, 100), QByteArray::number(12 * 1024 * 1024));
    QVERIFY(e.timings.requestSentNs >= e.timings.startNs);
    QVERIFY(e.timings.headersNs >= e.timings.requestSentNs);
}

void TestHttp1Client::chunkedResponse()
{
    EngineFixture f;
    ScriptedResponse r = ScriptedResponse::text(200, QByteArray(100000, 'z'));
    r.chunked = true;
    r.chunkSize = 4000;
    r.trailers = {{"X-Sum", "42"}};
    f.server.route("/chunks", r);
    const Exchange e = f.run(f.get(u"/chunks"_s)).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.responseBody->size(), 100000);
    QCOMPARE(Headers::value(e.responseHeaders, "Transfer-Encoding"), "chunked"_ba);
    // The connection is still good after the trailers.
    const Exchange again = f.run(f.get(u"/chunks"_s)).value(0);
    QVERIFY2(!again.error.isError(), qPrintable(again.error.message));
    QCOMPARE(f.server.requests().at(1).connectionId, f.server.requests().at(0).connectionId);
}

QTEST_GUILESS_MAIN(TestHttp1Client)
#include "tst_http1client.moc"
