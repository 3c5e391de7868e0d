#include "oauth/oauthtokens.h"

#include "auth/credentialstore.h"
#include "oauth/oauthconfig.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <memory>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
StoredAccount accountFor(const OAuthConfig &config, const QString &scheme)
{
    StoredAccount a;
    a.scheme = scheme;
    a.origin = config.keyOrigin();
    a.realm = config.clientId;
    a.user = scheme == u"OAuth2"_s ? config.user : QString();
    return a;
}
} // namespace

bool OAuthTokens::isExpired(int skewSecs) const
{
    return expiresAt.isValid() && QDateTime::currentDateTimeUtc().addSecs(skewSecs) >= expiresAt;
}

QJsonObject OAuthTokens::toJson() const
{
    QJsonObject o;
    o.insert(u"access_token"_s, accessToken);
    if (!refreshToken.isEmpty())
        o.insert(u"refresh_token"_s, refreshToken);
    if (!idToken.isEmpty())
        o.insert(u"id_token"_s, idToken);
    o.insert(u"token_type"_s, tokenType);
    if (!scope.isEmpty())
        o.insert(u"scope"_s, scope);
    if (obtainedAt.isValid())
        o.insert(u"obtained_at"_s, obtainedAt.toUTC().toString(Qt::ISODate));
    if (expiresAt.isValid())
        o.insert(u"expires_at"_s, expiresAt.toUTC().toString(Qt::ISODate));
    return o;
}

OAuthTokens OAuthTokens::fromJson(const QJsonObject &o)
{
    OAuthTokens t;
    t.accessToken = o.value(u"access_token"_s).toString();
    t.refreshToken = o.value(u"refresh_token"_s).toString();
    t.idToken = o.value(u"id_token"_s).toString();
    t.tokenType = o.value(u"token_type"_s).toString();
    t.scope = o.value(u"scope"_s).toString();
    t.obtainedAt = QDateTime::fromString(o.value(u"obtained_at"_s).toString(), Qt::ISODate);
    t.expiresAt = QDateTime::fromString(o.value(u"expires_at"_s).toString(), Qt::ISODate);
    return t;
}

void OAuthTokenStore::readTokens(const OAuthConfig &config, TokensCallback done)
{
    m_store->read(accountFor(config, u"OAuth2"_s), [done](const CredentialStoreResult &r) {
        if (!r.ok) {
            done(false, {}, r.notFound ? QString() : r.message);
            return;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(r.secret.toUtf8());
        const OAuthTokens t = OAuthTokens::fromJson(doc.object());
        if (t.isEmpty())
            done(false, {},
                 QCoreApplication::translate("Peephole::OAuth",
                                             "the keychain entry for these tokens is not readable"));
        else
            done(true, t, {});
    });
}

void OAuthTokenStore::storeTokens(const OAuthConfig &config, const OAuthTokens &tokens, DoneCallback done)
{
    const QString json = QString::fromUtf8(QJsonDocument(tokens.toJson()).toJson(QJsonDocument::Compact));
    m_store->store(accountFor(config, u"OAuth2"_s), json, [done](const CredentialStoreResult &r) {
        if (done)
            done(r.ok, r.message);
    });
}

void OAuthTokenStore::readClientSecret(const OAuthConfig &config, SecretCallback done)
{
    m_store->read(accountFor(config, u"OAuth2-client"_s), [done](const CredentialStoreResult &r) {
        done(r.ok, r.secret, r.notFound ? QString() : r.message);
    });
}

void OAuthTokenStore::storeClientSecret(const OAuthConfig &config, const QString &secret, DoneCallback done)
{
    m_store->store(accountFor(config, u"OAuth2-client"_s), secret, [done](const CredentialStoreResult &r) {
        if (done)
            done(r.ok, r.message);
    });
}

void OAuthTokenStore::forget(const OAuthConfig &config, DoneCallback done)
{
    auto remaining = std::make_shared<int>(2);
    auto failure = std::make_shared<QString>();
    const auto one = [remaining, failure, done](const CredentialStoreResult &r) {
        if (!r.ok && !r.notFound)
            *failure = r.message;
        if (--*remaining == 0 && done)
            done(failure->isEmpty(), *failure);
    };
    m_store->forget(accountFor(config, u"OAuth2"_s), one);
    m_store->forget(accountFor(config, u"OAuth2-client"_s), one);
}

} // namespace Peephole
