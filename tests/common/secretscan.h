#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// Looks for secrets in files and outputs the way a reviewer would: each
/// secret plain, in base64 (alone and as "user:secret" for Basic), percent-
/// encoded, JSON-escaped and as UTF-16 (LE and BE).
namespace SecretScan {

struct Secret
{
    QByteArray value;
    QByteArray user; ///< For Basic: "user:value" is searched in base64 too.
};

/// Every encoding of @p secret that must not appear.
QList<QPair<QString, QByteArray>> forms(const Secret &secret);
/// "LABEL: SECRET as FORM" for each hit in @p bytes.
QStringList findIn(const QByteArray &bytes, const QString &label, const QList<Secret> &secrets);
/// Scans every file under @p root (recursively, hidden ones included) except
/// those whose file name is in @p allowedNames.
QStringList scanTree(const QString &root, const QList<Secret> &secrets, const QStringList &allowedNames = {});
/// Files under @p root that are not 0600 and folders that are not 0700.
QStringList permissionProblems(const QString &root);
/// Every file under @p root (relative paths), for messages.
QStringList listTree(const QString &root);

} // namespace SecretScan
