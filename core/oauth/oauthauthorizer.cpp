#include "oauth/oauthauthorizer.h"

#include "http/exchange.h"
#include "http/requestspec.h"
#include "oauth/oauthlog.h"
#include "http/httpsession.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole {

bool isInvalidTokenChallenge(const Exchange &e)
{
    if (e.statusCode != 401)
        return false;
    static const QRegularExpression re(u"(^|,)\\s*Bearer\\b.*\\berror\\s*=\\s*\"?invalid_token\"?"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    for (const auto &h : e.responseHeaders) {
        if (h.name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0 &&
            re.match(QString::fromLatin1(h.value.left(4096))).hasMatch())
            return true;
    }
    return false;
}

OAuthAuthorizer::OAuthAuthorizer(HttpSession *session, CredentialStore *keychain, QObject *parent)
    : QObject(parent), m_session(session), m_client(new OAuthClient(session, this)), m_store(keychain)
{
}

void OAuthAuthorizer::prepare(const QString &name, DoneCallback done)
{
    OAuthConfigStore configs(m_configFile);
    QString error;
    if (!configs.load(&error)) {
        done(false, error);
        return;
    }
    if (!configs.find(name, &m_config)) {
        done(false, tr("there is no OAuth configuration named \"%1\"; create it with peephole-cli oauth token "
                       "--name %1 ... (peephole-cli oauth list shows the known ones)")
                        .arg(name));
        return;
    }
    m_client->setNoteSuffix(tr(" — configuration \"%1\"").arg(name));
    if (!m_config.hasClientSecret) {
        haveSecret(done);
        return;
    }
    m_store.readClientSecret(m_config, [this, done](bool ok, const QString &secret, const QString &err) {
        if (!ok) {
            done(false, tr("the client secret of \"%1\" is not in the keychain%2")
                            .arg(m_config.name, err.isEmpty() ? QString() : u": "_s + err));
            return;
        }
        m_client->setClientSecret(secret);
        haveSecret(done);
    });
}

void OAuthAuthorizer::haveSecret(DoneCallback done)
{
    m_store.readTokens(m_config, [this, done](bool ok, const OAuthTokens &tokens, const QString &err) {
        if (!err.isEmpty()) {
            done(false, err);
            return;
        }
        m_tokens = tokens;
        if (ok && !m_tokens.isExpired()) {
            done(true, {});
            return;
        }
        if (ok && !m_tokens.refreshToken.isEmpty()) {
            qCInfo(lcOAuth) << "token of" << m_config.name << "expired; refreshing";
            m_client->refresh(m_config, m_tokens.refreshToken, [this, done](const OAuthClient::Result &r) {
                OAuthClient::addNote(m_session->log(), r.exchangeId,
                                     tr("OAuth: the stored access token expired %1; refreshed before the request")
                                         .arg(m_tokens.expiresAt.toLocalTime().toString(Qt::ISODate)));
                storeAndFinish(r, done);
            });
            return;
        }
        if (m_config.grant == OAuthConfig::Grant::ClientCredentials) {
            m_client->clientCredentials(m_config, [this, done](const OAuthClient::Result &r) { storeAndFinish(r, done); });
            return;
        }
        done(false, ok ? tr("the access token of \"%1\" expired and there is no refresh token; run peephole-cli "
                            "oauth token --name %1")
                             .arg(m_config.name)
                       : tr("there is no token for \"%1\" in the keychain; run peephole-cli oauth token --name %1")
                             .arg(m_config.name));
    });
}

void OAuthAuthorizer::storeAndFinish(const OAuthClient::Result &r, DoneCallback done)
{
    m_tokenExchange = r.exchangeId;
    if (!r.ok) {
        done(false, r.error);
        return;
    }
    m_tokens = r.tokens;
    m_store.storeTokens(m_config, m_tokens, [done](bool ok, const QString &err) {
        if (!ok)
            qCWarning(lcOAuth) << "tokens not stored:" << err;
        done(true, {});
    });
}

void OAuthAuthorizer::apply(RequestSpec &spec) const
{
    spec.auth.scheme = AuthSettings::Scheme::Bearer;
    spec.auth.token = m_tokens.accessToken;
    spec.auth.preemptive = true;
}

bool OAuthAuthorizer::wantsRefresh(const Exchange &last) const
{
    return !m_refreshedAfter401 && isInvalidTokenChallenge(last);
}

void OAuthAuthorizer::refreshAfter(const Exchange &rejected, DoneCallback done)
{
    m_refreshedAfter401 = true;
    m_rejectedExchange = rejected.id;
    if (m_tokens.refreshToken.isEmpty() && m_config.grant != OAuthConfig::Grant::ClientCredentials) {
        done(false, tr("the server rejected the access token (invalid_token) and \"%1\" has no refresh token; run "
                       "peephole-cli oauth token --name %1")
                        .arg(m_config.name));
        return;
    }
    const auto finished = [this, done](const OAuthClient::Result &r) {
        OAuthClient::addNote(m_session->log(), r.exchangeId,
                             tr("OAuth: new token after #%1 answered 401 invalid_token").arg(m_rejectedExchange));
        OAuthClient::addNote(m_session->log(), m_rejectedExchange,
                             r.ok ? tr("OAuth: token rejected (invalid_token); refreshed in #%1, retried once")
                                        .arg(r.exchangeId)
                                  : tr("OAuth: token rejected (invalid_token); the refresh in #%1 failed")
                                        .arg(r.exchangeId));
        storeAndFinish(r, done);
    };
    if (m_tokens.refreshToken.isEmpty())
        m_client->clientCredentials(m_config, finished);
    else
        m_client->refresh(m_config, m_tokens.refreshToken, finished);
}

void OAuthAuthorizer::noteRetry(quint64 retryExchangeId) const
{
    OAuthClient::addNote(m_session->log(), retryExchangeId,
                         tr("OAuth: retry of #%1 with the token from #%2").arg(m_rejectedExchange).arg(m_tokenExchange));
}

} // namespace Peephole
