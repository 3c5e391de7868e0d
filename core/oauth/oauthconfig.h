#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace Peephole {

/// One named OAuth 2 / OpenID Connect configuration. Plain value and free of
/// secrets: the client secret and the tokens live in the keychain (OAuthTokenStore).
struct OAuthConfig
{
    enum class Grant { AuthorizationCode, ClientCredentials, DeviceCode, RefreshToken };
    /// How a confidential client proves itself at the token endpoint (RFC 6749 §2.3.1).
    enum class ClientAuth { Basic, Body, None, PrivateKeyJwt };

    QString name;
    Grant grant = Grant::AuthorizationCode;
    QUrl issuer; ///< OpenID Connect issuer; discovery fills the endpoints left empty.
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QUrl deviceAuthorizationUrl;
    QUrl jwksUrl;
    QString clientId;
    QString scopes; ///< Space-separated.
    QString audience;
    ClientAuth clientAuth = ClientAuth::Basic;
    QString privateKeyFile; ///< private_key_jwt (RFC 7523): PEM key (RSA or EC P-256) the assertion is signed with.
    QString keyId;          ///< "kid" of that key, when the server wants one.
    QString user;         ///< Which account the tokens belong to (part of the keychain key); may be empty.
    QString redirectPath = QStringLiteral("/callback"); ///< Loopback redirect: http://127.0.0.1:{port}{path}.
    bool hasClientSecret = false; ///< A client secret is in the keychain for this configuration.

    QJsonObject toJson() const;
    static OAuthConfig fromJson(const QJsonObject &object);
    /// The origin + realm under which the tokens and the client secret are stored.
    QString keyOrigin() const;

    static QString grantName(Grant grant);
    static bool grantFromName(const QString &name, Grant *grant);
    static QString clientAuthName(ClientAuth auth);
    static bool clientAuthFromName(const QString &name, ClientAuth *auth);
};

/// The named configurations, in a JSON file (0600, written through core/io):
/// $XDG_CONFIG_HOME/Peephole/oauth.json unless a path is given.
class OAuthConfigStore
{
public:
    explicit OAuthConfigStore(const QString &path = {});

    QString path() const { return m_path; }
    /// False with @p error when the file exists and cannot be read or parsed.
    bool load(QString *error);
    QList<OAuthConfig> configs() const { return m_configs; }
    bool find(const QString &name, OAuthConfig *config) const;
    void put(const OAuthConfig &config);
    bool remove(const QString &name);
    bool save(QString *error) const;

private:
    QString m_path;
    QList<OAuthConfig> m_configs;
};

} // namespace Peephole
