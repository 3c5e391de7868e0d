#include "auth/credentialsdialog.h"

#include "auth/credentialstore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Peephole {

CredentialsDialog::CredentialsDialog(CredentialStore *store, QWidget *parent)
    : QDialog(parent), m_store(store), m_list(new QTreeWidget(this)),
      m_forget(new QPushButton(tr("Forget"), this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Stored Credentials"));
    m_list->setHeaderLabels({tr("User"), tr("Scheme"), tr("Origin"), tr("Realm"), tr("Kept in")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_forget, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Passwords and tokens live in the OS keychain, each for one origin and realm. "
                      "Peephole never shows or writes them here."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 360);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_forget, &QPushButton::clicked, this, &CredentialsDialog::forgetSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_forget->setEnabled(!m_list->selectedItems().isEmpty()); });
    connect(m_store, &CredentialStore::accountsChanged, this, &CredentialsDialog::reload);
    reload();
}

void CredentialsDialog::reload()
{
    m_list->clear();
    const QList<StoredAccount> accounts = m_store->accounts();
    for (int i = 0; i < accounts.size(); ++i) {
        const StoredAccount &a = accounts.at(i);
        auto *item = new QTreeWidgetItem(
            m_list, {a.user.isEmpty() ? tr("(token)") : a.user, a.scheme, a.origin, a.realm,
                     a.sessionOnly ? tr("memory, this session only") : tr("OS keychain")});
        item->setData(0, Qt::UserRole, i);
    }
    m_forget->setEnabled(false);
    if (accounts.isEmpty())
        m_status->setText(
            tr("Nothing is stored. Tick “Remember in the keychain” when answering a challenge."));
}

void CredentialsDialog::forgetSelected()
{
    const QList<StoredAccount> accounts = m_store->accounts();
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    for (QTreeWidgetItem *item : selected) {
        const int i = item->data(0, Qt::UserRole).toInt();
        if (i < 0 || i >= accounts.size())
            continue;
        m_store->forget(accounts.at(i),
                        [this](const CredentialStoreResult &r) { m_status->setText(r.message); });
    }
}

} // namespace Peephole
