#pragma once

#include "formats/importeditem.h"

#include <QDialog>
#include <QSet>

class QListWidget;

namespace Peephole {

/// Lists the secrets an import found (never their values) with a checkbox
/// each: the checked ones go to the keychain, the others stay undefined
/// {{variables}} for the user to fill in. Secrets are never written to the collection's files.
class SecretsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SecretsDialog(const QList<ImportedSecret> &secrets, QWidget *parent = nullptr);

    /// The variables whose secret the user chose to keep in the keychain.
    QSet<QString> keychainVariables() const;
    QListWidget *list() const { return m_list; }

private:
    QList<ImportedSecret> m_secrets;
    QListWidget *m_list;
};

} // namespace Peephole
