#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Peephole {

class CredentialStore;

/// Lists the credentials stored in the keychain (never their secrets) and forgets the selected ones.
class CredentialsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CredentialsDialog(CredentialStore *store, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *forgetButton() const { return m_forget; }

private:
    void reload();
    void forgetSelected();

    CredentialStore *m_store;
    QTreeWidget *m_list;
    QPushButton *m_forget;
    QLabel *m_status;
};

} // namespace Peephole
