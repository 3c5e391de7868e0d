#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace Peephole {

class CredentialStore;
struct OAuthConfig;

/// What a token endpoint granted. Secrets: kept in memory and in the keychain only.
struct OAuthTokens
{
    QString accessToken;
    QString refreshToken;
    QString idToken;
    QString tokenType;
    QString scope;
    QDateTime obtainedAt;
    QDateTime expiresAt; ///< From expires_in; invalid when the server gave none.
    quint64 exchangeId = 0; ///< The token request's exchange in this session's log (0: from the keychain).

    bool isEmpty() const { return accessToken.isEmpty(); }
    /// Expired (by expires_in), or within @p skewSecs of it.
    bool isExpired(int skewSecs = 5) const;
    QJsonObject toJson() const;
    static OAuthTokens fromJson(const QJsonObject &object);
};

/// Tokens and client secrets in the OS keychain (CredentialStore, QtKeychain), keyed by
/// issuer, client id and user: scheme "OAuth2" (the tokens, as one JSON value) or
/// "OAuth2-client" (the client secret), origin "oauth ISSUER", realm = client id.
class OAuthTokenStore
{
public:
    using TokensCallback = std::function<void(bool ok, const OAuthTokens &tokens, const QString &error)>;
    using SecretCallback = std::function<void(bool ok, const QString &secret, const QString &error)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    explicit OAuthTokenStore(CredentialStore *store) : m_store(store) {}

    void readTokens(const OAuthConfig &config, TokensCallback done);
    void storeTokens(const OAuthConfig &config, const OAuthTokens &tokens, DoneCallback done);
    void readClientSecret(const OAuthConfig &config, SecretCallback done);
    void storeClientSecret(const OAuthConfig &config, const QString &secret, DoneCallback done);
    /// Forgets the tokens and the client secret.
    void forget(const OAuthConfig &config, DoneCallback done);

private:
    CredentialStore *m_store;
};

} // namespace Peephole
