#include "auth/authnegotiator.h"

#include "auth/basicauth.h"
#include "auth/bearerauth.h"
#include "auth/challengeparser.h"
#include "auth/credentialstore.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuth, "peephole.auth")

namespace Peephole {

/// One 401/407 being decided, possibly across asynchronous steps.
struct AuthNegotiator::Pending
{
    HopContext hop;        ///< Copy; spec is cleared (it may not outlive the call).
    AuthSettings settings; ///< Copy of the request's settings.
    QUrl proxy;
    Side side = OriginSide;
    QString origin; ///< Side key.
    quint64 exchangeId = 0;
    int status = 0;
    AuthRecord record;
    QList<AuthOffer> offers;
    std::function<void(const AuthRetry &, const AuthRecord &)> done;
    AuthRetry retry;
    bool finished = false;
};

namespace {

const char *headerName(AuthNegotiator::Side side)
{
    return side == AuthNegotiator::ProxySide ? "Proxy-Authorization" : "Authorization";
}

QString schemeFamily(const QString &label)
{
    return label.section(u' ', 0, 0);
}

QString sourceText(AuthNegotiator::Credential::Source source)
{
    switch (source) {
    case AuthNegotiator::Credential::Source::Request:
        return AuthNegotiator::tr("credentials from the request");
    case AuthNegotiator::Credential::Source::Session:
        return AuthNegotiator::tr("credentials accepted earlier in this session");
    case AuthNegotiator::Credential::Source::Keychain:
        return AuthNegotiator::tr("credentials from the keychain");
    case AuthNegotiator::Credential::Source::Provider:
        return AuthNegotiator::tr("credentials you entered");
    }
    return {};
}

} // namespace

AuthNegotiator::AuthNegotiator(QObject *parent) : QObject(parent) {}

AuthNegotiator::~AuthNegotiator() = default;

void AuthNegotiator::setCredentialStore(CredentialStore *store)
{
    m_store = store;
}

void AuthNegotiator::clearSession()
{
    m_digestSessions.clear();
    m_sessionCredentials.clear();
    m_known.clear();
    m_lastRejected.clear();
}

QString AuthNegotiator::sideKey(Side side, const HopContext &hop, const QUrl &proxy)
{
    if (side == OriginSide)
        return AuthOffers::originOf(hop.url);
    return u"proxy "_s + AuthOffers::originOf(proxy.isValid() && !proxy.host().isEmpty() ? proxy : hop.url);
}

QByteArray AuthNegotiator::requestTarget(Side side, const QUrl &url)
{
    // Through an HTTP proxy a plain-http request goes out in absolute form,
    // and the proxy's Digest uri must match it.
    if (side == ProxySide && url.scheme() == u"http"_s)
        return url.adjusted(QUrl::RemoveFragment | QUrl::RemoveUserInfo).toEncoded();
    QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty() || target.startsWith('?'))
        target.prepend('/');
    return target;
}

AuthNegotiator::Credential AuthNegotiator::requestCredential(Side side, const AuthSettings &settings,
                                                             const QUrl &proxy)
{
    Credential c;
    c.source = Credential::Source::Request;
    c.remember = settings.saveToKeychain;
    if (side == ProxySide) {
        c.user = !settings.proxyUser.isEmpty() ? settings.proxyUser : proxy.userName();
        c.password = !settings.proxyPassword.isEmpty() ? settings.proxyPassword : proxy.password();
    } else {
        c.user = settings.user;
        c.password = settings.password;
        c.token = settings.token;
    }
    return c;
}

bool AuthNegotiator::sessionCredential(const QString &origin, const QString &realm, Credential *out) const
{
    const auto it = m_sessionCredentials.constFind(cacheKey(origin, realm));
    if (it == m_sessionCredentials.constEnd())
        return false;
    *out = it.value();
    out->source = Credential::Source::Session;
    out->remember = false;
    return true;
}

QByteArray AuthNegotiator::buildAnswer(Side side, const HopContext &hop, const AuthSettings &settings,
                                       const QString &origin, const Challenge &challenge,
                                       const AuthOffer &offer, const Credential &credential, Sent *sent,
                                       QString *error)
{
    Sent s;
    s.valid = true;
    s.kind = offer.kind;
    s.algorithm = offer.algorithm;
    s.label = offer.label;
    s.origin = origin;
    s.realm = offer.realm;
    s.credential = credential;
    QByteArray value;
    switch (offer.kind) {
    case AuthOffer::Kind::Basic: {
        const CredentialHeader h =
            BasicAuth::authorization(credential.user, credential.password, settings.basicCharset, &challenge);
        if (!h.ok()) {
            *error = h.error;
            return {};
        }
        value = h.value;
        break;
    }
    case AuthOffer::Kind::Bearer: {
        const CredentialHeader h = BearerAuth::authorization(credential.token);
        if (!h.ok()) {
            *error = h.error;
            return {};
        }
        value = h.value;
        break;
    }
    case AuthOffer::Kind::Digest: {
        DigestSession session;
        session.challenge = challenge;
        session.nonce = challenge.param("nonce");
        session.nc = 0;
        m_digestSessions.insert(cacheKey(origin, offer.realm), session);
        value = digestFromSession(side, hop, origin, offer.realm, credential, &s);
        if (value.isEmpty()) {
            *error = s.label; // digestFromSession leaves the error there
            return {};
        }
        break;
    }
    case AuthOffer::Kind::Unsupported:
        *error = tr("%1 is not supported.").arg(offer.label);
        return {};
    }
    *sent = s;
    return value;
}

QByteArray AuthNegotiator::digestFromSession(Side side, const HopContext &hop, const QString &origin,
                                             const QString &realm, const Credential &credential, Sent *sent)
{
    auto it = m_digestSessions.find(cacheKey(origin, realm));
    if (it == m_digestSessions.end())
        return {};
    DigestSession &session = it.value();
    Challenge challenge = session.challenge;
    for (AuthParam &p : challenge.params) {
        if (QByteArrayView(p.name).compare("nonce", Qt::CaseInsensitive) == 0)
            p.value = session.nonce;
    }
    DigestInput in;
    in.method = hop.method;
    in.uri = requestTarget(side, hop.url);
    in.user = credential.user;
    in.password = credential.password;
    in.body = hop.body;
    in.bodyAvailable = !hop.hasBody || !hop.body.isEmpty();
    in.cnonce = DigestAuth::newCnonce();
    in.nc = session.nc + 1;
    const DigestAnswer a = DigestAuth::answer(challenge, in);
    if (!a.ok()) {
        sent->label = a.error;
        return {};
    }
    session.nc = in.nc; // counted per nonce, across requests
    sent->valid = true;
    sent->kind = AuthOffer::Kind::Digest;
    sent->algorithm = a.algorithm;
    sent->label = u"Digest "_s + DigestAuth::algorithmName(a.algorithm);
    sent->origin = origin;
    sent->realm = realm;
    sent->credential = credential;
    sent->trace = a.trace;
    return a.value;
}

HeaderList AuthNegotiator::headersFor(const HopContext &hop, AuthRecord &record)
{
    HeaderList out;
    if (!hop.spec)
        return out;
    ChainState &cs = m_chains[hop.chainId];
    cs.sent[OriginSide] = {};
    cs.sent[ProxySide] = {};
    const AuthSettings &settings = hop.spec->auth;
    const QUrl proxy = hop.spec->options.proxy;

    for (Side side : {ProxySide, OriginSide}) {
        if (side == OriginSide && (settings.scheme == AuthSettings::Scheme::None ||
                                   Headers::contains(hop.spec->headers, "Authorization")))
            continue;
        const QString origin = sideKey(side, hop, proxy);
        const Credential fromRequest = requestCredential(side, settings, proxy);
        Sent sent;
        QByteArray value;
        const auto known = m_known.constFind(origin);
        const bool digestAllowed = side == ProxySide || settings.scheme == AuthSettings::Scheme::Any ||
                                   settings.scheme == AuthSettings::Scheme::Digest;
        if (known != m_known.constEnd() && known->kind == AuthOffer::Kind::Digest && digestAllowed) {
            // A nonce is known for this origin: answer at once, nc incremented.
            Credential c = fromRequest;
            if (c.user.isEmpty() && c.password.isEmpty() && !sessionCredential(origin, known->realm, &c))
                c = {};
            if (!c.user.isEmpty() || !c.password.isEmpty())
                value = digestFromSession(side, hop, origin, known->realm, c, &sent);
        } else if (side == ProxySide && known != m_known.constEnd() &&
                   known->kind == AuthOffer::Kind::Basic) {
            // The proxy accepted Basic before: keep sending it.
            Credential c = fromRequest;
            if ((!c.user.isEmpty() || !c.password.isEmpty()) || sessionCredential(origin, known->realm, &c)) {
                const CredentialHeader h =
                    BasicAuth::authorization(c.user, c.password, settings.basicCharset, nullptr);
                if (h.ok()) {
                    value = h.value;
                    sent = {true,       true,   AuthOffer::Kind::Basic, DigestAlgorithm::Md5,
                            u"Basic"_s, origin, known->realm,           c,
                            {}};
                }
            }
        } else if (side == OriginSide && settings.preemptive) {
            const bool bearerOk = settings.scheme == AuthSettings::Scheme::Any ||
                                  settings.scheme == AuthSettings::Scheme::Bearer;
            const bool basicOk = settings.scheme == AuthSettings::Scheme::Any ||
                                 settings.scheme == AuthSettings::Scheme::Basic;
            if (settings.hasToken() && bearerOk) {
                const CredentialHeader h = BearerAuth::authorization(settings.token);
                if (h.ok()) {
                    value = h.value;
                    sent = {true,
                            true,
                            AuthOffer::Kind::Bearer,
                            DigestAlgorithm::Md5,
                            u"Bearer"_s,
                            origin,
                            {},
                            fromRequest,
                            {}};
                } else {
                    record.explanation = h.error;
                }
            } else if (settings.hasUserCredentials() && basicOk) {
                const CredentialHeader h = BasicAuth::authorization(settings.user, settings.password,
                                                                    settings.basicCharset, nullptr);
                if (h.ok()) {
                    value = h.value;
                    sent = {true,
                            true,
                            AuthOffer::Kind::Basic,
                            DigestAlgorithm::Md5,
                            u"Basic"_s,
                            origin,
                            {},
                            fromRequest,
                            {}};
                } else {
                    record.explanation = h.error;
                }
            }
        }
        if (value.isEmpty())
            continue;
        sent.valid = true;
        sent.preemptive = true;
        cs.sent[side] = sent;
        out.append(HeaderField{headerName(side), value, true});
        if (side == OriginSide || record.sentScheme.isEmpty()) {
            record.sentScheme = side == ProxySide ? tr("%1 (proxy)").arg(sent.label) : sent.label;
            record.digest = sent.trace;
        }
    }
    return out;
}

void AuthNegotiator::responseReceived(const HopContext &hop, Exchange &exchange)
{
    auto it = m_chains.find(hop.chainId);
    if (it == m_chains.end())
        return;
    ChainState &cs = it.value();
    QStringList info;
    // What this hop carried (headersFor() for a new hop, challenged() for a
    // retry), named precisely ("Digest SHA-256", not just the first word).
    const Side shown = cs.sent[OriginSide].valid ? OriginSide : ProxySide;
    if (cs.sent[shown].valid) {
        exchange.auth.sentScheme =
            shown == ProxySide ? tr("%1 (proxy)").arg(cs.sent[shown].label) : cs.sent[shown].label;
        exchange.auth.digest = cs.sent[shown].trace;
    }
    for (Side side : {ProxySide, OriginSide}) {
        Sent &sent = cs.sent[side];
        if (!sent.valid)
            continue;
        const int challengeStatus = side == ProxySide ? 407 : 401;
        if (exchange.statusCode == 0 || exchange.statusCode == challengeStatus)
            continue;

        // Accepted: remember for this session (and the keychain when asked).
        const QString key = cacheKey(sent.origin, sent.realm);
        m_lastRejected.remove(key);
        m_sessionCredentials.insert(key, sent.credential);
        m_known.insert(sent.origin, sent);
        if (sent.credential.remember && sent.credential.source != Credential::Source::Keychain && m_store) {
            StoredAccount account;
            account.scheme = sent.kind == AuthOffer::Kind::Bearer   ? u"Bearer"_s
                             : sent.kind == AuthOffer::Kind::Digest ? u"Digest"_s
                                                                    : u"Basic"_s;
            account.origin = sent.origin;
            account.realm = sent.realm;
            account.user = sent.kind == AuthOffer::Kind::Bearer ? QString() : sent.credential.user;
            const QString secret =
                sent.kind == AuthOffer::Kind::Bearer ? sent.credential.token : sent.credential.password;
            m_store->store(account, secret);
            exchange.notes.append(
                tr("Saving the %1 credentials for %2 in the keychain.").arg(sent.label, sent.origin));
            sent.credential.remember = false;
        }

        // Authentication-Info (RFC 7616 §3.5, RFC 9110 §11.6.3).
        const QByteArray field =
            Headers::value(exchange.responseHeaders,
                           side == ProxySide ? "Proxy-Authentication-Info" : "Authentication-Info");
        if (field.isNull() || sent.kind != AuthOffer::Kind::Digest)
            continue;
        const QList<AuthParam> params = ChallengeParser::parseParams(field);
        auto param = [&](QByteArrayView name) {
            for (const AuthParam &p : params) {
                if (QByteArrayView(p.name).compare(name, Qt::CaseInsensitive) == 0)
                    return p.value;
            }
            return QByteArray();
        };
        const QByteArray rspauth = param("rspauth");
        if (!rspauth.isEmpty()) {
            QByteArray body;
            bool bodyComplete = true;
            if (sent.trace.qop == "auth-int") {
                bodyComplete = exchange.responseBody && exchange.responseBody->isFinished();
                if (exchange.responseBody)
                    body = exchange.responseBody->head(64 * 1024 * 1024);
            }
            const QByteArray expected = DigestAuth::expectedRspauth(sent.algorithm, sent.trace, body);
            if (!bodyComplete)
                info.append(
                    tr("rspauth not checked: qop=auth-int needs the whole response body, which had not "
                       "arrived yet."));
            else if (expected.compare(rspauth, Qt::CaseInsensitive) == 0)
                info.append(tr("rspauth verified: the server proved it knows your password."));
            else
                info.append(tr("rspauth MISMATCH: expected %1, received %2. The response may not come from a "
                               "server that knows your password.")
                                .arg(QString::fromLatin1(expected), QString::fromUtf8(rspauth)));
        }
        const QByteArray nextnonce = param("nextnonce");
        if (!nextnonce.isEmpty()) {
            auto session = m_digestSessions.find(key);
            if (session != m_digestSessions.end()) {
                session->nonce = nextnonce;
                session->nc = 0;
            }
            info.append(
                tr("nextnonce adopted: the next request uses nonce “%1”.").arg(QString::fromUtf8(nextnonce)));
        }
        if (rspauth.isEmpty() && nextnonce.isEmpty())
            info.append(tr("Authentication-Info received without rspauth or nextnonce."));
    }
    if (!info.isEmpty())
        exchange.auth.authenticationInfo = info.join(u' ');
}

void AuthNegotiator::chainFinished(quint64 chainId)
{
    m_chains.remove(chainId);
}

void AuthNegotiator::addOtherSide(Side answered, const HopContext &hop, const AuthSettings &settings,
                                  HeaderList &headers)
{
    Q_UNUSED(settings);
    const Side other = answered == OriginSide ? ProxySide : OriginSide;
    auto it = m_chains.find(hop.chainId);
    if (it == m_chains.end() || !it->sent[other].valid)
        return;
    Sent &sent = it->sent[other];
    QByteArray value;
    if (sent.kind == AuthOffer::Kind::Digest) {
        Sent again;
        value = digestFromSession(other, hop, sent.origin, sent.realm, sent.credential, &again);
        if (!value.isEmpty()) {
            again.preemptive = sent.preemptive;
            sent = again;
        }
    } else if (sent.kind == AuthOffer::Kind::Bearer) {
        value = BearerAuth::authorization(sent.credential.token).value;
    } else {
        value = BasicAuth::authorization(sent.credential.user, sent.credential.password,
                                         settings.basicCharset, nullptr)
                    .value;
    }
    if (!value.isEmpty())
        headers.append(HeaderField{headerName(other), value, true});
}

void AuthNegotiator::challenged(const HopContext &hop, Exchange &exchange,
                                std::function<void(const AuthRetry &, const AuthRecord &)> done)
{
    auto p = std::make_shared<Pending>();
    p->hop = hop;
    p->hop.spec = nullptr;
    if (hop.spec) {
        p->settings = hop.spec->auth;
        p->proxy = hop.spec->options.proxy;
    }
    p->side = exchange.statusCode == 407 ? ProxySide : OriginSide;
    p->origin = sideKey(p->side, hop, p->proxy);
    p->exchangeId = exchange.id;
    p->status = exchange.statusCode;
    p->done = std::move(done);

    AuthRecord &rec = exchange.auth;
    rec.isProxy = p->side == ProxySide;
    const QList<QByteArray> fields = Headers::values(
        exchange.responseHeaders, p->side == ProxySide ? "Proxy-Authenticate" : "WWW-Authenticate");
    const ChallengeParseResult parsed = ChallengeParser::parse(fields);
    rec.challenges = parsed.challenges;
    rec.problems = parsed.problems;
    for (const Challenge &c : parsed.challenges) {
        if (c.isScheme("Bearer")) {
            const QString e = BearerAuth::explain(c);
            if (!e.isEmpty()) {
                rec.explanation = e;
                break;
            }
        }
    }
    p->offers = AuthOffers::fromChallenges(parsed.challenges);
    p->record = rec;

    if (parsed.challenges.isEmpty()) {
        p->record.reason =
            fields.isEmpty()
                ? tr("The server answered %1 without a %2 field: there is no challenge to answer.")
                      .arg(p->status)
                      .arg(p->side == ProxySide ? u"Proxy-Authenticate"_s : u"WWW-Authenticate"_s)
                : tr("The %1 field could not be parsed: there is no challenge to answer.")
                      .arg(p->side == ProxySide ? u"Proxy-Authenticate"_s : u"WWW-Authenticate"_s);
        exchange.auth = p->record;
        finish(p, false);
        return;
    }
    decide(p);
    exchange.auth = p->record;
}

void AuthNegotiator::decide(std::shared_ptr<Pending> p)
{
    ChainState &cs = m_chains[p->hop.chainId];
    Sent &sent = cs.sent[p->side];
    AuthRecord &rec = p->record;

    if (sent.valid && sent.origin == p->origin) {
        // Credentials went out with this hop.
        const QString staleKey = u"%1|%2|%3"_s.arg(int(p->side)).arg(p->origin, sent.realm);
        if (sent.kind == AuthOffer::Kind::Digest) {
            for (const AuthOffer &o : std::as_const(p->offers)) {
                const Challenge &c = rec.challenges.at(o.challengeIndex);
                if (o.kind != AuthOffer::Kind::Digest || o.realm != sent.realm ||
                    c.param("stale").compare("true", Qt::CaseInsensitive) != 0)
                    continue;
                if (cs.staleUsed.contains(staleKey))
                    break;
                cs.staleUsed.insert(staleKey);
                QString error;
                Sent next;
                const QByteArray value = buildAnswer(p->side, p->hop, p->settings, p->origin, c, o,
                                                     sent.credential, &next, &error);
                if (value.isEmpty())
                    break;
                sent = next;
                p->retry.headers.append(HeaderField{headerName(p->side), value, true});
                addOtherSide(p->side, p->hop, p->settings, p->retry.headers);
                rec.chosenScheme = o.label;
                rec.reason =
                    tr("%1 chosen again: the server said stale=true (the nonce expired, the password was "
                       "right); answered with the new nonce without asking.")
                        .arg(o.label);
                finish(p, true);
                return;
            }
        }
        const QString answeredKey = u"%1|%2|%3"_s.arg(int(p->side)).arg(p->origin, schemeFamily(sent.label));
        if (sent.preemptive && sent.kind == AuthOffer::Kind::Digest && !cs.answered.contains(answeredKey)) {
            // A Digest answer from a cached nonce may just be outdated: answer the fresh challenge once.
            const Credential c = sent.credential;
            sent = {};
            answerWith(p, c, u"Digest"_s);
            return;
        }
        rec.rejected = true;
        const QString who = sent.kind == AuthOffer::Kind::Bearer
                                ? tr("the token")
                                : tr("the %1 credentials of user “%2”").arg(sent.label, sent.credential.user);
        QString explanation = tr("Credentials rejected: the server refused %1 (%2).")
                                  .arg(who, sourceText(sent.credential.source));
        if (!rec.explanation.isEmpty())
            explanation += u' ' + rec.explanation;
        if (sent.credential.source == Credential::Source::Keychain)
            explanation +=
                u' ' + tr("The password saved in the keychain may be outdated; update or forget it.");
        rec.explanation = explanation;
        rec.reason = tr("Not retrying: the same credentials would be refused again.");
        const QString key = cacheKey(sent.origin, sent.realm);
        m_lastRejected.insert(key, explanation);
        cs.rejected.insert(u"%1|%2"_s.arg(int(p->side)).arg(p->origin));
        m_sessionCredentials.remove(key);
        m_known.remove(sent.origin);
        finish(p, false);
        return;
    }

    // A fresh challenge.
    if (cs.rejected.contains(u"%1|%2"_s.arg(int(p->side)).arg(p->origin))) {
        rec.reason = tr("Not retrying: credentials for %1 were already refused in this request (no downgrade "
                        "to another scheme).")
                         .arg(p->origin);
        finish(p, false);
        return;
    }
    const Credential fromRequest = requestCredential(p->side, p->settings, p->proxy);
    const AuthSettings::Scheme restriction =
        p->side == ProxySide ? AuthSettings::Scheme::Any : p->settings.scheme;
    bool anySupported = false;
    for (const AuthOffer &o : std::as_const(p->offers))
        anySupported = anySupported || o.kind != AuthOffer::Kind::Unsupported;
    if (!anySupported) {
        QStringList labels;
        for (const AuthOffer &o : std::as_const(p->offers))
            labels.append(o.label);
        rec.reason = tr("No supported scheme offered (offered: %1).").arg(labels.join(u", "_s));
        finish(p, false);
        return;
    }
    if (restriction != AuthSettings::Scheme::None) {
        const CredentialAvailability available{!fromRequest.user.isEmpty() || !fromRequest.password.isEmpty(),
                                               !fromRequest.token.isEmpty()};
        if (!AuthOffers::ranked(p->offers, available, restriction).isEmpty()) {
            answerWith(p, fromRequest, {});
            return;
        }
        // Credentials accepted earlier this session for this origin + realm.
        for (const AuthOffer &o : AuthOffers::ranked(p->offers, {true, true}, restriction)) {
            Credential c;
            if (sessionCredential(p->origin, o.realm, &c)) {
                answerWith(p, c, {});
                return;
            }
        }
        if (m_store) {
            tryKeychain(p, AuthOffers::ranked(p->offers, {true, true}, restriction));
            return;
        }
    }
    askProvider(p);
}

void AuthNegotiator::tryKeychain(std::shared_ptr<Pending> p, QList<AuthOffer> candidates)
{
    while (!candidates.isEmpty()) {
        const AuthOffer o = candidates.takeFirst();
        const QList<StoredAccount> accounts =
            m_store ? m_store->accountsFor(p->origin, o.realm) : QList<StoredAccount>();
        for (const StoredAccount &a : accounts) {
            const bool tokenAccount = a.scheme == u"Bearer"_s;
            if (tokenAccount != (o.kind == AuthOffer::Kind::Bearer))
                continue;
            QPointer<AuthNegotiator> self(this);
            m_store->read(a, [self, p, a, o, candidates](const CredentialStoreResult &r) {
                if (!self) {
                    abandon(p);
                    return;
                }
                if (!r.ok) {
                    qCInfo(lcAuth) << "keychain read failed:" << r.message;
                    self->tryKeychain(p, candidates);
                    return;
                }
                Credential c;
                c.source = Credential::Source::Keychain;
                c.user = a.user;
                if (a.scheme == u"Bearer"_s)
                    c.token = r.secret;
                else
                    c.password = r.secret;
                self->answerWith(p, c, {});
            });
            return;
        }
    }
    askProvider(p);
}

void AuthNegotiator::askProvider(std::shared_ptr<Pending> p)
{
    const AuthSettings::Scheme restriction =
        p->side == ProxySide ? AuthSettings::Scheme::Any : p->settings.scheme;
    const AuthOffer suggestion = AuthOffers::suggestion(p->offers, restriction);
    if (!m_provider) {
        p->record.reason =
            suggestion.label.isEmpty()
                ? tr("No credentials for the offered schemes allowed by this request.")
                : tr("No credentials to answer %1 (realm “%2”): set them in the request's authentication "
                     "settings.")
                      .arg(suggestion.label, suggestion.realm);
        finish(p, false);
        return;
    }
    CredentialRequest request;
    request.origin = p->origin;
    request.realm = suggestion.realm;
    request.isProxy = p->side == ProxySide;
    request.challenges = p->record.challenges;
    request.suggestedScheme = suggestion.label;
    request.chainId = p->hop.chainId;
    request.exchangeId = p->exchangeId;
    request.errorMessage = m_lastRejected.value(cacheKey(p->origin, suggestion.realm));
    QPointer<AuthNegotiator> self(this);
    m_provider->requestCredentials(request, [self, p](const CredentialAnswer &answer) {
        if (p->finished)
            return;
        if (!self) {
            abandon(p);
            return;
        }
        if (answer.cancelled) {
            p->record.reason = tr("Not retrying: the credential prompt was cancelled.");
            self->finish(p, false);
            return;
        }
        Credential c;
        c.source = Credential::Source::Provider;
        c.user = answer.user;
        c.password = answer.password;
        c.token = answer.token;
        c.remember = answer.remember;
        self->answerWith(p, c, answer.scheme);
    });
}

void AuthNegotiator::answerWith(std::shared_ptr<Pending> p, const Credential &credential,
                                const QString &preferred)
{
    ChainState &cs = m_chains[p->hop.chainId];
    AuthRecord &rec = p->record;
    const bool restrictedByRequest = p->side == OriginSide &&
                                     p->settings.scheme != AuthSettings::Scheme::Any &&
                                     p->settings.scheme != AuthSettings::Scheme::None;
    AuthSettings::Scheme restriction = p->side == ProxySide ? AuthSettings::Scheme::Any : p->settings.scheme;
    if (restriction == AuthSettings::Scheme::None)
        restriction = AuthSettings::Scheme::Any; // the user answered a prompt: use what they gave
    const CredentialAvailability available{!credential.user.isEmpty() || !credential.password.isEmpty(),
                                           !credential.token.isEmpty()};
    const QList<AuthOffer> candidates = AuthOffers::ranked(p->offers, available, restriction, preferred);
    QStringList errors;
    for (const AuthOffer &o : candidates) {
        const QString answeredKey = u"%1|%2|%3"_s.arg(int(p->side)).arg(p->origin, schemeFamily(o.label));
        if (cs.answered.value(answeredKey) >= 1) {
            errors.append(tr("%1 was already answered for %2 in this request; not retrying to avoid a loop.")
                              .arg(o.label, p->origin));
            continue;
        }
        QString error;
        Sent sent;
        const QByteArray value =
            buildAnswer(p->side, p->hop, p->settings, p->origin, rec.challenges.at(o.challengeIndex), o,
                        credential, &sent, &error);
        if (value.isEmpty()) {
            errors.append(error);
            continue;
        }
        cs.answered[answeredKey] += 1;
        cs.sent[p->side] = sent;
        p->retry.headers.append(HeaderField{headerName(p->side), value, true});
        addOtherSide(p->side, p->hop, p->settings, p->retry.headers);
        rec.chosenScheme = o.label;
        rec.reason = AuthOffers::reason(o, p->offers, restrictedByRequest) + u" ("_s +
                     sourceText(credential.source) + u")."_s;
        qCDebug(lcAuth) << "answering" << p->status << "for" << p->origin << "with" << o.label;
        finish(p, true);
        return;
    }
    rec.reason = errors.isEmpty() ? tr("None of the offered schemes can use the credentials at hand.")
                                  : errors.join(u' ');
    if (!errors.isEmpty() && rec.explanation.isEmpty())
        rec.explanation = errors.first();
    finish(p, false);
}

void AuthNegotiator::abandon(std::shared_ptr<Pending> p)
{
    // The negotiator is gone: still call done exactly once.
    if (p->finished)
        return;
    p->finished = true;
    p->done(AuthRetry{}, p->record);
}

void AuthNegotiator::finish(std::shared_ptr<Pending> p, bool retry)
{
    if (p->finished)
        return;
    p->finished = true;
    p->retry.retry = retry;
    if (!retry)
        p->retry.headers.clear();
    p->done(p->retry, p->record);
}

} // namespace Peephole
