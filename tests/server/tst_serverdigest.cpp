// Server-side Digest (RFC 7616, RFC 2617, RFC 2069 style), checked against answers computed
// independently of Peephole (tests/common/digestanswer.h).
#include "digestanswer.h"
#include "rawclient.h"
#include "server/authgate.h"
#include "server/httpserver.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using Peephole::Test::authParam;
using Peephole::Test::RawClient;
using Peephole::Test::RawResponse;

namespace {
RouteHandler okHandler()
{
    return [](const ServerRequest &, ScriptedResponse &r) { r = ScriptedResponse::text(200, "secret\n"_ba); };
}
} // namespace

class TestServerDigest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void digestRfc7616Examples_data();
    void digestRfc7616Examples();
    void digestRfc2617Example();
    void digestVariants_data();
    void digestVariants();
    void digestRejects_data();
    void digestRejects();
    void digestStaleNonce();
    void digestNextNonce();
    void digestNonceExpires();
    void digestExtendedUsername();
};

void TestServerDigest::digestRfc7616Examples_data()
{
    QTest::addColumn<DigestAlgorithm>("algorithm");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("response");
    // RFC 7616 §3.9.1
    QTest::newRow("MD5") << DigestAlgorithm::Md5 << "MD5"_ba
                         << "8ca523f5e9506fed4657c9700eebdbec"_ba;
    QTest::newRow("SHA-256") << DigestAlgorithm::Sha256 << "SHA-256"_ba
                             << "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"_ba;
}

void TestServerDigest::digestRfc7616Examples()
{
    QFETCH(DigestAlgorithm, algorithm);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, response);
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("Mufasa"_ba, "Circle of Life"_ba);
    DigestOptions options;
    options.realm = "http-auth@example.org"_ba;
    options.algorithms = {algorithm};
    options.qops = {"auth"_ba, "auth-int"_ba};
    options.opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"_ba;
    options.charsetUtf8 = false;
    gate->offerDigest(options).setNextNonce("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"_ba);
    server.route("/dir/index.html"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));

    const RawResponse challenge = client.exchange("GET"_ba, "/dir/index.html"_ba);
    QCOMPARE(challenge.status, 401);
    QCOMPARE(challenge.header("WWW-Authenticate"),
             "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + token +
                 ", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                 "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

    // The Authorization of the RFC, verbatim.
    const QByteArray rfcAuthorization =
        "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=" +
        token +
        ", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
        "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, response=\"" +
        response + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    const RawResponse ok =
        client.exchange("GET"_ba, "/dir/index.html"_ba, {{"Authorization"_ba, rfcAuthorization, true}});
    QVERIFY2(ok.status == 200, ok.body.constData());
    Test::DigestAnswer in;
    in.realm = "http-auth@example.org"_ba;
    in.uri = "/dir/index.html"_ba;
    in.algorithm = token;
    in.nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"_ba;
    in.cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"_ba;
    QCOMPARE(in.response(), response); // our test helper agrees with the RFC
    const QByteArray info = ok.header("Authentication-Info");
    QCOMPARE(authParam(info, "rspauth"), in.rspauth());
    QCOMPARE(authParam(info, "qop"), "auth"_ba);
    QCOMPARE(authParam(info, "nc"), "00000001"_ba);
    QVERIFY(!authParam(info, "nextnonce").isEmpty());
}

void TestServerDigest::digestRfc2617Example()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("Mufasa"_ba, "Circle Of Life"_ba);
    DigestOptions options;
    options.realm = "testrealm@host.com"_ba;
    options.algorithms = {DigestAlgorithm::Md5};
    options.omitAlgorithm = true;
    options.qops = {"auth"_ba, "auth-int"_ba};
    options.opaque = "5ccc069c403ebaf9f0171e9517f40e41"_ba;
    gate->offerDigest(options).setNextNonce("dcd98b7102dd2f0e8b11d0f600bfb0c093"_ba);
    server.route("/dir/index.html"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    QVERIFY(
        !client.exchange("GET"_ba, "/dir/index.html"_ba).header("WWW-Authenticate").contains("algorithm"));
    // RFC 2617 §3.5, verbatim.
    const QByteArray rfc = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                           "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, "
                           "nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
                           "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""_ba;
    QCOMPARE(client.exchange("GET"_ba, "/dir/index.html"_ba, {{"Authorization"_ba, rfc, true}}).status, 200);
}

void TestServerDigest::digestVariants_data()
{
    QTest::addColumn<DigestAlgorithm>("algorithm");
    QTest::addColumn<bool>("sess");
    QTest::addColumn<QByteArray>("qop");
    QTest::addColumn<bool>("userhash");
    const QList<std::pair<DigestAlgorithm, QByteArray>> algorithms = {
        {DigestAlgorithm::Md5, "MD5"_ba},
        {DigestAlgorithm::Sha256, "SHA-256"_ba},
        {DigestAlgorithm::Sha512_256, "SHA-512-256"_ba}};
    for (const auto &[algorithm, name] : algorithms) {
        for (bool sess : {false, true}) {
            for (const QByteArray &qop : {"auth"_ba, "auth-int"_ba, QByteArray()}) {
                if (sess && qop.isEmpty())
                    continue; // -sess needs a cnonce, which only exists with qop
                const QByteArray row =
                    name + (sess ? "-sess" : "") + '/' + (qop.isEmpty() ? "no-qop"_ba : qop);
                QTest::newRow(row.constData()) << algorithm << sess << qop << false;
            }
        }
        QTest::newRow(QByteArray(name + "/userhash").constData()) << algorithm << false << "auth"_ba << true;
    }
}

void TestServerDigest::digestVariants()
{
    QFETCH(DigestAlgorithm, algorithm);
    QFETCH(bool, sess);
    QFETCH(QByteArray, qop);
    QFETCH(bool, userhash);
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("Jäsøn Doe"_ba, "Secret, or not?"_ba);
    DigestOptions options;
    options.realm = "api@example.org"_ba;
    options.algorithms = {algorithm};
    options.sess = sess;
    options.qops = qop.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{qop};
    options.userhash = userhash;
    gate->offerDigest(options);
    server.route("/doe.json"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));

    const QByteArray body = qop == "auth-int" ? "{\"integrity\": true}"_ba : QByteArray();
    const RawResponse challenge = client.exchange("POST"_ba, "/doe.json?x=1"_ba, {}, body);
    QCOMPARE(challenge.status, 401);
    const QByteArray c = challenge.header("WWW-Authenticate");
    Test::DigestAnswer in;
    in.user = "Jäsøn Doe"_ba;
    in.password = "Secret, or not?"_ba;
    in.realm = authParam(c, "realm");
    in.method = "POST"_ba;
    in.uri = "/doe.json?x=1"_ba;
    in.algorithm = authParam(c, "algorithm");
    in.nonce = authParam(c, "nonce");
    in.opaque = authParam(c, "opaque");
    in.qop = qop;
    in.body = body;
    in.userhash = userhash;
    in.cnonce = "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v"_ba;
    QCOMPARE(in.algorithm, DigestVerifier::algorithmToken(algorithm, sess));
    QCOMPARE(authParam(c, "userhash") == "true", userhash);
    QCOMPARE(c.contains("qop="), !qop.isEmpty());

    const RawResponse ok = client.exchange("POST"_ba, "/doe.json?x=1"_ba,
                                           {{"Authorization"_ba, in.authorization(), true}}, body);
    QCOMPARE(ok.status, 200);
    const QByteArray info = ok.header("Authentication-Info");
    if (!qop.isEmpty())
        QCOMPARE(authParam(info, "rspauth"), in.rspauth());
    else
        QVERIFY(!info.contains("rspauth"));

    // Same answer with a wrong password hashed in.
    in.password = "wrong"_ba;
    in.nc = "00000002"_ba;
    QCOMPARE(
        client.exchange("POST"_ba, "/doe.json?x=1"_ba, {{"Authorization"_ba, in.authorization(), true}}, body)
            .status,
        401);
}

void TestServerDigest::digestRejects_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("password") << "password"_ba
                              << "Circle of Lies"_ba
                              << "wrong Digest response"_ba;
    QTest::newRow("user") << "user"_ba
                          << "Scar"_ba
                          << "unknown user"_ba;
    QTest::newRow("realm") << "realm"_ba
                           << "other"_ba
                           << "realm"_ba;
    QTest::newRow("uri") << "uri"_ba
                         << "/other"_ba
                         << "does not match the request target"_ba;
    QTest::newRow("nonce") << "nonce"_ba
                           << "never-issued"_ba
                           << "never issued"_ba;
    QTest::newRow("nc-quoted") << "quoteNc"_ba << QByteArray() << "unquoted"_ba;
    QTest::newRow("nc-short") << "nc"_ba
                              << "1"_ba
                              << "8 unquoted hex digits"_ba;
    QTest::newRow("qop") << "qop"_ba
                         << "auth-conf"_ba
                         << "qop"_ba;
    QTest::newRow("algorithm") << "algorithm"_ba
                               << "SHA-1"_ba
                               << "was not offered"_ba;
    QTest::newRow("opaque") << "opaque"_ba
                            << "forged"_ba
                            << "opaque"_ba;
    QTest::newRow("nc-replay") << "replay"_ba << QByteArray() << "not larger"_ba;
}

void TestServerDigest::digestRejects()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, reason);
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("Mufasa"_ba, "Circle of Life"_ba);
    DigestOptions options;
    options.realm = "http-auth@example.org"_ba;
    options.algorithms = {DigestAlgorithm::Sha256};
    gate->offerDigest(options);
    server.route("/p"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray c = client.exchange("GET"_ba, "/p"_ba).header("WWW-Authenticate");
    Test::DigestAnswer in;
    in.realm = authParam(c, "realm");
    in.uri = "/p"_ba;
    in.algorithm = "SHA-256"_ba;
    in.nonce = authParam(c, "nonce");
    in.opaque = authParam(c, "opaque");
    if (field == "replay") {
        QCOMPARE(client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}}).status,
                 200);
    } else if (field == "password") {
        in.password = value;
    } else if (field == "user") {
        in.user = value;
    } else if (field == "realm") {
        in.realm = value;
    } else if (field == "uri") {
        in.uri = value;
    } else if (field == "nonce") {
        in.nonce = value;
    } else if (field == "quoteNc") {
        in.quoteNc = true;
    } else if (field == "nc") {
        in.nc = value;
    } else if (field == "qop") {
        in.qop = value;
    } else if (field == "algorithm") {
        in.algorithm = value;
    } else if (field == "opaque") {
        in.opaque = value;
    }
    const RawResponse rejected =
        client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}});
    QCOMPARE(rejected.status, 401);
    QVERIFY2(rejected.body.contains(reason), rejected.body.constData());
    QVERIFY(!rejected.header("WWW-Authenticate").contains("stale"));
}

void TestServerDigest::digestStaleNonce()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("Mufasa"_ba, "Circle of Life"_ba);
    DigestOptions options;
    options.realm = "r"_ba;
    options.algorithms = {DigestAlgorithm::Md5};
    DigestVerifier &verifier = gate->offerDigest(options);
    server.route("/p"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray first = client.exchange("GET"_ba, "/p"_ba).header("WWW-Authenticate");
    QVERIFY(!first.contains("stale"));
    Test::DigestAnswer in;
    in.realm = "r"_ba;
    in.uri = "/p"_ba;
    in.nonce = authParam(first, "nonce");
    in.opaque = authParam(first, "opaque");
    verifier.makeStale(in.nonce);

    const RawResponse stale =
        client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}});
    QCOMPARE(stale.status, 401);
    const QByteArray again = stale.header("WWW-Authenticate");
    QCOMPARE(authParam(again, "stale"), "true"_ba);
    QVERIFY(authParam(again, "nonce") != in.nonce);

    // A wrong password with a stale nonce is not "stale": the client must not retry silently.
    Test::DigestAnswer wrong = in;
    wrong.password = "nope"_ba;
    wrong.nc = "00000002"_ba;
    QVERIFY(!client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, wrong.authorization(), true}})
                 .header("WWW-Authenticate")
                 .contains("stale"));

    in.nonce = authParam(again, "nonce");
    QCOMPARE(client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}}).status,
             200);
}

void TestServerDigest::digestNextNonce()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("Mufasa"_ba, "Circle of Life"_ba);
    DigestOptions options;
    options.realm = "r"_ba;
    options.algorithms = {DigestAlgorithm::Sha256};
    gate->offerDigest(options);
    server.route("/p"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray c = client.exchange("GET"_ba, "/p"_ba).header("WWW-Authenticate");
    Test::DigestAnswer in;
    in.realm = "r"_ba;
    in.uri = "/p"_ba;
    in.algorithm = "SHA-256"_ba;
    in.nonce = authParam(c, "nonce");
    in.opaque = authParam(c, "opaque");
    const RawResponse first =
        client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}});
    QCOMPARE(first.status, 200);
    // The same nonce keeps working with a higher nc...
    in.nc = "00000002"_ba;
    QCOMPARE(client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}}).status,
             200);
    // ...and the nextnonce starts over at nc=1.
    in.nonce = authParam(first.header("Authentication-Info"), "nextnonce");
    in.nc = "00000001"_ba;
    QCOMPARE(client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}}).status,
             200);
}

void TestServerDigest::digestNonceExpires()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("Mufasa"_ba, "Circle of Life"_ba);
    DigestOptions options;
    options.realm = "r"_ba;
    options.algorithms = {DigestAlgorithm::Md5};
    options.nonceLifetimeMs = 1;
    gate->offerDigest(options);
    server.route("/p"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray c = client.exchange("GET"_ba, "/p"_ba).header("WWW-Authenticate");
    Test::DigestAnswer in;
    in.realm = "r"_ba;
    in.uri = "/p"_ba;
    in.nonce = authParam(c, "nonce");
    in.opaque = authParam(c, "opaque");
    QTest::qWait(20); // let the nonce outlive its 1 ms lifetime
    const RawResponse expired =
        client.exchange("GET"_ba, "/p"_ba, {{"Authorization"_ba, in.authorization(), true}});
    QCOMPARE(expired.status, 401);
    QCOMPARE(authParam(expired.header("WWW-Authenticate"), "stale"), "true"_ba);
}

void TestServerDigest::digestExtendedUsername()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("J\xc3\xa4s\xc3\xb8n Doe"_ba, "pw"_ba);
    DigestOptions options;
    options.realm = "api@example.org"_ba;
    options.algorithms = {DigestAlgorithm::Sha256};
    gate->offerDigest(options);
    server.route("/doe.json"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray c = client.exchange("GET"_ba, "/doe.json"_ba).header("WWW-Authenticate");
    Test::DigestAnswer in;
    in.user = "J\xc3\xa4s\xc3\xb8n Doe"_ba;
    in.password = "pw"_ba;
    in.realm = authParam(c, "realm");
    in.uri = "/doe.json"_ba;
    in.algorithm = "SHA-256"_ba;
    in.nonce = authParam(c, "nonce");
    in.opaque = authParam(c, "opaque");
    // RFC 7616 §3.4.4: a non-ASCII user name may travel as username* (RFC 8187 encoding).
    const QByteArray extended = in.authorization().replace(QByteArray("username=\"" + in.user + '"'),
                                                           "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe"_ba);
    QVERIFY(extended.contains("username*="));
    QCOMPARE(client.exchange("GET"_ba, "/doe.json"_ba, {{"Authorization"_ba, extended, true}}).status, 200);
}

QTEST_GUILESS_MAIN(TestServerDigest)
#include "tst_serverdigest.moc"
