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
    Side side = OriginSide;
    QString origin; ///< Side key.
    quint64 exchangeId = 0;
    int status = 0;
    AuthRecord record;
    QList<AuthOffer> offers;
    std::function<void(const AuthRetry &, const AuthRecord &)> done;
    AuthRetry retry;
    bool finished = false;
    bool requestCredentialsAllowed = true; ///< The request's credentials were meant for this hop's origin.
    QString typedOrigin;                   ///< Origin of the URL the user typed.
    bool newConnection = false;            ///< The 401/407 came on a connection opened for it.
    bool closing = false;                  ///< The server said Connection: close with it.
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

/// The origin (scheme, host, port) of the request the user typed.
inline QString typedOrigin(const HopContext &hop)
{
    return hop.spec ? AuthOffers::originOf(hop.spec->url) : QString();
}

/// Whether the request's own credentials may go to @p hop: same origin as the
/// typed URL (an https → http downgrade is another origin), or --location-trusted.
inline bool requestCredentialsAllowed(const HopContext &hop)
{
    return hop.spec && (hop.spec->auth.locationTrusted || AuthOffers::originOf(hop.url) == typedOrigin(hop));
}

/// A proxy credential goes only to a configured HTTP proxy.
inline bool proxyConfigured(const QUrl &proxy)
{
    return proxy.isValid() && !proxy.host().isEmpty() && !proxy.scheme().startsWith(u"socks");
}

inline QString withheldText(const QString &from, const QString &to)
{
    return AuthNegotiator::tr("Credentials withheld: origin changed from %1 to %2 (location-trusted sends "
                              "them anyway).")
        .arg(from, to);
}

} // namespace AuthNegotiatorDetail

} // namespace Peephole
