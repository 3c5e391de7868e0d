// Proxy mode (407 → 401 → 200) and TLS of the in-process server, with raw sockets
// and with QNetworkAccessManager as a real client.
#include "rawclient.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "server/routes.h"
#include "testcerts.h"

#include <QAuthenticator>
#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using Peephole::Test::RawClient;
using Peephole::Test::RawResponse;

class TestServerProxyTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void proxyRawChain();
    void proxyWithQnam();
    void proxyDigest();
    void connectIsRefused();
    void connectTunnelWithQnam();
    void tlsWithRawSocket();
    void tlsClientCertificate();
    void tlsSelfSignedIsRejectedByClient();
    void tlsWithQnam();
    void pkcs12Loads();

private:
    std::unique_ptr<Test::TestCerts> m_certs;
};

namespace {
RouteHandler ok(const QByteArray &body)
{
    return [body](const ServerRequest &, ScriptedResponse &r) { r = ScriptedResponse::text(200, body); };
}
} // namespace

void TestServerProxyTls::initTestCase()
{
    m_certs = std::make_unique<Test::TestCerts>();
    QVERIFY2(m_certs->isValid(), qPrintable(m_certs->errorString()));
}

void TestServerProxyTls::proxyRawChain()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto proxyGate = std::make_shared<AuthGate>(AuthRole::Proxy);
    proxyGate->setCredentials("proxyuser"_ba, "proxypass"_ba);
    proxyGate->offerBasic("proxy"_ba);
    server.setProxyGate(proxyGate);
    auto originGate = std::make_shared<AuthGate>();
    originGate->setCredentials("user"_ba, "pass"_ba);
    originGate->offerBasic("origin"_ba);
    server.route("/secret"_ba, protect(originGate, ok("behind both\n"_ba)));

    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    const QByteArray line = "GET http://origin.test/secret HTTP/1.1\r\nHost: origin.test\r\n"_ba;
    const QByteArray proxyAuth = "Proxy-Authorization: Basic " + "proxyuser:proxypass"_ba.toBase64() + "\r\n";
    const QByteArray originAuth = "Authorization: Basic " + "user:pass"_ba.toBase64() + "\r\n";

    client.send(line + "\r\n");
    const auto first = client.readResponse();
    QVERIFY(first);
    QCOMPARE(first->status, 407);
    QCOMPARE(first->reason, "Proxy Authentication Required"_ba);
    QCOMPARE(first->header("Proxy-Authenticate"), "Basic realm=\"proxy\", charset=\"UTF-8\""_ba);
    QVERIFY(first->header("WWW-Authenticate").isNull());

    client.send(line + proxyAuth + "\r\n");
    const auto second = client.readResponse();
    QVERIFY(second);
    QCOMPARE(second->status, 401);
    QCOMPARE(second->header("WWW-Authenticate"), "Basic realm=\"origin\", charset=\"UTF-8\""_ba);

    client.send(line + proxyAuth + originAuth + "\r\n");
    const auto third = client.readResponse();
    QVERIFY(third);
    QCOMPARE(third->status, 200);
    QCOMPARE(third->body, "behind both\n"_ba);

    // Origin-form requests (not via the proxy) need no proxy credentials.
    client.send("GET /secret HTTP/1.1\r\nHost: x\r\n" + originAuth + "\r\n");
    QCOMPARE(client.readResponse().value_or(RawResponse{}).status, 200);
}

void TestServerProxyTls::proxyWithQnam()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto proxyGate = std::make_shared<AuthGate>(AuthRole::Proxy);
    proxyGate->setCredentials("proxyuser"_ba, "proxypass"_ba);
    proxyGate->offerBasic("proxy"_ba);
    server.setProxyGate(proxyGate);
    auto originGate = std::make_shared<AuthGate>();
    originGate->setCredentials("user"_ba, "pass"_ba);
    DigestOptions digest;
    digest.realm = "origin"_ba;
    digest.algorithms = {DigestAlgorithm::Md5};
    originGate->offerDigest(digest);
    server.route("/secret"_ba, protect(originGate, ok("through the proxy\n"_ba)));

    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, server.port()));
    int proxyAsked = 0;
    int originAsked = 0;
    connect(&nam, &QNetworkAccessManager::proxyAuthenticationRequired, this,
            [&proxyAsked](const QNetworkProxy &, QAuthenticator *auth) {
                ++proxyAsked;
                auth->setUser(u"proxyuser"_s);
                auth->setPassword(u"proxypass"_s);
            });
    connect(&nam, &QNetworkAccessManager::authenticationRequired, this,
            [&originAsked](QNetworkReply *, QAuthenticator *auth) {
                ++originAsked;
                auth->setUser(u"user"_s);
                auth->setPassword(u"pass"_s);
            });
    std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(QUrl(u"http://origin.test/secret"_s))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), "through the proxy\n"_ba);
    QCOMPARE(proxyAsked, 1);
    QCOMPARE(originAsked, 1);
    QVERIFY(proxyGate->rejectionCount() >= 1);
    QVERIFY(originGate->rejectionCount() >= 1);
    const ServerRequest last = server.lastRequest();
    QVERIFY(last.absoluteForm);
    QCOMPARE(last.target, "http://origin.test/secret"_ba);
    QVERIFY(last.header("Authorization").startsWith("Digest "));
    QVERIFY(last.header("Proxy-Authorization").startsWith("Basic "));
}

void TestServerProxyTls::proxyDigest()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto proxyGate = std::make_shared<AuthGate>(AuthRole::Proxy);
    proxyGate->setCredentials("p"_ba, "q"_ba);
    DigestOptions options;
    options.realm = "proxy"_ba;
    options.algorithms = {DigestAlgorithm::Sha256};
    proxyGate->offerDigest(options);
    server.setProxyGate(proxyGate);
    server.route("/open"_ba, ok("open\n"_ba));
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET http://origin.test/open HTTP/1.1\r\nHost: origin.test\r\n\r\n"_ba);
    const auto challenge = client.readResponse();
    QVERIFY(challenge);
    QCOMPARE(challenge->status, 407);
    const QByteArray field = challenge->header("Proxy-Authenticate");
    QVERIFY(field.startsWith("Digest realm=\"proxy\""));
    const qsizetype at = field.indexOf("nonce=\"") + 7;
    const QByteArray nonce = field.mid(at, field.indexOf('"', at) - at);
    auto H = [](const QByteArray &s) {
        return QCryptographicHash::hash(s, QCryptographicHash::Sha256).toHex();
    };
    const QByteArray uri = "http://origin.test/open"_ba;
    const QByteArray response = H(H("p:proxy:q"_ba) + ':' + nonce + ":00000001:c:auth:" + H("GET:" + uri));
    client.send("GET " + uri +
                " HTTP/1.1\r\nHost: origin.test\r\nProxy-Authorization: Digest username=\"p\", "
                "realm=\"proxy\", nonce=\"" +
                nonce + "\", uri=\"" + uri +
                "\", algorithm=SHA-256, qop=auth, "
                "nc=00000001, cnonce=\"c\", response=\"" +
                response + "\"\r\n\r\n");
    const auto served = client.readResponse();
    QVERIFY(served);
    QCOMPARE(served->status, 200);
    QCOMPARE(served->body, "open\n"_ba);
    QVERIFY(served->header("Proxy-Authentication-Info").contains("rspauth="));
    QVERIFY(served->header("Authentication-Info").isNull());
}

void TestServerProxyTls::connectIsRefused()
{
    HttpServer server;
    QVERIFY(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("CONNECT origin.test:443 HTTP/1.1\r\nHost: origin.test:443\r\n\r\n"_ba);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 501);
}

void TestServerProxyTls::connectTunnelWithQnam()
{
    HttpServer server;
    QVERIFY(server.listen());
    QVERIFY(server.setTunnelTls(m_certs->serverOptions()));
    auto proxyGate = std::make_shared<AuthGate>(AuthRole::Proxy);
    proxyGate->setCredentials("proxyuser"_ba, "proxypass"_ba);
    proxyGate->offerBasic("proxy"_ba);
    server.setProxyGate(proxyGate);
    auto originGate = std::make_shared<AuthGate>();
    originGate->setCredentials("user"_ba, "pass"_ba);
    originGate->offerBasic("origin"_ba);
    server.route("/secret"_ba, protect(originGate, ok("https through the proxy\n"_ba)));

    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, server.port()));
    connect(&nam, &QNetworkAccessManager::proxyAuthenticationRequired, this,
            [](const QNetworkProxy &, QAuthenticator *auth) {
                auth->setUser(u"proxyuser"_s);
                auth->setPassword(u"proxypass"_s);
            });
    connect(&nam, &QNetworkAccessManager::authenticationRequired, this,
            [](QNetworkReply *, QAuthenticator *auth) {
                auth->setUser(u"user"_s);
                auth->setPassword(u"pass"_s);
            });
    QNetworkRequest request(QUrl(u"https://localhost:4443/secret"_s)); // the port is only named in CONNECT
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({m_certs->caCert()});
    request.setSslConfiguration(config);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), "https through the proxy\n"_ba);

    const QList<ServerRequest> requests = server.requests();
    QVERIFY(requests.size() >= 4);
    QCOMPARE(requests.first().method, "CONNECT"_ba);
    QCOMPARE(requests.first().target, "localhost:4443"_ba);
    QVERIFY(!requests.first().tls);
    QVERIFY(proxyGate->rejectionCount() >= 1);
    QVERIFY(originGate->rejectionCount() >= 1);
    const ServerRequest last = requests.last();
    QCOMPARE(last.method, "GET"_ba);
    QCOMPARE(last.target, "/secret"_ba);
    QVERIFY(last.tls);
    QVERIFY(last.header("Proxy-Authorization").isNull()); // proxy credentials stay on the CONNECT
    QVERIFY(last.header("Authorization").startsWith("Basic "));
}

void TestServerProxyTls::tlsWithRawSocket()
{
    HttpServer server;
    QVERIFY2(server.listenTls(m_certs->serverOptions()), qPrintable(server.errorString()));
    QVERIFY(server.isTls());
    QCOMPARE(server.url(u"/x"_s).scheme(), u"https"_s);
    server.route("/x"_ba, ok("secure\n"_ba));
    RawClient client;
    QVERIFY2(client.connectTls(server.port(), {m_certs->caCert()}),
             qPrintable(client.socket()->errorString()));
    client.send("GET /x HTTP/1.1\r\nHost: localhost\r\nX-Keep: Case\r\n\r\n"_ba);
    const auto response = client.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, "secure\n"_ba);
    const ServerRequest req = server.lastRequest();
    QVERIFY(req.tls);
    QVERIFY(req.peerCertificate.isNull());
    QCOMPARE(req.rawHead, "GET /x HTTP/1.1\r\nHost: localhost\r\nX-Keep: Case\r\n\r\n"_ba);
}

void TestServerProxyTls::tlsClientCertificate()
{
    HttpServer server;
    QVERIFY(server.listenTls(m_certs->serverOptions(true)));
    RawClient withCert;
    QVERIFY(
        withCert.connectTls(server.port(), {m_certs->caCert()}, m_certs->clientCert(), m_certs->clientKey()));
    withCert.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"_ba);
    QVERIFY(withCert.readResponse());
    QCOMPARE(server.lastRequest().peerCertificate, m_certs->clientCert());

    server.clearRequests();
    RawClient without;
    (void)without.connectTls(server.port(), {m_certs->caCert()});
    without.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"_ba);
    QVERIFY(!without.readResponse(5000));
    QTRY_VERIFY(without.isClosed());
    QCOMPARE(server.requestCount(), 0);
}

void TestServerProxyTls::tlsSelfSignedIsRejectedByClient()
{
    HttpServer server;
    QVERIFY(server.listenTls(m_certs->selfSignedServerOptions()));
    RawClient client;
    QVERIFY(!client.connectTls(server.port(), {m_certs->caCert()}, QSslCertificate(), QSslKey(), 5000));
    QVERIFY(!client.sslErrors().isEmpty());
}

void TestServerProxyTls::tlsWithQnam()
{
    HttpServer server;
    QVERIFY(server.listenTls(m_certs->serverOptions()));
    server.route("/q"_ba, Routes::echo());
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(u"https://localhost:%1/q"_s.arg(server.port())));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({m_certs->caCert()});
    request.setSslConfiguration(config);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(reply->readAll().contains("\"tls\": true"));
}

void TestServerProxyTls::pkcs12Loads()
{
    QFile p12(m_certs->clientP12Path());
    QVERIFY(p12.open(QIODevice::ReadOnly));
    QSslKey key;
    QSslCertificate cert;
    QList<QSslCertificate> chain;
    QVERIFY(
        QSslCertificate::importPkcs12(&p12, &key, &cert, &chain, Test::TestCerts::p12Password().toUtf8()));
    QCOMPARE(cert, m_certs->clientCert());
    QVERIFY(!key.isNull());
}

QTEST_GUILESS_MAIN(TestServerProxyTls)
#include "tst_serverproxytls.moc"
