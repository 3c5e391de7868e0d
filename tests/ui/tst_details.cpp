// The exchange detail tabs: headers in wire order with duplicates, the raw
// wire text, timing bars, TLS chain, authentication trace.
#include "details/authview.h"
#include "details/bodyview.h"
#include "details/exchangedetails.h"
#include "details/headersview.h"
#include "details/rawview.h"
#include "details/timingview.h"
#include "details/tlsview.h"
#include "http/exchange.h"

#include <QSslCertificate>
#include <QTreeWidget>

#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
// A self-signed test certificate (CN=peephole.test, SAN peephole.test, www.peephole.test).
const char testCertificate[] = "-----BEGIN CERTIFICATE-----\n"
                               "MIIB5jCCAYugAwIBAgIUKEF+3PuJHyE85eUzG2b9I+plf14wCgYIKoZIzj0EAwIw\n"
                               "MTEWMBQGA1UEAwwNcGVlcGhvbGUudGVzdDEXMBUGA1UECgwOUGVlcGhvbGUgVGVz\n"
                               "dHMwHhcNMjYxMTMwMDAwOTA3WhcNMzYxMTI3MDAwOTA3WjAxMRYwFAYDVQQDDA1w\n"
                               "ZWVwaG9sZS50ZXN0MRcwFQYDVQQKDA5QZWVwaG9sZSBUZXN0czBZMBMGByqGSM49\n"
                               "AgEGCCqGSM49AwEHA0IABN9PXtgFom3qvfZNh2ZLYq4wAnOPiIi2Nq1oEfBHrxzu\n"
                               "Ih6KllY1roxiqTIW2IaM96gLRqG1tgztHiiknpa1IWOjgYAwfjAdBgNVHQ4EFgQU\n"
                               "Ck5qI/sFna0o6YF+c3VIwxgdTIEwHwYDVR0jBBgwFoAUCk5qI/sFna0o6YF+c3VI\n"
                               "wxgdTIEwDwYDVR0TAQH/BAUwAwEB/zArBgNVHREEJDAigg1wZWVwaG9sZS50ZXN0\n"
                               "ghF3d3cucGVlcGhvbGUudGVzdDAKBggqhkjOPQQDAgNJADBGAiEAglOYWXvw62Jc\n"
                               "7/ZyJLONu8LjwOyyVkyFNEQhNtHCAB8CIQDJSX61kqrHteCQ4QHVrjfx/Rb2RKnL\n"
                               "RNct+frRcrCEfA==\n"
                               "-----END CERTIFICATE-----\n";

QStringList childTexts(const QTreeWidgetItem *item, int column)
{
    QStringList out;
    for (int i = 0; i < item->childCount(); ++i)
        out << item->child(i)->text(column);
    return out;
}

/// Depth-first "name=value" of every item.
QStringList allRows(const QTreeWidget *tree)
{
    QStringList out;
    std::function<void(const QTreeWidgetItem *)> walk = [&](const QTreeWidgetItem *item) {
        out << item->text(0) + u'=' + item->text(1);
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i));
    return out;
}

Exchange sample()
{
    Exchange e;
    e.id = 42;
    e.method = "POST";
    e.url = QUrl(u"https://user:secret@api.peephole.test:8443/v1/items?x=1&y=%20z"_s);
    e.httpVersion = "HTTP/1.1";
    e.requestHeaders = {{"Content-Type", "application/json"},
                        {"X-Trace", "one"},
                        {"X-Disabled", "never sent", false},
                        {"X-Trace", "two"}};
    e.requestBody = BodyStore::fromBytes(R"({"name":"widget"})"_ba);
    e.statusCode = 401;
    e.reasonPhrase = "Unauthorized";
    e.responseHeaders = {{"WWW-Authenticate", R"(Digest realm="api", nonce="abc", qop="auth")"},
                         {"Set-Cookie", "a=1; Path=/"},
                         {"set-cookie", "b=2"},
                         {"Content-Type", "application/json"}};
    e.responseBody = BodyStore::fromBytes(R"({"error":"login required"})"_ba);
    e.finished = true;
    QNetworkCookie sent("session"_ba, "s1"_ba);
    e.cookiesSent = QList<QNetworkCookie>{sent};
    QNetworkCookie set("a"_ba, "1"_ba);
    set.setPath(u"/"_s);
    set.setHttpOnly(true);
    e.cookiesSet = QList<QNetworkCookie>{set};
    e.timings.startNs = 10'000'000;
    e.timings.connectStartNs = 10'500'000;
    e.timings.tlsDoneNs = 14'000'000;
    e.timings.requestSentNs = 14'200'000;
    e.timings.headersNs = 30'000'000;
    e.timings.finishedNs = 31'000'000;
    e.auth.edit().challenges = {
        Challenge{"Digest", {}, {{"realm", "api", true}, {"nonce", "abc", true}, {"qop", "auth", true}}},
        Challenge{"Basic", {}, {{"realm", "api", true}}}};
    e.auth.edit().problems = {ChallengeProblem{1, 14, u"Unterminated quoted string"_s}};
    e.auth.edit().chosenScheme = u"Digest"_s;
    e.auth.edit().reason = u"Digest is the strongest scheme offered"_s;
    e.auth.edit().explanation = u"The server asks for credentials."_s;
    e.auth.edit().digest.algorithm = "SHA-256";
    e.auth.edit().digest.realm = "api";
    e.auth.edit().digest.nonce = "abc";
    e.auth.edit().digest.cnonce = "0a4f113b";
    e.auth.edit().digest.nc = "00000001";
    e.auth.edit().digest.qop = "auth";
    e.auth.edit().digest.uri = "/v1/items?x=1&y=%20z";
    e.auth.edit().digest.userField = "alice";
    e.auth.edit().digest.ha1 = "ha1value";
    e.auth.edit().digest.ha2 = "ha2value";
    e.auth.edit().digest.response = "responsevalue";
    return e;
}
} // namespace

class TestDetails : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headersInWireOrderWithDuplicates();
    void rawShowsTheWire();
    void timingPhases();
    void tlsChain();
    void authTrace();
    void detailsTabs();
};

void TestDetails::headersInWireOrderWithDuplicates()
{
    HeadersView view;
    view.setExchange(sample());
    QCOMPARE(childTexts(view.responseSection(), 0),
             (QStringList{u"WWW-Authenticate"_s, u"Set-Cookie"_s, u"set-cookie"_s, u"Content-Type"_s}));
    QCOMPARE(childTexts(view.requestSection(), 0),
             (QStringList{u"Content-Type"_s, u"X-Trace"_s, u"X-Trace"_s})); // disabled field not sent
    QCOMPARE(childTexts(view.requestSection(), 1).at(2), u"two"_s);
    QVERIFY(view.responseSection()->text(0).contains(u"401 Unauthorized"_s));
    QCOMPARE(childTexts(view.cookiesSentSection(), 0), QStringList{u"session"_s});
    QVERIFY(childTexts(view.cookiesSetSection(), 1).first().contains(u"HttpOnly"_s));
    view.requestSection()->child(1)->setSelected(true);
    QCOMPARE(view.selectedText(), u"X-Trace: one"_s);
}

void TestDetails::rawShowsTheWire()
{
    const QString raw = RawView::render(sample());
    QVERIFY2(
        raw.startsWith(u"POST /v1/items?x=1&y=%20z HTTP/1.1\nHost: api.peephole.test:8443\nContent-Type: "
                       "application/json\nX-Trace: one\nX-Trace: two\n\n{\"name\":\"widget\"}\n"_s),
        qPrintable(raw));
    QVERIFY(!raw.contains(u"never sent"_s));
    QVERIFY(!raw.contains(u"secret"_s));
    QVERIFY(raw.contains(u"HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Digest realm=\"api\", nonce=\"abc\", "
                         "qop=\"auth\"\nSet-Cookie: a=1; Path=/\nset-cookie: b=2\nContent-Type: "
                         "application/json\n\n{\"error\":\"login required\"}"_s));
    Exchange failed = sample();
    failed.statusCode = 0;
    failed.error = {ExchangeError::Kind::ConnectionRefused, u"Connection refused by 127.0.0.1:9"_s};
    QVERIFY(RawView::render(failed).contains(u"No response: Connection refused by 127.0.0.1:9"_s));
}

void TestDetails::timingPhases()
{
    TimingView view;
    view.setExchange(sample());
    const QStringList rows = view.rowTexts();
    QCOMPARE(rows.size(), 6);
    QVERIFY2(rows.at(0).startsWith(u"Queued"_s) && rows.at(0).endsWith(u"0.50 ms"_s), qPrintable(rows.at(0)));
    QVERIFY2(rows.at(1).startsWith(u"Connect + TLS"_s) && rows.at(1).endsWith(u"3.50 ms"_s),
             qPrintable(rows.at(1)));
    QVERIFY2(rows.at(3).startsWith(u"Waiting"_s) && rows.at(3).endsWith(u"15.8 ms"_s),
             qPrintable(rows.at(3)));
    QVERIFY2(rows.at(5).startsWith(u"Total"_s) && rows.at(5).endsWith(u"21.0 ms"_s), qPrintable(rows.at(5)));
    view.resize(500, 300);
    QVERIFY(!view.grab().isNull());
    view.clear();
    QVERIFY(view.rowTexts().isEmpty());
}

void TestDetails::tlsChain()
{
    const QList<QSslCertificate> certs = QSslCertificate::fromData(QByteArray(testCertificate));
    QCOMPARE(certs.size(), 1);
    Exchange e = sample();
    e.tls.edit().used = true;
    e.tls.edit().protocol = u"TLS 1.3"_s;
    e.tls.edit().cipher = u"TLS_AES_128_GCM_SHA256"_s;
    e.tls.edit().chain = certs;
    e.tls.edit().errors = {u"The certificate is self-signed, and untrusted"_s};
    TlsView view;
    view.setExchange(e);
    const QStringList rows = allRows(&view);
    const QString all = rows.join(u'\n');
    QVERIFY2(rows.contains(u"Protocol=TLS 1.3"_s), qPrintable(all));
    QVERIFY(rows.contains(u"Error=The certificate is self-signed, and untrusted"_s));
    QVERIFY(all.contains(u"peephole.test (leaf)"_s));
    QVERIFY(all.contains(u"Alternative names="_s) && all.contains(u"www.peephole.test"_s));
    const QString sha256 =
        QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    QVERIFY(rows.contains(u"SHA-256 fingerprint="_s + sha256));
    QVERIFY(all.contains(u"O=Peephole Tests"_s));

    Exchange plain = sample();
    plain.url = QUrl(u"http://example.test/"_s);
    view.setExchange(plain);
    QVERIFY(view.topLevelItem(0)->text(0).contains(u"plain HTTP"_s));
}

void TestDetails::authTrace()
{
    AuthView view;
    view.setExchange(sample());
    QVERIFY(view.hasContent());
    const QStringList rows = allRows(&view);
    const QString all = rows.join(u'\n');
    QVERIFY2(rows.contains(u"realm=\"api\""_s), qPrintable(all));
    QVERIFY(rows.contains(u"qop=\"auth\""_s));
    QVERIFY(rows.contains(u"Basic="_s));
    QVERIFY(rows.contains(u"Field 2, byte 14=Unterminated quoted string"_s));
    QVERIFY(rows.contains(u"Scheme chosen=Digest"_s));
    QVERIFY(rows.contains(u"Why=Digest is the strongest scheme offered"_s));
    QVERIFY(rows.contains(u"cnonce=0a4f113b"_s));
    QVERIFY(rows.contains(u"H(A1)=ha1value"_s));
    QVERIFY(rows.contains(u"response=responsevalue"_s));
    QVERIFY(all.contains(u"401 from the server"_s));

    Exchange none;
    none.statusCode = 200;
    view.setExchange(none);
    QVERIFY(!view.hasContent());
}

void TestDetails::detailsTabs()
{
    ExchangeDetails details;
    details.show();
    Exchange e = sample();
    details.setExchange(e);
    QCOMPARE(details.exchangeId(), quint64(42));
    QCOMPARE(details.tabText(ExchangeDetails::AuthTab), u"Auth (401)"_s);
    QTRY_VERIFY(details.responseBodyView()->prettyText().contains(u"\"error\": \"login required\""_s));
    QCOMPARE(details.requestBodyView()->mode(), BodyView::Mode::Pretty);

    // The same exchange updated: the body view keeps the mode the user chose.
    QVERIFY(details.responseBodyView()->setMode(BodyView::Mode::Hex));
    e.notes = QStringList{u"Authorization dropped"_s};
    details.setExchange(e);
    QCOMPARE(details.responseBodyView()->mode(), BodyView::Mode::Hex);

    details.clear();
    QCOMPARE(details.exchangeId(), quint64(0));
    QCOMPARE(details.tabText(ExchangeDetails::AuthTab), u"Auth"_s);
}

QTEST_MAIN(TestDetails)
#include "tst_details.moc"
