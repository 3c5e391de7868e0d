#pragma once

#include "formats/httpfile.h"
#include "formats/importeditem.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Peephole {

/// Takes literal secrets out of imported requests, so that no collection
/// file Peephole writes holds one (core/redact decides what is secret):
/// - values of secret headers (Authorization keeps its scheme:
///   "Bearer {{getUser_authorization}}"; Cookie, X-Api-Key… whole) and of
///   headers named like secrets;
/// - the password in URL userinfo and secret query parameters;
/// - the --user password, the token and the proxy password;
/// - JSON body fields and form fields named like secrets (string values).
/// Each becomes a {{variable}}; its value is returned, to be stored in the
/// private environment file or the keychain.
namespace SecretMover {

QList<ImportedSecret> moveOut(HttpFile *file);
/// moveOut() for one of several files that share one private file: @p taken
/// holds the variable names used so far (and is extended).
QList<ImportedSecret> moveOut(HttpFile *file, QSet<QString> *taken);

/// Puts @p secrets into "$shared" of http-client.private.env.json in
/// @p directory (existing values kept, the file created 0600) and makes sure
/// the .gitignore next to it names that file. @p report gets one line per
/// file written or changed. False and @p error when a file cannot be written
/// (nothing is half-written: each file is replaced atomically).
bool storePrivate(const QList<ImportedSecret> &secrets, const QString &directory, QStringList *report,
                  QString *error);

} // namespace SecretMover

} // namespace Peephole
