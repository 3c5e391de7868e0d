// Credentials stay with their origin (issue #11), beyond tst_credentialscope: the real engine (HttpSession,
// both HTTP stacks: this test also runs as tst_credentialorigin_qtstack) and the
// real CLI against two in-process servers on 127.0.0.1 (two origins) and an
// https one, checking what each server actually received.

#include "../common/testcerts.h"
#include "auth/authnegotiator.h"
#include "auth/authoffers.h"
#include "auth/credentialstore.h"
#include "formats/httpfile.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/authgate.h"
#include "server/httpserver.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {

using Run = Test::ProcessResult;

/// Runs peephole-cli (stdin closed: no terminal to ask on) while this event loop serves.
Run cli(const QStringList &args)
{
    return Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args);
}

RouteHandler okBody(const QByteArray &body)
{
    return [body](const ServerRequest &, ScriptedResponse &r) { r.body = body; };
}

RouteHandler redirectTo(const QByteArray &location)
{
    return [location](const ServerRequest &, ScriptedResponse &r) {
        r.status = 302;
        r.headers.append({"Location", location, true});
    };
}

std::shared_ptr<AuthGate> basicGate(const QByteArray &realm = "peephole",
                                    const QByteArray &password = "s3cret")
{
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("alice", password);
    gate->offerBasic(realm);
    return gate;
}

/// How many requests @p server received carrying header @p name.
int carrying(const HttpServer &server, QByteArrayView name)
{
    int n = 0;
    for (const ServerRequest &r : server.requests())
        n += r.header(name).isNull() ? 0 : 1;
    return n;
}

int requestsTo(const HttpServer &server, const QByteArray &path)
{
    int n = 0;
    for (const ServerRequest &r : server.requests())
        n += r.path == path ? 1 : 0;
    return n;
}

QByteArray bodyOf(const Exchange &e)
{
    return e.responseBody ? e.responseBody->head(1 << 20) : QByteArray();
}

} // namespace

class TestCredentialOrigin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void redirectToAnotherOriginGetsNothing_data();
    void redirectToAnotherOriginGetsNothing();
    void locationTrustedSendsButNeverSavesForTheTarget();
    void httpsToHttpDowngradeGetsNothing();
    void sameOriginRechallengeIsAnswered();
    void refusedCredentialNeverLoops();
    void proxyCredentialsOnlyToAConfiguredProxy();
    void keychainAndSessionCacheStayWithOriginAndRealm();
    void typedCredentialHeadersStayWithTheOrigin();
    void httpFileDirective();
    void cliWithholdsAndLocationTrusted();
    void cli407FromAServerIsAnError();
    void cliUserWithoutPasswordUsesTheKeychain();

private:
    QList<Exchange> run(const RequestSpec &spec);
    void waitForStore();

    QTemporaryDir m_dir;
    std::unique_ptr<Test::TestCerts> m_certs;
    std::unique_ptr<HttpServer> m_a; ///< The origin the user types.
    std::unique_ptr<HttpServer> m_b; ///< Another origin.
    std::unique_ptr<ExchangeLog> m_log;
    std::unique_ptr<HttpSession> m_session;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<AuthNegotiator> m_negotiator;
};

void TestCredentialOrigin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_certs = std::make_unique<Test::TestCerts>();
    QVERIFY2(m_certs->isValid(), qPrintable(m_certs->errorString()));
}

void TestCredentialOrigin::init()
{
    m_a = std::make_unique<HttpServer>();
    m_b = std::make_unique<HttpServer>();
    QVERIFY(m_a->listen());
    QVERIFY(m_b->listen());
    m_log = std::make_unique<ExchangeLog>();
    m_session = std::make_unique<HttpSession>(m_log.get());
    m_store = std::make_unique<CredentialStore>(
        m_dir.filePath(u"index-%1.ini"_s.arg(QLatin1StringView(QTest::currentTestFunction()))));
    m_negotiator = std::make_unique<AuthNegotiator>();
    m_negotiator->setCredentialStore(m_store.get());
    m_session->setAuthHook(m_negotiator.get());
}

void TestCredentialOrigin::cleanup()
{
    if (m_store) {
        for (const StoredAccount &a : m_store->accounts())
            m_store->forget(a);
        waitForStore();
    }
    m_session.reset();
    m_negotiator.reset();
    m_store.reset();
    m_log.reset();
    m_a.reset();
    m_b.reset();
}

void TestCredentialOrigin::waitForStore()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_store->pendingJobs(), 0, 15000);
}

QList<Exchange> TestCredentialOrigin::run(const RequestSpec &s)
{
    QSignalSpy finished(m_session.get(), &HttpSession::chainFinished);
    const quint64 chain = m_session->send(s);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000))
        qWarning("chain %llu did not finish", chain);
    return m_log->chain(chain);
}

void TestCredentialOrigin::redirectToAnotherOriginGetsNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("preemptive");
    QTest::newRow("basic") << u"basic"_s << false;
    QTest::newRow("basic preemptive") << u"basic"_s << true;
    QTest::newRow("digest") << u"digest"_s << false;
    QTest::newRow("bearer preemptive") << u"bearer"_s << true;
}

void TestCredentialOrigin::redirectToAnotherOriginGetsNothing()
{
    QFETCH(QString, kind);
    QFETCH(bool, preemptive);
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("alice", "s3cret");
    if (kind == u"digest"_s) {
        gate->offerDigest();
    } else if (kind == u"bearer"_s) {
        BearerOptions bearer;
        bearer.tokens.insert("tok3n", {});
        gate->offerBearer(bearer);
    } else {
        gate->offerBasic();
    }
    m_b->route("/secret", protect(gate, okBody("b secret")));
    m_a->route("/go", redirectTo(m_b->urlBytes(u"/secret"_s)));

    RequestSpec s;
    s.url = m_a->url(u"/go"_s);
    if (kind == u"bearer"_s) {
        s.auth.token = u"tok3n"_s;
    } else {
        s.auth.user = u"alice"_s;
        s.auth.password = u"s3cret"_s;
    }
    s.auth.preemptive = preemptive;
    s.auth.saveToKeychain = true;
    const QList<Exchange> chain = run(s);
    QCOMPARE(chain.size(), 2); // A's 302, B's 401: no answer to B's challenge
    QCOMPARE(chain.last().statusCode, 401);
    QCOMPARE(carrying(*m_b, "Authorization"), 0);
    QCOMPARE(m_b->requestCount(), 1);
    if (preemptive) // the credentials did go to the origin they were typed for
        QVERIFY(!m_a->lastRequest().header("Authorization").isNull());
    const QString withheld = u"Credentials withheld: origin changed from %1 to %2"_s.arg(
        AuthOffers::originOf(m_a->url()), AuthOffers::originOf(m_b->url()));
    QVERIFY2(chain.last().auth->explanation.contains(withheld), qPrintable(chain.last().auth->explanation));
    waitForStore();
    QVERIFY(m_store->accounts().isEmpty());
}

void TestCredentialOrigin::locationTrustedSendsButNeverSavesForTheTarget()
{
    m_b->route("/secret", protect(basicGate(), okBody("b secret")));
    m_a->route("/go", redirectTo(m_b->urlBytes(u"/secret"_s)));
    RequestSpec s;
    s.url = m_a->url(u"/go"_s);
    s.auth.user = u"alice"_s;
    s.auth.password = u"s3cret"_s;
    s.auth.saveToKeychain = true;
    s.auth.locationTrusted = true;
    s.headers.append({"Authorization", "Custom typed", true}); // a typed header travels too, like curl's
    QList<Exchange> chain = run(s);
    QVERIFY(!m_b->requests().isEmpty());
    QCOMPARE(m_b->requests().first().header("Authorization"), "Custom typed"_ba);

    s.headers.clear();
    m_b->clearRequests();
    chain = run(s);
    QCOMPARE(chain.last().statusCode, 200);
    QCOMPARE(bodyOf(chain.last()), "b secret"_ba);
    QVERIFY(!m_b->lastRequest().header("Authorization").isNull());
    QVERIFY2(chain.last().notes->join(u' ').contains(u"Not saving the credentials"_s),
             qPrintable(chain.last().notes->join(u' ')));
    waitForStore();
    QVERIFY(m_store->accountsFor(AuthOffers::originOf(m_b->url()), u"peephole"_s).isEmpty());
    QVERIFY(m_store->accounts().isEmpty());

    // Nor are they offered to B from this session's cache by a later, untrusting request.
    RequestSpec plain;
    plain.url = m_b->url(u"/secret"_s);
    m_b->clearRequests();
    QCOMPARE(run(plain).last().statusCode, 401);
    QCOMPARE(carrying(*m_b, "Authorization"), 0);
}

void TestCredentialOrigin::httpsToHttpDowngradeGetsNothing()
{
    HttpServer tls;
    QVERIFY2(tls.listenTls(m_certs->serverOptions()), qPrintable(tls.errorString()));
    m_a->route("/plain", protect(basicGate(), okBody("plain")));
    tls.route("/down", redirectTo(m_a->urlBytes(u"/plain"_s)));
    RequestSpec s;
    s.url = tls.url(u"/down"_s);
    s.options.caFile = m_certs->caCertPath();
    s.auth.user = u"alice"_s;
    s.auth.password = u"s3cret"_s;
    s.auth.preemptive = true;
    const QList<Exchange> chain = run(s);
    QCOMPARE(chain.size(), 2);
    QVERIFY(!tls.lastRequest().header("Authorization").isNull()); // the https origin got them
    QCOMPARE(chain.last().statusCode, 401);
    QCOMPARE(carrying(*m_a, "Authorization"), 0);
    QVERIFY2(chain.last().auth->explanation.contains(u"origin changed from %1 to %2"_s.arg(
                 AuthOffers::originOf(tls.url()), AuthOffers::originOf(m_a->url()))),
             qPrintable(chain.last().auth->explanation));
}

void TestCredentialOrigin::sameOriginRechallengeIsAnswered()
{
    auto gate = basicGate();
    m_a->route("/login", protect(gate, redirectTo("/next")));
    m_a->route("/next", protect(basicGate("other realm"), okBody("next")));
    RequestSpec s;
    s.url = m_a->url(u"/login"_s);
    s.auth.user = u"alice"_s;
    s.auth.password = u"s3cret"_s;
    const QList<Exchange> chain = run(s);
    // /login 401, its retry → 302, /next 401 (again, after a redirect), its retry → 200
    QCOMPARE(chain.size(), 4);
    QCOMPARE(chain.at(2).statusCode, 401);
    QCOMPARE(chain.at(3).reason, HopReason::AuthRetry);
    QCOMPARE(chain.last().statusCode, 200);
    QCOMPARE(bodyOf(chain.last()), "next"_ba);
    QVERIFY(!chain.last().auth->explanation.contains(u"withheld"_s));
}

void TestCredentialOrigin::refusedCredentialNeverLoops()
{
    m_a->route("/login", protect(basicGate(), redirectTo("/next")));
    m_a->route("/next", protect(basicGate("peephole", "another"), okBody("next")));
    RequestSpec s;
    s.url = m_a->url(u"/login"_s);
    s.auth.user = u"alice"_s;
    s.auth.password = u"s3cret"_s;
    const QList<Exchange> chain = run(s);
    QCOMPARE(chain.last().statusCode, 401);
    QVERIFY(chain.last().auth->rejected);
    QCOMPARE(requestsTo(*m_a, "/next"), 2); // the challenge, one answer, no more
}

void TestCredentialOrigin::proxyCredentialsOnlyToAConfiguredProxy()
{
    m_a->route("/p", [](const ServerRequest &, ScriptedResponse &r) {
        r.status = 407;
        r.headers.append({"Proxy-Authenticate", "Basic realm=\"gimme\"", true});
    });
    RequestSpec s;
    s.url = m_a->url(u"/p"_s);
    s.auth.proxyUser = u"puser"_s;
    s.auth.proxyPassword = u"ppass"_s;
    const QList<Exchange> chain = run(s);
    QCOMPARE(chain.size(), 1);
    QCOMPARE(carrying(*m_a, "Proxy-Authorization"), 0);
    QCOMPARE(chain.last().error.kind, ExchangeError::Kind::Proxy);
    QVERIFY2(chain.last().error.message.contains(u"407 from a server that is not your proxy"_s),
             qPrintable(chain.last().error.message));
    QVERIFY(chain.last().auth->explanation.contains(u"not your proxy"_s));
    QCOMPARE(chain.last().auth->challenges.size(), 1); // the challenge is still shown

    // A real proxy (this test server, configured) does get them.
    HttpServer proxy;
    QVERIFY(proxy.listen());
    auto gate = std::make_shared<AuthGate>(AuthRole::Proxy);
    gate->setCredentials("puser", "ppass");
    gate->offerBasic("proxy");
    proxy.setProxyGate(gate);
    proxy.route("/x", okBody("through")); // the test proxy answers itself
    RequestSpec viaProxy = s;
    viaProxy.url = m_b->url(u"/x"_s);
    viaProxy.options.proxy = proxy.url();
    const QList<Exchange> ok = run(viaProxy);
    QCOMPARE(ok.last().statusCode, 200);
    QVERIFY(carrying(proxy, "Proxy-Authorization") >= 1);
    QCOMPARE(carrying(*m_b, "Proxy-Authorization"), 0);
}

void TestCredentialOrigin::keychainAndSessionCacheStayWithOriginAndRealm()
{
    StoredAccount account{u"Basic"_s, AuthOffers::originOf(m_a->url()), u"r1"_s, u"alice"_s};
    QSignalSpy stored(m_store.get(), &CredentialStore::idle);
    m_store->store(account, u"s3cret"_s);
    waitForStore();
    m_a->route("/r1", protect(basicGate("r1"), okBody("r1")));
    m_a->route("/r2", protect(basicGate("r2"), okBody("r2")));
    m_b->route("/r1", protect(basicGate("r1"), okBody("b r1")));
    RequestSpec s;
    s.url = m_a->url(u"/r1"_s);
    QCOMPARE(run(s).last().statusCode, 200); // from the keychain, for its origin and realm
    s.url = m_a->url(u"/r2"_s);              // same origin, another realm
    QCOMPARE(run(s).last().statusCode, 401);
    QCOMPARE(m_a->lastRequest().header("Authorization"), QByteArray());
    s.url = m_b->url(u"/r1"_s); // same realm, another origin
    QCOMPARE(run(s).last().statusCode, 401);
    QCOMPARE(carrying(*m_b, "Authorization"), 0);
}

void TestCredentialOrigin::typedCredentialHeadersStayWithTheOrigin()
{
    m_b->route("/x", okBody("b"));
    m_a->route("/go", redirectTo(m_b->urlBytes(u"/x"_s)));
    m_a->route("/same", redirectTo("/here"));
    m_a->route("/here", okBody("a"));
    RequestSpec s;
    s.url = m_a->url(u"/go"_s);
    s.headers = {{"Authorization", "Bearer typed", true}, {"Cookie", "sid=typed", true}};
    QList<Exchange> chain = run(s);
    QCOMPARE(chain.size(), 2);
    QCOMPARE(m_a->lastRequest().header("Cookie"), "sid=typed"_ba);
    QVERIFY(m_b->lastRequest().header("Authorization").isNull());
    QVERIFY(m_b->lastRequest().header("Cookie").isNull());
    QVERIFY(chain.last().notes->join(u' ').contains(u"Cookie header dropped"_s));
    // Within the origin they stay.
    s.url = m_a->url(u"/same"_s);
    chain = run(s);
    QCOMPARE(chain.last().statusCode, 200);
    QCOMPARE(m_a->lastRequest().header("Authorization"), "Bearer typed"_ba);
    QCOMPARE(m_a->lastRequest().header("Cookie"), "sid=typed"_ba);
}

void TestCredentialOrigin::httpFileDirective()
{
    const QByteArray text = "###\n# @peephole-location-trusted\n# @peephole-auth basic user=alice "
                            "secret={{pw}}\nGET https://example.org/go\n";
    const HttpFileParseResult parsed = HttpFileParser::parse(text);
    QCOMPARE(parsed.file.requests.size(), 1);
    QVERIFY(parsed.file.requests.first().request.auth.locationTrusted);
    QCOMPARE(HttpFileWriter::write(parsed.file), text); // written back the same
    const HttpFileParseResult plain = HttpFileParser::parse("GET https://example.org/go\n");
    QVERIFY(!plain.file.requests.first().request.auth.locationTrusted);
    QVERIFY(!HttpFileWriter::write(plain.file).contains("location-trusted"));
}

void TestCredentialOrigin::cliWithholdsAndLocationTrusted()
{
    m_b->route("/secret", protect(basicGate(), okBody("b secret")));
    m_a->route("/go", redirectTo(m_b->urlBytes(u"/secret"_s)));
    const QString url = m_a->url(u"/go"_s).toString();
    Run r = cli({u"send"_s, u"-v"_s, u"--user"_s, u"alice:s3cret"_s, u"--preemptive"_s, url});
    QCOMPARE(r.exitCode, 25);
    const QByteArray withheld = "Credentials withheld: origin changed from " +
                                AuthOffers::originOf(m_a->url()).toUtf8() + " to " +
                                AuthOffers::originOf(m_b->url()).toUtf8();
    QVERIFY2(r.err.contains(withheld), r.err.constData());
    QCOMPARE(carrying(*m_b, "Authorization"), 0);
    r = cli({u"send"_s, u"--location-trusted"_s, u"--user"_s, u"alice:s3cret"_s, url});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "b secret"_ba);
    QVERIFY(cli({u"send"_s, u"--help"_s}).out.contains("--location-trusted"));
}

void TestCredentialOrigin::cli407FromAServerIsAnError()
{
    m_a->route("/p", [](const ServerRequest &, ScriptedResponse &r) {
        r.status = 407;
        r.headers.append({"Proxy-Authenticate", "Basic realm=\"gimme\"", true});
    });
    const Run r = cli({u"send"_s, u"--proxy-user"_s, u"puser:ppass"_s, m_a->url(u"/p"_s).toString()});
    QCOMPARE(r.exitCode, 12);
    QVERIFY2(r.err.contains("407 from a server that is not your proxy"), r.err.constData());
    QCOMPARE(carrying(*m_a, "Proxy-Authorization"), 0);
}

void TestCredentialOrigin::cliUserWithoutPasswordUsesTheKeychain()
{
    m_a->route("/k", protect(basicGate("vault"), okBody("from the keychain")));
    const QString url = m_a->url(u"/k"_s).toString();
    Run r = cli({u"send"_s, u"--save-credentials"_s, u"--user"_s, u"alice:s3cret"_s, url});
    QCOMPARE(r.exitCode, 0);
    r = cli({u"send"_s, u"--user"_s, u"alice"_s, url}); // no password, no terminal: the keychain's
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "from the keychain"_ba);
    r = cli({u"send"_s, u"--user"_s, u"bob"_s, url}); // nothing stored for bob
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(r.err.contains("--user bob has no password, the keychain holds none for"), r.err.constData());
    QVERIFY(r.err.contains("realm \"vault\""));
    const QString origin = AuthOffers::originOf(m_a->url());
    QCOMPARE(cli({u"credentials"_s, u"forget"_s, u"Basic"_s, origin, u"vault"_s, u"alice"_s}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCredentialOrigin)
#include "tst_credentialorigin.moc"
