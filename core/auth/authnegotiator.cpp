#include "auth/authnegotiator_p.h"

#include "auth/basicauth.h"
#include "auth/bearerauth.h"
#include "auth/challengeparser.h"
#include "auth/credentialstore.h"
#include "auth/ntlm.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAuth, "peephole.auth")

namespace Peephole {

using namespace AuthNegotiatorDetail;

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

void AuthNegotiator::forgetSessionCredential(const QString &origin, const QString &realm)
{
    const QString key = cacheKey(origin, realm);
    m_sessionCredentials.remove(key);
    m_digestSessions.remove(key);
    const auto known = m_known.constFind(origin);
    if (known != m_known.constEnd() && known->realm == realm)
        m_known.erase(known);
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
                                                             const QUrl &proxy, bool originAllowed)
{
    Credential c;
    c.source = Credential::Source::Request;
    c.remember = settings.saveToKeychain;
    if (side == ProxySide) {
        c.user = !settings.proxyUser.isEmpty() ? settings.proxyUser : proxy.userName();
        c.password = !settings.proxyPassword.isEmpty() ? settings.proxyPassword : proxy.password();
    } else if (!settings.fromKeychain && originAllowed) {
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
    // One that came from (or was saved to) the keychain still says so.
    if (out->source != Credential::Source::Keychain)
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
    case AuthOffer::Kind::Ntlm: {
        if (credential.user.isEmpty()) {
            *error = tr("NTLM needs a user name (DOMAIN\\user or user@domain) and a password.");
            return {};
        }
        const QByteArray type1 = Ntlm::negotiate();
        value = "NTLM " + type1.toBase64();
        s.ntlmLeg = 1;
        s.handshake = Ntlm::decode(type1).summary();
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
    bool complete = true;
    in.body = hop.body(&complete);
    in.bodyAvailable = complete;
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

void AuthNegotiator::chainFinished(quint64 chainId)
{
    m_chains.remove(chainId);
    m_askAgain.remove(chainId);
    m_presigned.remove(chainId);
    m_presignErrors.remove(chainId);
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
    if (sent.kind == AuthOffer::Kind::Ntlm)
        return; // NTLM authenticated the connection itself; there is nothing to repeat
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

} // namespace Peephole
