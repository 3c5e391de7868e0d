#pragma once

#include "collection/collection.h"

namespace Peephole::CollectionLoader {

/// Names of the environments of http-client.env.json and its private file, "$shared" excluded.
QStringList environmentNames(const QString &rootPath);

/// Reads and parses one .http file (@p relativePath under @p rootPath).
CollectionFile loadFile(const QString &rootPath, const QString &relativePath);
/// Parses the bytes of a file; requests, blocks and problem are filled.
void parseInto(CollectionFile *file);

/// Scans @p rootPath and parses every .http file, in parallel on the global
/// thread pool. Hidden folders (".git", ".peephole") are skipped. Returns
/// false and @p error only when the folder itself cannot be read.
bool load(const QString &rootPath, Collection *collection, QString *error);

} // namespace Peephole::CollectionLoader
