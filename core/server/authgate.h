#pragma once

#include "digestverifier.h"
#include "servermessage.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>

namespace Peephole {

/// Origin: 401 + WWW-Authenticate / Authorization / Authentication-Info.
/// Proxy: 407 + Proxy-Authenticate / Proxy-Authorization / Proxy-Authentication-Info.
enum class AuthRole { Origin, Proxy };

/// Bearer tokens (RFC 6750) a gate accepts.
struct BearerOptions
{
    QByteArray realm = QByteArrayLiteral("peephole");
    QHash<QByteArray, QList<QByteArray>> tokens; ///< token -> scopes it grants.
    QByteArray requiredScope;                    ///< Empty: any known token will do.
    QByteArray invalidTokenDescription = QByteArrayLiteral("The access token is invalid or has expired");
    QByteArray scopeDescription = QByteArrayLiteral("The access token does not grant the required scope");
};

/// Server-side authentication for a route (or for proxy mode). Offer one or
/// more schemes; check() then accepts a request or builds the 401/407 (or
/// 403 for a Bearer token lacking scope) with every offered challenge,
/// either in one header field or one field per challenge.
///
///     auto gate = std::make_shared<AuthGate>();
///     gate->setCredentials("user", "pass");
///     gate->offerBasic("realm");
///     server.route("/secret", protect(gate, [](auto &, auto &r) { r.body = "ok"; }));
class AuthGate
{
public:
    /// The result of check().
    struct Outcome
    {
        bool allowed = false;
        ScriptedResponse rejection; ///< The 401/407/403 to send when not allowed.
        HeaderList successHeaders;  ///< To append to the real response when allowed (Authentication-Info).
        QByteArray reason;          ///< Why it was rejected, in words (also the rejection's body).
    };

    explicit AuthGate(AuthRole role = AuthRole::Origin);

    AuthRole role() const { return m_role; }
    /// User and password (UTF-8) for Basic and Digest.
    void setCredentials(const QByteArray &user, const QByteArray &password);
    /// Offers Basic with charset="UTF-8".
    void offerBasic(const QByteArray &realm = QByteArrayLiteral("peephole"));
    /// Offers Digest; returns the verifier to tune further (makeStale(), setNextNonce()...).
    DigestVerifier &offerDigest(const DigestOptions &options = {});
    /// The Digest verifier, or nullptr when Digest is not offered.
    DigestVerifier *digest() { return m_digest ? &*m_digest : nullptr; }
    void offerBearer(const BearerOptions &options);
    /// Adds a challenge sent verbatim but never accepted (e.g. 'Newauth realm="apps", type=1').
    void addRawChallenge(const QByteArray &challenge);
    /// Put each challenge in its own header field (default: all in one field, comma-separated).
    void setSeparateChallengeFields(bool separate) { m_separateFields = separate; }
    /// The rejection sets cookie @p name=@p value; a retry without that cookie is refused even
    /// with right credentials.
    void requireCookie(const QByteArray &name, const QByteArray &value);
    /// The rejection carries 'Connection: close' and closes the connection (default: keep-alive).
    void setCloseOnReject(bool close) { m_closeOnReject = close; }

    /// Checks @p request's credentials.
    Outcome check(const ServerRequest &request);
    /// Requests rejected so far.
    int rejectionCount() const { return m_rejections; }

private:
    enum class BearerError { None, InvalidToken, InsufficientScope };
    enum class Offer { Basic, Digest, Bearer, Raw };
    Outcome reject(const QByteArray &reason, bool stale, BearerError bearerError);
    QList<QByteArray> challengeList(bool stale, BearerError bearerError);
    bool checkBasic(const QByteArray &token68, QByteArray &reason) const;
    bool hasCookie(const ServerRequest &request) const;

    AuthRole m_role;
    QByteArray m_user;
    QByteArray m_password;
    std::optional<QByteArray> m_basicRealm;
    std::optional<DigestVerifier> m_digest;
    std::optional<BearerOptions> m_bearer;
    QList<QByteArray> m_raw;
    QList<Offer> m_order; ///< Challenge order = order of the offer*() calls.
    bool m_separateFields = false;
    QByteArray m_cookieName;
    QByteArray m_cookieValue;
    bool m_closeOnReject = false;
    int m_rejections = 0;
};

/// Wraps @p inner so it only runs for requests @p gate accepts; others get the gate's rejection.
RouteHandler protect(std::shared_ptr<AuthGate> gate, RouteHandler inner);

} // namespace Peephole
