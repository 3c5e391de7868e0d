#pragma once

#include "formats/httpfile.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Peephole {

/// One request of a .http file (see formats/httpfile.h): name, RequestSpec
/// with its {{variables}} unresolved (URL in request.urlTemplate), auth
/// reference (never a secret), assertions, comments, line.
using CollectionRequest = HttpFileRequest;

/// "GET /path" for a request without a name.
QString displayName(const CollectionRequest &request);
/// The URL as written ({{variables}} kept).
QString urlText(const CollectionRequest &request);

/// A problem of one .http file: the rest of the collection still loads.
struct FileProblem
{
    int line = 0;    ///< 1-based, 0: the whole file.
    QString message; ///< What is wrong and what to do.
    bool isError() const { return !message.isEmpty(); }
};

/// One .http file: its requests and the exact bytes they came from.
struct CollectionFile
{
    QString path; ///< Relative to the collection root, '/' separated.
    QList<CollectionRequest> requests;
    QList<QByteArray> blocks;          ///< Raw text of each block ("###"-separated); concatenated = file.
    QList<int> blockOfRequest;         ///< requests[i] came from blocks[blockOfRequest[i]].
    QList<HttpFileVariable> variables; ///< "@name = value" lines (file scope).
    QStringList imports; ///< "# @import ./other.http": named requests of those files are known here.
    QByteArray bytes;    ///< The file as last read from or written to disk.
    /// Requests that could not be parsed (line and reason), or a file that
    /// could not be read (line 0). The file's other requests still load.
    QList<FileProblem> problems;
};

/// A folder of the collection; the root folder has an empty path.
struct CollectionFolder
{
    QString path;       ///< Relative, '/' separated; "" for the root.
    QString name;       ///< Last path component (the collection's name for the root).
    int parent = -1;    ///< Index in Collection::folders, -1 for the root.
    QList<int> folders; ///< Child folder indexes, sorted by name.
    QList<int> files;   ///< Indexes in Collection::files, sorted by name.
};

/// Addresses one request: stable across reloads as long as the file keeps its requests.
struct RequestRef
{
    QString file; ///< CollectionFile::path
    int index = 0;
    friend bool operator==(const RequestRef &, const RequestRef &) = default;
};

/// A folder on disk seen as a collection of requests. Plain value.
struct Collection
{
    QString rootPath;                ///< Absolute, in memory only (never written to a file).
    QString id;                      ///< collectionId(): keychain namespace.
    QList<CollectionFolder> folders; ///< folders[0] is the root.
    QList<CollectionFile> files;     ///< Sorted by path.
    QStringList environmentNames;    ///< From http-client.env.json (+ private), "$shared" excluded.

    int fileIndex(const QString &path) const;
    int folderIndex(const QString &path) const;
    const CollectionRequest *request(const RequestRef &ref) const;
    /// Every request, in tree order (files sorted by path, requests in file order).
    QList<RequestRef> allRequests() const;
    /// The requests under folder @p path (recursively); "" is the whole collection.
    QList<RequestRef> requestsUnder(const QString &path) const;
    /// The files with at least one problem.
    QList<const CollectionFile *> problems() const;
    int requestCount() const;

    /// The stable id of a collection whose root folder is called @p rootName:
    /// the first 16 hex digits of SHA-256("peephole-collection:" + name).
    /// Never depends on where the folder lives, so a clone elsewhere finds the same keychain entries.
    static QString idFor(const QString &rootName);
};

} // namespace Peephole
