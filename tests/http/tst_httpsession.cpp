#include "enginefixture.h"
#include "server/routes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookieJar>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::Test;

class TestHttpSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordedRequestHeadersAreWhatTheServerReceived();
    void customMethodAndDuplicateHeaders();
    void responseHeadersKeepWireOrderAndCase();
    void formAndMultipartAndFileBodies();
    void chunkedAndGzipBodies();
    void largeBodySpillsToDiskAndReadsByRange();
    void outputFileReceivesTheFinalBody();
    void cookiesAreStoredSentAndRecorded();
    void timingsAreOrdered();
    void manyInFlightAndCancel();
};

void TestHttpSession::recordedRequestHeadersAreWhatTheServerReceived()
{
    EngineFixture f;
    f.server.route("/echo", Routes::echo());
    RequestSpec spec = f.get(u"/echo?q=1&r=a%20b"_s);
    spec.headers = {{"X-First", "1", true}, {"x-lower", "two", true}, {"X-Off", "no", false}};
    const QList<Exchange> chain = f.run(spec);
    QCOMPARE(chain.size(), 1);
    const Exchange &e = chain.first();
    QCOMPARE(e.statusCode, 200);
    const ServerRequest received = f.server.lastRequest();
    QCOMPARE(received.target, "/echo?q=1&r=a%20b"_ba);
    // Every line the server received, in order and case, is in the record — and nothing else.
    QCOMPARE(e.requestHeaders.size(), received.headers.size());
    for (qsizetype i = 0; i < received.headers.size(); ++i) {
        QCOMPARE(e.requestHeaders.at(i).name, received.headers.at(i).name);
        QCOMPARE(e.requestHeaders.at(i).value, received.headers.at(i).value);
    }
    QVERIFY(!Headers::contains(e.requestHeaders, "X-Off"));
    QCOMPARE(e.method, "GET"_ba);
    QCOMPARE(e.httpVersion, "HTTP/1.1"_ba);
}

void TestHttpSession::customMethodAndDuplicateHeaders()
{
    EngineFixture f;
    f.server.route("/dav", Routes::echo());
    RequestSpec spec = f.get(u"/dav"_s);
    spec.method = "PROPFIND";
    spec.headers = {{"X-Dup", "a", true}, {"x-dup", "b", true}};
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(f.server.lastRequest().method, "PROPFIND"_ba);
    if (f.session.directHttp()) {
        // Peephole's HTTP/1.1 client sends every line as typed; recorded alike.
        QCOMPARE(Headers::values(f.server.lastRequest().headers, "X-Dup"), (QList<QByteArray>{"a", "b"}));
        QCOMPARE(f.server.lastRequest().headers.at(0), (HeaderField{"X-Dup", "a", true}));
        QCOMPARE(f.server.lastRequest().headers.at(1), (HeaderField{"x-dup", "b", true}));
        QCOMPARE(Headers::values(e.requestHeaders, "x-dup"), (QList<QByteArray>{"a", "b"}));
    } else {
        // Qt's stack keeps one value per name: one field, the values joined as RFC 9110 allows,
        // under the first spelling; recorded alike.
        QCOMPARE(f.server.lastRequest().header("X-Dup"), "a, b"_ba);
        QCOMPARE(Headers::values(e.requestHeaders, "x-dup"), QList<QByteArray>{"a, b"});
    }
    QCOMPARE(e.requestHeaders.first().name, "X-Dup"_ba);
}

void TestHttpSession::responseHeadersKeepWireOrderAndCase()
{
    EngineFixture f;
    ScriptedResponse r = ScriptedResponse::text(200, "ok");
    r.headers = {{"x-lower-case", "1", true},
                 {"X-UPPER", "2", true},
                 {"Set-Cookie", "a=1", true},
                 {"Set-Cookie", "b=2; Path=/", true},
                 {"Content-Type", "text/plain", true}};
    f.server.route("/h", r);
    const Exchange e = f.run(f.get(u"/h"_s)).value(0);
    QList<QByteArray> names;
    for (const HeaderField &h : e.responseHeaders)
        names.append(h.name);
    QCOMPARE(names.mid(0, 5),
             (QList<QByteArray>{"x-lower-case", "X-UPPER", "Set-Cookie", "Set-Cookie", "Content-Type"}));
    QCOMPARE(Headers::values(e.responseHeaders, "set-cookie"), (QList<QByteArray>{"a=1", "b=2; Path=/"}));
    QCOMPARE(e.reasonPhrase, "OK"_ba);
}

void TestHttpSession::formAndMultipartAndFileBodies()
{
    EngineFixture f;
    f.server.route("/echo", Routes::echo());

    RequestSpec form = f.get(u"/echo"_s);
    form.method = "POST";
    form.body.kind = RequestBody::Kind::FormUrlEncoded;
    form.body.form = {{"name", "a b&c"}, {"x", "é"}};
    Exchange e = f.run(form).value(0);
    QCOMPARE(f.server.lastRequest().body, "name=a+b%26c&x=%C3%A9"_ba);
    QCOMPARE(f.server.lastRequest().header("Content-Type"), "application/x-www-form-urlencoded"_ba);
    QCOMPARE(e.requestBody->read(0, 100), f.server.lastRequest().body);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"upload.bin"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray content(300000, '\0');
    for (int i = 0; i < content.size(); ++i)
        content[i] = char(i * 7);
    file.write(content);
    file.close();

    RequestSpec multipart = f.get(u"/echo"_s);
    multipart.method = "POST";
    multipart.body.kind = RequestBody::Kind::Multipart;
    multipart.body.parts = {{"field", "value", {}, {}, {}},
                            {"file", {}, path, {}, "application/octet-stream"}};
    e = f.run(multipart).value(0);
    const ServerRequest got = f.server.lastRequest();
    QVERIFY(got.header("Content-Type").startsWith("multipart/form-data; boundary="));
    QVERIFY(got.body.contains("name=\"field\"\r\n\r\nvalue\r\n"));
    QVERIFY(got.body.contains("filename=\"upload.bin\""));
    QVERIFY(got.body.contains(content));
    QCOMPARE(e.requestBody->size(), got.bodySize);

    RequestSpec streamed = f.get(u"/echo"_s);
    streamed.method = "PUT";
    streamed.body.kind = RequestBody::Kind::File;
    streamed.body.filePath = path;
    e = f.run(streamed).value(0);
    QCOMPARE(f.server.lastRequest().body, content);
    QCOMPARE(Headers::value(e.requestHeaders, "Content-Length"), QByteArray::number(content.size()));

    RequestSpec missing = f.get(u"/echo"_s);
    missing.body.kind = RequestBody::Kind::File;
    missing.body.filePath = dir.filePath(u"nope.bin"_s);
    e = f.run(missing).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::RequestBody);
    QVERIFY2(e.error.message.contains(u"nope.bin"_s), qPrintable(e.error.message));
}

void TestHttpSession::chunkedAndGzipBodies()
{
    EngineFixture f;
    const QByteArray text = QByteArray("chunk of text ").repeated(5000);
    ScriptedResponse chunked = ScriptedResponse::text(200, text);
    chunked.chunked = true;
    chunked.chunkSize = 1000;
    f.server.route("/chunked", chunked);
    ScriptedResponse gz = ScriptedResponse::text(200, text);
    gz.gzip = true;
    f.server.route("/gzip", gz);

    Exchange e = f.run(f.get(u"/chunked"_s)).value(0);
    QCOMPARE(e.responseBody->read(0, text.size() + 10), text);
    QCOMPARE(Headers::value(e.responseHeaders, "Transfer-Encoding"), "chunked"_ba);

    e = f.run(f.get(u"/gzip"_s)).value(0);
    QCOMPARE(e.responseBody->read(0, text.size() + 10), text); // decoded for the user
    QCOMPARE(e.decodedBodySize, text.size());
    QVERIFY(e.wireBodySize > 0 && e.wireBodySize < text.size() / 10); // what crossed the wire
    QCOMPARE(Headers::value(e.responseHeaders, "Content-Encoding"), "gzip"_ba);
}

void TestHttpSession::largeBodySpillsToDiskAndReadsByRange()
{
    EngineFixture f;
    f.session.setSpillThreshold(1 << 20);
    const qint64 size = 20 * 1024 * 1024 + 123;
    f.server.route("/big", Routes::largeBody(size));
    const Exchange e = f.run(f.get(u"/big"_s)).value(0);
    QCOMPARE(e.responseBody->size(), size);
    QVERIFY(e.responseBody->isOnDisk());
    QVERIFY(QFileInfo::exists(e.responseBody->filePath()));
    for (qint64 offset : {qint64(0), qint64(1 << 20) - 3, size - 100})
        QCOMPARE(e.responseBody->read(offset, 100),
                 Routes::largeBodyBytes(offset, qMin<qint64>(100, size - offset)));
}

void TestHttpSession::outputFileReceivesTheFinalBody()
{
    EngineFixture f;
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out.bin"_s);
    Routes::addRedirect(f.server, "/start", 302, "/big");
    f.server.route("/big", Routes::largeBody(5 * 1024 * 1024));
    f.session.setOutputFileForNextSend(out);
    const QList<Exchange> chain = f.run(f.get(u"/start"_s));
    QCOMPARE(chain.size(), 2);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.size(), 5 * 1024 * 1024);
    QCOMPARE(file.read(64), Routes::largeBodyBytes(0, 64));
    QCOMPARE(chain.last().responseBody->filePath(), out);
}

void TestHttpSession::cookiesAreStoredSentAndRecorded()
{
    EngineFixture f;
    ScriptedResponse set = ScriptedResponse::text(200, "set");
    set.headers = {{"Set-Cookie", "session=abc123; Path=/; HttpOnly", true}};
    f.server.route("/login", set);
    f.server.route("/me", Routes::echo());
    Exchange e = f.run(f.get(u"/login"_s)).value(0);
    QCOMPARE(e.cookiesSet->size(), 1);
    QCOMPARE(e.cookiesSet->first().name(), "session"_ba);

    RequestSpec me = f.get(u"/me"_s);
    me.headers = {{"Cookie", "typed=1", true}};
    e = f.run(me).value(0);
    QCOMPARE(f.server.lastRequest().header("Cookie"), "typed=1; session=abc123"_ba);
    QCOMPARE(e.cookiesSent->size(), 1);
    QCOMPARE(Headers::value(e.requestHeaders, "Cookie"), "typed=1; session=abc123"_ba);
}

void TestHttpSession::timingsAreOrdered()
{
    EngineFixture f;
    f.server.route("/slow", Routes::slow(150, "done", 3, 50));
    const Exchange e = f.run(f.get(u"/slow"_s)).value(0);
    const Timings &t = e.timings;
    QVERIFY(t.startNs >= 0);
    QVERIFY(t.connectStartNs >= t.startNs);
    QVERIFY(t.requestSentNs >= t.connectStartNs);
    QVERIFY(t.headersNs >= t.requestSentNs);
    QVERIFY(t.finishedNs >= t.headersNs);
    // The server waited 150 ms before its head: the wait shows in the record.
    QVERIFY2(t.headersNs - t.requestSentNs >= 140'000'000,
             qPrintable(QString::number(t.headersNs - t.requestSentNs)));
    QVERIFY(e.startedAt.isValid());
    QCOMPARE(e.responseBody->read(0, 100), "done"_ba);
}

void TestHttpSession::manyInFlightAndCancel()
{
    EngineFixture f;
    f.server.route("/fast", ScriptedResponse::text(200, "fast"));
    f.server.route("/hang", Routes::slow(10000, "late"));
    QSignalSpy done(&f.session, &HttpSession::chainFinished);
    QList<quint64> chains;
    for (int i = 0; i < 8; ++i)
        chains.append(f.session.send(f.get(u"/fast"_s)));
    const quint64 hanging = f.session.send(f.get(u"/hang"_s));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 8, 20000);
    QCOMPARE(f.session.inFlight(), 1);
    f.session.cancel(hanging);
    QTRY_COMPARE(done.size(), 9);
    const Exchange cancelled = f.log.chain(hanging).value(0);
    QCOMPARE(cancelled.error.kind, ExchangeError::Kind::Cancelled);
    QVERIFY(cancelled.finished);
    for (quint64 c : chains)
        QCOMPARE(f.log.chain(c).value(0).statusCode, 200);
}

QTEST_GUILESS_MAIN(TestHttpSession)
#include "tst_httpsession.moc"
