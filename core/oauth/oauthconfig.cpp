#include "oauth/oauthconfig.h"

#include "io/fileio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::OAuthConfig", text);
}

void putUrl(QJsonObject &o, const char *key, const QUrl &url)
{
    if (!url.isEmpty())
        o.insert(QLatin1StringView(key), url.toString());
}
} // namespace

QString OAuthConfig::grantName(Grant grant)
{
    switch (grant) {
    case Grant::AuthorizationCode:
        return u"code"_s;
    case Grant::ClientCredentials:
        return u"client_credentials"_s;
    case Grant::DeviceCode:
        return u"device"_s;
    case Grant::RefreshToken:
        return u"refresh"_s;
    }
    return {};
}

bool OAuthConfig::grantFromName(const QString &name, Grant *grant)
{
    const QString n = name.toLower();
    if (n == u"code"_s || n == u"authorization_code"_s)
        *grant = Grant::AuthorizationCode;
    else if (n == u"client_credentials"_s || n == u"client-credentials"_s)
        *grant = Grant::ClientCredentials;
    else if (n == u"device"_s || n == u"device_code"_s)
        *grant = Grant::DeviceCode;
    else if (n == u"refresh"_s || n == u"refresh_token"_s)
        *grant = Grant::RefreshToken;
    else
        return false;
    return true;
}

QString OAuthConfig::clientAuthName(ClientAuth auth)
{
    switch (auth) {
    case ClientAuth::Basic:
        return u"basic"_s;
    case ClientAuth::Body:
        return u"body"_s;
    case ClientAuth::None:
        return u"none"_s;
    case ClientAuth::PrivateKeyJwt:
        return u"private_key_jwt"_s;
    }
    return {};
}

bool OAuthConfig::clientAuthFromName(const QString &name, ClientAuth *auth)
{
    const QString n = name.toLower();
    if (n == u"basic"_s || n == u"client_secret_basic"_s)
        *auth = ClientAuth::Basic;
    else if (n == u"body"_s || n == u"post"_s || n == u"client_secret_post"_s)
        *auth = ClientAuth::Body;
    else if (n == u"none"_s)
        *auth = ClientAuth::None;
    else if (n == u"private_key_jwt"_s || n == u"jwt"_s)
        *auth = ClientAuth::PrivateKeyJwt;
    else
        return false;
    return true;
}

QString OAuthConfig::keyOrigin() const
{
    const QUrl where = !issuer.isEmpty() ? issuer : tokenUrl;
    return u"oauth "_s + where.toString(QUrl::StripTrailingSlash);
}

QJsonObject OAuthConfig::toJson() const
{
    QJsonObject o;
    o.insert(u"name"_s, name);
    o.insert(u"grant"_s, grantName(grant));
    putUrl(o, "issuer", issuer);
    putUrl(o, "authorizationUrl", authorizationUrl);
    putUrl(o, "tokenUrl", tokenUrl);
    putUrl(o, "deviceAuthorizationUrl", deviceAuthorizationUrl);
    putUrl(o, "jwksUrl", jwksUrl);
    o.insert(u"clientId"_s, clientId);
    if (!scopes.isEmpty())
        o.insert(u"scopes"_s, scopes);
    if (!audience.isEmpty())
        o.insert(u"audience"_s, audience);
    o.insert(u"clientAuth"_s, clientAuthName(clientAuth));
    if (!user.isEmpty())
        o.insert(u"user"_s, user);
    if (!privateKeyFile.isEmpty())
        o.insert(u"privateKeyFile"_s, privateKeyFile);
    if (!keyId.isEmpty())
        o.insert(u"keyId"_s, keyId);
    o.insert(u"redirectPath"_s, redirectPath);
    o.insert(u"clientSecretInKeychain"_s, hasClientSecret);
    return o;
}

OAuthConfig OAuthConfig::fromJson(const QJsonObject &o)
{
    OAuthConfig c;
    c.name = o.value(u"name"_s).toString();
    grantFromName(o.value(u"grant"_s).toString(), &c.grant);
    c.issuer = QUrl(o.value(u"issuer"_s).toString());
    c.authorizationUrl = QUrl(o.value(u"authorizationUrl"_s).toString());
    c.tokenUrl = QUrl(o.value(u"tokenUrl"_s).toString());
    c.deviceAuthorizationUrl = QUrl(o.value(u"deviceAuthorizationUrl"_s).toString());
    c.jwksUrl = QUrl(o.value(u"jwksUrl"_s).toString());
    c.clientId = o.value(u"clientId"_s).toString();
    c.scopes = o.value(u"scopes"_s).toString();
    c.audience = o.value(u"audience"_s).toString();
    clientAuthFromName(o.value(u"clientAuth"_s).toString(), &c.clientAuth);
    c.user = o.value(u"user"_s).toString();
    c.privateKeyFile = o.value(u"privateKeyFile"_s).toString();
    c.keyId = o.value(u"keyId"_s).toString();
    c.redirectPath = o.value(u"redirectPath"_s).toString(u"/callback"_s);
    c.hasClientSecret = o.value(u"clientSecretInKeychain"_s).toBool();
    return c;
}

OAuthConfigStore::OAuthConfigStore(const QString &path) : m_path(path)
{
    if (m_path.isEmpty())
        m_path = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                 u"/Peephole/oauth.json"_s;
}

bool OAuthConfigStore::load(QString *error)
{
    m_configs.clear();
    QFile f(m_path);
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(m_path, f.errorString());
        return false;
    }
    if (f.size() > 4 * 1024 * 1024) {
        *error = tr("%1 is larger than 4 MiB; it is not an OAuth configuration file").arg(m_path);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = tr("%1 is not valid JSON (offset %2: %3)")
                     .arg(m_path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    const QJsonArray list = doc.object().value(u"configurations"_s).toArray();
    for (const QJsonValue &v : list)
        m_configs.append(OAuthConfig::fromJson(v.toObject()));
    return true;
}

bool OAuthConfigStore::find(const QString &name, OAuthConfig *config) const
{
    for (const OAuthConfig &c : m_configs) {
        if (c.name == name) {
            *config = c;
            return true;
        }
    }
    return false;
}

void OAuthConfigStore::put(const OAuthConfig &config)
{
    for (OAuthConfig &c : m_configs) {
        if (c.name == config.name) {
            c = config;
            return;
        }
    }
    m_configs.append(config);
}

bool OAuthConfigStore::remove(const QString &name)
{
    return m_configs.removeIf([&](const OAuthConfig &c) { return c.name == name; }) > 0;
}

bool OAuthConfigStore::save(QString *error) const
{
    if (!Io::makePrivateDir(QFileInfo(m_path).absolutePath(), error))
        return false;
    QJsonArray list;
    for (const OAuthConfig &c : m_configs)
        list.append(c.toJson());
    QJsonObject root;
    root.insert(u"configurations"_s, list);
    return Io::writeFile(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace Peephole
