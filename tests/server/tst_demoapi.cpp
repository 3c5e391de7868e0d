// The demo API served by `peephole --demo`, fetched over real sockets.
#include "rawclient.h"
#include "server/demoapi.h"
#include "server/httpserver.h"
#include "server/pngencoder.h"

#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using Peephole::Test::RawClient;
using Peephole::Test::RawResponse;

class TestDemoApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void indexListsEndpoints();
    void largeJson();
    void image();
    void pngEncoderRoundTrip();
    void redirect();
    void basic();
    void digest_data();
    void digest();
    void bearer();
    void cookies();
    void slow();
    void echo();

private:
    RawResponse get(const QByteArray &path, const HeaderList &headers = {},
                    const QByteArray &method = "GET"_ba);
    DemoApi m_demo;
};

void TestDemoApi::initTestCase()
{
    QVERIFY2(m_demo.start(), qPrintable(m_demo.errorString()));
    QVERIFY(m_demo.isRunning());
    QCOMPARE(m_demo.baseUrl().host(), u"127.0.0.1"_s);
}

RawResponse TestDemoApi::get(const QByteArray &path, const HeaderList &headers, const QByteArray &method)
{
    RawClient client;
    if (!client.connectTo(quint16(m_demo.baseUrl().port())))
        return {};
    client.send(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + Headers::toWire(headers) + "\r\n");
    return client.readResponse(20000).value_or(RawResponse{});
}

void TestDemoApi::indexListsEndpoints()
{
    const RawResponse r = get("/"_ba);
    QCOMPARE(r.status, 200);
    const QJsonArray list = QJsonDocument::fromJson(r.body).object().value(u"endpoints"_s).toArray();
    const QList<DemoApi::Endpoint> endpoints = DemoApi::endpoints();
    QCOMPARE(list.size(), endpoints.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        QCOMPARE(list.at(i).toObject().value(u"path"_s).toString().toLatin1(), endpoints.at(i).path);
        QVERIFY(!list.at(i).toObject().value(u"description"_s).toString().isEmpty());
        // Every listed endpoint exists (no 404).
        if (endpoints.at(i).path != "/slow")
            QVERIFY(get(endpoints.at(i).path, {}, endpoints.at(i).method).status != 404);
    }
}

void TestDemoApi::largeJson()
{
    const RawResponse r = get("/json"_ba);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), "application/json"_ba);
    QVERIFY(r.body.size() > 1500 * 1000);
    QVERIFY(r.body.size() < 3000 * 1000);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(r.body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(u"items"_s).toArray().size(), root.value(u"count"_s).toInt());
    QVERIFY(r.body.contains("Z\xc3\xbcrich")); // non-ASCII text, UTF-8 encoded
    QCOMPARE(get("/json"_ba).body, r.body);    // deterministic
}

void TestDemoApi::image()
{
    const RawResponse r = get("/image.png"_ba);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), "image/png"_ba);
    QImage image;
    QVERIFY(image.loadFromData(r.body, "PNG"));
    QCOMPARE(image.size(), QSize(256, 256));
    QCOMPARE(qAlpha(image.pixel(128, 128)), 0);                     // the hole
    QCOMPARE(image.pixel(128, 128 + 85), qRgba(240, 160, 40, 255)); // the ring
    QCOMPARE(image.pixel(0, 255), qRgba(0, 255, 200, 255));         // the gradient
}

void TestDemoApi::pngEncoderRoundTrip()
{
    // 300x300 RGBA needs several stored deflate blocks (more than 65535 bytes).
    const int w = 300, h = 300;
    QByteArray rgba(w * h * 4, Qt::Uninitialized);
    for (int i = 0; i < rgba.size(); ++i)
        rgba[i] = char((i * 7 + i / 1200) & 0xff);
    QImage image;
    QVERIFY(image.loadFromData(encodePngRgba(w, h, rgba), "PNG"));
    image = image.convertToFormat(QImage::Format_RGBA8888);
    QCOMPARE(image.size(), QSize(w, h));
    for (int y = 0; y < h; ++y)
        QCOMPARE(QByteArrayView(reinterpret_cast<const char *>(image.constScanLine(y)), w * 4),
                 QByteArrayView(rgba).sliced(y * w * 4, w * 4));
    QVERIFY(encodePngRgba(2, 2, "too short"_ba).isEmpty());
}

void TestDemoApi::redirect()
{
    const RawResponse r = get("/redirect"_ba);
    QCOMPARE(r.status, 302);
    QCOMPARE(r.header("Location"), "/json"_ba);
}

void TestDemoApi::basic()
{
    QCOMPARE(get("/basic"_ba).status, 401);
    const QByteArray creds = "Basic " + QByteArray(DemoApi::user() + ':' + DemoApi::password()).toBase64();
    const RawResponse ok = get("/basic"_ba, {{"Authorization"_ba, creds, true}});
    QCOMPARE(ok.status, 200);
    QCOMPARE(QJsonDocument::fromJson(ok.body).object().value(u"authenticated"_s).toBool(), true);
}

void TestDemoApi::digest_data()
{
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QCryptographicHash::Algorithm>("hash");
    QTest::newRow("SHA-256") << "SHA-256"_ba << QCryptographicHash::Sha256;
    QTest::newRow("MD5") << "MD5"_ba << QCryptographicHash::Md5;
}

void TestDemoApi::digest()
{
    QFETCH(QByteArray, algorithm);
    QFETCH(QCryptographicHash::Algorithm, hash);
    RawClient client;
    QVERIFY(client.connectTo(quint16(m_demo.baseUrl().port())));
    client.send("GET /digest HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"_ba);
    const auto challenge = client.readResponse();
    QVERIFY(challenge);
    QCOMPARE(challenge->status, 401);
    const QByteArray field = challenge->header("WWW-Authenticate");
    QVERIFY(field.indexOf("algorithm=SHA-256") < field.indexOf("algorithm=MD5"));
    const QString nonce =
        QRegularExpression(u"nonce=\"([^\"]+)\""_s).match(QString::fromLatin1(field)).captured(1);
    const QString opaque =
        QRegularExpression(u"opaque=\"([^\"]+)\""_s).match(QString::fromLatin1(field)).captured(1);
    auto H = [hash](const QByteArray &s) { return QCryptographicHash::hash(s, hash).toHex(); };
    const QByteArray ha1 = H(DemoApi::user() + ':' + DemoApi::realm() + ':' + DemoApi::password());
    const QByteArray response =
        H(ha1 + ':' + nonce.toLatin1() + ":00000001:abcdef:auth:" + H("GET:/digest"_ba));
    client.send(
        "GET /digest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Digest username=\"demo\", realm=\"" +
        DemoApi::realm() + "\", nonce=\"" + nonce.toLatin1() + "\", uri=\"/digest\", algorithm=" + algorithm +
        ", qop=auth, nc=00000001, cnonce=\"abcdef\", response=\"" + response + "\", opaque=\"" +
        opaque.toLatin1() + "\"\r\n\r\n");
    const auto ok = client.readResponse();
    QVERIFY(ok);
    QVERIFY2(ok->status == 200, ok->body.constData());
    QVERIFY(ok->header("Authentication-Info").contains("rspauth="));
}

void TestDemoApi::bearer()
{
    const RawResponse wrong = get("/bearer"_ba, {{"Authorization"_ba, "Bearer nope"_ba, true}});
    QCOMPARE(wrong.status, 401);
    QVERIFY(wrong.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    QVERIFY(wrong.header("WWW-Authenticate").contains("error_description="));
    QCOMPARE(get("/bearer"_ba, {{"Authorization"_ba, "Bearer " + DemoApi::token(), true}}).status, 200);
}

void TestDemoApi::cookies()
{
    const RawResponse r = get("/cookies"_ba, {{"Cookie"_ba, "a=1; b=2"_ba, true}});
    QCOMPARE(r.status, 200);
    QCOMPARE(Headers::values(r.headers, "Set-Cookie").size(), 2);
    const QJsonObject received = QJsonDocument::fromJson(r.body).object().value(u"received"_s).toObject();
    QCOMPARE(received.value(u"b"_s).toString(), u"2"_s);
}

void TestDemoApi::slow()
{
    const RawResponse r = get("/slow"_ba);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Transfer-Encoding"), "chunked"_ba);
    QCOMPARE(r.body.count('\n'), 10);
    QVERIFY(r.rawBody.count("\r\n") > 20); // trickled in several chunks
}

void TestDemoApi::echo()
{
    RawClient client;
    QVERIFY(client.connectTo(quint16(m_demo.baseUrl().port())));
    client.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\nhi"_ba);
    const auto r = client.readResponse();
    QVERIFY(r);
    const QJsonObject o = QJsonDocument::fromJson(r->body).object();
    QCOMPARE(o.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(o.value(u"body_base64"_s).toString(), u"aGk="_s);
}

QTEST_MAIN(TestDemoApi)
#include "tst_demoapi.moc"
