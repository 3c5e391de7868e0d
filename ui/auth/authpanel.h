#pragma once

#include "auth/credentialprovider.h"

#include <QFrame>
#include <QList>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Peephole {

class CredentialStore;
struct StoredAccount;

/// The inline, non-modal panel that answers a 401 or 407: it shows the
/// origin, the realm and every challenge, preselects the strongest scheme,
/// offers credentials stored for that origin and realm, asks for a user and
/// password or a token, can remember them in the keychain, and sends again.
/// It is the GUI's CredentialProvider; requests arriving while one is shown
/// wait in line.
class AuthPanel : public QFrame, public CredentialProvider
{
    Q_OBJECT
public:
    explicit AuthPanel(CredentialStore *store, QWidget *parent = nullptr);
    ~AuthPanel() override;

    void requestCredentials(const CredentialRequest &request,
                            std::function<void(const CredentialAnswer &)> done) override;

    /// Yes: a refused answer brings the panel back with the server's refusal.
    bool asksAgainAfterRejection() const override { return true; }

    /// A chain ended: the panel, kept open after "Send again" while the answer is on its way, closes
    /// when that chain is over (unless something else waits).
    void chainFinished(quint64 chainId);
    /// True between "Send again" and the end of that chain (or the next question).
    bool isAwaitingAnswer() const { return m_awaitingChain != 0; }

    /// What is being asked now (valid while visible).
    const CredentialRequest &current() const;
    int pendingCount() const { return int(m_queue.size()); }

    // For tests and keyboard users: the fields.
    QComboBox *schemeBox() const { return m_scheme; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *tokenEdit() const { return m_token; }
    QCheckBox *rememberBox() const { return m_remember; }
    QComboBox *storedBox() const { return m_stored; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *oauthButton() const { return m_oauth; }
    /// Answers a Bearer challenge with @p token (from the OAuth panel): fills the token field.
    void useToken(const QString &token);

    /// Labels of the schemes a challenge list offers, strongest first ("Digest SHA-256", "Basic"...).
    static QStringList offeredSchemes(const QList<Challenge> &challenges);

Q_SIGNALS:
    void shown();
    void answered(bool cancelled);
    /// The user wants a token from an OAuth configuration (the challenge says Bearer).
    void oauthRequested();

private:
    struct Pending
    {
        CredentialRequest request;
        std::function<void(const CredentialAnswer &)> done;
    };

    void showNext();
    void finish(bool cancelled);
    void fillStored();
    void useStored(int index);
    void updateFields();
    void showMessage(const QString &text, bool error);

    CredentialStore *m_store;
    QList<Pending> m_queue;
    QList<StoredAccount> m_accounts;
    QLabel *m_title;
    QLabel *m_challenges;
    QComboBox *m_scheme;
    QComboBox *m_stored;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_token;
    QCheckBox *m_remember;
    QLabel *m_message;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QPushButton *m_oauth;
    quint64 m_awaitingChain = 0;
};

} // namespace Peephole
