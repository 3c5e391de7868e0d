#include "authgate.h"

#include "authparams.h"

using namespace Qt::StringLiterals;

namespace Peephole {

AuthGate::AuthGate(AuthRole role) : m_role(role) {}

void AuthGate::setCredentials(const QByteArray &user, const QByteArray &password)
{
    m_user = user;
    m_password = password;
    if (m_digest)
        m_digest->setCredentials(user, password);
}

void AuthGate::offerBasic(const QByteArray &realm)
{
    m_basicRealm = realm;
    m_order.append(Offer::Basic);
}

DigestVerifier &AuthGate::offerDigest(const DigestOptions &options)
{
    m_digest.emplace(options);
    m_digest->setCredentials(m_user, m_password);
    m_order.append(Offer::Digest);
    return *m_digest;
}

void AuthGate::offerBearer(const BearerOptions &options)
{
    m_bearer = options;
    m_order.append(Offer::Bearer);
}

void AuthGate::addRawChallenge(const QByteArray &challenge)
{
    m_raw.append(challenge);
    m_order.append(Offer::Raw);
}

void AuthGate::requireCookie(const QByteArray &name, const QByteArray &value)
{
    m_cookieName = name;
    m_cookieValue = value;
}

bool AuthGate::hasCookie(const ServerRequest &request) const
{
    const QList<QByteArray> fields = Headers::values(request.headers, "Cookie");
    for (const QByteArray &field : fields) {
        const QList<QByteArray> pairs = field.split(';');
        for (const QByteArray &pair : pairs) {
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && pair.first(eq).trimmed() == m_cookieName &&
                pair.mid(eq + 1).trimmed() == m_cookieValue)
                return true;
        }
    }
    return false;
}

bool AuthGate::checkBasic(const QByteArray &token68, QByteArray &reason) const
{
    const auto result = QByteArray::fromBase64Encoding(token68, QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray *decoded = &result.decoded;
    if (!result) {
        reason = "Basic credentials are not valid base64"_ba;
        return false;
    }
    const qsizetype colon = decoded->indexOf(':');
    if (colon < 0) {
        reason = "Basic credentials lack the ':' between user and password"_ba;
        return false;
    }
    if (decoded->first(colon) != m_user || decoded->mid(colon + 1) != m_password) {
        reason = "wrong Basic user or password (user '" + decoded->first(colon) + "')";
        return false;
    }
    return true;
}

QList<QByteArray> AuthGate::challengeList(bool stale, BearerError bearerError)
{
    QList<QByteArray> out;
    qsizetype rawIndex = 0;
    for (Offer offer : std::as_const(m_order)) {
        switch (offer) {
        case Offer::Basic:
            out.append("Basic realm=" + ServerAuth::quote(*m_basicRealm) + ", charset=\"UTF-8\"");
            break;
        case Offer::Digest:
            out.append(m_digest->challenges(stale));
            break;
        case Offer::Bearer: {
            QByteArray c = "Bearer realm=" + ServerAuth::quote(m_bearer->realm);
            if (!m_bearer->requiredScope.isEmpty())
                c += ", scope=" + ServerAuth::quote(m_bearer->requiredScope);
            if (bearerError == BearerError::InvalidToken)
                c += ", error=\"invalid_token\", error_description=" +
                     ServerAuth::quote(m_bearer->invalidTokenDescription);
            else if (bearerError == BearerError::InsufficientScope)
                c += ", error=\"insufficient_scope\", error_description=" +
                     ServerAuth::quote(m_bearer->scopeDescription);
            out.append(c);
            break;
        }
        case Offer::Raw:
            out.append(m_raw.value(rawIndex++));
            break;
        }
    }
    return out;
}

AuthGate::Outcome AuthGate::reject(const QByteArray &reason, bool stale, BearerError bearerError)
{
    ++m_rejections;
    Outcome o;
    o.reason = reason;
    ScriptedResponse &r = o.rejection;
    const bool proxy = m_role == AuthRole::Proxy;
    r.status = bearerError == BearerError::InsufficientScope ? 403 : (proxy ? 407 : 401);
    const QByteArray field = proxy ? "Proxy-Authenticate"_ba : "WWW-Authenticate"_ba;
    const QList<QByteArray> challenges = challengeList(stale, bearerError);
    if (m_separateFields) {
        for (const QByteArray &c : challenges)
            r.headers.append(HeaderField{field, c, true});
    } else if (!challenges.isEmpty()) {
        r.headers.append(HeaderField{field, challenges.join(", "), true});
    }
    if (!m_cookieName.isEmpty())
        r.headers.append(HeaderField{"Set-Cookie"_ba, m_cookieName + '=' + m_cookieValue + "; Path=/", true});
    r.headers.append(HeaderField{"Content-Type"_ba, "text/plain; charset=utf-8"_ba, true});
    if (m_closeOnReject) {
        r.headers.append(HeaderField{"Connection"_ba, "close"_ba, true});
        r.closeConnection = true;
    }
    r.body = reason + '\n';
    return o;
}

AuthGate::Outcome AuthGate::check(const ServerRequest &request)
{
    const bool proxy = m_role == AuthRole::Proxy;
    const QList<QByteArray> values =
        Headers::values(request.headers, proxy ? "Proxy-Authorization" : "Authorization");
    if (values.isEmpty())
        return reject(proxy ? "no Proxy-Authorization"_ba : "no Authorization"_ba, false, BearerError::None);

    QByteArray reason = "no credentials for an offered scheme"_ba;
    HeaderList success;
    bool ok = false;
    for (const QByteArray &value : values) {
        const ServerAuth::Credentials cred = ServerAuth::parseCredentials(value);
        if (cred.isScheme("Basic") && m_basicRealm) {
            ok = checkBasic(cred.token68, reason);
        } else if (cred.isScheme("Digest") && m_digest) {
            const DigestVerifier::Result result = m_digest->verify(request, value);
            if (result.verdict == DigestVerifier::Verdict::StaleNonce)
                return reject(result.message, true, BearerError::None);
            ok = result.verdict == DigestVerifier::Verdict::Ok;
            reason = result.message;
            if (ok && !result.authenticationInfo.isEmpty())
                success.append(HeaderField{proxy ? "Proxy-Authentication-Info"_ba : "Authentication-Info"_ba,
                                           result.authenticationInfo, true});
        } else if (cred.isScheme("Bearer") && m_bearer) {
            const auto token = m_bearer->tokens.constFind(cred.token68);
            if (cred.token68.isEmpty() || token == m_bearer->tokens.cend())
                return reject("unknown bearer token"_ba, false, BearerError::InvalidToken);
            if (!m_bearer->requiredScope.isEmpty() && !token->contains(m_bearer->requiredScope))
                return reject("bearer token lacks scope '" + m_bearer->requiredScope + "'", false,
                              BearerError::InsufficientScope);
            ok = true;
        } else {
            continue;
        }
        break;
    }
    if (!ok)
        return reject(reason, false, BearerError::None);
    if (!m_cookieName.isEmpty() && !hasCookie(request))
        return reject("credentials are right but cookie '" + m_cookieName + "' from the challenge is missing",
                      false, BearerError::None);
    Outcome o;
    o.allowed = true;
    o.successHeaders = success;
    return o;
}

RouteHandler protect(std::shared_ptr<AuthGate> gate, RouteHandler inner)
{
    return [gate = std::move(gate), inner = std::move(inner)](const ServerRequest &request,
                                                              ScriptedResponse &response) {
        AuthGate::Outcome outcome = gate->check(request);
        if (!outcome.allowed) {
            response = std::move(outcome.rejection);
            return;
        }
        inner(request, response);
        response.headers.append(outcome.successHeaders);
    };
}

} // namespace Peephole
