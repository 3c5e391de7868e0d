// AuthNegotiator: what goes out with each new hop, and what comes back.

#include "auth/authnegotiator_p.h"

#include "auth/basicauth.h"
#include "auth/bearerauth.h"
#include "auth/challengeparser.h"
#include "auth/credentialstore.h"

using namespace Qt::StringLiterals;

namespace Peephole {

using namespace AuthNegotiatorDetail;

HeaderList AuthNegotiator::headersFor(const HopContext &hop, AuthRecord &record)
{
    HeaderList out;
    if (!hop.spec)
        return out;
    ChainState &cs = m_chains[hop.chainId];
    cs.sent[OriginSide] = {};
    cs.sent[ProxySide] = {};
    // A new hop (the first, or a redirect): a challenge on it may be answered
    // again, even within the same origin. Refused credentials stay refused (cs.rejected).
    cs.answered.clear();
    const AuthSettings &settings = hop.spec->auth;
    const QUrl proxy = hop.spec->options.proxy;
    const bool allowed = requestCredentialsAllowed(hop);
    const bool signsItself =
        settings.scheme == AuthSettings::Scheme::AwsSigV4 || settings.scheme == AuthSettings::Scheme::ApiKey;
    if (signsItself)
        out.append(keyHeaders(hop, record));
    else if (!allowed && (settings.hasUserCredentials() || settings.hasToken()))
        record.explanation = withheldText(typedOrigin(hop), AuthOffers::originOf(hop.url));

    for (Side side : {ProxySide, OriginSide}) {
        if (side == ProxySide && !proxyConfigured(proxy))
            continue; // Proxy-Authorization goes only to a configured proxy
        if (side == OriginSide && (settings.scheme == AuthSettings::Scheme::None || signsItself ||
                                   Headers::contains(hop.spec->headers, "Authorization")))
            continue;
        const QString origin = sideKey(side, hop, proxy);
        const Credential fromRequest = requestCredential(side, settings, proxy, allowed);
        Sent sent;
        QByteArray value;
        const auto known = m_known.constFind(origin);
        const bool digestAllowed = side == ProxySide || settings.scheme == AuthSettings::Scheme::Any ||
                                   settings.scheme == AuthSettings::Scheme::Digest;
        if (known != m_known.constEnd() && known->kind == AuthOffer::Kind::Digest && digestAllowed) {
            // A nonce is known for this origin: answer at once, nc incremented.
            Credential c = fromRequest;
            const bool mayReuse = side == ProxySide || !m_askAgain.contains(hop.chainId);
            if (c.user.isEmpty() && c.password.isEmpty() &&
                (!mayReuse || !sessionCredential(origin, known->realm, &c)))
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
                    sent = {true,       true,   AuthOffer::Kind::Basic, DigestHashAlgorithm::Md5,
                            u"Basic"_s, origin, known->realm,           c,
                            {},         {},     {}, 0, {}};
                }
            }
        } else if (side == OriginSide && settings.preemptive && allowed && !settings.fromKeychain) {
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
                            DigestHashAlgorithm::Md5,
                            u"Bearer"_s,
                            origin,
                            {},
                            fromRequest,
                            {},
                            {},
                            {},
                            0,
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
                            DigestHashAlgorithm::Md5,
                            u"Basic"_s,
                            origin,
                            {},
                            fromRequest,
                            {},
                            {},
                            {},
                            0,
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
        const Sent &s = cs.sent[shown];
        AuthRecord &rec = exchange.auth.edit();
        rec.sentScheme = shown == ProxySide ? tr("%1 (proxy)").arg(s.label) : s.label;
        rec.digest = s.trace;
        if (!s.answered.isEmpty()) {
            AuthAnswer a;
            a.valid = true;
            a.answered = s.answered;
            a.scheme = rec.sentScheme;
            a.reason = s.reason;
            a.user = s.kind == AuthOffer::Kind::Bearer ? QString() : s.credential.user;
            a.realm = s.realm;
            a.origin = s.origin;
            switch (s.credential.source) {
            case Credential::Source::Request:
                a.source = AuthAnswer::Source::Request;
                break;
            case Credential::Source::Session:
                a.source = AuthAnswer::Source::Session;
                break;
            case Credential::Source::Keychain:
                a.source = AuthAnswer::Source::Keychain;
                exchange.notes.edit().append(
                    tr("Answered from the keychain: the %1 credential%2 stored for %3, realm “%4”.")
                        .arg(s.label, a.user.isEmpty() ? QString() : tr(" of “%1”").arg(a.user), a.origin,
                             a.realm));
                break;
            case Credential::Source::Provider:
                a.source = AuthAnswer::Source::Prompt;
                break;
            }
            if (!m_answers.contains(exchange.id))
                m_answerOrder.append(exchange.id);
            m_answers.insert(exchange.id, a);
            while (m_answerOrder.size() > MaxAnswersKept)
                m_answers.remove(m_answerOrder.takeFirst());
        }
        if (!s.handshake.isEmpty())
            rec.handshakeSent = s.handshake;
    }
    for (Side side : {ProxySide, OriginSide}) {
        Sent &sent = cs.sent[side];
        if (!sent.valid)
            continue;
        const int challengeStatus = side == ProxySide ? 407 : 401;
        if (exchange.statusCode == 0 || exchange.statusCode == challengeStatus)
            continue;

        // Accepted: remember for this session (and the keychain when asked), but the request's
        // own credentials only for the origin they were typed for (not a location-trusted target).
        const QString key = cacheKey(sent.origin, sent.realm);
        const bool foreignTarget = side == OriginSide &&
                                   sent.credential.source == Credential::Source::Request &&
                                   sent.origin != typedOrigin(hop);
        m_lastRejected.remove(key);
        if (!foreignTarget)
            m_sessionCredentials.insert(key, sent.credential);
        m_known.insert(sent.origin, sent);
        if (foreignTarget && sent.credential.remember) {
            exchange.notes.edit().append(tr("Not saving the credentials in the keychain: they were meant for "
                                            "%1, not for the redirect target %2.")
                                             .arg(typedOrigin(hop), sent.origin));
            sent.credential.remember = false;
        }
        if (sent.credential.remember && sent.preemptive && sent.realm.isEmpty()) {
            // Sent before any challenge: no origin asked for them, there is no realm to save them under.
            exchange.notes.edit().append(
                tr("Not saving the credentials in the keychain: %1 did not ask for them (they were sent "
                   "preemptively).")
                    .arg(sent.origin));
            sent.credential.remember = false;
        }
        if (sent.credential.remember && sent.credential.source != Credential::Source::Keychain && m_store) {
            StoredAccount account;
            account.scheme = sent.kind == AuthOffer::Kind::Bearer   ? u"Bearer"_s
                             : sent.kind == AuthOffer::Kind::Digest ? u"Digest"_s
                             : sent.kind == AuthOffer::Kind::Ntlm   ? u"NTLM"_s
                                                                    : u"Basic"_s;
            account.origin = sent.origin;
            account.realm = sent.realm;
            account.user = sent.kind == AuthOffer::Kind::Bearer ? QString() : sent.credential.user;
            const QString secret =
                sent.kind == AuthOffer::Kind::Bearer ? sent.credential.token : sent.credential.password;
            m_store->store(account, secret);
            // Saved: the next challenge answered from it says "from the keychain".
            const auto cached = m_sessionCredentials.find(key);
            if (cached != m_sessionCredentials.end()) {
                cached->source = Credential::Source::Keychain;
                cached->remember = false;
            }
            exchange.notes.edit().append(
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
            else if (sent.trace.qop == "auth-int" &&
                     DigestAuth::expectedRspauth(sent.algorithm, sent.trace, hop.body())
                             .compare(rspauth, Qt::CaseInsensitive) == 0)
                // RFC 7616 hashes "the entity body" here; some servers take the request's.
                info.append(tr("rspauth verified: the server proved it knows your password (it hashed the "
                               "request body for auth-int, not the response body)."));
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
        exchange.auth.edit().authenticationInfo = info.join(u' ');
}

} // namespace Peephole
