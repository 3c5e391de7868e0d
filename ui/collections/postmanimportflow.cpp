#include "collections/postmanimportflow.h"

#include "collection/collection.h"
#include "collection/secretvariablestore.h"
#include "collections/collectionslogging.h"
#include "collections/importwriter.h"
#include "collections/secretsdialog.h"
#include "formats/postman.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace Peephole {

PostmanImportFlow::PostmanImportFlow(SecretVariableStore *secrets, QWidget *parent)
    : QObject(parent), m_secrets(secrets), m_parent(parent)
{
}

QString PostmanImportFlow::run()
{
    const QString file = QFileDialog::getOpenFileName(m_parent, tr("Import a Postman collection"), {},
                                                      tr("Postman collections (*.json)"));
    if (file.isEmpty())
        return {};
    m_result = PostmanImporter::readFile(file);
    if (!m_result.ok) {
        QMessageBox::warning(m_parent, tr("Import failed"),
                             tr("%1 could not be imported: %2\nNothing was changed.")
                                 .arg(QDir::toNativeSeparators(file), m_result.error.toString()));
        return {};
    }
    QSet<QString> keychain;
    if (!m_result.secrets.isEmpty()) {
        SecretsDialog dialog(m_result.secrets, m_parent);
        if (dialog.exec() != QDialog::Accepted)
            return {};
        keychain = dialog.keychainVariables();
    }
    const QString parentDir =
        QFileDialog::getExistingDirectory(m_parent, tr("Choose where to create the collection folder \"%1\"")
                                                        .arg(ImportWriter::safeName(m_result.root.name)));
    if (parentDir.isEmpty())
        return {};
    QString error;
    const QString folder = importFile(file, parentDir, keychain, &error);
    if (folder.isEmpty()) {
        QMessageBox::warning(m_parent, tr("Import failed"), tr("%1\nNothing was changed.").arg(error));
        return {};
    }
    QMessageBox box(QMessageBox::Information, tr("Postman collection imported"),
                    tr("%n request(s) imported into %1.", nullptr, m_result.root.requestCount())
                        .arg(QDir::toNativeSeparators(folder)),
                    QMessageBox::Ok, m_parent);
    if (!m_report.isEmpty()) {
        box.setInformativeText(
            tr("%n item(s) were not carried over exactly: see the details.", nullptr, int(m_report.size())));
        box.setDetailedText(m_report.join(u'\n'));
    }
    box.exec();
    return folder;
}

QString PostmanImportFlow::importFile(const QString &file, const QString &parentDir,
                                      const QSet<QString> &keychainVariables, QString *error)
{
    m_result = PostmanImporter::readFile(file);
    if (!m_result.ok) {
        *error =
            tr("%1 could not be imported: %2").arg(QDir::toNativeSeparators(file), m_result.error.toString());
        return {};
    }
    const QString target = QDir(parentDir).filePath(ImportWriter::safeName(m_result.root.name));
    QStringList moved;
    if (!ImportWriter::write(m_result, target, keychainVariables, error, &moved))
        return {};
    m_report.clear();
    m_report += moved;
    for (const ImportIssue &issue : m_result.issues)
        m_report.append(issue.item + u": "_s + issue.reason);
    storeSecrets(Collection::idFor(QFileInfo(target).fileName()), keychainVariables);
    m_summary = tr("Imported %n request(s) into %1.", nullptr, m_result.root.requestCount())
                    .arg(QDir::toNativeSeparators(target));
    qCInfo(lcUiCollections) << "imported Postman collection" << file << "into" << target;
    return target;
}

void PostmanImportFlow::storeSecrets(const QString &collectionId, const QSet<QString> &variables)
{
    if (!m_secrets)
        return;
    for (const ImportedSecret &s : std::as_const(m_result.secrets)) {
        if (!variables.contains(s.variable))
            continue;
        const QString key = SecretVariableStore::variableKey(
            collectionId, QString::fromLatin1(ImportWriter::EnvironmentName), s.variable);
        // The keychain answers later; the store outlives this flow.
        m_secrets->write(key, s.value, m_secrets, [variable = s.variable](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcUiCollections)
                    << "could not store the secret" << variable << "in the keychain:" << error;
        });
    }
}

} // namespace Peephole
