#include "auth/basicauth.h"
#include "auth/bearerauth.h"
#include "auth/challengeparser.h"
#include "auth/digestauth.h"
#include "auth/sha512.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

Challenge challengeFrom(const QByteArray &field)
{
    const ChallengeParseResult r = ChallengeParser::parse(field);
    if (r.challenges.size() != 1 || !r.problems.isEmpty())
        qWarning() << "challenge did not parse cleanly:" << field;
    return r.challenges.value(0);
}

/// Parses the params of an Authorization value produced by DigestAuth.
Challenge credentialsOf(const QByteArray &value)
{
    return ChallengeParser::parse(value).challenges.value(0);
}
} // namespace

class TestAuthSchemes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sha512_256_nistVectors_data();
    void sha512_256_nistVectors();
    void sha512Core_matchesQtSha512();
    void basic_rfc7617Examples();
    void basic_latin1();
    void basic_refusesColonInUser();
    void digest_rfc7616Md5();
    void digest_rfc7616Sha256();
    void digest_rfc7616UserhashSha512_256();
    void digest_rfc2617Classic();
    void digest_rfc2069NoQop();
    void digest_authIntHashesBody();
    void digest_sessVariants();
    void digest_extendedUsername();
    void digest_rspauth();
    void digest_unsupportedAlgorithm();
    void bearer_header();
    void bearer_explanations_data();
    void bearer_explanations();
};

void TestAuthSchemes::sha512_256_nistVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("abc") << "abc"_ba
                         << "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"_ba;
    QTest::newRow("two blocks")
        << "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"_ba
        << "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a"_ba;
    QTest::newRow("empty") << QByteArray()
                           << "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a"_ba;
}

void TestAuthSchemes::sha512_256_nistVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(Sha512Family::hash(input, Sha512Family::Variant::Sha512_256).toHex(), expected);
    // The same through Digest's helper, and fed in pieces.
    QCOMPARE(DigestAuth::hashHex(DigestHashAlgorithm::Sha512_256, input), expected);
    Sha512Family h(Sha512Family::Variant::Sha512_256);
    for (char c : std::as_const(input))
        h.addData(QByteArrayView(&c, 1));
    QCOMPARE(h.result().toHex(), expected);
}

void TestAuthSchemes::sha512Core_matchesQtSha512()
{
    // The compression function and padding are shared with SHA-512, which Qt
    // has: compare on every length around the block and padding boundaries.
    QByteArray data;
    for (int len = 0; len < 300; ++len) {
        QCOMPARE(Sha512Family::hash(data, Sha512Family::Variant::Sha512),
                 QCryptographicHash::hash(data, QCryptographicHash::Sha512));
        data.append(char(QRandomGenerator::global()->bounded(256)));
    }
}

void TestAuthSchemes::basic_rfc7617Examples()
{
    CredentialHeader h =
        BasicAuth::authorization(u"Aladdin"_s, u"open sesame"_s, AuthSettings::BasicCharset::Utf8);
    QVERIFY2(h.ok(), qPrintable(h.error));
    QCOMPARE(h.value, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="_ba);

    // §2.1: charset="UTF-8" makes "test" / "123£" encode as UTF-8 even when Latin-1 was chosen.
    const Challenge c = challengeFrom(R"(Basic realm="foo", charset="UTF-8")"_ba);
    h = BasicAuth::authorization(u"test"_s, u"123\u00a3"_s, AuthSettings::BasicCharset::Latin1, &c);
    QVERIFY2(h.ok(), qPrintable(h.error));
    QCOMPARE(h.value, "Basic dGVzdDoxMjPCow=="_ba);
}

void TestAuthSchemes::basic_latin1()
{
    CredentialHeader h =
        BasicAuth::authorization(u"test"_s, u"123\u00a3"_s, AuthSettings::BasicCharset::Latin1);
    QVERIFY2(h.ok(), qPrintable(h.error));
    QCOMPARE(QByteArray::fromBase64(h.value.mid(6)), "test:123\xa3"_ba);

    h = BasicAuth::authorization(u"test"_s, u"\u20ac100"_s, AuthSettings::BasicCharset::Latin1);
    QVERIFY(!h.ok());
    QVERIFY(h.value.isEmpty());
    QVERIFY2(h.error.contains(u"password"_s) && h.error.contains(u"U+20AC"_s), qPrintable(h.error));
}

void TestAuthSchemes::basic_refusesColonInUser()
{
    const CredentialHeader h =
        BasicAuth::authorization(u"ad:min"_s, u"pw"_s, AuthSettings::BasicCharset::Utf8);
    QVERIFY(!h.ok());
    QVERIFY(h.value.isEmpty());
    QVERIFY2(h.error.contains(u"ad:min"_s) && h.error.contains(u"“:”"_s), qPrintable(h.error));
    // A colon in the password is fine.
    QVERIFY(BasicAuth::authorization(u"admin"_s, u"p:w"_s, AuthSettings::BasicCharset::Utf8).ok());
}

static DigestInput rfc7616Input()
{
    DigestInput in;
    in.method = "GET";
    in.uri = "/dir/index.html";
    in.user = u"Mufasa"_s;
    in.password = u"Circle of Life"_s;
    in.cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    in.nc = 1;
    return in;
}

void TestAuthSchemes::digest_rfc7616Md5()
{
    const Challenge c = challengeFrom(
        R"(Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")"_ba);
    DigestInput in = rfc7616Input();
    in.bodyAvailable = false; // the RFC example answers with qop=auth
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.trace.response, "8ca523f5e9506fed4657c9700eebdbec"_ba);
    const Challenge sent = credentialsOf(a.value);
    QVERIFY(sent.isScheme("Digest"));
    QCOMPARE(sent.param("username"), "Mufasa"_ba);
    QCOMPARE(sent.param("uri"), "/dir/index.html"_ba);
    QCOMPARE(sent.param("nc"), "00000001"_ba);
    QVERIFY(!sent.params.at(sent.params.indexOf(AuthParam{"nc", "00000001", false})).quoted);
    QCOMPARE(sent.param("qop"), "auth"_ba);
    QCOMPARE(sent.param("opaque"), "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"_ba);
    QCOMPARE(sent.param("response"), "8ca523f5e9506fed4657c9700eebdbec"_ba);
    QVERIFY(!a.value.contains("Circle"));
}

void TestAuthSchemes::digest_rfc7616Sha256()
{
    const Challenge c = challengeFrom(
        R"(Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")"_ba);
    DigestInput in = rfc7616Input();
    in.bodyAvailable = false;
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.trace.response, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"_ba);
    QCOMPARE(credentialsOf(a.value).param("algorithm"), "SHA-256"_ba);
}

void TestAuthSchemes::digest_rfc7616UserhashSha512_256()
{
    const Challenge c = challengeFrom(
        R"(Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true)"_ba);
    DigestInput in;
    in.method = "GET";
    in.uri = "/doe.json";
    in.user = u"J\u00e4s\u00f8n Doe"_s;
    in.password = u"Secret, or not?"_s;
    in.cnonce = "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v";
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    const Challenge sent = credentialsOf(a.value);
    // The values printed in RFC 7616 §3.9.2 (username "488869477b...", response
    // "ae66e67d...") are wrong: RFC errata 4897. These are the corrected ones,
    // which OpenSSL's SHA-512/256 also gives for the example's inputs.
    QCOMPARE(sent.param("username"), "793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b"_ba);
    QCOMPARE(sent.param("userhash"), "true"_ba);
    QVERIFY(!sent.hasParam("username*"));
    QCOMPARE(a.trace.response, "3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5"_ba);
}

void TestAuthSchemes::digest_rfc2617Classic()
{
    const Challenge c = challengeFrom(
        R"(Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41")"_ba);
    DigestInput in;
    in.method = "GET";
    in.uri = "/dir/index.html";
    in.user = u"Mufasa"_s;
    in.password = u"Circle Of Life"_s;
    in.cnonce = "0a4f113b";
    in.bodyAvailable = false;
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.trace.response, "6629fae49393a05397450978507c4ef1"_ba);
    // No algorithm in the challenge: none in the answer either.
    QVERIFY(!credentialsOf(a.value).hasParam("algorithm"));
}

void TestAuthSchemes::digest_rfc2069NoQop()
{
    const Challenge c =
        challengeFrom(R"(Digest realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093")"_ba);
    DigestInput in = rfc7616Input();
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    const QByteArray ha1 = md5Hex("Mufasa:testrealm@host.com:Circle of Life");
    const QByteArray ha2 = md5Hex("GET:/dir/index.html");
    QCOMPARE(a.trace.response, md5Hex(ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:" + ha2));
    const Challenge sent = credentialsOf(a.value);
    QVERIFY(!sent.hasParam("qop"));
    QVERIFY(!sent.hasParam("nc"));
    QVERIFY(!sent.hasParam("cnonce"));
}

void TestAuthSchemes::digest_authIntHashesBody()
{
    const Challenge c =
        challengeFrom(R"(Digest realm="r", qop="auth-int", algorithm=SHA-256, nonce="n1")"_ba);
    DigestInput in = rfc7616Input();
    in.method = "POST";
    in.uri = "/upload?x=1";
    in.body = "{\"a\":1}";
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.trace.qop, "auth-int"_ba);
    const QByteArray bodyHash = sha256Hex(in.body);
    QCOMPARE(a.trace.ha2, sha256Hex("POST:/upload?x=1:" + bodyHash));
    // A different body gives a different response.
    in.body = "{\"a\":2}";
    QVERIFY(DigestAuth::answer(c, in).trace.response != a.trace.response);
    // A body too large to hash cannot be answered with auth-int only.
    in.bodyAvailable = false;
    const DigestAnswer refused = DigestAuth::answer(c, in);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error.contains(u"auth-int"_s));
}

void TestAuthSchemes::digest_sessVariants()
{
    const Challenge c =
        challengeFrom(R"(Digest realm="r", qop="auth", algorithm=SHA-256-sess, nonce="n1")"_ba);
    DigestInput in = rfc7616Input();
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    const QByteArray base = sha256Hex("Mufasa:r:Circle of Life");
    QCOMPARE(a.trace.ha1, sha256Hex(base + ":n1:" + in.cnonce));
    QCOMPARE(credentialsOf(a.value).param("algorithm"), "SHA-256-sess"_ba);
    DigestHashAlgorithm alg;
    QVERIFY(DigestAuth::parseAlgorithm("sha-512-256-SESS", &alg));
    QCOMPARE(alg, DigestHashAlgorithm::Sha512_256Sess);
    QCOMPARE(DigestAuth::strength(alg), DigestAuth::strength(DigestHashAlgorithm::Sha512_256));
}

void TestAuthSchemes::digest_extendedUsername()
{
    const Challenge c = challengeFrom(R"(Digest realm="r", qop="auth", charset=UTF-8, nonce="n1")"_ba);
    DigestInput in = rfc7616Input();
    in.user = u"J\u00e4s\u00f8n Doe"_s;
    const DigestAnswer a = DigestAuth::answer(c, in);
    QVERIFY2(a.ok(), qPrintable(a.error));
    const Challenge sent = credentialsOf(a.value);
    QCOMPARE(sent.param("username*"), "UTF-8''J%C3%A4s%C3%B8n%20Doe"_ba);
    QVERIFY(!sent.hasParam("username"));
    QCOMPARE(a.trace.ha1, QCryptographicHash::hash(u"J\u00e4s\u00f8n Doe:r:Circle of Life"_s.toUtf8(),
                                                   QCryptographicHash::Md5)
                              .toHex());
}

void TestAuthSchemes::digest_rspauth()
{
    const Challenge c = challengeFrom(R"(Digest realm="r", qop="auth", nonce="n1")"_ba);
    DigestInput in = rfc7616Input();
    const DigestAnswer a = DigestAuth::answer(c, in);
    const QByteArray ha2 = md5Hex(":/dir/index.html");
    const QByteArray expected = md5Hex(a.trace.ha1 + ":n1:00000001:" + in.cnonce + ":auth:" + ha2);
    QCOMPARE(DigestAuth::expectedRspauth(DigestHashAlgorithm::Md5, a.trace), expected);
}

void TestAuthSchemes::digest_unsupportedAlgorithm()
{
    const Challenge c = challengeFrom(R"(Digest realm="r", algorithm=SHA-1, nonce="n1")"_ba);
    const DigestAnswer a = DigestAuth::answer(c, rfc7616Input());
    QVERIFY(!a.ok());
    QVERIFY2(a.error.contains(u"SHA-1"_s), qPrintable(a.error));
}

void TestAuthSchemes::bearer_header()
{
    CredentialHeader h = BearerAuth::authorization(u"mF_9.B5f-4.1JqM"_s);
    QVERIFY(h.ok());
    QCOMPARE(h.value, "Bearer mF_9.B5f-4.1JqM"_ba);
    h = BearerAuth::authorization(u"abc def"_s);
    QVERIFY(!h.ok());
    QVERIFY(h.error.contains(u"position 4"_s));
}

void TestAuthSchemes::bearer_explanations_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("invalid_token")
        << R"(Bearer realm="example", error="invalid_token", error_description="The access token expired")"_ba
        << u"The token has expired or is invalid (invalid_token): The access token expired."_s;
    QTest::newRow("insufficient_scope") << R"(Bearer error="insufficient_scope", scope="admin:write")"_ba
                                        << u"The token lacks the scope admin:write (insufficient_scope)."_s;
    QTest::newRow("invalid_request")
        << R"(Bearer error="invalid_request", error_uri="https://example.org/e")"_ba
        << u"The request is malformed (invalid_request). See https://example.org/e"_s;
    QTest::newRow("no error") << R"(Bearer realm="example")"_ba << QString();
}

void TestAuthSchemes::bearer_explanations()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, expected);
    QCOMPARE(BearerAuth::explain(challengeFrom(field)), expected);
}

QTEST_GUILESS_MAIN(TestAuthSchemes)
#include "tst_authschemes.moc"
