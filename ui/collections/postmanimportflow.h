#pragma once

#include "formats/importeditem.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class QWidget;

namespace Peephole {

class SecretVariableStore;

/// "Import Postman collection…": pick the file, read it with
/// PostmanImporter, offer to move each secret into the keychain, pick where
/// the collection folder goes, write it (all or nothing), then store the
/// chosen secrets and show what was not carried over.
class PostmanImportFlow : public QObject
{
    Q_OBJECT
public:
    PostmanImportFlow(SecretVariableStore *secrets, QWidget *parent);

    /// Runs the dialogs; returns the new collection folder, empty when cancelled or failed.
    QString run();
    /// Imports @p file into a new folder in @p parentDir without dialogs
    /// (the secrets in @p keychainVariables go to the keychain). Empty and
    /// @p error on failure; nothing is created then.
    QString importFile(const QString &file, const QString &parentDir, const QSet<QString> &keychainVariables,
                       QString *error);
    /// What happened, for the status bar.
    QString summary() const { return m_summary; }
    /// The per-item report of the last import (issues), one line each.
    QStringList report() const { return m_report; }
    const CollectionImportResult &result() const { return m_result; }

private:
    void storeSecrets(const QString &collectionId, const QSet<QString> &variables);

    QPointer<SecretVariableStore> m_secrets;
    QWidget *m_parent;
    CollectionImportResult m_result;
    QString m_summary;
    QStringList m_report;
};

} // namespace Peephole
