#pragma once

#include "auth/challenge.h"
#include "http/headers.h"

#include <QList>
#include <QString>

namespace Peephole {

/// The inputs and computed values of one Digest answer, for display. Never
/// holds the password.
struct DigestTrace
{
    QByteArray algorithm;
    QByteArray realm;
    QByteArray nonce;
    QByteArray cnonce;
    QByteArray nc;
    QByteArray qop;
    QByteArray uri;
    QByteArray userField; ///< The username as sent (hashed when userhash=true).
    bool userhash = false;
    QByteArray ha1; ///< H(A1): derived from the password, but not reversible.
    QByteArray ha2;
    QByteArray response;

    friend bool operator==(const DigestTrace &, const DigestTrace &) = default;
};

/// What the authentication machinery saw and did for one exchange.
struct AuthRecord
{
    bool isProxy = false;        ///< 407 / Proxy-Authenticate.
    QList<Challenge> challenges; ///< Every challenge parsed from the response.
    QList<ChallengeProblem> problems;
    QString chosenScheme;       ///< The scheme answered on the retry, if any.
    QString reason;             ///< Why that one was chosen (or why none was).
    QString explanation;        ///< A plain-words reading (Bearer error, rejected credentials...).
    bool rejected = false;      ///< Credentials were sent and the server refused them.
    QString sentScheme;         ///< The scheme of the Authorization this exchange itself carried.
    DigestTrace digest;         ///< Set when this exchange carried a Digest answer.
    QString authenticationInfo; ///< Result of checking Authentication-Info (rspauth, nextnonce).

    friend bool operator==(const AuthRecord &, const AuthRecord &) = default;
};

} // namespace Peephole
