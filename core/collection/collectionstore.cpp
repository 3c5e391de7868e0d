#include "collection/collectionstore.h"
#include "io/fileio.h"

#include "collection/collectionloader.h"
#include "collection/httpblocks.h"
#include "collection/storelog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
bool sameContent(CollectionRequest a, CollectionRequest b)
{
    a.line = b.line = 0;
    return HttpBlocks::write(a, {}, false) == HttpBlocks::write(b, {}, false);
}

/// The leading comments and variables of @p block, which a rewrite keeps.
HttpFile contextOf(const QByteArray &block)
{
    HttpFile f = HttpFileParser::parse(block).file;
    f.requests.clear();
    f.unparsed.clear();
    return f;
}
} // namespace

CollectionStore::CollectionStore(QObject *parent)
    : QObject(parent), m_watcher(new QFileSystemWatcher(this)), m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(SettleMs);
    connect(m_settle, &QTimer::timeout, this, &CollectionStore::checkSettledFiles);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &CollectionStore::onPathChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &CollectionStore::onPathChanged);
}

CollectionStore::~CollectionStore() = default;

bool CollectionStore::open(const QString &rootPath, QString *error)
{
    Collection c;
    if (!CollectionLoader::load(rootPath, &c, error))
        return false;
    c.environmentNames = CollectionLoader::environmentNames(c.rootPath);
    m_collection = std::move(c);
    m_disk.clear();
    m_dirty.clear();
    m_conflicts.clear();
    m_conflictTheirs.clear();
    watchAll();
    return true;
}
CollectionFile *CollectionStore::fileFor(const QString &path)
{
    const int i = m_collection.fileIndex(path);
    return i < 0 ? nullptr : &m_collection.files[i];
}

bool CollectionStore::updateRequest(const RequestRef &ref, const CollectionRequest &request)
{
    CollectionFile *file = fileFor(ref.file);
    if (!file || ref.index < 0 || ref.index >= file->requests.size())
        return false;
    if (!m_disk.contains(ref.file))
        m_disk.insert(ref.file, file->requests);
    CollectionRequest r = request;
    r.line = file->requests.at(ref.index).line;
    file->requests[ref.index] = r;
    if (sameContent(r, m_disk.value(ref.file).at(ref.index)))
        m_dirty[ref.file].remove(ref.index);
    else
        m_dirty[ref.file].insert(ref.index);
    if (m_dirty.value(ref.file).isEmpty()) {
        m_dirty.remove(ref.file);
        m_disk.remove(ref.file);
    }
    Q_EMIT requestEdited(ref);
    return true;
}

bool CollectionStore::isDirty(const RequestRef &ref) const
{
    return m_dirty.value(ref.file).contains(ref.index);
}

QStringList CollectionStore::dirtyFiles() const
{
    QStringList out = m_dirty.keys();
    std::sort(out.begin(), out.end());
    return out;
}

QList<int> CollectionStore::dirtyRequests(const QString &file) const
{
    QList<int> out = m_dirty.value(file).values();
    std::sort(out.begin(), out.end());
    return out;
}

QByteArray CollectionStore::bytesWith(const CollectionFile &file, const QList<int> &requests) const
{
    QList<QByteArray> blocks = file.blocks;
    for (int idx : requests) {
        const int b = file.blockOfRequest.value(idx, -1);
        if (b < 0)
            continue;
        blocks[b] = HttpBlocks::write(file.requests.at(idx), contextOf(blocks.at(b)), b + 1 < blocks.size());
    }
    QByteArray out;
    for (const QByteArray &b : std::as_const(blocks))
        out += b;
    return out;
}

QByteArray CollectionStore::pendingBytes(const QString &path) const
{
    const int i = m_collection.fileIndex(path);
    if (i < 0)
        return {};
    return bytesWith(m_collection.files.at(i), dirtyRequests(path));
}

QByteArray CollectionStore::requestText(const RequestRef &ref) const
{
    const int i = m_collection.fileIndex(ref.file);
    if (i < 0 || ref.index < 0 || ref.index >= m_collection.files.at(i).requests.size())
        return {};
    const CollectionFile &f = m_collection.files.at(i);
    const int b = f.blockOfRequest.at(ref.index);
    if (!isDirty(ref))
        return f.blocks.at(b);
    return HttpBlocks::write(f.requests.at(ref.index), contextOf(f.blocks.at(b)), b + 1 < f.blocks.size());
}

bool CollectionStore::writeFile(CollectionFile *file, const QByteArray &bytes, QString *error)
{
    const QString path = m_collection.rootPath + u'/' + file->path;
    if (!Io::writeFile(path, bytes, error))
        return false;
    // The rename replaced the inode: watch the new file.
    m_watcher->removePath(path);
    m_watcher->addPath(path);
    const QList<CollectionRequest> edited = file->requests;
    file->bytes = bytes;
    CollectionLoader::parseInto(file);
    const QSet<int> dirty = m_dirty.value(file->path);
    if (dirty.isEmpty() || file->requests.size() != edited.size()) {
        m_dirty.remove(file->path);
        m_disk.remove(file->path);
    } else {
        m_disk.insert(file->path, file->requests);
        for (int idx : dirty)
            file->requests[idx] = edited.at(idx);
    }
    Q_EMIT fileSaved(file->path);
    return true;
}

bool CollectionStore::saveRequest(const RequestRef &ref, QString *error)
{
    CollectionFile *file = fileFor(ref.file);
    if (!file || ref.index < 0 || ref.index >= file->requests.size()) {
        *error = tr("no request %1 in %2").arg(ref.index + 1).arg(ref.file);
        return false;
    }
    if (!isDirty(ref))
        return true; // nothing to write: the file keeps its exact bytes
    const QByteArray bytes = bytesWith(*file, {ref.index});
    m_dirty[ref.file].remove(ref.index);
    if (!writeFile(file, bytes, error)) {
        m_dirty[ref.file].insert(ref.index);
        return false;
    }
    m_conflicts.remove(ref.file);
    return true;
}

bool CollectionStore::saveFile(const QString &path, QString *error)
{
    CollectionFile *file = fileFor(path);
    if (!file) {
        *error = tr("no file %1 in the collection").arg(path);
        return false;
    }
    const QByteArray bytes = bytesWith(*file, dirtyRequests(path));
    const QSet<int> dirty = m_dirty.take(path);
    if (!writeFile(file, bytes, error)) {
        m_dirty.insert(path, dirty);
        return false;
    }
    m_conflicts.remove(path);
    return true;
}

void CollectionStore::discardEdits(const QString &path)
{
    CollectionFile *file = fileFor(path);
    if (!file || !m_disk.contains(path))
        return;
    file->requests = m_disk.take(path);
    m_dirty.remove(path);
    m_conflicts.remove(path);
    Q_EMIT editsDiscarded(path);
}

void CollectionStore::resolveConflict(const QString &path, Resolution resolution)
{
    if (!m_conflicts.contains(path))
        return;
    m_conflicts.remove(path);
    const QByteArray theirs = m_conflictTheirs.take(path);
    CollectionFile *file = fileFor(path);
    if (!file)
        return;
    if (resolution == Resolution::KeepMine) {
        QString error;
        if (!saveFile(path, &error))
            qCWarning(lcCollectionStore) << error;
        return;
    }
    m_dirty.remove(path);
    m_disk.remove(path);
    file->bytes = theirs;
    CollectionLoader::parseInto(file);
    Q_EMIT editsDiscarded(path);
    Q_EMIT fileReloaded(path);
}

} // namespace Peephole
