#include "collection/collectionstore.h"

#include "collection/collectionloader.h"
#include "collection/httpblocks.h"
#include "collection/storelog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QStringList environmentNames(const QString &root)
{
    QStringList names;
    for (const QString &file : {u"http-client.env.json"_s, u"http-client.private.env.json"_s}) {
        QFile f(root + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != u"$shared"_s && !names.contains(it.key()))
                names.append(it.key());
        }
    }
    return names;
}

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

CollectionStore::CollectionStore(QObject *parent) : QObject(parent), m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &CollectionStore::onPathChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &CollectionStore::onPathChanged);
}

CollectionStore::~CollectionStore() = default;

bool CollectionStore::open(const QString &rootPath, QString *error)
{
    Collection c;
    if (!CollectionLoader::load(rootPath, &c, error))
        return false;
    c.environmentNames = environmentNames(c.rootPath);
    m_collection = std::move(c);
    m_disk.clear();
    m_dirty.clear();
    m_conflicts.clear();
    m_conflictTheirs.clear();
    watchAll();
    return true;
}

void CollectionStore::watchAll()
{
    // Watch what is new, unwatch what is gone. Adding a watch costs tens of
    // microseconds, so past the first chunk the files are added a chunk per
    // event-loop turn: opening a big collection does not wait for them.
    QSet<QString> wanted;
    QStringList dirs, files;
    for (const CollectionFolder &d : std::as_const(m_collection.folders))
        dirs.append(d.path.isEmpty() ? m_collection.rootPath : m_collection.rootPath + u'/' + d.path);
    for (const CollectionFile &f : std::as_const(m_collection.files))
        files.append(m_collection.rootPath + u'/' + f.path);
    wanted.reserve(dirs.size() + files.size());
    for (const QString &p : std::as_const(dirs))
        wanted.insert(p);
    for (const QString &p : std::as_const(files))
        wanted.insert(p);
    QStringList stale;
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    QSet<QString> have;
    for (const QString &p : watched) {
        if (wanted.contains(p))
            have.insert(p);
        else
            stale.append(p);
    }
    if (!stale.isEmpty())
        m_watcher->removePaths(stale);
    m_watchQueue.clear();
    QStringList now;
    for (const QString &p : std::as_const(dirs)) {
        if (!have.contains(p))
            now.append(p);
    }
    for (const QString &p : std::as_const(files)) {
        if (have.contains(p))
            continue;
        if (now.size() < WatchChunk)
            now.append(p);
        else
            m_watchQueue.append(p);
    }
    if (!now.isEmpty())
        addWatches(now);
    if (!m_watchQueue.isEmpty())
        QMetaObject::invokeMethod(this, &CollectionStore::watchMore, Qt::QueuedConnection);
}

void CollectionStore::watchMore()
{
    const QStringList chunk = m_watchQueue.mid(0, WatchChunk);
    m_watchQueue.remove(0, chunk.size());
    addWatches(chunk);
    if (!m_watchQueue.isEmpty())
        QMetaObject::invokeMethod(this, &CollectionStore::watchMore, Qt::QueuedConnection);
}

void CollectionStore::addWatches(const QStringList &paths)
{
    const QStringList failed = m_watcher->addPaths(paths);
    if (!failed.isEmpty())
        qCWarning(lcCollectionStore) << "cannot watch" << failed.size() << "paths (inotify limit?)";
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
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = tr("cannot save %1: %2").arg(QDir::toNativeSeparators(path), out.errorString());
        return false;
    }
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

QString CollectionStore::relativeOf(const QString &absolutePath) const
{
    return QDir(m_collection.rootPath).relativeFilePath(absolutePath);
}

void CollectionStore::onPathChanged(const QString &absolutePath)
{
    const QFileInfo info(absolutePath);
    if (info.isDir()) {
        rescanLater();
        return;
    }
    const QString rel = relativeOf(absolutePath);
    if (!info.exists()) {
        // Replaced by a rename (editors, git) or deleted: the folder is rescanned.
        rescanLater();
        return;
    }
    if (!m_watcher->files().contains(absolutePath))
        m_watcher->addPath(absolutePath);
    checkFile(rel);
}

void CollectionStore::checkFile(const QString &path)
{
    CollectionFile *file = fileFor(path);
    if (!file)
        return;
    QFile f(m_collection.rootPath + u'/' + path);
    if (!f.open(QIODevice::ReadOnly)) {
        rescanLater();
        return;
    }
    const QByteArray disk = f.readAll();
    if (disk == file->bytes)
        return; // our own save, or a touch
    if (m_dirty.contains(path)) {
        if (m_conflicts.contains(path) && m_conflictTheirs.value(path) == disk)
            return;
        m_conflicts.insert(path);
        m_conflictTheirs.insert(path, disk);
        qCInfo(lcCollectionStore) << "conflict:" << path << "changed on disk with unsaved edits";
        Q_EMIT conflict(path, pendingBytes(path), disk);
        return;
    }
    file->bytes = disk;
    CollectionLoader::parseInto(file);
    Q_EMIT fileReloaded(path);
}

namespace {
struct LoadResult
{
    bool ok = false;
    QString error;
    Collection collection;
};

/// Loads @p root on the global thread pool; @p done runs on @p context's thread.
void loadInBackground(const QString &root, QObject *context, std::function<void(LoadResult &)> done)
{
    auto promise = std::make_shared<QPromise<LoadResult>>();
    auto *watcher = new QFutureWatcher<LoadResult>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        LoadResult r = watcher->future().resultCount() > 0 ? watcher->future().result() : LoadResult{};
        watcher->deleteLater();
        done(r);
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, root] {
        LoadResult r;
        r.ok = CollectionLoader::load(root, &r.collection, &r.error);
        if (r.ok)
            r.collection.environmentNames = environmentNames(r.collection.rootPath);
        promise->addResult(std::move(r));
        promise->finish();
    });
}
} // namespace

void CollectionStore::openAsync(const QString &rootPath)
{
    loadInBackground(rootPath, this, [this](LoadResult &r) {
        if (r.ok) {
            m_collection = std::move(r.collection);
            m_disk.clear();
            m_dirty.clear();
            m_conflicts.clear();
            m_conflictTheirs.clear();
            watchAll();
        }
        Q_EMIT opened(r.ok, r.error);
    });
}

void CollectionStore::rescanLater()
{
    if (m_rescanRunning) {
        m_rescanPending = true;
        return;
    }
    m_rescanRunning = true;
    loadInBackground(m_collection.rootPath, this, [this](LoadResult &r) {
        m_rescanRunning = false;
        if (r.ok)
            apply(std::move(r.collection));
        else
            qCWarning(lcCollectionStore) << r.error;
        if (std::exchange(m_rescanPending, false))
            rescanLater();
    });
}

void CollectionStore::rescan()
{
    Collection fresh;
    QString error;
    if (!CollectionLoader::load(m_collection.rootPath, &fresh, &error)) {
        qCWarning(lcCollectionStore) << error;
        return;
    }
    fresh.environmentNames = environmentNames(fresh.rootPath);
    apply(std::move(fresh));
}

void CollectionStore::apply(Collection fresh)
{
    bool structure = fresh.files.size() != m_collection.files.size() ||
                     fresh.folders.size() != m_collection.folders.size();
    QStringList reloaded;
    QList<std::tuple<QString, QByteArray, QByteArray>> newConflicts;
    for (CollectionFile &nf : fresh.files) {
        const int oi = m_collection.fileIndex(nf.path);
        if (oi < 0) {
            structure = true;
            continue;
        }
        const CollectionFile &of = m_collection.files.at(oi);
        if (!m_dirty.contains(nf.path)) {
            if (nf.bytes != of.bytes)
                reloaded.append(nf.path);
            continue;
        }
        if (nf.bytes == of.bytes) {
            nf.requests = of.requests; // keep the edits
        } else {
            // keep the edits and the old disk state until the user decides
            const QByteArray mine = pendingBytes(nf.path);
            const QByteArray theirs = nf.bytes;
            nf = of;
            if (m_conflictTheirs.value(nf.path) != theirs) {
                m_conflicts.insert(nf.path);
                m_conflictTheirs.insert(nf.path, theirs);
                newConflicts.append({nf.path, mine, theirs});
            }
        }
    }
    for (auto it = m_dirty.begin(); it != m_dirty.end();) {
        if (fresh.fileIndex(it.key()) < 0) {
            m_disk.remove(it.key());
            it = m_dirty.erase(it);
        } else {
            ++it;
        }
    }
    for (const CollectionFolder &d : std::as_const(fresh.folders)) {
        if (m_collection.folderIndex(d.path) < 0)
            structure = true;
    }
    m_collection = std::move(fresh);
    watchAll();
    for (const QString &p : std::as_const(reloaded))
        Q_EMIT fileReloaded(p);
    for (const auto &[p, mine, theirs] : std::as_const(newConflicts))
        Q_EMIT conflict(p, mine, theirs);
    if (structure)
        Q_EMIT structureChanged();
}

} // namespace Peephole
