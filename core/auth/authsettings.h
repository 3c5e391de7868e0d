#pragma once

#include <QString>

namespace Peephole {

/// What the user chose for authenticating one request. Plain value; secrets
/// in here live in memory only and are never serialised by the core (the
/// collection layer stores a reference and fetches the secret from the
/// keychain at send time).
struct AuthSettings
{
    enum class Scheme {
        None, ///< Do not answer challenges automatically (but still ask the provider).
        Any,  ///< Answer with the strongest scheme offered that we have credentials for.
        Basic,
        Digest,
        Bearer,
    };
    enum class BasicCharset {
        Utf8,   ///< Default (RFC 7617 recommends UTF-8; used whatever the challenge says).
        Latin1, ///< Per-request opt-in for legacy servers, unless the challenge says charset="UTF-8".
    };

    Scheme scheme = Scheme::Any;
    QString user;
    QString password;
    QString token; ///< Bearer token.
    BasicCharset basicCharset = BasicCharset::Utf8;
    bool preemptive =
        false; ///< Send credentials on the first request (Basic/Bearer, or Digest with a known nonce).
    bool saveToKeychain = false; ///< Store credentials that succeeded in the OS keychain.
    /// Use the credential stored in the keychain for user (password and token stay empty here).
    bool fromKeychain = false;

    /// Send these credentials to another origin a redirect leads to (curl's --location-trusted). Off:
    /// they go only to the scheme, host and port of the URL the user typed.
    bool locationTrusted = false;

    // Proxy credentials (answered on 407 through Proxy-Authorization), only to a configured proxy.
    QString proxyUser;
    QString proxyPassword;

    bool hasUserCredentials() const { return !user.isEmpty() || !password.isEmpty(); }
    bool hasToken() const { return !token.isEmpty(); }
};

} // namespace Peephole
