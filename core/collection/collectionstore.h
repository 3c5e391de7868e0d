#pragma once

#include "collection/collection.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace Peephole {

/// Owns one open collection: loads the folder, holds unsaved edits, saves
/// one request at a time (only its file is rewritten, atomically, and the
/// other blocks of that file keep their exact bytes), and watches the folder
/// for changes made by someone else.
class CollectionStore : public QObject
{
    Q_OBJECT
public:
    enum class Resolution { KeepMine, TakeTheirs };

    explicit CollectionStore(QObject *parent = nullptr);
    ~CollectionStore() override;

    /// Loads @p rootPath (parallel parse) and starts watching it. A file that
    /// does not parse is listed with its problem; the rest loads. False and
    /// @p error only when the folder cannot be read at all.
    bool open(const QString &rootPath, QString *error);
    /// Like open(), but reads and parses on a worker thread; opened() follows.
    /// The GUI uses this: the event loop keeps running while a big collection loads.
    void openAsync(const QString &rootPath);
    const Collection &collection() const { return m_collection; }
    QString rootPath() const { return m_collection.rootPath; }

    /// Replaces a request in memory (the file is not touched). Emits requestEdited().
    bool updateRequest(const RequestRef &ref, const CollectionRequest &request);
    bool isDirty(const RequestRef &ref) const;
    /// Files with unsaved edits, sorted.
    QStringList dirtyFiles() const;
    /// Indexes of the edited requests of @p file.
    QList<int> dirtyRequests(const QString &file) const;

    /// Writes the request's file with only this request's block replaced
    /// (QSaveFile). Other unsaved edits of the same file stay unsaved.
    bool saveRequest(const RequestRef &ref, QString *error);
    /// Saves every edited request of @p file.
    bool saveFile(const QString &file, QString *error);
    /// Forgets the edits of @p file (the disk version is shown again).
    void discardEdits(const QString &file);
    /// The file's text with every unsaved edit applied.
    QByteArray pendingBytes(const QString &file) const;
    /// The text of one request as its block would be written.
    QByteArray requestText(const RequestRef &ref) const;

    /// Settles a conflict reported by conflict(): keep the edits in memory
    /// (the next save overwrites the disk), or reload the disk version.
    void resolveConflict(const QString &file, Resolution resolution);
    QStringList conflicts() const { return m_conflicts.values(); }

    /// Checks @p file (relative) against the disk now, as the watcher does.
    void checkFile(const QString &file);
    /// Rescans the folder structure (new or removed files and folders), now.
    void rescan();
    /// Same on a worker thread (what the watcher uses); several calls while
    /// one is running coalesce into one more.
    void rescanLater();

Q_SIGNALS:
    /// openAsync() finished; on success collection() holds the tree.
    void opened(bool ok, const QString &error);
    void requestEdited(const Peephole::RequestRef &ref);
    void fileSaved(const QString &file);
    /// A file changed on disk without local edits: the new version is loaded.
    void fileReloaded(const QString &file);
    /// Files or folders appeared or vanished; collection() holds the new tree.
    void structureChanged();
    /// A file with unsaved edits changed on disk. @p mine: the file with the
    /// edits; @p theirs: the disk version. Settle with resolveConflict().
    void conflict(const QString &file, const QByteArray &mine, const QByteArray &theirs);
    void editsDiscarded(const QString &file);

private:
    CollectionFile *fileFor(const QString &path);
    bool writeFile(CollectionFile *file, const QByteArray &bytes, QString *error);
    QByteArray bytesWith(const CollectionFile &file, const QList<int> &requests) const;
    void apply(Collection fresh);
    void watchAll();
    void watchMore();
    void addWatches(const QStringList &paths);
    void onPathChanged(const QString &absolutePath);
    void checkSettledFiles();
    QString relativeOf(const QString &absolutePath) const;

    Collection m_collection;
    QHash<QString, QList<CollectionRequest>> m_disk; ///< file -> requests as on disk (for edited files only)
    QHash<QString, QSet<int>> m_dirty;
    QSet<QString> m_conflicts;
    QHash<QString, QByteArray> m_conflictTheirs;
    QFileSystemWatcher *m_watcher;
    /// Changed files are read once they have been quiet for SettleMs: a writer that truncates, then
    /// writes (most scripts, some editors), is never caught half way.
    QTimer *m_settle;
    QSet<QString> m_changedFiles; ///< Absolute paths.
    static constexpr int SettleMs = 150;
    bool m_rescanRunning = false;
    bool m_rescanPending = false;
    QStringList m_watchQueue; ///< Files still to watch (added a chunk per event-loop turn).
    static constexpr int WatchChunk = 1000;
};

} // namespace Peephole
