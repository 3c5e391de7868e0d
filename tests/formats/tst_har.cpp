#include "formats/harreader.h"
#include "formats/hartimings.h"
#include "formats/harwriter.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/httpserver.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {

const QByteArray Png = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

// The HAR 1.2 required fields and their types; returns what is wrong.
class HarValidator
{
public:
    QStringList problems;

    void validate(const QJsonObject &root)
    {
        const QJsonObject log = object(root, u"log"_s, u""_s);
        string(log, u"version"_s, u"log"_s);
        const QJsonObject creator = object(log, u"creator"_s, u"log"_s);
        string(creator, u"name"_s, u"log.creator"_s);
        string(creator, u"version"_s, u"log.creator"_s);
        const QJsonArray entries = array(log, u"entries"_s, u"log"_s);
        for (int i = 0; i < entries.size(); ++i)
            entry(entries.at(i).toObject(), u"log.entries[%1]"_s.arg(i));
    }

private:
    void problem(const QString &where, const QString &what) { problems.append(where + u": "_s + what); }
    QJsonObject object(const QJsonObject &o, const QString &key, const QString &where)
    {
        if (!o.value(key).isObject())
            problem(where, key + u" must be an object"_s);
        return o.value(key).toObject();
    }
    QJsonArray array(const QJsonObject &o, const QString &key, const QString &where)
    {
        if (!o.value(key).isArray())
            problem(where, key + u" must be an array"_s);
        return o.value(key).toArray();
    }
    void string(const QJsonObject &o, const QString &key, const QString &where)
    {
        if (!o.value(key).isString())
            problem(where, key + u" must be a string"_s);
    }
    double number(const QJsonObject &o, const QString &key, const QString &where, double min)
    {
        if (!o.value(key).isDouble()) {
            problem(where, key + u" must be a number"_s);
            return 0;
        }
        const double v = o.value(key).toDouble();
        if (v < min)
            problem(where, key + u" is below "_s + QString::number(min));
        return v;
    }
    void nameValues(const QJsonObject &o, const QString &key, const QString &where)
    {
        const QJsonArray a = array(o, key, where);
        for (int i = 0; i < a.size(); ++i) {
            string(a.at(i).toObject(), u"name"_s, where + u'.' + key);
            string(a.at(i).toObject(), u"value"_s, where + u'.' + key);
        }
    }
    void entry(const QJsonObject &e, const QString &where)
    {
        string(e, u"startedDateTime"_s, where);
        if (!QDateTime::fromString(e.value(u"startedDateTime"_s).toString(), Qt::ISODateWithMs).isValid())
            problem(where, u"startedDateTime is not ISO 8601"_s);
        const double time = number(e, u"time"_s, where, 0);
        object(e, u"cache"_s, where);
        const QJsonObject req = object(e, u"request"_s, where);
        const QString rw = where + u".request"_s;
        string(req, u"method"_s, rw);
        string(req, u"url"_s, rw);
        string(req, u"httpVersion"_s, rw);
        nameValues(req, u"cookies"_s, rw);
        nameValues(req, u"headers"_s, rw);
        nameValues(req, u"queryString"_s, rw);
        number(req, u"headersSize"_s, rw, -1);
        number(req, u"bodySize"_s, rw, -1);
        if (req.contains(u"postData"_s)) {
            const QJsonObject post = object(req, u"postData"_s, rw);
            string(post, u"mimeType"_s, rw + u".postData"_s);
            string(post, u"text"_s, rw + u".postData"_s);
        }
        const QJsonObject resp = object(e, u"response"_s, where);
        const QString sw = where + u".response"_s;
        number(resp, u"status"_s, sw, 0);
        string(resp, u"statusText"_s, sw);
        string(resp, u"httpVersion"_s, sw);
        nameValues(resp, u"cookies"_s, sw);
        nameValues(resp, u"headers"_s, sw);
        const QJsonObject content = object(resp, u"content"_s, sw);
        number(content, u"size"_s, sw + u".content"_s, 0);
        string(content, u"mimeType"_s, sw + u".content"_s);
        string(resp, u"redirectURL"_s, sw);
        number(resp, u"headersSize"_s, sw, -1);
        number(resp, u"bodySize"_s, sw, -1);
        const QJsonObject t = object(e, u"timings"_s, where);
        const QString tw = where + u".timings"_s;
        double sum = 0;
        for (const QString &k : {u"blocked"_s, u"dns"_s, u"connect"_s}) {
            if (t.contains(k))
                sum += qMax(0.0, number(t, k, tw, -1));
        }
        if (t.contains(u"ssl"_s)) {
            const double ssl = number(t, u"ssl"_s, tw, -1);
            if (ssl > qMax(0.0, t.value(u"connect"_s).toDouble(-1)))
                problem(tw, u"ssl must be included in connect"_s);
        }
        for (const QString &k : {u"send"_s, u"wait"_s, u"receive"_s})
            sum += number(t, k, tw, 0);
        if (qAbs(sum - time) > 0.01)
            problem(where, u"time %1 is not the sum of the timings %2"_s.arg(time).arg(sum));
    }
};

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/formats/fixtures/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class TestHar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportIsValidHar();
    void redactionByDefault();
    void keepSecretsOption();
    void largeBodiesAreCut();
    void roundTripThroughReader();
    void chromeHar();
    void firefoxHar();
    void brokenInput();
    void hostileTimesDoNotOverflow();
    void writeFailsClearly();
    void timingsFromPhases();
    void extremeNumbersDoNotOverflow();
    void streamedReaderMatchesWholeDocument_data();
    void streamedReaderMatchesWholeDocument();
    void streamedReaderHandsOutEntriesOneByOne();
    void streamedErrorsSayWhere();

private:
    QList<Exchange> m_exchanges;
};

// Real exchanges: a session sending through redirects, cookies and binary bodies to a local server.
void TestHar::initTestCase()
{
    HttpServer server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    server.route("/login", [&](const ServerRequest &, ScriptedResponse &r) {
        r.status = 302;
        r.headers = {{"Location", "/home?tab=1", true},
                     {"Set-Cookie", "session=s3cretCookie; Path=/; HttpOnly", true}};
    });
    server.route("/home",
                 ScriptedResponse::text(200, "<html><body>héllo</body></html>", "text/html; charset=utf-8"));
    server.route("/pixel", ScriptedResponse::text(200, Png, "image/png"));
    server.route("/big", ScriptedResponse::text(200, QByteArray(5000, 'x') + "é"));

    ExchangeLog log;
    HttpSession session(&log);
    QSignalSpy finished(&session, &HttpSession::chainFinished);

    RequestSpec login;
    login.method = "POST";
    login.url = server.url(u"/login"_s);
    login.headers = {{"Authorization", "Bearer tok3nSecret", true},
                     {"Content-Type", "application/x-www-form-urlencoded", true}};
    login.body.kind = RequestBody::Kind::Raw;
    login.body.raw = "user=alice&note=a+b%26c";
    session.send(login);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);

    RequestSpec pixel;
    pixel.url = server.url(u"/pixel"_s);
    session.send(pixel);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    RequestSpec big;
    big.url = server.url(u"/big"_s);
    session.send(big);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);

    for (qsizetype i = 0; i < log.count(); ++i)
        m_exchanges.append(log.at(i));
    QCOMPARE(m_exchanges.size(), 4); // login, home, pixel, big
    QCOMPARE(m_exchanges.at(1).reason, HopReason::Redirect);
    QVERIFY(Headers::contains(m_exchanges.at(1).requestHeaders, "cookie"));
}

void TestHar::exportIsValidHar()
{
    const QJsonDocument doc = QJsonDocument::fromJson(HarWriter().toBytes(m_exchanges));
    QVERIFY(doc.isObject());
    HarValidator validator;
    validator.validate(doc.object());
    QVERIFY2(validator.problems.isEmpty(), qPrintable(validator.problems.join(u'\n')));

    const QJsonObject log = doc.object().value(u"log"_s).toObject();
    QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
    QCOMPARE(log.value(u"creator"_s).toObject().value(u"name"_s).toString(), u"Peephole"_s);
    const QJsonArray entries = log.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 4);

    const QJsonObject login = entries.at(0).toObject();
    QCOMPARE(login.value(u"response"_s).toObject().value(u"status"_s).toInt(), 302);
    QCOMPARE(login.value(u"response"_s).toObject().value(u"redirectURL"_s).toString(), u"/home?tab=1"_s);
    const QJsonObject post = login.value(u"request"_s).toObject().value(u"postData"_s).toObject();
    QCOMPARE(post.value(u"text"_s).toString(), u"user=alice&note=a+b%26c"_s);
    const QJsonArray params = post.value(u"params"_s).toArray();
    QCOMPARE(params.size(), 2);
    QCOMPARE(params.at(1).toObject().value(u"value"_s).toString(), u"a b&c"_s);

    const QJsonObject home = entries.at(1).toObject();
    const QJsonObject p = home.value(u"_peephole"_s).toObject();
    QCOMPARE(p.value(u"hop"_s).toInt(), 1);
    QCOMPARE(p.value(u"reason"_s).toString(), u"redirect"_s);
    QCOMPARE(p.value(u"previousId"_s).toInteger(), qint64(m_exchanges.at(0).id));
    QCOMPARE(p.value(u"chainId"_s).toInteger(), qint64(m_exchanges.at(0).chainId));
    const QJsonArray query = home.value(u"request"_s).toObject().value(u"queryString"_s).toArray();
    QCOMPARE(query.size(), 1);
    QCOMPARE(query.at(0).toObject().value(u"name"_s).toString(), u"tab"_s);
    const QJsonObject homeContent = home.value(u"response"_s).toObject().value(u"content"_s).toObject();
    QCOMPARE(homeContent.value(u"text"_s).toString(), u"<html><body>héllo</body></html>"_s);
    QVERIFY(!homeContent.contains(u"encoding"_s));
    QCOMPARE(homeContent.value(u"mimeType"_s).toString(), u"text/html; charset=utf-8"_s);

    const QJsonObject pixel =
        entries.at(2).toObject().value(u"response"_s).toObject().value(u"content"_s).toObject();
    QCOMPARE(pixel.value(u"encoding"_s).toString(), u"base64"_s);
    QCOMPARE(QByteArray::fromBase64(pixel.value(u"text"_s).toString().toLatin1()), Png);
    QCOMPARE(pixel.value(u"size"_s).toInteger(), qint64(Png.size()));
}

void TestHar::redactionByDefault()
{
    const QByteArray bytes = HarWriter().toBytes(m_exchanges);
    QVERIFY(!bytes.contains("tok3nSecret"));
    QVERIFY(!bytes.contains("s3cretCookie"));
    const QJsonArray entries =
        QJsonDocument::fromJson(bytes).object().value(u"log"_s).toObject().value(u"entries"_s).toArray();
    const QJsonArray loginHeaders =
        entries.at(0).toObject().value(u"request"_s).toObject().value(u"headers"_s).toArray();
    bool sawAuth = false;
    for (const QJsonValue &h : loginHeaders) {
        if (h.toObject().value(u"name"_s).toString().compare(u"authorization"_s, Qt::CaseInsensitive) == 0) {
            QCOMPARE(h.toObject().value(u"value"_s).toString(), u"Bearer [redacted]"_s);
            sawAuth = true;
        }
    }
    QVERIFY(sawAuth);
    // The cookie arrays keep names, not values.
    const QJsonArray setCookies =
        entries.at(0).toObject().value(u"response"_s).toObject().value(u"cookies"_s).toArray();
    QCOMPARE(setCookies.size(), 1);
    QCOMPARE(setCookies.at(0).toObject().value(u"name"_s).toString(), u"session"_s);
    QCOMPARE(setCookies.at(0).toObject().value(u"value"_s).toString(), u"[redacted]"_s);
    QVERIFY(setCookies.at(0).toObject().value(u"httpOnly"_s).toBool());
    const QJsonArray sent =
        entries.at(1).toObject().value(u"request"_s).toObject().value(u"cookies"_s).toArray();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).toObject().value(u"value"_s).toString(), u"[redacted]"_s);
    QVERIFY(bytes.contains("session=[redacted]; Path=/; HttpOnly"));
}

void TestHar::keepSecretsOption()
{
    HarWriter::Options options;
    options.keepSecrets = true;
    const QByteArray bytes = HarWriter(options).toBytes(m_exchanges);
    QVERIFY(bytes.contains("Bearer tok3nSecret"));
    QVERIFY(bytes.contains("s3cretCookie"));
    QVERIFY(!bytes.contains("[redacted]"));
}

void TestHar::largeBodiesAreCut()
{
    HarWriter::Options options;
    options.maxBodyBytes = 1000;
    const QJsonObject root = HarWriter(options).toJson(m_exchanges);
    const QJsonObject content = root.value(u"log"_s)
                                    .toObject()
                                    .value(u"entries"_s)
                                    .toArray()
                                    .at(3)
                                    .toObject()
                                    .value(u"response"_s)
                                    .toObject()
                                    .value(u"content"_s)
                                    .toObject();
    QCOMPARE(content.value(u"text"_s).toString().size(), 1000);
    QCOMPARE(content.value(u"size"_s).toInteger(), 5002);
    QVERIFY(content.value(u"comment"_s).toString().contains(u"5002"_s));
}

void TestHar::roundTripThroughReader()
{
    HarWriter::Options options;
    options.keepSecrets = true;
    const HarImportResult r = HarReader::read(HarWriter(options).toBytes(m_exchanges));
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.creator, u"Peephole 0.1.0"_s);
    QCOMPARE(r.exchanges.size(), m_exchanges.size());
    for (qsizetype i = 0; i < m_exchanges.size(); ++i) {
        const Exchange &a = m_exchanges.at(i);
        const Exchange &b = r.exchanges.at(i);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.chainId, a.chainId);
        QCOMPARE(b.previousId, a.previousId);
        QCOMPARE(b.hop, a.hop);
        QCOMPARE(b.reason, a.reason);
        QCOMPARE(b.method, a.method);
        QCOMPARE(b.url, a.url);
        QCOMPARE(b.statusCode, a.statusCode);
        QCOMPARE(b.requestHeaders, a.requestHeaders);
        QCOMPARE(b.responseHeaders, a.responseHeaders);
        QCOMPARE(b.responseBody->read(0, b.responseBody->size()),
                 a.responseBody->read(0, a.responseBody->size()));
        QCOMPARE(b.startedAt.toMSecsSinceEpoch(), a.startedAt.toMSecsSinceEpoch());
        const HarTimings ta = HarTimings::fromTimings(a.timings, a.tls->used);
        const HarTimings tb = HarTimings::fromTimings(b.timings, b.tls->used);
        QVERIFY(qAbs(ta.total() - tb.total()) < 0.01);
        QVERIFY(qAbs(ta.wait - tb.wait) < 0.01);
    }
    // As requests: the login can be sent again.
    const RequestSpec &login = r.requests.at(0);
    QCOMPARE(login.method, "POST"_ba);
    QCOMPARE(login.body.raw, "user=alice&note=a+b%26c"_ba);
    QVERIFY(!Headers::contains(login.headers, "content-length"));
}

void TestHar::chromeHar()
{
    const HarImportResult r = HarReader::read(fixture(u"chrome.har"_s));
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.creator, u"WebInspector 537.36"_s);
    QCOMPARE(r.exchanges.size(), 4);
    QVERIFY(r.issues.isEmpty());

    const Exchange &doc = r.exchanges.at(0);
    QCOMPARE(doc.httpVersion, "HTTP/2"_ba);
    QCOMPARE(doc.startedAt, QDateTime(QDate(2024, 3, 5), QTime(10, 15, 30, 101), Qt::UTC));
    QCOMPARE(doc.timings.startNs, 0);
    QCOMPARE(doc.timings.connectStartNs, qint64((2.1 + 20.3) * 1e6));
    QCOMPARE(doc.timings.tlsDoneNs, qint64((2.1 + 20.3) * 1e6) + qint64(55.7 * 1e6));
    QVERIFY(doc.responseBody->read(0, 100).startsWith("<!doctype html>"));
    QCOMPARE(doc.cookiesSent->size(), 2);
    QVERIFY(doc.cookiesSent->at(0).isHttpOnly());

    const Exchange &image = r.exchanges.at(1);
    QCOMPARE(image.responseBody->read(0, 1000), Png);
    QCOMPARE(image.timings.startNs, qint64(301) * 1000000); // 301 ms after the first entry
    QCOMPARE(image.timings.connectStartNs, -1);             // a reused connection

    const Exchange &xhr = r.exchanges.at(2);
    QCOMPARE(xhr.startedAt.time().msec(), 250); // microseconds in the date are tolerated
    QCOMPARE(xhr.requestBody->read(0, 100), "{\"sku\":\"A-1\",\"qty\":2}"_ba);

    const Exchange &failed = r.exchanges.at(3);
    QCOMPARE(failed.statusCode, 0);
    QVERIFY(failed.error.isError());
    QCOMPARE(failed.error.message, u"net::ERR_CONNECTION_REFUSED"_s);
    QCOMPARE(failed.timings.headersNs, -1);

    // As requests: no HTTP/2 pseudo-headers, no Content-Length, the body and Authorization kept.
    const RequestSpec &post = r.requests.at(2);
    QCOMPARE(post.method, "POST"_ba);
    QCOMPARE(post.url, QUrl(u"https://shop.example.com/api/cart"_s));
    QCOMPARE(post.headers, (HeaderList{{"authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", true},
                                       {"content-type", "application/json", true}}));
    QCOMPARE(post.body.raw, "{\"sku\":\"A-1\",\"qty\":2}"_ba);
}

void TestHar::firefoxHar()
{
    const HarImportResult r = HarReader::read(fixture(u"firefox.har"_s));
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.creator, u"Firefox 121.0"_s);
    QCOMPARE(r.exchanges.size(), 3);

    const Exchange &page = r.exchanges.at(0);
    QCOMPARE(page.startedAt.toUTC(), QDateTime(QDate(2024, 3, 5), QTime(10, 15, 30, 123), Qt::UTC));
    QCOMPARE(page.reasonPhrase, "OK"_ba);
    QCOMPARE(page.wireHeaderSize, 330);
    QCOMPARE(page.wireBodySize, 70);
    QCOMPARE(page.timings.connectStartNs, qint64(12) * 1000000);
    QCOMPARE(page.timings.tlsDoneNs, qint64(52) * 1000000);
    QCOMPARE(page.timings.finishedNs, qint64(114) * 1000000);

    const Exchange &search = r.exchanges.at(1);
    QCOMPARE(search.statusCode, 302);
    QCOMPARE(search.requestBody->read(0, 100), "q=peep+hole&lang=en"_ba);
    QCOMPARE(r.requests.at(1).body.raw, "q=peep+hole&lang=en"_ba);
    QVERIFY(!Headers::contains(r.requests.at(1).headers, "host"));
    QCOMPARE(Headers::value(r.requests.at(1).headers, "content-type"),
             "application/x-www-form-urlencoded"_ba);

    // The script's body was not saved by Firefox: reported, still imported.
    QCOMPARE(r.issues.size(), 1);
    QVERIFY(r.issues.first().item.contains(u"app.js"_s));
    QVERIFY(r.issues.first().reason.contains(u"5120"_s));
    QCOMPARE(r.exchanges.at(2).responseBody->size(), 0);
}

void TestHar::brokenInput()
{
    HarImportResult r = HarReader::read("{\n  \"log\": {\n    \"entries\": [,]\n  }\n}");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.line, 3);
    QVERIFY(r.error.column > 0);
    QVERIFY(r.exchanges.isEmpty());

    r = HarReader::read("{\"entries\": []}");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.where, u"log"_s);

    r = HarReader::read("{\"log\": {\"version\": \"1.2\"}}");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.where, u"log.entries"_s);

    // An entry without a URL is skipped and reported; the others load.
    r = HarReader::read(
        "{\"log\": {\"version\": \"1.2\", \"entries\": ["
        "{\"request\": {\"method\": \"GET\"}, \"response\": {}},"
        "{\"startedDateTime\": \"2024-01-01T00:00:00.000Z\", \"request\": {\"method\": \"GET\", "
        "\"url\": \"https://e.example/\"}, \"response\": {\"status\": 204}}]}}");
    QVERIFY(r.ok);
    QCOMPARE(r.exchanges.size(), 1);
    QCOMPARE(r.issues.size(), 1);
    QVERIFY(r.issues.first().item.startsWith(u"entry 1"_s));
}

void TestHar::hostileTimesDoNotOverflow()
{
    // Year 1 beside year 9999 (3e20 ns apart), phases of 1e300 ms, NaN-like junk: read, clamped, ordered.
    const QByteArray har =
        "{\"log\": {\"version\": \"1.2\", \"entries\": ["
        "{\"startedDateTime\": \"0001-01-01T00:00:00.000Z\", \"request\": {\"method\": \"GET\", "
        "\"url\": \"https://e.example/a\"}, \"response\": {\"status\": 200}, "
        "\"timings\": {\"blocked\": 1e300, \"dns\": 1e300, \"connect\": 1e300, \"ssl\": 1e300, "
        "\"send\": 1e300, \"wait\": 1e300, \"receive\": 1e300}},"
        "{\"startedDateTime\": \"9999-12-31T23:59:59.999Z\", \"request\": {\"method\": \"GET\", "
        "\"url\": \"https://e.example/b\"}, \"response\": {\"status\": 200}, "
        "\"timings\": {\"send\": -5, \"wait\": \"x\", \"receive\": 9.3e18}}]}}";
    const HarImportResult r = HarReader::read(har);
    QVERIFY(r.ok);
    QCOMPARE(r.exchanges.size(), 2);
    for (const Exchange &e : r.exchanges) {
        const Timings &t = e.timings;
        QVERIFY(t.startNs >= 0 && t.startNs <= Q_INT64_C(3'000'000'000'000'000'000));
        QVERIFY2(t.finishedNs >= t.startNs, qPrintable(QString::number(t.finishedNs)));
        QVERIFY(t.finishedNs <= Q_INT64_C(4'000'000'000'000'000'000));
        QVERIFY(t.headersNs >= t.startNs && t.headersNs <= t.finishedNs);
    }
    // Clamped, not wrapped to a negative time: the later entry stays later.
    QVERIFY(r.exchanges.at(1).timings.startNs > r.exchanges.at(0).timings.startNs);
}

void TestHar::writeFailsClearly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString good = dir.filePath(u"out.har"_s);
    QVERIFY2(HarWriter().writeFile(good, m_exchanges, &error), qPrintable(error));
    QVERIFY(HarReader::readFile(good).ok);
    QVERIFY(!HarWriter().writeFile(dir.filePath(u"no/such/dir/out.har"_s), m_exchanges, &error));
    QVERIFY(error.contains(u"no/such/dir"_s));
}

void TestHar::timingsFromPhases()
{
    Timings t;
    t.startNs = 1000000000;
    t.connectStartNs = t.startNs + 2000000;
    t.tlsDoneNs = t.connectStartNs + 30000000;
    t.requestSentNs = t.tlsDoneNs + 1000000;
    t.headersNs = t.requestSentNs + 50000000;
    t.finishedNs = t.headersNs + 7000000;
    const HarTimings h = HarTimings::fromTimings(t, true);
    QCOMPARE(h.blocked, 2.0);
    QCOMPARE(h.dns, -1.0);
    QCOMPARE(h.connect, 30.0);
    QCOMPARE(h.ssl, -1.0);
    QCOMPARE(h.send, 1.0);
    QCOMPARE(h.wait, 50.0);
    QCOMPARE(h.receive, 7.0);
    QCOMPARE(h.total(), double(t.totalNs()) / 1e6);
    const Timings back = h.toTimings(t.startNs, true, true);
    QCOMPARE(back.connectStartNs, t.connectStartNs);
    QCOMPARE(back.tlsDoneNs, t.tlsDoneNs);
    QCOMPARE(back.requestSentNs, t.requestSentNs);
    QCOMPARE(back.headersNs, t.headersNs);
    QCOMPARE(back.finishedNs, t.finishedNs);
}

// Dates from year 1 to 9999 in one file and absurd phase times used to overflow the nanosecond
// clock (signed overflow: undefined behaviour, in practice negative times on the timeline).
void TestHar::extremeNumbersDoNotOverflow()
{
    const HarImportResult r = HarReader::read(
        "{\"log\": {\"version\": \"1.2\", \"entries\": ["
        "{\"startedDateTime\": \"0001-01-01T00:00:00.000Z\", \"request\": {\"method\": \"GET\", "
        "\"url\": \"https://e.example/a\"}, \"response\": {\"status\": 200}, "
        "\"timings\": {\"blocked\": 1e308, \"connect\": 9.3e15, \"send\": 1e300, \"wait\": 1e19, "
        "\"receive\": 1.7e308}},"
        "{\"startedDateTime\": \"9999-12-31T23:59:59.999Z\", \"request\": {\"method\": \"GET\", "
        "\"url\": \"https://e.example/b\"}, \"response\": {\"status\": 200}, "
        "\"timings\": {\"send\": -1e308, \"wait\": 2, \"receive\": 3}}]}}");
    QVERIFY(r.ok);
    QCOMPARE(r.exchanges.size(), 2);
    for (const Exchange &e : r.exchanges) {
        const Timings &t = e.timings;
        QVERIFY(t.startNs >= 0);
        QVERIFY2(t.requestSentNs >= t.startNs && t.headersNs >= t.requestSentNs && t.finishedNs >= t.headersNs,
                 qPrintable(e.url.toString()));
    }
    // The later entry still comes after the earlier one, and its own phases are kept.
    QVERIFY(r.exchanges.at(1).timings.startNs > r.exchanges.at(0).timings.startNs);
    QCOMPARE(r.exchanges.at(1).timings.finishedNs - r.exchanges.at(1).timings.requestSentNs, qint64(5000000));
}

// The HAR reader streams (one entry at a time through JsonStream); the whole-document reader
// it replaced is kept as HarReader::readDocument. Both must read the same from every file.
void TestHar::streamedReaderMatchesWholeDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("chrome") << fixture(u"chrome.har"_s);
    QTest::newRow("firefox") << fixture(u"firefox.har"_s);
    HarWriter::Options options;
    options.keepSecrets = true;
    const QByteArray peephole = HarWriter(options).toBytes(m_exchanges);
    QTest::newRow("peephole") << peephole;
    // Entries across many 256 KiB read chunks, in an order that is not the time order.
    QList<Exchange> many;
    for (int i = 0; i < 400; ++i) {
        Exchange e = m_exchanges.at(i % m_exchanges.size());
        e.id = quint64(i + 1);
        e.startedAt = e.startedAt.addSecs((i * 37) % 101 - 50);
        many.append(e);
    }
    QTest::newRow("many chunks") << HarWriter(options).toBytes(many);
    QTest::newRow("extremes") << QByteArray(
        "{\"log\": {\"entries\": [{\"startedDateTime\": \"9999-01-01T00:00:00Z\", \"request\": {\"method\": "
        "\"GET\", \"url\": \"https://e.example/\"}, \"response\": {\"status\": 200}}, 7, [], {}], "
        "\"creator\": {\"name\": \"x\"}, \"version\": \"1.3\", \"pages\": [{\"deep\": [[[\"\\u00e9\\\"]\"]]]}]}, "
        "\"other\": null}");
}

void TestHar::streamedReaderMatchesWholeDocument()
{
    QFETCH(QByteArray, json);
    const HarImportResult a = HarReader::read(json);
    const HarImportResult b = HarReader::readDocument(json);
    QVERIFY2(a.ok && b.ok, qPrintable(a.error.toString() + u" / "_s + b.error.toString()));
    QCOMPARE(a.creator, b.creator);
    QCOMPARE(a.issues, b.issues);
    QCOMPARE(a.exchanges.size(), b.exchanges.size());
    QCOMPARE(a.requests.size(), b.requests.size());
    QVERIFY(!a.exchanges.isEmpty());
    for (qsizetype i = 0; i < a.exchanges.size(); ++i) {
        const Exchange &x = a.exchanges.at(i);
        const Exchange &y = b.exchanges.at(i);
        QCOMPARE(x.id, y.id);
        QCOMPARE(x.chainId, y.chainId);
        QCOMPARE(x.reason, y.reason);
        QCOMPARE(x.method, y.method);
        QCOMPARE(x.url, y.url);
        QCOMPARE(x.httpVersion, y.httpVersion);
        QCOMPARE(x.statusCode, y.statusCode);
        QCOMPARE(x.reasonPhrase, y.reasonPhrase);
        QCOMPARE(x.requestHeaders, y.requestHeaders);
        QCOMPARE(x.responseHeaders, y.responseHeaders);
        QCOMPARE(x.responseBody->read(0, x.responseBody->size() + 1),
                 y.responseBody->read(0, y.responseBody->size() + 1));
        QCOMPARE(bool(x.requestBody), bool(y.requestBody));
        if (x.requestBody)
            QCOMPARE(x.requestBody->read(0, x.requestBody->size() + 1),
                     y.requestBody->read(0, y.requestBody->size() + 1));
        QCOMPARE(x.cookiesSent->size(), y.cookiesSent->size());
        QCOMPARE(x.cookiesSet->size(), y.cookiesSet->size());
        QCOMPARE(x.startedAt, y.startedAt);
        QCOMPARE(x.timings.startNs, y.timings.startNs);
        QCOMPARE(x.timings.connectStartNs, y.timings.connectStartNs);
        QCOMPARE(x.timings.requestSentNs, y.timings.requestSentNs);
        QCOMPARE(x.timings.headersNs, y.timings.headersNs);
        QCOMPARE(x.timings.finishedNs, y.timings.finishedNs);
        QCOMPARE(x.error.message, y.error.message);
        QCOMPARE(*x.notes, *y.notes);
        QCOMPARE(a.requests.at(i).method, b.requests.at(i).method);
        QCOMPARE(a.requests.at(i).headers, b.requests.at(i).headers);
        QCOMPARE(a.requests.at(i).body, b.requests.at(i).body);
    }
}

void TestHar::streamedReaderHandsOutEntriesOneByOne()
{
    HarWriter::Options options;
    options.keepSecrets = true;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"session.har"_s);
    QString error;
    QList<Exchange> many;
    for (int i = 0; i < 600; ++i)
        many.append(m_exchanges.at(i % m_exchanges.size()));
    QVERIFY2(HarWriter(options).writeFile(path, many, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).size() > 3 * 256 * 1024); // several read chunks

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> urls;
    qint64 lastPosition = -1;
    bool readAhead = false;
    bool requestsMatch = true;
    const HarImportResult r = HarReader::read(&file, [&](Exchange &&e, RequestSpec &&request) {
        requestsMatch = requestsMatch && request.url == e.url;
        urls.append(e.url.toEncoded());
        // The file is read as the entries come, not all at once before the first.
        readAhead = readAhead || (urls.size() == 1 && file.pos() == file.size());
        lastPosition = file.pos();
        return true;
    });
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(r.exchanges.isEmpty() && r.requests.isEmpty()); // handed out, not kept
    QCOMPARE(urls.size(), many.size());
    QCOMPARE(urls.last(), many.last().url.toEncoded());
    QVERIFY(!readAhead);
    QVERIFY(requestsMatch);
    QVERIFY(lastPosition <= file.size());
    QVERIFY(file.atEnd());

    // The sink can stop early.
    QVERIFY(file.seek(0));
    int seen = 0;
    const HarImportResult stopped = HarReader::read(&file, [&](Exchange &&, RequestSpec &&) { return ++seen < 5; });
    QVERIFY(stopped.ok);
    QCOMPARE(seen, 5);
    QVERIFY(file.pos() < file.size());
}

void TestHar::streamedErrorsSayWhere()
{
    struct Case
    {
        QByteArray json;
        int line;
    };
    const QList<Case> cases{
        {"{\n \"log\": {\n  \"entries\": [\n   {\"request\": {\"method\": \"GET\",, \"url\": \"x\"}}\n  ]\n }\n}", 4},
        {"{\"log\": {\"entries\": []}}\n\ntrailing", 3},
        {"{\"log\": {\"entries\": [{}]\n", 2},
        {"{\"log\": {\"entries\": [1 2]}}", 1},
        {"{\"log\"\n: {\"version\": tru}}", 2},
        {"[1, 2]", 0},
        {"", 1},
    };
    for (const Case &c : cases) {
        const HarImportResult a = HarReader::read(c.json);
        const HarImportResult b = HarReader::readDocument(c.json);
        QVERIFY2(!a.ok && !b.ok, c.json.constData());
        QVERIFY(a.exchanges.isEmpty());
        QVERIFY2(a.error.message.startsWith(u"This is not a HAR file"_s), qPrintable(a.error.message));
        QCOMPARE(a.error.line, c.line);
        QCOMPARE(a.error.where, b.error.where);
    }
    // A file that turns out not to be a HAR keeps nothing of what was read before (found by
    // tests/fuzz/fuzz_har: the creator stayed set).
    const QByteArray noEntries = "{\"log\": {\"creator\": {\"name\": \"x\"}, \"version\": \"9\", \"entrieS\": []}}";
    const HarImportResult streamed = HarReader::read(noEntries);
    QVERIFY(!streamed.ok);
    QCOMPARE(streamed.error.where, u"log.entries"_s);
    QVERIFY(streamed.creator.isEmpty() && streamed.issues.isEmpty());
    QCOMPARE(streamed.creator, HarReader::readDocument(noEntries).creator);
    // Deep nesting fails as QJsonDocument does, counting the containers around the entry.
    const QByteArray deep = "{\"log\": {\"entries\": [" + QByteArray(1030, '[') + QByteArray(1030, ']') + "]}}";
    QVERIFY(!HarReader::read(deep).ok);
    QVERIFY(!HarReader::readDocument(deep).ok);
}

QTEST_GUILESS_MAIN(TestHar)
#include "tst_har.moc"
