#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Peephole {

/// A JSON Web Token split and decoded (RFC 7519); nothing verified yet.
struct Jwt
{
    bool ok = false;
    QString error; ///< Why it is not a JWT, naming the segment.
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; ///< "header.payload" as sent.
    QByteArray signature;    ///< Decoded bytes.

    /// Splits and decodes @p token (at most 64 KiB).
    static Jwt decode(const QString &token);
    /// exp / iat / nbf as a date, invalid when the claim is absent or not a number.
    QDateTime claimTime(const QString &claim) const;
    /// Lines for people: algorithm, key id, each claim; times as local time, "expires in 4 min".
    QStringList describe(const QDateTime &now = QDateTime::currentDateTime()) const;
    /// Checks the signature against a JWKS document (RFC 7517) with OpenSSL: RS256/384/512,
    /// PS256, ES256/384. False with @p message naming the reason; true with the key id used.
    bool verify(const QJsonObject &jwks, QString *message) const;

    /// A signed JWT (RS256 for an RSA key, ES256 for an EC P-256 key in @p pem); "alg" is set in the
    /// header. Empty with @p error when the key cannot be used.
    static QString sign(QJsonObject header, const QJsonObject &payload, const QByteArray &pem, QString *error);

    /// "in 4 min 10 s" / "5 s ago".
    static QString relative(const QDateTime &when, const QDateTime &now);
};

} // namespace Peephole
