#pragma once

#include "oauth/oauthconfig.h"
#include "http/requestspec.h"
#include "oauth/oauthtokens.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

class QOAuthHttpServerReplyHandler;
class QTimer;

namespace Peephole {

class ExchangeLog;
class HttpSession;
struct Exchange;

/// Talks to an OAuth 2 authorization server. Every request it makes (discovery, JWKS,
/// device authorization, each token request and each poll) goes through the
/// HttpSession (the Workspace's, the runner's), so it is an exchange of its own in the log, with a
/// note saying what it was for. Errors come back as plain sentences (OAuthErrors).
class OAuthClient : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        OAuthTokens tokens;
        QString error;
        quint64 exchangeId = 0; ///< The last token request's exchange.
    };
    using Callback = std::function<void(const Result &)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    explicit OAuthClient(HttpSession *session, QObject *parent = nullptr);
    ~OAuthClient() override;

    /// Deadline of each request to the server, in ms (0: none). Default 30 s.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    /// How long the code flow waits for the browser to come back. Default 300 s.
    void setLoginTimeoutMs(int ms) { m_loginTimeoutMs = ms; }
    /// Memory only; comes from the keychain or the user.
    void setClientSecret(const QString &secret) { m_clientSecret = secret; }
    /// Written on each token request's exchange, after what the request was for.
    void setNoteSuffix(const QString &suffix) { m_noteSuffix = suffix; }

    /// OpenID Connect discovery: fills the endpoints @p config leaves empty from
    /// ISSUER/.well-known/openid-configuration; checks that the issuer matches.
    void discover(OAuthConfig *config, DoneCallback done);
    /// Fetches the JWKS document at @p url.
    void fetchJwks(const QUrl &url, std::function<void(bool ok, const QJsonObject &jwks, const QString &error)> done);

    void clientCredentials(const OAuthConfig &config, Callback done);
    void refresh(const OAuthConfig &config, const QString &refreshToken, Callback done);
    /// Authorization code with PKCE through the system browser and a one-shot loopback
    /// redirect (RFC 8252); emits openBrowser() with the authorization URL.
    void authorizationCode(const OAuthConfig &config, Callback done);
    /// RFC 8628: emits deviceCodeReady(), then polls with the interval, honouring slow_down.
    void deviceCode(const OAuthConfig &config, Callback done);
    /// Runs the configuration's grant.
    void obtain(const OAuthConfig &config, const QString &refreshToken, Callback done);

    /// True for chains this client sent (so a front end waiting on its own chain can skip them).
    bool ownsChain(quint64 chainId) const { return m_chains.contains(chainId); }
    /// Appends @p note to the notes of exchange @p exchangeId in @p log.
    static void addNote(ExchangeLog *log, quint64 exchangeId, const QString &note);
    /// Code challenge methods the server advertised (discovery); empty when unknown.
    QStringList challengeMethods() const { return m_challengeMethods; }

Q_SIGNALS:
    void openBrowser(const QUrl &authorizationUrl);
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUri, const QUrl &verificationUriComplete,
                         int expiresInSecs);
    /// Something worth telling the user while waiting ("slow_down: polling every 6 s").
    void progress(const QString &message);

private:
    using ReplyHandler = std::function<void(const Exchange &last)>;
    /// Sends @p form to @p url as application/x-www-form-urlencoded with the client's authentication.
    void postForm(const OAuthConfig &config, const QUrl &url, QList<QPair<QByteArray, QByteArray>> form,
                  const QString &purpose, ReplyHandler handler);
    void get(const QUrl &url, const QString &purpose, ReplyHandler handler);
    void sendTracked(const RequestSpec &spec, const QString &purpose, ReplyHandler handler);
    void onChainFinished(quint64 chainId, quint64 lastExchangeId);
    /// Turns a token endpoint answer into tokens or a sentence.
    Result tokenResult(const Exchange &last, const OAuthTokens &previous = {}) const;
    void finishCodeFlow(const QVariantMap &query, const OAuthConfig &config, Callback done);
    void pollDevice(const OAuthConfig &config, const QByteArray &deviceCode, int intervalSecs, qint64 deadlineMs,
                    Callback done);
    QString failureOf(const Exchange &last, const QString &what) const;
    /// The signed client_assertion for @p audience (the endpoint), or empty with @p error.
    QString clientAssertion(const OAuthConfig &config, const QUrl &audience, QString *error) const;

    HttpSession *m_session;
    int m_timeoutMs = 30000;
    int m_loginTimeoutMs = 300000;
    QString m_clientSecret;
    QString m_noteSuffix;
    QStringList m_challengeMethods;
    QHash<quint64, ReplyHandler> m_pending;
    QHash<quint64, bool> m_chains;
    // Code flow state (one login at a time).
    QPointer<QOAuthHttpServerReplyHandler> m_loopback;
    QTimer *m_loginTimer = nullptr;
    QString m_state;
    QByteArray m_verifier;
    QString m_redirectUri;
};

/// The body of the exchange's response (at most @p max bytes).
QByteArray responseBytes(const Exchange &exchange, qint64 max = 1024 * 1024);

} // namespace Peephole
