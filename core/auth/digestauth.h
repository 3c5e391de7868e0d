#pragma once

#include "auth/authrecord.h"
#include "auth/challenge.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Peephole {

/// The hash algorithms of Digest (RFC 7616 §3.3 and the IANA registry).
enum class DigestHashAlgorithm { Md5, Md5Sess, Sha256, Sha256Sess, Sha512_256, Sha512_256Sess };

/// What one Digest answer needs besides the challenge.
struct DigestInput
{
    QByteArray method;
    QByteArray uri; ///< The request target, query included.
    QString user;
    QString password;
    QByteArray body;           ///< For qop=auth-int.
    bool bodyAvailable = true; ///< False when the body exists but is not available in full.
    QByteArray cnonce;         ///< Fresh per answer (DigestAuth::newCnonce()).
    quint32 nc = 1;            ///< How many times this nonce has been used, this answer included.
};

struct DigestAnswer
{
    QByteArray value;  ///< The Authorization value ("Digest username=..."); empty on error.
    DigestTrace trace; ///< For display; never holds the password.
    DigestHashAlgorithm algorithm = DigestHashAlgorithm::Md5;
    QString error;

    bool ok() const { return error.isEmpty() && !value.isEmpty(); }
};

/// Digest access authentication (RFC 7616, with RFC 2617 and RFC 2069 servers).
class DigestAuth
{
    Q_DECLARE_TR_FUNCTIONS(DigestAuth)
public:
    /// The algorithm named by a challenge's algorithm parameter (absent: MD5),
    /// or false when it is not supported.
    static bool parseAlgorithm(QByteArrayView name, DigestHashAlgorithm *algorithm);
    static bool algorithmOf(const Challenge &challenge, DigestHashAlgorithm *algorithm);
    static QString algorithmName(DigestHashAlgorithm algorithm);
    /// Higher is stronger; a -sess variant ranks with its base.
    static int strength(DigestHashAlgorithm algorithm);
    static bool isSess(DigestHashAlgorithm algorithm);

    /// Lower-case hex of the algorithm's hash of @p data.
    static QByteArray hashHex(DigestHashAlgorithm algorithm, const QByteArray &data);
    /// 32 hex characters from the system's random generator.
    static QByteArray newCnonce();
    /// nc as sent: 8 lower-case hex digits.
    static QByteArray formatNc(quint32 nc);

    /// Computes the Authorization value for @p challenge.
    static DigestAnswer answer(const Challenge &challenge, const DigestInput &input);

    /// The rspauth the server should send in Authentication-Info for an answer
    /// described by @p trace (RFC 7616 §3.5). @p responseBody is used for auth-int.
    static QByteArray expectedRspauth(DigestHashAlgorithm algorithm, const DigestTrace &trace,
                                      QByteArrayView responseBody = {});
};

} // namespace Peephole
