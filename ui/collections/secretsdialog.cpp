#include "collections/secretsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

SecretsDialog::SecretsDialog(const QList<ImportedSecret> &secrets, QWidget *parent)
    : QDialog(parent), m_secrets(secrets), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Secrets found in the import"));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("The collection holds %n secret(s). They are never written to the collection's "
                      "files: requests refer to them as {{variables}}. Checked secrets are moved into "
                      "the system keychain; for the others, define the variable yourself (for example "
                      "in http-client.private.env.json).",
                      nullptr, int(secrets.size())),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    for (const ImportedSecret &s : secrets) {
        auto *item =
            new QListWidgetItem(tr("%1 (%2) \u2192 {{%3}}").arg(s.where, s.what, s.variable), m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Continue"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 360);
}

QSet<QString> SecretsDialog::keychainVariables() const
{
    QSet<QString> out;
    for (int i = 0; i < m_list->count() && i < m_secrets.size(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            out.insert(m_secrets.at(i).variable);
    }
    return out;
}

} // namespace Peephole
