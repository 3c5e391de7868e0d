#include "collections/importwriter.h"

#include "collection/environmentfile.h"
#include "formats/httpfile.h"
#include "formats/postman.h"
#include "formats/secretmover.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ImportWriter", text);
}

QString uniqueIn(const QDir &dir, const QString &name, const QString &suffix)
{
    QString candidate = name + suffix;
    for (int n = 2; dir.exists(candidate); ++n)
        candidate = name + u'-' + QString::number(n) + suffix;
    return candidate;
}

/// @p preRequest / @p test: the Postman scripts of the collection and the folders above (run first).
bool writeFolder(const ImportedItem &folder, const QDir &dir, QString *error, QSet<QString> *taken,
                 QList<ImportedSecret> *moved, const QString &preRequest = {}, const QString &test = {})
{
    const QString pre = PostmanScripts::chained(preRequest, folder.preRequestScript);
    const QString tests = PostmanScripts::chained(test, folder.testScript);
    HttpFile file;
    for (const ImportedVariable &v : folder.variables) {
        if (v.enabled && !v.secret)
            file.variables.append({v.name, v.value});
    }
    for (const ImportedItem &child : folder.children) {
        if (child.isFolder()) {
            const QString name = uniqueIn(dir, ImportWriter::safeName(child.name), {});
            if (!dir.mkdir(name)) {
                *error = tr("Could not create the folder %1.").arg(dir.filePath(name));
                return false;
            }
            if (!writeFolder(child, QDir(dir.filePath(name)), error, taken, moved, pre, tests))
                return false;
            continue;
        }
        HttpFileRequest request;
        request.name = child.name;
        request.request = *child.request;
        request.request.name = child.name;
        request.auth = AuthReference::fromSettings(child.request->auth);
        PostmanScripts::attach(request, PostmanScripts::chained(pre, child.preRequestScript),
                               PostmanScripts::chained(tests, child.testScript));
        for (const QString &line : child.description.split(u'\n', Qt::SkipEmptyParts))
            request.comments.append(u"# "_s + line);
        for (const ImportedVariable &v : child.variables) {
            if (v.enabled && !v.secret && !file.variables.contains({v.name, v.value}))
                file.variables.append({v.name, v.value});
        }
        file.requests.append(request);
    }
    if (file.requests.isEmpty())
        return true;
    *moved += SecretMover::moveOut(&file, taken);
    const QString path = dir.filePath(uniqueIn(dir, ImportWriter::safeName(folder.name), u".http"_s));
    return HttpFileWriter::writeFile(path, file, error);
}
} // namespace

QString ImportWriter::safeName(const QString &name)
{
    QString out;
    for (const QChar c : name.trimmed()) {
        const bool ok = c.isLetterOrNumber() || c == u' ' || c == u'-' || c == u'_' || c == u'.';
        out += ok ? c : u'-';
    }
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    out = out.trimmed();
    return out.isEmpty() ? u"collection"_s : out;
}

bool ImportWriter::write(const CollectionImportResult &import, const QString &target,
                         const QSet<QString> &keychainVariables, QString *error, QStringList *moved)
{
    const QFileInfo info(target);
    if (info.exists()) {
        *error =
            tr("%1 already exists: choose another folder or name.").arg(QDir::toNativeSeparators(target));
        return false;
    }
    QDir parent = info.absoluteDir();
    if (!parent.exists()) {
        *error = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(parent.path()));
        return false;
    }
    QTemporaryDir staging(parent.filePath(u".peephole-import-XXXXXX"_s));
    if (!staging.isValid()) {
        *error = tr("Could not create a folder in %1: %2")
                     .arg(QDir::toNativeSeparators(parent.path()), staging.errorString());
        return false;
    }
    const QDir dir(staging.path());
    QSet<QString> taken;
    for (const ImportedSecret &s : import.secrets)
        taken.insert(s.variable);
    for (const ImportedVariable &v : import.root.variables)
        taken.insert(v.name);
    QList<ImportedSecret> secrets;
    if (!writeFolder(import.root, dir, error, &taken, &secrets))
        return false;
    // The importer's own finds that do not go to the keychain go to the private file too.
    for (const ImportedSecret &s : import.secrets) {
        if (!keychainVariables.contains(s.variable))
            secrets.append(s);
    }
    QStringList report;
    if (!SecretMover::storePrivate(secrets, dir.path(), &report, error))
        return false;
    if (moved) {
        // Name the final place, not the staging folder.
        for (QString &line : report)
            line.replace(dir.path(), QDir::toNativeSeparators(info.absoluteFilePath()));
        *moved = report;
    }

    Environment env;
    env.name = QString::fromLatin1(EnvironmentName);
    for (const ImportedVariable &v : import.root.variables) {
        if (v.enabled && !v.secret)
            env.variables.insert(v.name, v.value);
    }
    for (const ImportedSecret &s : import.secrets) {
        if (keychainVariables.contains(s.variable))
            env.variables.insert(s.variable, u"$keychain"_s);
    }
    if (!env.variables.isEmpty() &&
        !EnvironmentFile::writeFile(dir.filePath(QString::fromLatin1(EnvironmentFile::PublicFileName)), {env},
                                    error))
        return false;

    if (!QDir().rename(staging.path(), info.absoluteFilePath())) {
        *error = tr("Could not move the imported collection to %1.").arg(QDir::toNativeSeparators(target));
        return false;
    }
    staging.setAutoRemove(false);
    return true;
}

} // namespace Peephole
