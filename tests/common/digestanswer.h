#pragma once

#include <QByteArray>

namespace Peephole::Test {

/// H() of RFC 7616 for an algorithm token ("MD5", "SHA-256", "SHA-512-256", "-sess" ignored), lower-case
/// hex. MD5 and SHA-256 use QCryptographicHash; SHA-512-256 runs the `openssl dgst` command, so tests get
/// values independent of any Peephole code.
QByteArray digestHash(const QByteArray &algorithm, const QByteArray &data);

/// Value of auth-param @p name in a challenge or Authentication-Info value (quoted or not), or null.
QByteArray authParam(const QByteArray &field, const char *name);

/// A Digest answer computed independently of Peephole (RFC 7616 §3.4), for driving servers in tests.
/// Fill in what the challenge gave, then use authorization() as the Authorization value.
struct DigestAnswer
{
    QByteArray user = QByteArrayLiteral("Mufasa");
    QByteArray password = QByteArrayLiteral("Circle of Life");
    QByteArray realm;
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray uri;
    QByteArray algorithm = QByteArrayLiteral("MD5"); ///< Token as sent; empty: parameter left out (MD5).
    QByteArray nonce;
    QByteArray cnonce = QByteArrayLiteral("0a4f113b");
    QByteArray nc = QByteArrayLiteral("00000001");
    QByteArray qop = QByteArrayLiteral("auth"); ///< Empty: RFC 2069 (no qop, nc, cnonce).
    QByteArray opaque;                          ///< Empty: not sent.
    QByteArray body;                            ///< Entity body, for qop=auth-int.
    bool userhash = false;                      ///< Send H(user:realm) as username, with userhash=true.
    bool quoteNc = false;                       ///< Send nc quoted (a protocol error servers should refuse).

    QByteArray ha1() const;
    /// The request-digest ("response=").
    QByteArray response() const;
    /// The rspauth a correct server returns in Authentication-Info.
    QByteArray rspauth() const;
    /// The complete credentials: 'Digest username="...", ...'.
    QByteArray authorization() const;
};

} // namespace Peephole::Test
