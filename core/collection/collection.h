#pragma once

#include "http/requestspec.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Peephole {

/// Where the secret of an auth reference lives. Never the secret itself.
struct AuthReference
{
    enum class Scheme { None, Basic, Digest, Bearer };
    enum class Source {
        None,     ///< No secret (e.g. Basic with an empty password).
        Variable, ///< {{name}}: resolved from the environment (secret variables come from the keychain).
        Keychain, ///< The OS keychain, under SecretVariableStore::requestKey().
    };

    Scheme scheme = Scheme::None;
    QString user; ///< May hold {{variables}}.
    Source source = Source::None;
    QString variable; ///< Source::Variable: the variable's name (without braces).

    bool isSet() const { return scheme != Scheme::None; }
    friend bool operator==(const AuthReference &, const AuthReference &) = default;
};

/// One request of a .http file. The spec's URL, headers and body keep their
/// {{variables}} unresolved; spec.auth never holds a secret.
struct CollectionRequest
{
    QString name; ///< "# @name" (or "### Name"); empty: derived for display by displayName().
    QByteArray method = "GET";
    QString url; ///< As typed, {{variables}} included.
    HeaderList headers;
    RequestBody body; ///< Raw or File (`< path`, relative to the .http file).
    AuthReference auth;
    QStringList assertions; ///< "status == 200", as typed after "?? ".
    QStringList comments;   ///< Other comment lines before the request line, verbatim.
    int line = 0;           ///< 1-based line of the request line in its file.

    QString displayName() const;
    friend bool operator==(const CollectionRequest &, const CollectionRequest &) = default;
};

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
    QList<QByteArray> blocks;  ///< Raw text of each block ("###"-separated); concatenated = file.
    QList<int> blockOfRequest; ///< requests[i] came from blocks[blockOfRequest[i]].
    QByteArray bytes;          ///< The file as last read from or written to disk.
    FileProblem problem;       ///< Set when the file could not be read or parsed (requests then empty).
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
    /// The files that failed to parse.
    QList<const CollectionFile *> problems() const;
    int requestCount() const;

    /// The stable id of a collection whose root folder is called @p rootName:
    /// the first 16 hex digits of SHA-256("peephole-collection:" + name).
    /// Never depends on where the folder lives, so a clone elsewhere finds the same keychain entries.
    static QString idFor(const QString &rootName);
};

} // namespace Peephole
