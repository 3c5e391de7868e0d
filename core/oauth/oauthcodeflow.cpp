// The authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636, RFC 8252).
// QtNetworkAuth builds the authorization request (QOAuth2AuthorizationCodeFlow,
// PKCE through its parameter-modifier hook, since 6.4 has no PKCE) and listens for
// the browser on 127.0.0.1 (QOAuthHttpServerReplyHandler). The callback is checked
// here and the code is exchanged through the HttpSession, not through
// QtNetworkAuth's own QNetworkAccessManager — see docs/ARCHITECTURE.md.
#include "oauth/oauthclient.h"

#include "http/exchange.h"
#include "oauth/oautherrors.h"
#include "oauth/oauthlog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + bytes));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/// The flow asks its reply handler for the redirect URI and nothing else here: the
/// loopback listener is separate, and the token request is Peephole's.
class RedirectOnly : public QAbstractOAuthReplyHandler
{
public:
    RedirectOnly(const QString &uri, QObject *parent) : QAbstractOAuthReplyHandler(parent), m_uri(uri) {}
    QString callback() const override { return m_uri; }
    void networkReplyFinished(QNetworkReply *) override {}

private:
    QString m_uri;
};
} // namespace

void OAuthClient::authorizationCode(const OAuthConfig &config, Callback done)
{
    if (config.authorizationUrl.isEmpty() || config.tokenUrl.isEmpty()) {
        done({false, {}, tr("no authorization or token endpoint: give --issuer, or --auth-url and --token-url"), 0});
        return;
    }
    if (m_loopback) {
        done({false, {}, tr("a login is already in progress"), 0});
        return;
    }
    // RFC 8252 §7.3: loopback IP literal, any free port, one-shot.
    auto *listener = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!listener->isListening()) {
        delete listener;
        done({false, {}, tr("cannot listen on 127.0.0.1 for the browser's redirect"), 0});
        return;
    }
    QString path = config.redirectPath.isEmpty() ? u"/callback"_s : config.redirectPath;
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    listener->setCallbackPath(path.mid(1));
    listener->setCallbackText(tr("Peephole received the answer. You can close this page."));
    m_loopback = listener;
    m_redirectUri = u"http://127.0.0.1:%1%2"_s.arg(listener->port()).arg(path);
    m_state = QString::fromLatin1(randomUrlSafe(24));
    m_verifier = randomUrlSafe(48); // 64 characters (RFC 7636 §4.1: 43-128)
    // S256 unless the server advertises plain only.
    const bool plain = !m_challengeMethods.isEmpty() && !m_challengeMethods.contains(u"S256"_s) &&
                       m_challengeMethods.contains(u"plain"_s);
    const QByteArray challenge =
        plain ? m_verifier
              : QCryptographicHash::hash(m_verifier, QCryptographicHash::Sha256)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    QOAuth2AuthorizationCodeFlow flow;
    flow.setReplyHandler(new RedirectOnly(m_redirectUri, &flow));
    flow.setAuthorizationUrl(config.authorizationUrl);
    flow.setAccessTokenUrl(config.tokenUrl);
    flow.setClientIdentifier(config.clientId);
    flow.setScope(config.scopes);
    flow.setState(m_state);
    const QString audience = config.audience;
    const bool offline = config.scopes.split(u' ').contains(u"offline_access"_s);
    flow.setModifyParametersFunction(
        [challenge, plain, audience, offline](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *p) {
            if (stage != QAbstractOAuth::Stage::RequestingAuthorization)
                return;
            p->insert(u"code_challenge"_s, QString::fromLatin1(challenge));
            p->insert(u"code_challenge_method"_s, plain ? u"plain"_s : u"S256"_s);
            if (!audience.isEmpty())
                p->insert(u"audience"_s, audience);
            if (offline) // OpenID Connect Core §11: offline_access needs prompt=consent
                p->insert(u"prompt"_s, u"consent"_s);
        });
    QUrl authorizeUrl;
    connect(&flow, &QAbstractOAuth2::authorizeWithBrowser, this, [&](const QUrl &url) { authorizeUrl = url; });
    flow.grant();
    if (authorizeUrl.isEmpty()) {
        m_loopback->deleteLater();
        done({false, {}, tr("the authorization URL could not be built from %1").arg(config.authorizationUrl.toString()),
              0});
        return;
    }
    qCDebug(lcOAuth) << "authorization request to" << config.authorizationUrl << "redirect" << m_redirectUri;

    m_loginTimer = new QTimer(this);
    m_loginTimer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    const auto end = [this, finished] {
        *finished = true;
        if (m_loopback) {
            // One-shot: stop listening now; the browser's connection still gets its page.
            m_loopback->close();
            QTimer::singleShot(std::chrono::seconds(5), m_loopback.data(), &QObject::deleteLater);
            m_loopback = nullptr;
        }
        if (m_loginTimer) {
            m_loginTimer->deleteLater();
            m_loginTimer = nullptr;
        }
    };
    connect(listener, &QAbstractOAuthReplyHandler::callbackReceived, this,
            [this, config, done, end, finished](const QVariantMap &query) {
                if (*finished)
                    return;
                end();
                finishCodeFlow(query, config, done);
            });
    const QString redirect = m_redirectUri;
    const int waitMs = m_loginTimeoutMs;
    connect(m_loginTimer, &QTimer::timeout, this, [done, end, finished, redirect, waitMs] {
        if (*finished)
            return;
        end();
        done({false, {},
              tr("no answer arrived at %1 within %2 s. If the browser showed an error page from the provider (for "
                 "example \"redirect_uri did not match\"), register http://127.0.0.1%3 (loopback, any port) "
                 "for the client or set --redirect-path to the registered path.")
                  .arg(redirect)
                  .arg(waitMs / 1000)
                  .arg(QUrl(redirect).path()),
              0});
    });
    m_loginTimer->start(std::chrono::milliseconds(m_loginTimeoutMs));
    Q_EMIT openBrowser(authorizeUrl);
}

void OAuthClient::finishCodeFlow(const QVariantMap &query, const OAuthConfig &config, Callback done)
{
    const QString error = query.value(u"error"_s).toString();
    const QString state = query.value(u"state"_s).toString();
    const QString code = query.value(u"code"_s).toString();
    if (state != m_state) {
        // Checked first: an answer with another state is not ours, whatever it says.
        done({false, {},
              state.isEmpty()
                  ? tr("The redirect carried no state; it does not answer Peephole's login (possible cross-site "
                       "request forgery). Start the login again from Peephole.")
                  : tr("The redirect carried a different state than Peephole sent; it answers another login "
                       "attempt (or is forged). Start the login again from Peephole and finish it in the same "
                       "browser window."),
              0});
        return;
    }
    if (!error.isEmpty()) {
        done({false, {},
              OAuthErrors::authorizationError(error, query.value(u"error_description"_s).toString(),
                                              query.value(u"error_uri"_s).toString()),
              0});
        return;
    }
    if (code.isEmpty()) {
        done({false, {},
              tr("The redirect carried neither a code nor an error (RFC 6749 §4.1.2); check that the client is "
                 "registered for the authorization code flow (response_type=code)."),
              0});
        return;
    }
    QList<QPair<QByteArray, QByteArray>> form = {{"grant_type", "authorization_code"},
                                                  {"code", code.toUtf8()},
                                                  {"redirect_uri", m_redirectUri.toUtf8()},
                                                  {"code_verifier", m_verifier}};
    postForm(config, config.tokenUrl, form, tr("OAuth: token request (authorization_code)"),
             [this, done](const Exchange &last) { done(tokenResult(last)); });
}

} // namespace Peephole
