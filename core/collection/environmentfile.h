#pragma once

#include "collection/variables.h"
#include "formats/importreport.h"

#include <QList>
#include <QMap>
#include <QString>

namespace Peephole {

/// One named environment of an http-client.env.json file.
struct Environment
{
    QString name;
    QMap<QString, QString> variables; ///< Sorted by name, as the file is written.

    friend bool operator==(const Environment &, const Environment &) = default;
};

struct EnvironmentFileResult
{
    bool ok = false;
    ParseError error;
    QList<Environment> environments; ///< In file order; "$shared" included as it is.
    QList<ImportIssue> issues;       ///< Values that are not variables (objects such as SSLConfiguration).
};

/// The JetBrains HTTP Client environment files:
///
///     { "dev": { "host": "localhost:8080", "user": "alice" },
///       "$shared": { "version": "v1" } }
///
/// Convention: http-client.env.json holds what may be committed;
/// http-client.private.env.json, next to it, holds secrets and is kept out of
/// version control. Its values override those of the public file.
/// "$shared" holds variables common to every environment.
class EnvironmentFile
{
public:
    static constexpr auto PublicFileName = "http-client.env.json";
    static constexpr auto PrivateFileName = "http-client.private.env.json";
    static constexpr auto SharedName = "$shared";

    static EnvironmentFileResult read(const QByteArray &json);
    static EnvironmentFileResult readFile(const QString &path);
    /// Reads @p publicPath and, if present, the private file next to it, merged.
    static EnvironmentFileResult readWithPrivate(const QString &publicPath);

    /// Indented JSON, environments in the order given, variables sorted.
    static QByteArray toJson(const QList<Environment> &environments);
    /// Writes through QSaveFile; false and @p error on failure.
    static bool writeFile(const QString &path, const QList<Environment> &environments, QString *error);

    /// The private file that belongs next to @p publicPath.
    static QString privateFileFor(const QString &publicPath);
    /// @p base with @p overrides applied (same names replaced, new ones appended).
    static QList<Environment> merge(const QList<Environment> &base, const QList<Environment> &overrides);
    /// The scope for environment @p name, with "$shared" values under it.
    static VariableScope scopeFor(const QList<Environment> &environments, const QString &name);
};

} // namespace Peephole
