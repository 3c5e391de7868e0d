#include "auth/authnegotiator.h"
#include "enginefixture.h"
#include "server/authgate.h"
#include "server/routes.h"
#include "testcerts.h"

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::Test;

class TestTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void untrustedCertificateFailsWithItsDetails();
    void caFileMakesItTrusted();
    void insecureRecordsTheErrorsAndGoesOn();
    void clientCertificatePemAndPkcs12();
    void badCaFileIsAClearError();
    void httpsThroughAnAuthenticatingProxy();

private:
    std::unique_ptr<TestCerts> m_certs;
};

void TestTls::initTestCase()
{
    m_certs = std::make_unique<TestCerts>();
    QVERIFY2(m_certs->isValid(), qPrintable(m_certs->errorString()));
}

void TestTls::untrustedCertificateFailsWithItsDetails()
{
    EngineFixture f;
    HttpServer server;
    QVERIFY(server.listenTls(m_certs->serverOptions()));
    server.route("/", ScriptedResponse::text(200, "secure"));
    RequestSpec spec;
    spec.url = server.url(u"/"_s);
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::Tls);
    // The message names the certificate and says what to do.
    QVERIFY2(e.error.message.contains(u"SHA-256"_s), qPrintable(e.error.message));
    QVERIFY2(e.error.message.contains(u"CA file"_s), qPrintable(e.error.message));
    QVERIFY(!e.tls->errors.isEmpty());
}

void TestTls::caFileMakesItTrusted()
{
    EngineFixture f;
    HttpServer server;
    QVERIFY(server.listenTls(m_certs->serverOptions()));
    server.route("/", ScriptedResponse::text(200, "secure"));
    RequestSpec spec;
    spec.url = server.url(u"/"_s);
    spec.options.caFile = m_certs->caCertPath();
    spec.options.http2Allowed = false;
    const Exchange e = f.run(spec).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.statusCode, 200);
    QVERIFY(e.tls->used);
    QVERIFY(e.tls->protocol.startsWith(u"TLS"_s));
    QVERIFY(!e.tls->cipher.isEmpty());
    QVERIFY(!e.tls->chain.isEmpty());
    QCOMPARE(e.tls->chain.first(), m_certs->serverCert());
    QVERIFY(e.timings.tlsDoneNs >= e.timings.connectStartNs);
    QVERIFY(server.lastRequest().tls);
}

void TestTls::insecureRecordsTheErrorsAndGoesOn()
{
    EngineFixture f;
    HttpServer server;
    QVERIFY(server.listenTls(m_certs->selfSignedServerOptions()));
    server.route("/", ScriptedResponse::text(200, "anyway"));
    RequestSpec spec;
    spec.url = server.url(u"/"_s);
    spec.options.verifyTls = false;
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.statusCode, 200);
    QVERIFY(e.tls->verificationDisabled);
    QVERIFY2(!e.tls->errors.isEmpty(), "the errors that were ignored are still recorded");
    QCOMPARE(e.responseBody->read(0, 100), "anyway"_ba);
}

void TestTls::clientCertificatePemAndPkcs12()
{
    EngineFixture f;
    HttpServer server;
    QVERIFY(server.listenTls(m_certs->serverOptions(true)));
    server.route("/", ScriptedResponse::text(200, "hello client"));
    RequestSpec spec;
    spec.url = server.url(u"/"_s);
    spec.options.caFile = m_certs->caCertPath();
    spec.options.clientCertFile = m_certs->clientCertPath();
    spec.options.clientKeyFile = m_certs->clientKeyPath();
    Exchange e = f.run(spec).value(0);
    QVERIFY2(e.statusCode == 200, qPrintable(e.error.message));
    QCOMPARE(server.lastRequest().peerCertificate, m_certs->clientCert());

    spec.options.clientCertFile = m_certs->clientP12Path();
    spec.options.clientKeyFile.clear();
    spec.options.clientCertPassphrase = TestCerts::p12Password();
    e = f.run(spec).value(0);
    QVERIFY2(e.statusCode == 200, qPrintable(e.error.message));

    spec.options.clientCertPassphrase = u"wrong"_s;
    e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::Tls);
    QVERIFY2(e.error.message.contains(u"passphrase"_s), qPrintable(e.error.message));
}

void TestTls::badCaFileIsAClearError()
{
    EngineFixture f;
    RequestSpec spec;
    spec.url = QUrl(u"https://127.0.0.1:1/"_s);
    spec.options.caFile = m_certs->dir() + u"/missing.pem"_s;
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::Tls);
    QVERIFY2(e.error.message.contains(u"missing.pem"_s), qPrintable(e.error.message));
}

void TestTls::httpsThroughAnAuthenticatingProxy()
{
    // The CONNECT tunnel's 407 is answered by Qt with the request's proxy credentials;
    // the origin's 401 inside the tunnel by Peephole's negotiator.
    EngineFixture f;
    AuthNegotiator negotiator;
    f.session.setAuthHook(&negotiator);
    QVERIFY(f.server.setTunnelTls(m_certs->serverOptions()));
    auto proxyGate = std::make_shared<AuthGate>(AuthRole::Proxy);
    proxyGate->setCredentials("proxyuser", "proxypass");
    proxyGate->offerBasic("proxy");
    f.server.setProxyGate(proxyGate);
    auto originGate = std::make_shared<AuthGate>();
    originGate->setCredentials("user", "pass");
    originGate->offerDigest(DigestOptions{});
    f.server.route("/secret", protect(originGate, [](const ServerRequest &, ScriptedResponse &r) {
                       r.body = "through the tunnel";
                   }));
    RequestSpec spec;
    spec.url = QUrl(u"https://localhost:4443/secret"_s);
    spec.options.proxy = QUrl(u"http://127.0.0.1:%1"_s.arg(f.server.port()));
    spec.options.caFile = m_certs->caCertPath();
    spec.options.http2Allowed = false;
    spec.auth.proxyUser = u"proxyuser"_s;
    spec.auth.proxyPassword = u"proxypass"_s;
    spec.auth.user = u"user"_s;
    spec.auth.password = u"pass"_s;
    const QList<Exchange> chain = f.run(spec);
    QVERIFY(!chain.isEmpty());
    QVERIFY2(chain.last().statusCode == 200, qPrintable(chain.last().error.message));
    QCOMPARE(chain.first().statusCode, 401);
    QCOMPARE(chain.last().responseBody->read(0, 100), "through the tunnel"_ba);
    QVERIFY(proxyGate->rejectionCount() >= 1);
    f.session.setAuthHook(nullptr);
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
