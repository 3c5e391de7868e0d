// The negotiator's decisions, driven through the AuthHook seam exactly as the
// engine calls it (headersFor -> responseReceived -> challenged). The wire
// round trips against a real server are in tst_authflow.

#include "auth/authnegotiator.h"
#include "auth/challengeparser.h"
#include "auth/digestauth.h"

#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {

/// Answers prompts from a queue, asynchronously like a dialog would.
class QueuedProvider : public CredentialProvider
{
public:
    QList<CredentialAnswer> answers;
    QList<CredentialRequest> requests;

    void requestCredentials(const CredentialRequest &request,
                            std::function<void(const CredentialAnswer &)> done) override
    {
        requests.append(request);
        CredentialAnswer a;
        if (answers.isEmpty())
            a.cancelled = true;
        else
            a = answers.takeFirst();
        QTimer::singleShot(0, [a, done] { done(a); });
    }
};

struct Decision
{
    AuthRetry retry;
    AuthRecord record;
};

Challenge credentialsIn(const HeaderList &headers, QByteArrayView name)
{
    return ChallengeParser::parse(Headers::value(headers, name)).challenges.value(0);
}

/// One chain against one URL, hop by hop.
class Chain
{
public:
    Chain(AuthNegotiator &negotiator, const RequestSpec &spec, quint64 id)
        : m_neg(negotiator), m_spec(spec), m_id(id)
    {
    }

    HopContext hop() const
    {
        HopContext h;
        h.chainId = m_id;
        h.spec = &m_spec;
        h.method = m_spec.method;
        h.url = m_spec.url;
        if (!m_spec.body.isEmpty())
            h.bodyStore = BodyStore::fromBytes(m_spec.body.raw);
        h.hasBody = !m_spec.body.isEmpty();
        return h;
    }

    /// The first hop: returns the headers headersFor() adds.
    HeaderList start()
    {
        AuthRecord rec;
        HeaderList h = m_neg.headersFor(hop(), rec);
        m_lastSentScheme = rec.sentScheme;
        return h;
    }

    /// A response to the current hop; returns the decision when it is a 401/407.
    std::optional<Decision> respond(int status, const HeaderList &headers,
                                    HopReason reason = HopReason::Initial)
    {
        Exchange ex;
        ex.id = ++m_exchangeId;
        ex.chainId = m_id;
        ex.reason = reason;
        ex.statusCode = status;
        ex.responseHeaders = headers;
        m_neg.responseReceived(hop(), ex);
        m_last = ex;
        if (!ex.isAuthChallenge())
            return std::nullopt;
        std::optional<Decision> decision;
        m_neg.challenged(hop(), ex, [&decision](const AuthRetry &r, const AuthRecord &rec) {
            decision = Decision{r, rec};
        });
        if (!QTest::qWaitFor([&] { return decision.has_value(); }, 5000))
            qWarning("the negotiator never called done");
        m_last = ex;
        return decision;
    }

    const Exchange &last() const { return m_last; }
    void finish() { m_neg.chainFinished(m_id); }

private:
    AuthNegotiator &m_neg;
    const RequestSpec &m_spec;
    quint64 m_id;
    quint64 m_exchangeId = 0;
    Exchange m_last;
    QString m_lastSentScheme;
};

HeaderList wwwAuth(const QByteArrayList &values, QByteArrayView name = "WWW-Authenticate")
{
    HeaderList h;
    for (const QByteArray &v : values)
        h.append(HeaderField{name.toByteArray(), v, true});
    return h;
}

RequestSpec specFor(const char *url, const QString &user = u"alice"_s, const QString &password = u"s3cret"_s)
{
    RequestSpec s;
    s.url = QUrl(QString::fromLatin1(url));
    s.auth.user = user;
    s.auth.password = password;
    return s;
}

/// Recomputes what a Digest response must be for @p sent, from the password.
QByteArray expectedDigest(const Challenge &challenge, const Challenge &sent, const QByteArray &method,
                          const QString &user, const QString &password)
{
    DigestInput in;
    in.method = method;
    in.uri = sent.param("uri");
    in.user = user;
    in.password = password;
    in.cnonce = sent.param("cnonce");
    in.nc = sent.param("nc").toUInt(nullptr, 16);
    in.bodyAvailable = sent.param("qop") == "auth-int";
    Challenge c = challenge;
    return DigestAuth::answer(c, in).trace.response;
}

} // namespace

class TestAuthNegotiator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choosesStrongestDigest_data();
    void choosesStrongestDigest();
    void restrictionLimitsChoice();
    void bearerWhenTokenGiven();
    void noCredentialsNoProvider();
    void unsupportedOnly();
    void basicColonUserRefused();
    void rejectedCredentialsStop();
    void bearerInvalidTokenExplained();
    void staleAnsweredOnce();
    void knownNonceCountsAcrossRequests();
    void authenticationInfoChecked();
    void originIsolation();
    void proxyThenOrigin();
    void providerAsked();
    void providerCancelled();
    void preemptiveBasicAndBearer();
};

void TestAuthNegotiator::choosesStrongestDigest_data()
{
    QTest::addColumn<QByteArrayList>("fields");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sha256 over md5 and basic")
        << QByteArrayList{R"(Basic realm="r", Digest realm="r", nonce="n1", algorithm=MD5, qop="auth")",
                          R"(Digest realm="r", nonce="n2", algorithm=SHA-256, qop="auth")"}
        << u"Digest SHA-256"_s
        << u"Digest SHA-256 chosen: strongest offered scheme you have credentials for; also offered: Basic, "
           u"Digest MD5 (credentials from the request)."_s;
    QTest::newRow("sha-512-256 strongest")
        << QByteArrayList{R"(Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth", Digest realm="r", nonce="m", algorithm=SHA-512-256, qop="auth")"}
        << u"Digest SHA-512-256"_s
        << u"Digest SHA-512-256 chosen: strongest offered scheme you have credentials for; also offered: "
           u"Digest SHA-256 (credentials from the request)."_s;
    QTest::newRow("sess beside base: server order")
        << QByteArrayList{R"(Digest realm="r", nonce="n", algorithm=MD5-sess, qop="auth", Digest realm="r", nonce="m", algorithm=MD5, qop="auth")"}
        << u"Digest MD5-sess"_s
        << u"Digest MD5-sess chosen: strongest offered scheme you have credentials for; also offered: Digest "
           u"MD5 "
           u"(credentials from the request)."_s;
    QTest::newRow("unknown algorithm skipped")
        << QByteArrayList{R"(Digest realm="r", nonce="n", algorithm=SHA-3, Basic realm="r")"} << u"Basic"_s
        << u"Basic chosen: strongest offered scheme you have credentials for; also offered: Digest SHA-3 "
           u"(not "
           u"supported) (credentials from the request)."_s;
}

void TestAuthNegotiator::choosesStrongestDigest()
{
    QFETCH(QByteArrayList, fields);
    QFETCH(QString, chosen);
    QFETCH(QString, reason);
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/a/b?x=1&y=2");
    Chain chain(neg, spec, 1);
    QVERIFY(chain.start().isEmpty());
    const auto d = chain.respond(401, wwwAuth(fields));
    QVERIFY(d);
    QVERIFY(d->retry.retry);
    QCOMPARE(d->record.chosenScheme, chosen);
    QCOMPARE(d->record.reason, reason);
    QVERIFY(!d->record.challenges.isEmpty());
    QCOMPARE(chain.last().auth->challenges, d->record.challenges);
    const Challenge sent = credentialsIn(d->retry.headers, "Authorization");
    if (chosen.startsWith(u"Digest"_s)) {
        QVERIFY(sent.isScheme("Digest"));
        QCOMPARE(sent.param("uri"), "/a/b?x=1&y=2"_ba);
        QCOMPARE(sent.param("nc"), "00000001"_ba);
        QCOMPARE(sent.param("cnonce").size(), 32);
        // The response is right for the challenge that was picked.
        const ChallengeParseResult parsed = ChallengeParser::parse(fields);
        const Challenge *picked = nullptr;
        for (const Challenge &c : parsed.challenges) {
            if (c.param("nonce") == sent.param("nonce"))
                picked = &c;
        }
        QVERIFY(picked);
        QCOMPARE(sent.param("response"), expectedDigest(*picked, sent, "GET", u"alice"_s, u"s3cret"_s));
    } else {
        QCOMPARE(Headers::value(d->retry.headers, "Authorization"), "Basic " + "alice:s3cret"_ba.toBase64());
    }
    // The retry exchange records what it carried.
    chain.respond(200, {}, HopReason::AuthRetry);
    QCOMPARE(chain.last().auth->sentScheme, chosen);
}

void TestAuthNegotiator::restrictionLimitsChoice()
{
    AuthNegotiator neg;
    RequestSpec spec = specFor("http://127.0.0.1:8080/");
    spec.auth.scheme = AuthSettings::Scheme::Basic;
    Chain chain(neg, spec, 1);
    chain.start();
    const auto d = chain.respond(
        401, wwwAuth({R"(Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth", Basic realm="r")"}));
    QVERIFY(d && d->retry.retry);
    QCOMPARE(d->record.chosenScheme, u"Basic"_s);
    QVERIFY2(d->record.reason.startsWith(u"Basic chosen: the request is set to use Basic only"_s),
             qPrintable(d->record.reason));

    // Restricted to a scheme the server does not offer: no answer.
    spec.auth.scheme = AuthSettings::Scheme::Bearer;
    spec.auth.token = u"tok"_s;
    Chain other(neg, spec, 2);
    other.start();
    const auto none = other.respond(401, wwwAuth({R"(Basic realm="r")"}));
    QVERIFY(none && !none->retry.retry);
    QVERIFY(none->retry.headers.isEmpty());
}

void TestAuthNegotiator::bearerWhenTokenGiven()
{
    AuthNegotiator neg;
    RequestSpec spec = specFor("https://api.example.org/v1/items");
    spec.auth.token = u"mF_9.B5f-4.1JqM"_s;
    Chain chain(neg, spec, 1);
    chain.start();
    const auto d = chain.respond(401, wwwAuth({R"(Basic realm="api", Bearer realm="api", scope="read")"}));
    QVERIFY(d && d->retry.retry);
    QCOMPARE(d->record.chosenScheme, u"Bearer"_s);
    QCOMPARE(Headers::value(d->retry.headers, "Authorization"), "Bearer mF_9.B5f-4.1JqM"_ba);
    QVERIFY(d->record.reason.contains(u"you gave a token"_s));
}

void TestAuthNegotiator::noCredentialsNoProvider()
{
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/", {}, {});
    Chain chain(neg, spec, 1);
    chain.start();
    const auto d = chain.respond(401, wwwAuth({R"(Digest realm="vault", nonce="n", qop="auth")"}));
    QVERIFY(d && !d->retry.retry);
    QVERIFY2(d->record.reason.contains(u"No credentials"_s) && d->record.reason.contains(u"vault"_s),
             qPrintable(d->record.reason));
}

void TestAuthNegotiator::unsupportedOnly()
{
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/");
    Chain chain(neg, spec, 1);
    chain.start();
    // NTLM is answered now (tst_ntlmcli); HOBA (RFC 7486) is not.
    const auto d = chain.respond(401, wwwAuth({"Negotiate", "HOBA"}));
    QVERIFY(d && !d->retry.retry);
    QCOMPARE(d->record.reason, u"No supported scheme offered (offered: Negotiate (not supported), HOBA (not "
                               u"supported))."_s);

    const auto empty = chain.respond(401, {});
    QVERIFY(empty && !empty->retry.retry);
    QVERIFY(empty->record.reason.contains(u"without a WWW-Authenticate"_s));
}

void TestAuthNegotiator::basicColonUserRefused()
{
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/", u"ad:min"_s);
    Chain chain(neg, spec, 1);
    chain.start();
    const auto d = chain.respond(401, wwwAuth({R"(Basic realm="r")"}));
    QVERIFY(d && !d->retry.retry);
    QVERIFY2(d->record.explanation.contains(u"ad:min"_s), qPrintable(d->record.explanation));
}

void TestAuthNegotiator::rejectedCredentialsStop()
{
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/");
    Chain chain(neg, spec, 1);
    chain.start();
    const HeaderList challenge = wwwAuth({R"(Digest realm="r", nonce="n1", qop="auth", Basic realm="r")"});
    auto d = chain.respond(401, challenge);
    QVERIFY(d && d->retry.retry);
    QVERIFY(!d->record.rejected);
    d = chain.respond(401, challenge, HopReason::AuthRetry);
    QVERIFY(d);
    QVERIFY(!d->retry.retry);
    QVERIFY(d->retry.headers.isEmpty());
    QVERIFY(d->record.rejected);
    QVERIFY2(d->record.explanation.startsWith(u"Credentials rejected"_s), qPrintable(d->record.explanation));
    QVERIFY(d->record.explanation.contains(u"alice"_s));
    QVERIFY(!d->record.explanation.contains(u"s3cret"_s));
    // Even a further 401 in the same chain (after a redirect back) is not answered again.
    chain.start();
    d = chain.respond(401, challenge);
    QVERIFY(d && !d->retry.retry);
}

void TestAuthNegotiator::bearerInvalidTokenExplained()
{
    AuthNegotiator neg;
    RequestSpec spec = specFor("https://api.example.org/", {}, {});
    spec.auth.token = u"expired-token"_s;
    Chain chain(neg, spec, 1);
    chain.start();
    auto d = chain.respond(401, wwwAuth({R"(Bearer realm="api")"}));
    QVERIFY(d && d->retry.retry);
    d = chain.respond(
        401, wwwAuth({R"(Bearer realm="api", error="invalid_token", error_description="expired at 10:00")"}),
        HopReason::AuthRetry);
    QVERIFY(d && !d->retry.retry);
    QVERIFY(d->record.rejected);
    QVERIFY2(
        d->record.explanation.contains(u"The token has expired or is invalid (invalid_token): expired at "
                                       u"10:00."_s),
        qPrintable(d->record.explanation));
}

void TestAuthNegotiator::staleAnsweredOnce()
{
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/x");
    Chain chain(neg, spec, 1);
    chain.start();
    auto d = chain.respond(401, wwwAuth({R"(Digest realm="r", nonce="old", qop="auth", algorithm=SHA-256)"}));
    QVERIFY(d && d->retry.retry);
    d = chain.respond(
        401, wwwAuth({R"(Digest realm="r", nonce="new", qop="auth", algorithm=SHA-256, stale=true)"}),
        HopReason::AuthRetry);
    QVERIFY(d && d->retry.retry);
    QVERIFY(!d->record.rejected);
    QVERIFY(d->record.reason.contains(u"stale=true"_s));
    const Challenge sent = credentialsIn(d->retry.headers, "Authorization");
    QCOMPARE(sent.param("nonce"), "new"_ba);
    QCOMPARE(sent.param("nc"), "00000001"_ba);
    // A second stale=true in the same chain is not answered: no loop.
    d = chain.respond(
        401, wwwAuth({R"(Digest realm="r", nonce="newer", qop="auth", algorithm=SHA-256, stale=true)"}),
        HopReason::AuthRetry);
    QVERIFY(d && !d->retry.retry);
    QVERIFY(d->record.rejected);
}

void TestAuthNegotiator::knownNonceCountsAcrossRequests()
{
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/x");
    Chain first(neg, spec, 1);
    first.start();
    auto d = first.respond(401, wwwAuth({R"(Digest realm="r", nonce="N", qop="auth", opaque="op")"}));
    QVERIFY(d && d->retry.retry);
    first.respond(200, {}, HopReason::AuthRetry);
    first.finish();

    for (int i = 2; i <= 3; ++i) {
        Chain next(neg, spec, quint64(i));
        const HeaderList headers = next.start();
        const Challenge sent = credentialsIn(headers, "Authorization");
        QVERIFY(sent.isScheme("Digest"));
        QCOMPARE(sent.param("nonce"), "N"_ba);
        QCOMPARE(sent.param("nc"), QByteArray::number(i, 16).rightJustified(8, '0'));
        QCOMPARE(sent.param("opaque"), "op"_ba);
        next.respond(200, {});
        QCOMPARE(next.last().auth->sentScheme, u"Digest MD5"_s);
        next.finish();
    }
}

void TestAuthNegotiator::authenticationInfoChecked()
{
    AuthNegotiator neg;
    const RequestSpec spec = specFor("http://127.0.0.1:8080/x");
    Chain chain(neg, spec, 1);
    chain.start();
    const auto d =
        chain.respond(401, wwwAuth({R"(Digest realm="r", nonce="N", qop="auth", algorithm=SHA-256)"}));
    QVERIFY(d && d->retry.retry);
    const Challenge sent = credentialsIn(d->retry.headers, "Authorization");
    DigestTrace trace;
    trace.ha1 = DigestAuth::hashHex(DigestHashAlgorithm::Sha256, "alice:r:s3cret");
    trace.nonce = "N";
    trace.nc = sent.param("nc");
    trace.cnonce = sent.param("cnonce");
    trace.qop = "auth";
    trace.uri = "/x";
    const QByteArray rspauth = DigestAuth::expectedRspauth(DigestHashAlgorithm::Sha256, trace);
    chain.respond(200,
                  wwwAuth({R"(rspauth=")" + rspauth + R"(", nextnonce="N2", qop=auth, nc=)" + trace.nc +
                           R"(, cnonce=")" + trace.cnonce + '"'},
                          "Authentication-Info"),
                  HopReason::AuthRetry);
    QVERIFY2(chain.last().auth->authenticationInfo.contains(u"rspauth verified"_s),
             qPrintable(chain.last().auth->authenticationInfo));
    QVERIFY(chain.last().auth->authenticationInfo.contains(u"N2"_s));
    chain.finish();

    // The next request uses nextnonce, counting from 1 again.
    Chain next(neg, spec, 2);
    const Challenge again = credentialsIn(next.start(), "Authorization");
    QCOMPARE(again.param("nonce"), "N2"_ba);
    QCOMPARE(again.param("nc"), "00000001"_ba);

    // A wrong rspauth is reported.
    next.respond(200, wwwAuth({R"(rspauth="0000", qop=auth)"}, "Authentication-Info"));
    QVERIFY2(next.last().auth->authenticationInfo.contains(u"MISMATCH"_s),
             qPrintable(next.last().auth->authenticationInfo));
}

void TestAuthNegotiator::originIsolation()
{
    AuthNegotiator neg;
    QueuedProvider provider;
    neg.setCredentialProvider(&provider);
    const RequestSpec withCreds = specFor("http://127.0.0.1:8080/");
    Chain a(neg, withCreds, 1);
    a.start();
    QVERIFY(a.respond(401, wwwAuth({R"(Basic realm="shared")"}))->retry.retry);
    a.respond(200, {}, HopReason::AuthRetry);
    a.finish();

    // Same realm, same origin, no credentials in the request: the accepted ones are reused.
    const RequestSpec noCreds = specFor("http://127.0.0.1:8080/other", {}, {});
    Chain same(neg, noCreds, 2);
    same.start();
    auto d = same.respond(401, wwwAuth({R"(Basic realm="shared")"}));
    QVERIFY(d && d->retry.retry);
    QVERIFY(d->record.reason.contains(u"earlier in this session"_s));

    // Same realm on another port: never offered; the provider is asked instead (and cancels).
    const RequestSpec otherOrigin = specFor("http://127.0.0.1:8081/", {}, {});
    Chain b(neg, otherOrigin, 3);
    QVERIFY(b.start().isEmpty());
    d = b.respond(401, wwwAuth({R"(Basic realm="shared")"}));
    QVERIFY(d && !d->retry.retry);
    QCOMPARE(provider.requests.size(), 1);
    QCOMPARE(provider.requests.at(0).origin, u"http://127.0.0.1:8081"_s);
    QCOMPARE(provider.requests.at(0).realm, u"shared"_s);
}

void TestAuthNegotiator::proxyThenOrigin()
{
    AuthNegotiator neg;
    RequestSpec spec = specFor("http://127.0.0.1:8080/page");
    spec.options.proxy = QUrl(u"http://127.0.0.1:3128"_s);
    spec.auth.proxyUser = u"proxyuser"_s;
    spec.auth.proxyPassword = u"proxypw"_s;
    Chain chain(neg, spec, 1);
    chain.start();
    auto d = chain.respond(407, wwwAuth({R"(Basic realm="proxy")"}, "Proxy-Authenticate"));
    QVERIFY(d && d->retry.retry);
    QVERIFY(d->record.isProxy);
    QCOMPARE(Headers::value(d->retry.headers, "Proxy-Authorization"),
             "Basic " + "proxyuser:proxypw"_ba.toBase64());
    QVERIFY(!Headers::contains(d->retry.headers, "Authorization"));

    d = chain.respond(401, wwwAuth({R"(Digest realm="site", nonce="n", qop="auth")"}),
                      HopReason::ProxyAuthRetry);
    QVERIFY(d && d->retry.retry);
    QVERIFY(!d->record.isProxy);
    QVERIFY(!d->record.rejected);
    QCOMPARE(Headers::value(d->retry.headers, "Proxy-Authorization"),
             "Basic " + "proxyuser:proxypw"_ba.toBase64());
    QCOMPARE(credentialsIn(d->retry.headers, "Authorization").param("username"), "alice"_ba);
    QVERIFY(!chain.respond(200, {}, HopReason::AuthRetry));
    QCOMPARE(chain.last().auth->sentScheme, u"Digest MD5"_s);
    chain.finish();

    // The next request through the proxy sends the proxy credentials at once.
    Chain next(neg, spec, 2);
    const HeaderList headers = next.start();
    QCOMPARE(Headers::value(headers, "Proxy-Authorization"), "Basic " + "proxyuser:proxypw"_ba.toBase64());
}

void TestAuthNegotiator::providerAsked()
{
    AuthNegotiator neg;
    QueuedProvider provider;
    neg.setCredentialProvider(&provider);
    provider.answers.append(CredentialAnswer{false, {}, u"bob"_s, u"wrong"_s, {}, false});
    const RequestSpec spec = specFor("http://127.0.0.1:8080/", {}, {});
    Chain chain(neg, spec, 7);
    chain.start();
    auto d =
        chain.respond(401, wwwAuth({R"(Basic realm="r", Digest realm="r", nonce="n", algorithm=SHA-256)"}));
    QVERIFY(d && d->retry.retry);
    QCOMPARE(provider.requests.size(), 1);
    const CredentialRequest &req = provider.requests.at(0);
    QCOMPARE(req.suggestedScheme, u"Digest SHA-256"_s);
    QCOMPARE(req.realm, u"r"_s);
    QCOMPARE(req.chainId, quint64(7));
    QCOMPARE(req.challenges.size(), 2);
    QVERIFY(req.errorMessage.isEmpty());
    QVERIFY(d->record.reason.contains(u"credentials you entered"_s));
    d = chain.respond(401, wwwAuth({R"(Basic realm="r", Digest realm="r", nonce="n2", algorithm=SHA-256)"}),
                      HopReason::AuthRetry);
    QVERIFY(d && !d->retry.retry && d->record.rejected);
    QCOMPARE(provider.requests.size(), 1);
    chain.finish();

    // Next time, the prompt says why.
    Chain again(neg, spec, 8);
    again.start();
    d = again.respond(401, wwwAuth({R"(Basic realm="r", Digest realm="r", nonce="n3", algorithm=SHA-256)"}));
    QCOMPARE(provider.requests.size(), 2);
    QVERIFY2(provider.requests.at(1).errorMessage.contains(u"rejected"_s),
             qPrintable(provider.requests.at(1).errorMessage));
}

void TestAuthNegotiator::providerCancelled()
{
    AuthNegotiator neg;
    QueuedProvider provider;
    neg.setCredentialProvider(&provider);
    const RequestSpec spec = specFor("http://127.0.0.1:8080/", {}, {});
    Chain chain(neg, spec, 1);
    chain.start();
    const auto d = chain.respond(401, wwwAuth({R"(Basic realm="r")"}));
    QVERIFY(d && !d->retry.retry);
    QVERIFY(d->record.reason.contains(u"cancelled"_s));
}

void TestAuthNegotiator::preemptiveBasicAndBearer()
{
    AuthNegotiator neg;
    RequestSpec spec = specFor("http://127.0.0.1:8080/");
    spec.auth.preemptive = true;
    Chain chain(neg, spec, 1);
    QCOMPARE(Headers::value(chain.start(), "Authorization"), "Basic " + "alice:s3cret"_ba.toBase64());
    // Preemptive Basic refused: rejected at once, not sent twice.
    const auto d = chain.respond(401, wwwAuth({R"(Basic realm="r")"}));
    QVERIFY(d && !d->retry.retry && d->record.rejected);

    spec.auth.token = u"tkn"_s;
    Chain bearer(neg, spec, 2);
    QCOMPARE(Headers::value(bearer.start(), "Authorization"), "Bearer tkn"_ba);

    spec.auth.preemptive = false;
    Chain lazy(neg, spec, 3);
    QVERIFY(lazy.start().isEmpty());
}

QTEST_GUILESS_MAIN(TestAuthNegotiator)
#include "tst_authnegotiator.moc"
