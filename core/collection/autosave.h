#pragma once

#include "collection/collection.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QTimer;

namespace Peephole {

class CollectionStore;

/// One file's unsaved edits found in the journal after a crash.
struct RecoveryItem
{
    QString file;             ///< Relative path in the collection.
    QDateTime savedAt;        ///< When the journal was written (UTC).
    QList<int> requests;      ///< Indexes of the edited requests.
    bool diskChanged = false; ///< The file on disk changed since the edits were made.
    /// Secrets the journal did not keep ("header Authorization"); they come back as {{secret_not_saved}}.
    QStringList secretsLeftOut;
};

/// Journals the unsaved edits of a CollectionStore outside the collection,
/// in QStandardPaths::AppDataLocation/autosave/<hash of the collection's
/// absolute path>/<hash of the file>.json, within ~1 s of an edit. A journal
/// is removed when its file is saved or its edits discarded, and kept when
/// the program ends without saving, so the next start can offer it back.
/// Journals hold request text only: auth references, never secrets. A
/// literal secret typed into a request (Authorization or Cookie value, URL
/// password, secret query parameter, JSON/form field named like a secret)
/// is journaled as {{secret_not_saved}} (Redact::requestText()) and listed
/// in RecoveryItem::secretsLeftOut. Journals are 0600 in 0700 folders.
class Autosave : public QObject
{
    Q_OBJECT
public:
    explicit Autosave(CollectionStore *store, QObject *parent = nullptr);
    ~Autosave() override;

    /// Delay between an edit and its journal (default 500 ms).
    void setDelay(int ms);
    QString journalDir() const;

    /// Edits journaled by an earlier session of the same collection.
    QList<RecoveryItem> pendingRecovery() const;
    /// Applies the journaled edits of @p file (all files when empty) to the store, unsaved.
    bool restore(const QString &file = QString());
    /// Deletes the journal of @p file (all when empty).
    void discard(const QString &file = QString());
    /// Writes the journal now.
    void flush();

Q_SIGNALS:
    void journalWritten(const QString &file);

private:
    QString journalPath(const QString &file) const;
    void writeJournal(const QString &file);
    void removeJournal(const QString &file);

    QPointer<CollectionStore> m_store;
    QTimer *m_timer;
    QStringList m_pending;
};

} // namespace Peephole
