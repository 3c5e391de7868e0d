#include "redact/redact.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestRedact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Set before the list is first read: the environment extends it.
        qputenv("PEEPHOLE_SECRET_PARAMS", "x-my-sig, Custom_Token");
    }

    void headerNames()
    {
        for (const char *n : {"Authorization", "proxy-authorization", "COOKIE", "Set-Cookie", "X-Api-Key",
                              "X-My-Token", "X-Session-Id", "Client-Secret"})
            QVERIFY2(Redact::isSecretHeader(n), n);
        QVERIFY(!Redact::isSecretHeader("Content-Type"));
        QVERIFY(!Redact::isSecretHeader("Accept"));
        QVERIFY(!Redact::isSecretHeader("Sec-WebSocket-Key")); // a nonce, not a credential
        QVERIFY(Redact::secretHeaderNames().contains(u"x-api-key"_s));
    }

    void parameterNames()
    {
        for (const QString &n : {u"api_key"_s, u"ACCESS_TOKEN"_s, u"token"_s, u"key"_s, u"Password"_s,
                                 u"secret"_s, u"sig"_s, u"x-my-sig"_s, u"custom_token"_s})
            QVERIFY2(Redact::isSecretParameter(n), qPrintable(n));
        QVERIFY(!Redact::isSecretParameter(u"page"));
        QVERIFY(!Redact::isSecretParameter(u"q"));
        QVERIFY(!Redact::isSecretParameter(u"my-param"));
        Redact::addParameterNames({u"My-Param"_s});
        QVERIFY(Redact::isSecretParameter(u"my-param"));
    }

    void headerValues()
    {
        QCOMPARE(Redact::headerValue("Authorization", "Bearer abc.def"), "Bearer [redacted]");
        QCOMPARE(Redact::headerValue("authorization", "Basic YWxpY2U6czNjcjN0"), "Basic [redacted]");
        QCOMPARE(Redact::headerValue("X-Api-Key", "k123"), "[redacted]");
        QCOMPARE(Redact::headerValue("Cookie", "a=1; b=2"), "a=[redacted]; b=[redacted]");
        QCOMPARE(Redact::headerValue("Set-Cookie", "id=abc; Path=/; HttpOnly"),
                 "id=[redacted]; Path=/; HttpOnly");
        QCOMPARE(Redact::headerValue("Accept", "text/html"), "text/html");
    }

    void terminalMask()
    {
        QCOMPARE(Redact::maskHeaderValue("Authorization", "Basic " + QByteArray("alice:s3cr3t").toBase64()),
                 "Basic alice:****");
        QCOMPARE(Redact::maskHeaderValue("Proxy-Authorization", "Basic " + QByteArray("bob:pw").toBase64()),
                 "Basic bob:****");
        QCOMPARE(Redact::maskHeaderValue("Authorization", "Basic !!notbase64"), "Basic ****");
        QCOMPARE(Redact::maskHeaderValue("Authorization", "Bearer eyJabc"), "Bearer ****");
        QCOMPARE(Redact::maskHeaderValue("Authorization", "Digest username=\"a\", response=\"x\""),
                 "Digest username=\"a\", ****");
        QCOMPARE(Redact::maskHeaderValue("Authorization", "Digest nonce=\"n\", response=\"x\""),
                 "Digest ****");
        QCOMPARE(Redact::maskHeaderValue("Cookie", "sid=xyz"), "sid=****");
        // A user name with an escape sequence does not reach the terminal raw.
        QCOMPARE(Redact::maskHeaderValue("Authorization", "Basic " + QByteArray("a\x1b[2Jb:pw").toBase64()),
                 "Basic a\\x1b[2Jb:****");
    }

    void urls()
    {
        const QUrl u(u"https://alice:pw123@example.com:8443/p/a?token=T0K&page=2&Api_Key=K%20Y#frag"_s);
        QVERIFY(Redact::urlHasSecrets(u));
        const QString r = Redact::urlString(u);
        QVERIFY2(!r.contains(u"pw123"_s) && !r.contains(u"T0K"_s) && !r.contains(u"K%20Y"_s), qPrintable(r));
        QVERIFY2(r.contains(u"alice"_s) && r.contains(u"page=2"_s) && r.contains(u"#frag"_s), qPrintable(r));
        QVERIFY(!Redact::urlHasSecrets(QUrl(u"https://example.com/?page=1"_s)));
        QVERIFY(!Redact::urlHasSecrets(QUrl(u"https://alice@example.com/"_s)));
        QCOMPARE(Redact::urlString(QUrl(u"http://h/?q=a%26b"_s)), u"http://h/?q=a%26b"_s);
    }

    void urlText()
    {
        QCOMPARE(Redact::urlText(u"https://u:p@h/x?token=abc&q=1"_s),
                 u"https://u:[redacted]@h/x?token=[redacted]&q=1"_s);
        QCOMPARE(Redact::urlText(u"{{base}}/x?token={{tok}}"_s), u"{{base}}/x?token={{tok}}"_s);
        QCOMPARE(Redact::urlText(u"https://h/a@b"_s), u"https://h/a@b"_s);
        QCOMPARE(Redact::urlText(u"https://u@h/"_s), u"https://u@h/"_s);
    }

    void bodies()
    {
        bool changed = false;
        const QByteArray json = Redact::jsonBody(
            R"({"user":"alice","password":"hunter2","nested":{"access_token":"AT","list":[{"apiKey":"K"}]},"n":1})",
            &changed);
        QVERIFY(changed);
        QVERIFY(!json.contains("hunter2") && !json.contains("\"AT\"") && !json.contains("\"K\""));
        QVERIFY(json.contains("alice"));
        QCOMPARE(QJsonDocument::fromJson(json).object().value(u"n"_s).toInt(), 1);
        QCOMPARE(Redact::jsonBody("not json", &changed), "not json");
        QVERIFY(!changed);
        QCOMPARE(Redact::formBody("user=a&password=p%40ss&x=1"), "user=a&password=[redacted]&x=1");
    }

    void requestText()
    {
        QStringList leftOut;
        const QString text = Redact::requestText(u"# @name login\n"
                                                 "POST https://u:pw1@h/x?token=t2&page=1\n"
                                                 "  &api_key=k3\n"
                                                 "Authorization: Bearer abc4\n"
                                                 "Cookie: sid=c5\n"
                                                 "X-Api-Key: {{key}}\n"
                                                 "Accept: */*\n"
                                                 "\n"
                                                 "{\"user\": \"alice\", \"password\": \"pw6\"}\n"_s,
                                                 &leftOut);
        for (const QString &secret : {u"pw1"_s, u"t2"_s, u"k3"_s, u"abc4"_s, u"c5"_s, u"pw6"_s})
            QVERIFY2(!text.contains(secret), qPrintable(secret + u" in "_s + text));
        QVERIFY(text.contains(u"Authorization: Bearer {{secret_not_saved}}"_s));
        QVERIFY(text.contains(u"X-Api-Key: {{key}}"_s));
        QVERIFY(text.contains(u"page=1"_s) && text.contains(u"\"user\": \"alice\""_s));
        QVERIFY(text.contains(u"  &api_key={{secret_not_saved}}"_s));
        QCOMPARE(leftOut.size(), 6);
        QVERIFY(leftOut.contains(u"header Authorization"_s));
        QCOMPARE(Redact::requestText(u"GET https://h/?q=1\n"_s), u"GET https://h/?q=1\n"_s);
    }

    void controls()
    {
        QCOMPARE(Redact::escapeControls("a\x1b[31mb\tc\r\n\x7f"), "a\\x1b[31mb\tc\\x0d\\x0a\\x7f");
        QCOMPARE(Redact::escapeControls("a\r\nb", true), "a\r\nb");
        QCOMPARE(Redact::escapeControls("\xc2\x9b"
                                        "2J"),
                 "\\xc2\\x9b2J"); // C1 CSI as UTF-8
        QCOMPARE(Redact::escapeControls("\x9b"
                                        "2J"),
                 "\\x9b2J"); // C1 CSI as one byte
        QCOMPARE(Redact::escapeControls("gr\xc3\xbc\xc3\x9f \xe2\x82\xac"),
                 "gr\xc3\xbc\xc3\x9f \xe2\x82\xac");
        QCOMPARE(Redact::escapeControls(QByteArray("a\0b", 3)), "a\\x00b");
    }
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
