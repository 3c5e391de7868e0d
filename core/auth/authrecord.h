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

/// The computed values of an AWS Signature V4, for display. Values of secret
/// fields (X-Amz-Security-Token, an API key header) are masked in canonicalRequest.
struct SigV4Trace
{
    QByteArray credentialScope;
    QByteArray signedHeaders;
    QByteArray payloadHash;
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;
    bool presigned = false;

    friend bool operator==(const SigV4Trace &, const SigV4Trace &) = default;
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
    SigV4Trace sigv4;           ///< Set when this exchange was signed with AWS Signature V4.
    QString handshakeSent;      ///< The NTLM message this exchange carried, decoded (flags, names, NTLMv2).
    QString handshakeReceived;  ///< The NTLM message the server answered with, decoded.

    friend bool operator==(const AuthRecord &, const AuthRecord &) = default;
};

} // namespace Peephole
