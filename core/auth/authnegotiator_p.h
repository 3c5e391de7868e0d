#pragma once

// Shared by the authnegotiator*.cpp files only.

#include "auth/authnegotiator.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace Peephole {

/// One 401/407 being decided, possibly across asynchronous steps.
struct AuthNegotiator::Pending
{
    HopContext hop;        ///< Copy; spec is cleared (it may not outlive the call).
    AuthSettings settings; ///< Copy of the request's settings.
    QUrl proxy;
    QUrl requestUrl; ///< The URL the user typed: the request's own credentials belong to its origin.
    Side side = OriginSide;
    QString origin; ///< Side key.
    quint64 exchangeId = 0;
    int status = 0;
    AuthRecord record;
    QList<AuthOffer> offers;
    std::function<void(const AuthRetry &, const AuthRecord &)> done;
    AuthRetry retry;
    bool finished = false;
};

namespace AuthNegotiatorDetail {

inline const char *headerName(AuthNegotiator::Side side)
{
    return side == AuthNegotiator::ProxySide ? "Proxy-Authorization" : "Authorization";
}

inline QString schemeFamily(const QString &label)
{
    return label.section(u' ', 0, 0);
}

inline QString sourceText(AuthNegotiator::Credential::Source source)
{
    switch (source) {
    case AuthNegotiator::Credential::Source::Request:
        return AuthNegotiator::tr("credentials from the request");
    case AuthNegotiator::Credential::Source::Session:
        return AuthNegotiator::tr("credentials accepted earlier in this session");
    case AuthNegotiator::Credential::Source::Keychain:
        return AuthNegotiator::tr("credentials from the keychain");
    case AuthNegotiator::Credential::Source::Provider:
        return AuthNegotiator::tr("credentials you entered");
    }
    return {};
}

} // namespace AuthNegotiatorDetail

} // namespace Peephole
