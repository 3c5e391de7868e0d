// AuthNegotiator: deciding on a 401/407, possibly asynchronously.

#include "auth/authnegotiator_p.h"

#include "auth/basicauth.h"
#include "auth/bearerauth.h"
#include "auth/challengeparser.h"
#include "auth/credentialstore.h"
#include "auth/ntlm.h"

using namespace Qt::StringLiterals;

namespace Peephole {

using namespace AuthNegotiatorDetail;

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
    p->typedOrigin = typedOrigin(hop);
    p->requestCredentialsAllowed = requestCredentialsAllowed(hop);

    AuthRecord &rec = exchange.auth.edit();
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
    for (const Challenge &c : parsed.challenges) {
        if (c.isScheme("NTLM") && !c.token68.isEmpty())
            rec.handshakeReceived = Ntlm::decode(QByteArray::fromBase64(c.token68)).summary();
    }
    p->newConnection = exchange.timings.connectStartNs >= 0;
    p->closing = Headers::value(exchange.responseHeaders, "Connection").toLower().contains("close");
    p->offers = AuthOffers::fromChallenges(parsed.challenges);
    if (p->side == OriginSide && !p->requestCredentialsAllowed &&
        (p->settings.hasUserCredentials() || p->settings.hasToken())) {
        const QString withheld = withheldText(p->typedOrigin, p->origin);
        if (!rec.explanation.contains(withheld))
            rec.explanation = rec.explanation.isEmpty() ? withheld : withheld + u' ' + rec.explanation;
    }
    p->record = rec;

    if (p->side == ProxySide && !proxyConfigured(p->proxy)) {
        // Only a configured proxy may ask for proxy credentials.
        p->record.explanation = tr("407 from a server that is not your proxy: %1 asked for proxy "
                                   "credentials, but no proxy is configured for this request. Nothing was "
                                   "sent.")
                                    .arg(AuthOffers::originOf(hop.url));
        p->record.reason = tr("Not answered: proxy credentials go only to a configured proxy.");
        exchange.auth = p->record;
        finish(p, false);
        return;
    }

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

    if (sent.valid && sent.origin == p->origin && sent.kind == AuthOffer::Kind::Ntlm && continueHandshake(p))
        return;
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
                next.answered = tr("the %1 of exchange #%2 from %3 (stale=true)")
                                    .arg(p->status)
                                    .arg(p->exchangeId)
                                    .arg(p->origin);
                next.reason = tr("%1 chosen again with the new nonce (stale=true).").arg(o.label);
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
        if (sent.kind == AuthOffer::Kind::Ntlm && p->newConnection)
            rec.explanation = tr("The NTLM type 3 message went out on a new connection: the server closed the "
                                 "one the handshake began on, and NTLM authenticates a connection, not a "
                                 "request.");
        const QString who =
            sent.kind == AuthOffer::Kind::Bearer ? tr("the token")
            : sent.kind == AuthOffer::Kind::Ntlm
                ? tr("the NTLM type 3 (authenticate) message of user “%1”: wrong user, domain or password, "
                     "or an account the server does not accept")
                      .arg(sent.credential.user)
                : tr("the %1 credentials of user “%2”").arg(sent.label, sent.credential.user);
        QString explanation = tr("Credentials rejected by the server: it refused %1 (%2).")
                                  .arg(who, sourceText(sent.credential.source));
        if (!rec.explanation.isEmpty())
            explanation += u' ' + rec.explanation;
        if (sent.credential.source == Credential::Source::Keychain)
            explanation +=
                u' ' + tr("The password saved in the keychain may be outdated; update or forget it.");
        rec.explanation = explanation;
        const QString key = cacheKey(sent.origin, sent.realm);
        m_lastRejected.insert(key, explanation);
        m_sessionCredentials.remove(key);
        m_known.remove(sent.origin);
        if (m_provider && m_provider->asksAgainAfterRejection()) {
            // Someone can type other credentials: ask again, showing the refusal. Not a loop: each
            // retry is the user's answer, and cancelling ends the chain.
            const QString prefix = u"%1|%2|"_s.arg(int(p->side)).arg(p->origin);
            for (auto it = cs.answered.begin(); it != cs.answered.end();)
                it = it.key().startsWith(prefix) ? cs.answered.erase(it) : std::next(it);
            sent = {};
            rec.reason = tr("Asking for other credentials: the server refused these.");
            askProvider(p, explanation);
            return;
        }
        rec.reason = tr("Not retrying: the same credentials would be refused again.");
        cs.rejected.insert(u"%1|%2"_s.arg(int(p->side)).arg(p->origin));
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
    const Credential fromRequest =
        requestCredential(p->side, p->settings, p->proxy, p->requestCredentialsAllowed);
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
    }
    // Credentials accepted earlier this session, then the keychain, for this origin + realm — in every
    // mode ("Ask when challenged" too: what the user saved is the answer), unless the user asked to
    // type another one. A scheme restriction still holds when the request sets one.
    const bool reuse = p->side == ProxySide || !m_askAgain.contains(p->hop.chainId);
    const AuthSettings::Scheme stored =
        restriction == AuthSettings::Scheme::None ? AuthSettings::Scheme::Any : restriction;
    if (reuse) {
        for (const AuthOffer &o : AuthOffers::ranked(p->offers, {true, true}, stored)) {
            Credential c;
            // Keyed by origin + realm: a token accepted for Bearer cannot answer Basic of the same realm.
            if (sessionCredential(p->origin, o.realm, &c) &&
                (o.kind == AuthOffer::Kind::Bearer ? !c.token.isEmpty()
                                                    : (!c.user.isEmpty() || !c.password.isEmpty()))) {
                answerWith(p, c, {});
                return;
            }
        }
        if (m_store) {
            tryKeychain(p, AuthOffers::ranked(p->offers, {true, true}, stored));
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
            // A stored credential chosen in the request: only that user's.
            if (p->side == OriginSide && p->settings.fromKeychain && !p->settings.user.isEmpty() &&
                a.user != p->settings.user)
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

void AuthNegotiator::askProvider(std::shared_ptr<Pending> p, const QString &refusal)
{
    const AuthSettings::Scheme restriction =
        p->side == ProxySide ? AuthSettings::Scheme::Any : p->settings.scheme;
    AuthOffer suggestion = AuthOffers::suggestion(p->offers, restriction);
    if (suggestion.label.isEmpty() && m_provider) // the user may answer any offered scheme
        suggestion = AuthOffers::suggestion(p->offers, AuthSettings::Scheme::Any);
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
    request.errorMessage =
        refusal.isEmpty() ? m_lastRejected.value(cacheKey(p->origin, suggestion.realm)) : refusal;
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
    // What the user typed in the prompt is sent with the scheme they picked there, whatever the
    // request's own setting (a token for a Bearer challenge on a request set to Basic).
    const bool prompted = credential.source == Credential::Source::Provider;
    const bool restrictedByRequest = p->side == OriginSide && !prompted &&
                                     p->settings.scheme != AuthSettings::Scheme::Any &&
                                     p->settings.scheme != AuthSettings::Scheme::None;
    AuthSettings::Scheme restriction = p->side == ProxySide ? AuthSettings::Scheme::Any : p->settings.scheme;
    if (restriction == AuthSettings::Scheme::None || prompted)
        restriction = AuthSettings::Scheme::Any;
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
        sent.answered = tr("the %1 of exchange #%2 from %3%4")
                            .arg(p->status)
                            .arg(p->exchangeId)
                            .arg(p->origin, o.realm.isEmpty() ? QString() : tr(", realm “%1”").arg(o.realm));
        sent.reason = AuthOffers::reason(o, p->offers, restrictedByRequest) + u" ("_s +
                      sourceText(credential.source) + u")."_s;
        cs.sent[p->side] = sent;
        p->retry.headers.append(HeaderField{headerName(p->side), value, true});
        addOtherSide(p->side, p->hop, p->settings, p->retry.headers);
        rec.chosenScheme = o.label;
        rec.reason = sent.reason;
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
