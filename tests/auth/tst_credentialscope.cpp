// Credentials stay with their origin (issue #11): the request's user/password and token go only to
// the scheme, host and port the user typed; a redirect elsewhere (or an https -> http downgrade) gets
// nothing unless --location-trusted; a same-origin redirect that challenges again is answered;
// proxy credentials go to a configured proxy only. Real servers on 127.0.0.1, both HTTP stacks.

#include "auth/authnegotiator.h"
#include "auth/challengeparser.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "server/routes.h"
#include "testcerts.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using Peephole::Test::TestCerts;

namespace {
RouteHandler ok(const QByteArray &body)
{
    return [body](const ServerRequest &, ScriptedResponse &r) { r = ScriptedResponse::text(200, body); };
}
std::shared_ptr<AuthGate> basicGate(const QByteArray &realm)
{
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("alice", "s3cret");
    gate->offerBasic(realm);
    return gate;
}
} // namespace

class TestCredentialScope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void preemptiveBasicIsNotCarriedToAnotherOrigin();
    void challengeFromAnotherOriginIsNotAnsweredWithTheRequestsCredentials();
    void bearerTokenStaysHome();
    void httpsToHttpDowngradeGetsNothing();
    void locationTrustedSendsThemOn();
    void sameOriginRedirectThatChallengesAgainIsAnswered();
    void wrongPasswordStillNeverLoops();
    void a407FromAServerThatIsNotYourProxyIsNotAnswered();

private:
    QList<Exchange> run(const RequestSpec &spec);

    std::unique_ptr<HttpServer> m_home;
    std::unique_ptr<HttpServer> m_other;
    std::unique_ptr<ExchangeLog> m_log;
    std::unique_ptr<HttpSession> m_session;
    std::unique_ptr<AuthNegotiator> m_negotiator;
};

void TestCredentialScope::init()
{
    m_home = std::make_unique<HttpServer>();
    m_other = std::make_unique<HttpServer>();
    QVERIFY(m_home->listen());
    QVERIFY(m_other->listen());
    m_log = std::make_unique<ExchangeLog>();
    m_session = std::make_unique<HttpSession>(m_log.get());
    m_negotiator = std::make_unique<AuthNegotiator>();
    m_session->setAuthHook(m_negotiator.get());
}

void TestCredentialScope::cleanup()
{
    m_session.reset();
    m_negotiator.reset();
    m_log.reset();
    m_home.reset();
    m_other.reset();
}

QList<Exchange> TestCredentialScope::run(const RequestSpec &spec)
{
    QSignalSpy done(m_session.get(), &HttpSession::chainFinished);
    const quint64 chain = m_session->send(spec);
    if (done.isEmpty() && !done.wait(20000))
        return {};
    return m_log->chain(chain);
}

void TestCredentialScope::preemptiveBasicIsNotCarriedToAnotherOrigin()
{
    m_home->route("/start", Routes::redirect(302, m_other->urlBytes(u"/landing"_s)));
    m_other->route("/landing", ok("landed"));
    RequestSpec spec;
    spec.url = m_home->url(u"/start"_s);
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"s3cret"_s;
    spec.auth.preemptive = true;
    const QList<Exchange> chain = run(spec);
    QCOMPARE(chain.size(), 2);
    QVERIFY(!m_home->lastRequest().header("Authorization").isEmpty()); // the typed origin got them
    QVERIFY2(m_other->lastRequest().header("Authorization").isEmpty(),
             "credentials leaked to another origin");
    QVERIFY2(
        chain.last().auth->explanation.contains(u"Credentials withheld: origin changed from %1 to %2"_s.arg(
            AuthOffers::originOf(m_home->url()), AuthOffers::originOf(m_other->url()))),
        qPrintable(chain.last().auth->explanation));
}

void TestCredentialScope::challengeFromAnotherOriginIsNotAnsweredWithTheRequestsCredentials()
{
    m_home->route("/start", Routes::redirect(302, m_other->urlBytes(u"/phish"_s)));
    auto gate = basicGate("evil");
    m_other->route("/phish", protect(gate, ok("got you")));
    RequestSpec spec;
    spec.url = m_home->url(u"/start"_s);
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"s3cret"_s;
    const QList<Exchange> chain = run(spec);
    QCOMPARE(chain.size(), 2); // the 302 and the 401; no answer
    QCOMPARE(chain.last().statusCode, 401);
    for (const ServerRequest &r : m_other->requests())
        QVERIFY2(r.header("Authorization").isEmpty(), "the redirect target got an answer");
    QVERIFY(chain.last().auth->explanation.contains(u"Credentials withheld"_s));
}

void TestCredentialScope::bearerTokenStaysHome()
{
    m_home->route("/start", Routes::redirect(307, m_other->urlBytes(u"/api"_s)));
    m_other->route("/api", ok("api"));
    RequestSpec spec;
    spec.url = m_home->url(u"/start"_s);
    spec.auth.token = u"tok-123"_s;
    spec.auth.preemptive = true;
    const QList<Exchange> chain = run(spec);
    QCOMPARE(chain.size(), 2);
    QCOMPARE(m_home->lastRequest().header("Authorization"), "Bearer tok-123"_ba);
    QVERIFY(m_other->lastRequest().header("Authorization").isEmpty());
}

void TestCredentialScope::httpsToHttpDowngradeGetsNothing()
{
    TestCerts certs;
    QVERIFY2(certs.isValid(), qPrintable(certs.errorString()));
    HttpServer secure;
    QVERIFY(secure.listenTls(certs.serverOptions()));
    auto gate = basicGate("secure");
    secure.route("/login", protect(gate, [this](const ServerRequest &, ScriptedResponse &r) {
                     r = Routes::redirect(302, m_other->urlBytes(u"/plain"_s));
                 }));
    auto plainGate = basicGate("secure");
    m_other->route("/plain", protect(plainGate, ok("plain")));
    RequestSpec spec;
    spec.url = secure.url(u"/login"_s);
    spec.options.caFile = certs.caCertPath();
    spec.options.http2Allowed = false;
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"s3cret"_s;
    spec.auth.preemptive = true;
    const QList<Exchange> chain = run(spec);
    QVERIFY(chain.size() >= 2);
    QCOMPARE(chain.first().statusCode, 302);
    QCOMPARE(chain.last().url.scheme(), u"http"_s);
    QCOMPARE(chain.last().statusCode, 401);
    for (const ServerRequest &r : m_other->requests())
        QVERIFY2(r.header("Authorization").isEmpty(), "the https credentials went out over plain http");
}

void TestCredentialScope::locationTrustedSendsThemOn()
{
    m_home->route("/start", Routes::redirect(302, m_other->urlBytes(u"/mirror"_s)));
    auto gate = basicGate("mirror");
    m_other->route("/mirror", protect(gate, ok("mirrored")));
    RequestSpec spec;
    spec.url = m_home->url(u"/start"_s);
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"s3cret"_s;
    spec.auth.locationTrusted = true;
    const QList<Exchange> chain = run(spec);
    QVERIFY(!chain.isEmpty());
    QCOMPARE(chain.last().statusCode, 200);
    QVERIFY(!m_other->lastRequest().header("Authorization").isEmpty());
}

void TestCredentialScope::sameOriginRedirectThatChallengesAgainIsAnswered()
{
    auto first = basicGate("one");
    auto second = basicGate("two");
    m_home->route("/a", protect(first, [](const ServerRequest &, ScriptedResponse &r) {
                      r = Routes::redirect(302, "/b");
                  }));
    m_home->route("/b", protect(second, ok("both realms")));
    RequestSpec spec;
    spec.url = m_home->url(u"/a"_s);
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"s3cret"_s;
    const QList<Exchange> chain = run(spec);
    QStringList statuses;
    for (const Exchange &e : chain)
        statuses.append(QString::number(e.statusCode));
    QCOMPARE(statuses.join(u' '), u"401 302 401 200"_s);
    QCOMPARE(chain.last().responseBody->head(100), "both realms"_ba);
}

void TestCredentialScope::wrongPasswordStillNeverLoops()
{
    auto gate = basicGate("one");
    m_home->route("/a", protect(gate, [](const ServerRequest &, ScriptedResponse &r) {
                      r = Routes::redirect(302, "/a2");
                  }));
    m_home->route("/a2", protect(gate, ok("never")));
    RequestSpec spec;
    spec.url = m_home->url(u"/a"_s);
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"wrong"_s;
    const QList<Exchange> chain = run(spec);
    QCOMPARE(chain.size(), 2); // the challenge and the one refused answer
    QVERIFY(chain.last().auth->rejected);
}

void TestCredentialScope::a407FromAServerThatIsNotYourProxyIsNotAnswered()
{
    auto gate = std::make_shared<AuthGate>(AuthRole::Proxy);
    gate->setCredentials("proxyuser", "proxypass");
    gate->offerBasic("fake proxy");
    m_home->route("/x", protect(gate, ok("x")));
    RequestSpec spec;
    spec.url = m_home->url(u"/x"_s);
    spec.auth.proxyUser = u"proxyuser"_s;
    spec.auth.proxyPassword = u"proxypass"_s; // no proxy configured
    const QList<Exchange> chain = run(spec);
    QCOMPARE(chain.size(), 1);
    QCOMPARE(chain.last().statusCode, 407);
    QVERIFY2(chain.last().auth->explanation.startsWith(u"407 from a server that is not your proxy"_s),
             qPrintable(chain.last().auth->explanation));
    for (const ServerRequest &r : m_home->requests())
        QVERIFY(r.header("Proxy-Authorization").isEmpty());
}

QTEST_GUILESS_MAIN(TestCredentialScope)
#include "tst_credentialscope.moc"
