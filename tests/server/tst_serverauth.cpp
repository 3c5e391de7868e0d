// Server-side Basic and Bearer auth, cookies, several challenges, and the hash and checksum
// primitives of the server.
#include "digestanswer.h"
#include "rawclient.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "server/servercodec.h"
#include "server/sha512_256.h"

#include <QRandomGenerator>
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

class TestServerAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sha512_256MatchesFips();
    void checksums();
    void basic();
    void severalChallenges();
    void bearer();
    void cookieRequiredOnRetry();
};

void TestServerAuth::sha512_256MatchesFips()
{
    QCOMPARE(sha512_256("abc").toHex(),
             "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"_ba);
    // Padding edges (111, 112, 127, 128, 129 bytes) and multi-block input, against openssl.
    for (int size : {0, 1, 111, 112, 127, 128, 129, 255, 1000, 4097}) {
        QByteArray data(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            data[i] = char(QRandomGenerator::global()->bounded(256));
        QCOMPARE(sha512_256(data).toHex(), Test::digestHash("SHA-512-256"_ba, data));
    }
}

void TestServerAuth::checksums()
{
    // Published check values of CRC-32 and Adler-32.
    QCOMPARE(ServerCodec::crc32("123456789"), 0xCBF43926u);
    QCOMPARE(ServerCodec::adler32("Wikipedia"), 0x11E60398u);
    QCOMPARE(ServerCodec::crc32("56789", ServerCodec::crc32("1234")), 0xCBF43926u);
}

void TestServerAuth::basic()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("jürgen"_ba, "pässwörd"_ba);
    gate->offerBasic("Test Realm"_ba);
    server.route("/b"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));

    const RawResponse challenge = client.exchange("GET"_ba, "/b"_ba);
    QCOMPARE(challenge.status, 401);
    QCOMPARE(Headers::values(challenge.headers, "WWW-Authenticate"),
             (QList<QByteArray>{"Basic realm=\"Test Realm\", charset=\"UTF-8\""_ba}));

    const QByteArray wrong = "Basic " + "jürgen:wrong"_ba.toBase64();
    const RawResponse rejected = client.exchange("GET"_ba, "/b"_ba, {{"Authorization"_ba, wrong, true}});
    QCOMPARE(rejected.status, 401);
    QVERIFY(rejected.body.contains("wrong Basic user or password"));

    const QByteArray right = "Basic " + "jürgen:pässwörd"_ba.toBase64();
    const RawResponse ok = client.exchange("GET"_ba, "/b"_ba, {{"Authorization"_ba, right, true}});
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.body, "secret\n"_ba);
    QCOMPARE(gate->rejectionCount(), 2);
}

void TestServerAuth::severalChallenges()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("u"_ba, "p"_ba);
    gate->addRawChallenge("Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\""_ba);
    DigestOptions options;
    options.realm = "r"_ba;
    options.algorithms = {DigestAlgorithm::Sha512_256, DigestAlgorithm::Sha256, DigestAlgorithm::Md5};
    gate->offerDigest(options);
    gate->offerBasic("simple"_ba);
    server.route("/one"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));

    const RawResponse together = client.exchange("GET"_ba, "/one"_ba);
    const QList<QByteArray> fields = Headers::values(together.headers, "WWW-Authenticate");
    QCOMPARE(fields.size(), 1);
    QVERIFY(fields[0].startsWith(
        "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Digest realm=\"r\""));
    QCOMPARE(fields[0].count("Digest realm="), 3);
    QVERIFY(fields[0].indexOf("algorithm=SHA-512-256") < fields[0].indexOf("algorithm=SHA-256"));
    QVERIFY(fields[0].indexOf("algorithm=SHA-256") < fields[0].indexOf("algorithm=MD5"));
    QVERIFY(fields[0].endsWith(", Basic realm=\"simple\", charset=\"UTF-8\""));

    gate->setSeparateChallengeFields(true);
    const QList<QByteArray> separate =
        Headers::values(client.exchange("GET"_ba, "/one"_ba).headers, "WWW-Authenticate");
    QCOMPARE(separate.size(), 5);
    QVERIFY(separate[0].startsWith("Newauth "));
    QVERIFY(separate[1].contains("algorithm=SHA-512-256"));
    QVERIFY(separate[3].contains("algorithm=MD5"));
    QCOMPARE(separate[4], "Basic realm=\"simple\", charset=\"UTF-8\""_ba);
    // One nonce per round of challenges, shared by its Digest challenges.
    QCOMPARE(authParam(separate[1], "nonce"), authParam(separate[3], "nonce"));

    QCOMPARE(
        client.exchange("GET"_ba, "/one"_ba, {{"Authorization"_ba, "Basic " + "u:p"_ba.toBase64(), true}})
            .status,
        200);
}

void TestServerAuth::bearer()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    BearerOptions options;
    options.realm = "api"_ba;
    options.tokens.insert("good-token"_ba, {"read"_ba, "write"_ba});
    options.tokens.insert("weak-token"_ba, {"write"_ba});
    options.requiredScope = "read"_ba;
    gate->offerBearer(options);
    server.route("/api"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));

    const RawResponse none = client.exchange("GET"_ba, "/api"_ba);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.header("WWW-Authenticate"), "Bearer realm=\"api\", scope=\"read\""_ba);

    const RawResponse invalid =
        client.exchange("GET"_ba, "/api"_ba, {{"Authorization"_ba, "Bearer nope"_ba, true}});
    QCOMPARE(invalid.status, 401);
    QCOMPARE(invalid.header("WWW-Authenticate"),
             "Bearer realm=\"api\", scope=\"read\", error=\"invalid_token\", "
             "error_description=\"The access token is invalid or has expired\""_ba);

    const RawResponse scope =
        client.exchange("GET"_ba, "/api"_ba, {{"Authorization"_ba, "Bearer weak-token"_ba, true}});
    QCOMPARE(scope.status, 403);
    QCOMPARE(authParam(scope.header("WWW-Authenticate"), "error"), "insufficient_scope"_ba);
    QVERIFY(scope.header("WWW-Authenticate").contains("error_description="));

    QCOMPARE(
        client.exchange("GET"_ba, "/api"_ba, {{"Authorization"_ba, "Bearer good-token"_ba, true}}).status,
        200);
}

void TestServerAuth::cookieRequiredOnRetry()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("u"_ba, "p"_ba);
    gate->offerBasic("r"_ba);
    gate->requireCookie("challenge"_ba, "c-123"_ba);
    server.route("/c"_ba, protect(gate, okHandler()));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const RawResponse first = client.exchange("GET"_ba, "/c"_ba);
    QCOMPARE(first.status, 401);
    QCOMPARE(first.header("Set-Cookie"), "challenge=c-123; Path=/"_ba);
    const HeaderField creds{"Authorization"_ba, "Basic " + "u:p"_ba.toBase64(), true};
    const RawResponse noCookie = client.exchange("GET"_ba, "/c"_ba, {creds});
    QCOMPARE(noCookie.status, 401);
    QVERIFY(noCookie.body.contains("cookie 'challenge'"));
    QCOMPARE(client.exchange("GET"_ba, "/c"_ba, {creds, {"Cookie"_ba, "other=1; challenge=c-123"_ba, true}})
                 .status,
             200);
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
