#pragma once

#include "auth/authsettings.h"
#include "auth/credentialstore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QLabel;

namespace Peephole {

/// The Auth tab: which scheme to answer challenges with, and the credentials.
/// Secrets typed here stay in memory; "Remember" stores them in the keychain.
class AuthEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AuthEditor(QWidget *parent = nullptr);

    AuthSettings settings() const;
    void setSettings(const AuthSettings &settings);
    /// The credentials stored in the keychain, offered as "Stored credential".
    void setStoredAccounts(const QList<StoredAccount> &accounts);
    QComboBox *storedBox() const { return m_stored; }

Q_SIGNALS:
    void edited();

private:
    void updateVisibility();
    void useStored(int index);

    QComboBox *m_scheme;
    QComboBox *m_stored;
    QList<StoredAccount> m_accounts;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_token;
    QCheckBox *m_preemptive;
    QCheckBox *m_latin1;
    QCheckBox *m_remember;
    QCheckBox *m_locationTrusted;
    QLineEdit *m_awsSpec;      ///< curl's provider1:provider2:region:service
    QLineEdit *m_awsToken;     ///< session token
    QLineEdit *m_apiKeyName;
    QComboBox *m_apiKeyIn;
    QLabel *m_hint;
};

} // namespace Peephole
