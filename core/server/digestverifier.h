#pragma once

#include "servermessage.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>

namespace Peephole {

enum class DigestAlgorithm { Md5, Sha256, Sha512_256 };

/// What a DigestVerifier offers and accepts (RFC 7616).
struct DigestOptions
{
    QByteArray realm = QByteArrayLiteral("peephole");
    /// One challenge per algorithm, in this order (the client should pick the first it supports).
    QList<DigestAlgorithm> algorithms{DigestAlgorithm::Sha256, DigestAlgorithm::Md5};
    bool sess = false; ///< Offer the "-sess" variants (MD5-sess, SHA-256-sess, ...) instead.
    /// qop values offered ("auth", "auth-int"); empty: RFC 2069 mode without qop, cnonce and nc.
    QList<QByteArray> qops{QByteArrayLiteral("auth")};
    bool userhash = false;   ///< Send userhash=true; a client may then send H(user ":" realm) as username.
    bool charsetUtf8 = true; ///< Send charset=UTF-8.
    QByteArray opaque;       ///< Sent and required back; empty: a random value is made.
    QByteArray domain;       ///< domain= parameter when non-empty.
    bool omitAlgorithm =
        false; ///< Leave the algorithm parameter out (means MD5) — only with algorithms {Md5}.
    qint64 nonceLifetimeMs = 5 * 60 * 1000; ///< After this a correct answer gets stale=true.
    /// On success, return Authentication-Info with rspauth (qop modes) and nextnonce.
    bool sendAuthenticationInfo = true;
    bool sendNextNonce = true; ///< Include nextnonce in Authentication-Info.
};

/// Server side of HTTP Digest: issues nonces and challenges, verifies
/// Authorization values per RFC 7616 (and RFC 2069 without qop), tracks nc
/// per nonce (must be 8 hex digits, unquoted, strictly increasing) and nonce
/// expiry (stale=true). Independent of the client code in core/auth.
class DigestVerifier
{
public:
    enum class Verdict {
        Ok,
        NotDigest, ///< No Digest credentials at all.
        Malformed, ///< Unparsable or a required parameter missing.
        WrongRealm,
        WrongAlgorithm, ///< Not one of the offered algorithms.
        WrongOpaque,
        UnknownNonce, ///< Never issued by this verifier.
        UriMismatch,  ///< uri= differs from the request target.
        WrongQop,
        BadNc, ///< nc missing, quoted, not 8 hex digits, or not larger than the last one.
        WrongUser,
        WrongResponse, ///< The password (or anything hashed) is wrong.
        StaleNonce, ///< Correct answer but the nonce expired or was made stale: re-challenge with stale=true.
    };
    struct Result
    {
        Verdict verdict = Verdict::NotDigest;
        QByteArray message;            ///< Why it failed, in words (empty on success).
        QByteArray authenticationInfo; ///< Value for Authentication-Info on success (may be empty).
    };

    explicit DigestVerifier(DigestOptions options = {});

    void setCredentials(const QByteArray &user, const QByteArray &password);
    const DigestOptions &options() const { return m_options; }
    DigestOptions &options() { return m_options; }

    /// Issues a fresh nonce and returns one challenge per offered algorithm ("Digest realm=...").
    QList<QByteArray> challenges(bool stale = false);
    /// The next nonce issued will be @p nonce (to reproduce RFC example values).
    void setNextNonce(const QByteArray &nonce) { m_nextNonce = nonce; }
    /// Registers @p nonce as issued without building challenges.
    void registerNonce(const QByteArray &nonce);
    /// The last nonce issued (by challenges() or as nextnonce).
    QByteArray lastNonce() const { return m_lastNonce; }
    /// Makes @p nonce stale: the next correct answer using it is refused with stale=true.
    void makeStale(const QByteArray &nonce);
    void makeAllStale();

    /// Verifies the Authorization (or Proxy-Authorization) value @p credentials for @p request.
    Result verify(const ServerRequest &request, QByteArrayView credentials);

    /// Token for the algorithm parameter ("SHA-512-256", "MD5-sess", ...).
    static QByteArray algorithmToken(DigestAlgorithm algorithm, bool sess);
    /// Lower-case hex digest of @p data with @p algorithm.
    static QByteArray hexHash(DigestAlgorithm algorithm, const QByteArray &data);

private:
    struct NonceState
    {
        qint64 issuedMs = 0;
        qint64 lastNc = 0;
        bool stale = false;
    };
    QByteArray newNonce();
    static Result fail(Verdict verdict, const QByteArray &message);

    DigestOptions m_options;
    QByteArray m_user;
    QByteArray m_password;
    QByteArray m_nextNonce;
    QByteArray m_lastNonce;
    QHash<QByteArray, NonceState> m_nonces;
    QElapsedTimer m_clock;
};

} // namespace Peephole
