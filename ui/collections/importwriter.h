#pragma once

#include "formats/importeditem.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace Peephole {

/// Writes an imported collection as a collection folder: one directory per
/// folder, the requests of each folder in "<folder>.http" inside it, the
/// collection variables in http-client.env.json (environment "default").
/// Secret values are never written: a secret whose variable is listed in
/// @c keychainVariables is marked "$keychain" (its value goes to the keychain),
/// the others are left for the user to define.
class ImportWriter
{
public:
    static constexpr auto EnvironmentName = "default";

    /// Creates @p target (which must not exist) in one step: everything is
    /// written into a temporary folder next to it first, so a failure leaves
    /// nothing behind. False and @p error on failure.
    static bool write(const CollectionImportResult &import, const QString &target,
                      const QSet<QString> &keychainVariables, QString *error);
    /// A file or folder name made of @p name (no path separators, never empty).
    static QString safeName(const QString &name);
};

} // namespace Peephole
