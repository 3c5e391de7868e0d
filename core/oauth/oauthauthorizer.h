#pragma once

#include "oauth/oauthclient.h"
#include "oauth/oauthconfig.h"
#include "oauth/oauthtokens.h"

#include <QObject>

namespace Peephole {

class CredentialStore;
class HttpSession;
struct Exchange;
struct RequestSpec;

/// Authorizes requests with a named OAuth configuration: loads it, reads the client
/// secret and tokens from the keychain, refreshes an expired token before the request
/// (expires_in), and after a 401 Bearer error="invalid_token" refreshes once so the
/// caller can retry once. Token requests are exchanges of their own, linked by notes to
/// the request that needed them.
class OAuthAuthorizer : public QObject
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    OAuthAuthorizer(HttpSession *session, CredentialStore *keychain, QObject *parent = nullptr);

    /// Config file; empty: the default (OAuthConfigStore).
    void setConfigFile(const QString &path) { m_configFile = path; }
    void setTimeoutMs(int ms) { m_client->setTimeoutMs(ms); }

    /// Loads configuration @p name and a usable token (refreshing it, or running the client
    /// credentials grant, when needed).
    void prepare(const QString &name, DoneCallback done);
    /// Sets the Bearer token on @p spec (scoped to its origin like any --token).
    void apply(RequestSpec &spec) const;
    /// The API answered 401 with Bearer error="invalid_token" and no refresh was tried for it yet.
    bool wantsRefresh(const Exchange &last) const;
    /// Refreshes after @p rejected (once); notes link the 401, the token request and the retry.
    void refreshAfter(const Exchange &rejected, DoneCallback done);
    /// Notes on the retry's first exchange which 401 and which token request it follows.
    void noteRetry(quint64 retryExchangeId) const;

    const OAuthConfig &config() const { return m_config; }
    const OAuthTokens &tokens() const { return m_tokens; }
    OAuthClient *client() const { return m_client; }
    /// The token request made for this send (refresh or new token), 0 when none.
    quint64 tokenExchangeId() const { return m_tokenExchange; }

private:
    void haveSecret(DoneCallback done);
    void storeAndFinish(const OAuthClient::Result &r, DoneCallback done);

    HttpSession *m_session;
    OAuthClient *m_client;
    OAuthTokenStore m_store;
    QString m_configFile;
    OAuthConfig m_config;
    OAuthTokens m_tokens;
    bool m_refreshedAfter401 = false;
    quint64 m_rejectedExchange = 0;
    quint64 m_tokenExchange = 0;
};

/// True when @p exchange is a 401 whose WWW-Authenticate says Bearer error="invalid_token".
bool isInvalidTokenChallenge(const Exchange &exchange);

} // namespace Peephole
