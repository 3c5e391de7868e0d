#pragma once

#include "formats/importeditem.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace Peephole {

/// Writes an imported collection as a collection folder: one directory per
/// folder, the requests of each folder in "<folder>.http" inside it, the
/// collection variables in http-client.env.json (environment "default").
/// Secret values are never written into the collection: a secret whose
/// variable is listed in @c keychainVariables is marked "$keychain" (its value
/// goes to the keychain), the others go to http-client.private.env.json
/// (0600, named in the folder's .gitignore).
class ImportWriter
{
public:
    static constexpr auto EnvironmentName = "default";

    /// Creates @p target (which must not exist) in one step: everything is
    /// written into a temporary folder next to it first, so a failure leaves
    /// nothing behind. False and @p error on failure. Literal secrets the
    /// importer left in the requests (URL passwords and secret parameters,
    /// secret headers, JSON/form fields named like secrets) become
    /// {{variables}} whose values go to http-client.private.env.json in the
    /// new folder (0600, named in its .gitignore); @p moved says what went where.
    static bool write(const CollectionImportResult &import, const QString &target,
                      const QSet<QString> &keychainVariables, QString *error, QStringList *moved = nullptr);
    /// A file or folder name made of @p name (no path separators, never empty).
    static QString safeName(const QString &name);
};

} // namespace Peephole
