// CollectionStore: watching the folder, reloading, rescanning, loading off the GUI thread.
#include "collection/collectionstore.h"

#include "collection/collectionloader.h"
#include "collection/storelog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Peephole {

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
    m_changedFiles.insert(absolutePath);
    m_settle->start(); // each change restarts the wait
}

void CollectionStore::checkSettledFiles()
{
    const QSet<QString> changed = std::exchange(m_changedFiles, {});
    for (const QString &absolutePath : changed) {
        if (!QFileInfo::exists(absolutePath)) {
            // Replaced by a rename (editors, git) or deleted: the folder is rescanned.
            rescanLater();
            continue;
        }
        if (!m_watcher->files().contains(absolutePath))
            m_watcher->addPath(absolutePath);
        checkFile(relativeOf(absolutePath));
    }
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
            r.collection.environmentNames = CollectionLoader::environmentNames(r.collection.rootPath);
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
    fresh.environmentNames = CollectionLoader::environmentNames(fresh.rootPath);
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
