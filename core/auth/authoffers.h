#pragma once

#include "auth/authsettings.h"
#include "auth/challenge.h"
#include "auth/digestauth.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace Peephole {

/// One scheme a server offered, as the negotiator ranks it.
struct AuthOffer
{
    enum class Kind { Basic, Digest, Bearer, Ntlm, Unsupported };

    Kind kind = Kind::Unsupported;
    DigestHashAlgorithm algorithm = DigestHashAlgorithm::Md5; ///< Digest only.
    int challengeIndex = -1;                                  ///< Into the parsed challenges.
    QString label; ///< "Digest SHA-256", "Basic", "Negotiate (not supported)".
    QString realm;

    /// Higher is stronger: SHA-512-256 > SHA-256 > MD5 Digest > Basic. Bearer
    /// is chosen on its own rule (a token was given), not by strength.
    int strength() const;
    bool usesPassword() const { return kind == Kind::Basic || kind == Kind::Digest || kind == Kind::Ntlm; }
};

/// What credentials are at hand for ranking.
struct CredentialAvailability
{
    bool password = false;
    bool token = false;
};

class AuthOffers
{
    Q_DECLARE_TR_FUNCTIONS(AuthOffers)
public:
    /// Every challenge as an offer, in the server's order.
    static QList<AuthOffer> fromChallenges(const QList<Challenge> &challenges);

    /// The supported offers the credentials can answer, best first, honouring
    /// @p restriction (Any/Basic/Digest/Bearer; None yields none). @p preferred,
    /// when set, keeps only offers whose label or scheme name matches it.
    static QList<AuthOffer> ranked(const QList<AuthOffer> &offers, CredentialAvailability available,
                                   AuthSettings::Scheme restriction, const QString &preferred = {});

    /// The offer that would be used with every kind of credential at hand,
    /// for suggesting a scheme to the user.
    static AuthOffer suggestion(const QList<AuthOffer> &offers, AuthSettings::Scheme restriction);

    /// "<label> chosen: <why>; also offered: A, B".
    static QString reason(const AuthOffer &chosen, const QList<AuthOffer> &offers, bool restricted);

    /// "https://host:443": scheme, host and port (default port filled in), lower-case.
    static QString originOf(const QUrl &url);
};

} // namespace Peephole
