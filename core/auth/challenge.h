#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Peephole {

/// One auth-param of a challenge (RFC 9110 §11.2): name as received, value
/// unquoted and unescaped.
struct AuthParam
{
    QByteArray name;
    QByteArray value;
    bool quoted = false; ///< The value was sent as a quoted-string.

    friend bool operator==(const AuthParam &, const AuthParam &) = default;
};

/// One challenge from WWW-Authenticate or Proxy-Authenticate.
struct Challenge
{
    QByteArray scheme;       ///< As received (compare case-insensitively).
    QByteArray token68;      ///< Set when the challenge carries a token68 instead of params.
    QList<AuthParam> params; ///< In the order received.

    /// Value of the parameter @p name (case-insensitive), or a null QByteArray.
    QByteArray param(QByteArrayView name) const;
    bool hasParam(QByteArrayView name) const;
    bool isScheme(QByteArrayView name) const;

    friend bool operator==(const Challenge &, const Challenge &) = default;
};

/// Something malformed in a challenge field, with where it was found.
struct ChallengeProblem
{
    int field = 0;   ///< Index of the header field among those parsed.
    int offset = 0;  ///< Byte offset inside that field.
    QString message; ///< What is wrong, in words.

    friend bool operator==(const ChallengeProblem &, const ChallengeProblem &) = default;
};

struct ChallengeParseResult
{
    QList<Challenge> challenges;
    QList<ChallengeProblem> problems;
};

} // namespace Peephole
