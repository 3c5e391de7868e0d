#pragma once

#include "oauth/oauthconfig.h"
#include "oauth/oauthtokens.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Peephole {

class OAuthClient;
class Workspace;

/// The OAuth 2 panel: named configurations (grant, issuer or endpoints, client id and
/// secret, scopes, audience), "Get token" (the system browser for the code flow, the code
/// and address for the device flow), the token's state (valid until…, scopes), "Refresh
/// now" and "Forget". Token requests go through the Workspace, so they appear in the
/// timeline. Secrets go to the keychain only; oauth.json keeps the rest.
class OAuthDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p configFile: where configurations are kept (empty: the default oauth.json).
    explicit OAuthDialog(Workspace *workspace, QWidget *parent = nullptr, const QString &configFile = {});
    ~OAuthDialog() override;

    /// Selects (or starts) the configuration named @p name.
    void select(const QString &name);

    // For tests and keyboard users.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *grantBox() const { return m_grant; }
    QLineEdit *issuerEdit() const { return m_issuer; }
    QLineEdit *tokenUrlEdit() const { return m_tokenUrl; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *clientSecretEdit() const { return m_clientSecret; }
    QComboBox *clientAuthBox() const { return m_clientAuth; }
    QLineEdit *scopesEdit() const { return m_scopes; }
    QPushButton *getButton() const { return m_get; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *forgetButton() const { return m_forget; }
    QLabel *stateLabel() const { return m_state; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    /// A token was obtained or refreshed (the access token: memory only).
    void tokenReady(const QString &configuration, const QString &accessToken);
    /// The state label changed (tests wait on it).
    void stateChanged(const QString &text);

private:
    OAuthConfig configFromFields(QString *error) const;
    void fillFields(const OAuthConfig &config);
    void reloadList();
    void getToken(bool refreshOnly);
    void forget();
    void showTokens(const OAuthConfig &config);
    void setState(const QString &text, bool error = false);
    void setBusy(bool busy);
    void finished(const OAuthConfig &config, bool ok, const OAuthTokens &tokens, const QString &error);

    Workspace *m_workspace;
    QString m_configFile;
    OAuthClient *m_client = nullptr;
    OAuthTokenStore m_store;
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_grant;
    QLineEdit *m_issuer;
    QLineEdit *m_authUrl;
    QLineEdit *m_tokenUrl;
    QLineEdit *m_deviceUrl;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QComboBox *m_clientAuth;
    QLineEdit *m_scopes;
    QLineEdit *m_audience;
    QLabel *m_state;
    QPushButton *m_get;
    QPushButton *m_refresh;
    QPushButton *m_forget;
};

} // namespace Peephole
