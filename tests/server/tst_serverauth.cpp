// Server-side authentication: Basic, Digest (RFC 7616 / 2617 / 2069), Bearer, cookies,
// several challenges, plus the hash and checksum primitives it relies on.
#include "rawclient.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "server/servercodec.h"
#include "server/sha512_256.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using Peephole::Test::RawClient;
using Peephole::Test::RawResponse;

namespace {
/// SHA-512/256 from the openssl command line: an implementation independent of ours.
QByteArray opensslSha512_256Hex(const QByteArray &data)
{
    QProcess p;
    p.start(u"openssl"_s, {u"dgst"_s, u"-sha512-256"_s, u"-r"_s});
    p.write(data);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return p.readAllStandardOutput().split(' ').value(0).trimmed();
}

/// H() of RFC 7616 computed by the test itself.
QByteArray H(const QByteArray &algorithm, const QByteArray &data)
{
    const QByteArray base = algorithm.toUpper().replace("-SESS", "");
    if (base == "MD5")
        return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    if (base == "SHA-256")
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    return opensslSha512_256Hex(data);
}

struct DigestInput
{
    QByteArray user = "Mufasa"_ba;
    QByteArray password = "Circle of Life"_ba;
    QByteArray realm;
    QByteArray method = "GET"_ba;
    QByteArray uri;
    QByteArray algorithm = "MD5"_ba; ///< Empty: parameter left out.
    QByteArray nonce;
    QByteArray cnonce = "0a4f113b"_ba;
    QByteArray nc = "00000001"_ba;
    QByteArray qop = "auth"_ba; ///< Empty: RFC 2069 style.
    QByteArray opaque;
    QByteArray body;
    bool userhash = false;
    bool quoteNc = false;
};

QByteArray ha1(const DigestInput &in)
{
    const QByteArray alg = in.algorithm.isEmpty() ? "MD5"_ba : in.algorithm;
    QByteArray h = H(alg, in.user + ':' + in.realm + ':' + in.password);
    if (alg.toUpper().endsWith("-SESS"))
        h = H(alg, h + ':' + in.nonce + ':' + in.cnonce);
    return h;
}

QByteArray digestResponse(const DigestInput &in)
{
    const QByteArray alg = in.algorithm.isEmpty() ? "MD5"_ba : in.algorithm;
    QByteArray a2 = in.method + ':' + in.uri;
    if (in.qop == "auth-int")
        a2 += ':' + H(alg, in.body);
    if (in.qop.isEmpty())
        return H(alg, ha1(in) + ':' + in.nonce + ':' + H(alg, a2));
    return H(alg, ha1(in) + ':' + in.nonce + ':' + in.nc + ':' + in.cnonce + ':' + in.qop + ':' + H(alg, a2));
}

QByteArray expectedRspauth(const DigestInput &in)
{
    const QByteArray alg = in.algorithm.isEmpty() ? "MD5"_ba : in.algorithm;
    QByteArray a2 = ':' + in.uri;
    if (in.qop == "auth-int")
        a2 += ':' + H(alg, in.body);
    return H(alg, ha1(in) + ':' + in.nonce + ':' + in.nc + ':' + in.cnonce + ':' + in.qop + ':' + H(alg, a2));
}

QByteArray authorization(const DigestInput &in)
{
    const QByteArray user = in.userhash ? H(in.algorithm, in.user + ':' + in.realm) : in.user;
    QByteArray v = "Digest username=\"" + user + "\", realm=\"" + in.realm + "\", uri=\"" + in.uri + "\"";
    if (!in.algorithm.isEmpty())
        v += ", algorithm=" + in.algorithm;
    v += ", nonce=\"" + in.nonce + "\"";
    if (!in.qop.isEmpty())
        v += ", nc=" + (in.quoteNc ? '"' + in.nc + '"' : in.nc) + ", cnonce=\"" + in.cnonce +
             "\", qop=" + in.qop;
    v += ", response=\"" + digestResponse(in) + "\"";
    if (!in.opaque.isEmpty())
        v += ", opaque=\"" + in.opaque + "\"";
    if (in.userhash)
        v += ", userhash=true";
    return v;
}

QByteArray param(const QByteArray &challenge, const char *name)
{
    const QRegularExpression re(QString::fromLatin1(name) + u"=(?:\"([^\"]*)\"|([^,\\s]*))"_s);
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(challenge));
    return m.hasMatch() ? (m.captured(1) + m.captured(2)).toLatin1() : QByteArray();
}

RawResponse request(RawClient &client, const QByteArray &method, const QByteArray &target,
                    const HeaderList &headers = {}, const QByteArray &body = {})
{
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + Headers::toWire(headers);
    if (!body.isEmpty())
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    client.send(bytes + "\r\n" + body);
    return client.readResponse().value_or(RawResponse{});
}

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
        QCOMPARE(sha512_256(data).toHex(), opensslSha512_256Hex(data));
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

    const RawResponse challenge = request(client, "GET"_ba, "/b"_ba);
    QCOMPARE(challenge.status, 401);
    QCOMPARE(Headers::values(challenge.headers, "WWW-Authenticate"),
             (QList<QByteArray>{"Basic realm=\"Test Realm\", charset=\"UTF-8\""_ba}));

    const QByteArray wrong = "Basic " + "jürgen:wrong"_ba.toBase64();
    const RawResponse rejected = request(client, "GET"_ba, "/b"_ba, {{"Authorization"_ba, wrong, true}});
    QCOMPARE(rejected.status, 401);
    QVERIFY(rejected.body.contains("wrong Basic user or password"));

    const QByteArray right = "Basic " + "jürgen:pässwörd"_ba.toBase64();
    const RawResponse ok = request(client, "GET"_ba, "/b"_ba, {{"Authorization"_ba, right, true}});
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.body, "secret\n"_ba);
    QCOMPARE(gate->rejectionCount(), 2);
}

void TestServerAuth::digestRfc7616Examples_data()
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

void TestServerAuth::digestRfc7616Examples()
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

    const RawResponse challenge = request(client, "GET"_ba, "/dir/index.html"_ba);
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
        request(client, "GET"_ba, "/dir/index.html"_ba, {{"Authorization"_ba, rfcAuthorization, true}});
    QVERIFY2(ok.status == 200, ok.body.constData());
    DigestInput in;
    in.realm = "http-auth@example.org"_ba;
    in.uri = "/dir/index.html"_ba;
    in.algorithm = token;
    in.nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"_ba;
    in.cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"_ba;
    QCOMPARE(digestResponse(in), response); // our test helper agrees with the RFC
    const QByteArray info = ok.header("Authentication-Info");
    QCOMPARE(param(info, "rspauth"), expectedRspauth(in));
    QCOMPARE(param(info, "qop"), "auth"_ba);
    QCOMPARE(param(info, "nc"), "00000001"_ba);
    QVERIFY(!param(info, "nextnonce").isEmpty());
}

void TestServerAuth::digestRfc2617Example()
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
        !request(client, "GET"_ba, "/dir/index.html"_ba).header("WWW-Authenticate").contains("algorithm"));
    // RFC 2617 §3.5, verbatim.
    const QByteArray rfc = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                           "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, "
                           "nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
                           "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""_ba;
    QCOMPARE(request(client, "GET"_ba, "/dir/index.html"_ba, {{"Authorization"_ba, rfc, true}}).status, 200);
}

void TestServerAuth::digestVariants_data()
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

void TestServerAuth::digestVariants()
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
    const RawResponse challenge = request(client, "POST"_ba, "/doe.json?x=1"_ba, {}, body);
    QCOMPARE(challenge.status, 401);
    const QByteArray c = challenge.header("WWW-Authenticate");
    DigestInput in;
    in.user = "Jäsøn Doe"_ba;
    in.password = "Secret, or not?"_ba;
    in.realm = param(c, "realm");
    in.method = "POST"_ba;
    in.uri = "/doe.json?x=1"_ba;
    in.algorithm = param(c, "algorithm");
    in.nonce = param(c, "nonce");
    in.opaque = param(c, "opaque");
    in.qop = qop;
    in.body = body;
    in.userhash = userhash;
    in.cnonce = "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v"_ba;
    QCOMPARE(in.algorithm, DigestVerifier::algorithmToken(algorithm, sess));
    QCOMPARE(param(c, "userhash") == "true", userhash);
    QCOMPARE(c.contains("qop="), !qop.isEmpty());

    const RawResponse ok =
        request(client, "POST"_ba, "/doe.json?x=1"_ba, {{"Authorization"_ba, authorization(in), true}}, body);
    QCOMPARE(ok.status, 200);
    const QByteArray info = ok.header("Authentication-Info");
    if (!qop.isEmpty())
        QCOMPARE(param(info, "rspauth"), expectedRspauth(in));
    else
        QVERIFY(!info.contains("rspauth"));

    // Same answer with a wrong password hashed in.
    in.password = "wrong"_ba;
    in.nc = "00000002"_ba;
    QCOMPARE(
        request(client, "POST"_ba, "/doe.json?x=1"_ba, {{"Authorization"_ba, authorization(in), true}}, body)
            .status,
        401);
}

void TestServerAuth::digestRejects_data()
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

void TestServerAuth::digestRejects()
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
    const QByteArray c = request(client, "GET"_ba, "/p"_ba).header("WWW-Authenticate");
    DigestInput in;
    in.realm = param(c, "realm");
    in.uri = "/p"_ba;
    in.algorithm = "SHA-256"_ba;
    in.nonce = param(c, "nonce");
    in.opaque = param(c, "opaque");
    if (field == "replay") {
        QCOMPARE(request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}}).status,
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
        request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}});
    QCOMPARE(rejected.status, 401);
    QVERIFY2(rejected.body.contains(reason), rejected.body.constData());
    QVERIFY(!rejected.header("WWW-Authenticate").contains("stale"));
}

void TestServerAuth::digestStaleNonce()
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
    const QByteArray first = request(client, "GET"_ba, "/p"_ba).header("WWW-Authenticate");
    QVERIFY(!first.contains("stale"));
    DigestInput in;
    in.realm = "r"_ba;
    in.uri = "/p"_ba;
    in.nonce = param(first, "nonce");
    in.opaque = param(first, "opaque");
    verifier.makeStale(in.nonce);

    const RawResponse stale =
        request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}});
    QCOMPARE(stale.status, 401);
    const QByteArray again = stale.header("WWW-Authenticate");
    QCOMPARE(param(again, "stale"), "true"_ba);
    QVERIFY(param(again, "nonce") != in.nonce);

    // A wrong password with a stale nonce is not "stale": the client must not retry silently.
    DigestInput wrong = in;
    wrong.password = "nope"_ba;
    wrong.nc = "00000002"_ba;
    QVERIFY(!request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(wrong), true}})
                 .header("WWW-Authenticate")
                 .contains("stale"));

    in.nonce = param(again, "nonce");
    QCOMPARE(request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}}).status, 200);
}

void TestServerAuth::digestNextNonce()
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
    const QByteArray c = request(client, "GET"_ba, "/p"_ba).header("WWW-Authenticate");
    DigestInput in;
    in.realm = "r"_ba;
    in.uri = "/p"_ba;
    in.algorithm = "SHA-256"_ba;
    in.nonce = param(c, "nonce");
    in.opaque = param(c, "opaque");
    const RawResponse first =
        request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}});
    QCOMPARE(first.status, 200);
    // The same nonce keeps working with a higher nc...
    in.nc = "00000002"_ba;
    QCOMPARE(request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}}).status, 200);
    // ...and the nextnonce starts over at nc=1.
    in.nonce = param(first.header("Authentication-Info"), "nextnonce");
    in.nc = "00000001"_ba;
    QCOMPARE(request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}}).status, 200);
}

void TestServerAuth::digestNonceExpires()
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
    const QByteArray c = request(client, "GET"_ba, "/p"_ba).header("WWW-Authenticate");
    DigestInput in;
    in.realm = "r"_ba;
    in.uri = "/p"_ba;
    in.nonce = param(c, "nonce");
    in.opaque = param(c, "opaque");
    QTest::qWait(20); // let the nonce outlive its 1 ms lifetime
    const RawResponse expired =
        request(client, "GET"_ba, "/p"_ba, {{"Authorization"_ba, authorization(in), true}});
    QCOMPARE(expired.status, 401);
    QCOMPARE(param(expired.header("WWW-Authenticate"), "stale"), "true"_ba);
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

    const RawResponse together = request(client, "GET"_ba, "/one"_ba);
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
        Headers::values(request(client, "GET"_ba, "/one"_ba).headers, "WWW-Authenticate");
    QCOMPARE(separate.size(), 5);
    QVERIFY(separate[0].startsWith("Newauth "));
    QVERIFY(separate[1].contains("algorithm=SHA-512-256"));
    QVERIFY(separate[3].contains("algorithm=MD5"));
    QCOMPARE(separate[4], "Basic realm=\"simple\", charset=\"UTF-8\""_ba);
    // One nonce per round of challenges, shared by its Digest challenges.
    QCOMPARE(param(separate[1], "nonce"), param(separate[3], "nonce"));

    QCOMPARE(
        request(client, "GET"_ba, "/one"_ba, {{"Authorization"_ba, "Basic " + "u:p"_ba.toBase64(), true}})
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

    const RawResponse none = request(client, "GET"_ba, "/api"_ba);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.header("WWW-Authenticate"), "Bearer realm=\"api\", scope=\"read\""_ba);

    const RawResponse invalid =
        request(client, "GET"_ba, "/api"_ba, {{"Authorization"_ba, "Bearer nope"_ba, true}});
    QCOMPARE(invalid.status, 401);
    QCOMPARE(invalid.header("WWW-Authenticate"),
             "Bearer realm=\"api\", scope=\"read\", error=\"invalid_token\", "
             "error_description=\"The access token is invalid or has expired\""_ba);

    const RawResponse scope =
        request(client, "GET"_ba, "/api"_ba, {{"Authorization"_ba, "Bearer weak-token"_ba, true}});
    QCOMPARE(scope.status, 403);
    QCOMPARE(param(scope.header("WWW-Authenticate"), "error"), "insufficient_scope"_ba);
    QVERIFY(scope.header("WWW-Authenticate").contains("error_description="));

    QCOMPARE(
        request(client, "GET"_ba, "/api"_ba, {{"Authorization"_ba, "Bearer good-token"_ba, true}}).status,
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
    const RawResponse first = request(client, "GET"_ba, "/c"_ba);
    QCOMPARE(first.status, 401);
    QCOMPARE(first.header("Set-Cookie"), "challenge=c-123; Path=/"_ba);
    const HeaderField creds{"Authorization"_ba, "Basic " + "u:p"_ba.toBase64(), true};
    const RawResponse noCookie = request(client, "GET"_ba, "/c"_ba, {creds});
    QCOMPARE(noCookie.status, 401);
    QVERIFY(noCookie.body.contains("cookie 'challenge'"));
    QCOMPARE(request(client, "GET"_ba, "/c"_ba, {creds, {"Cookie"_ba, "other=1; challenge=c-123"_ba, true}})
                 .status,
             200);
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
