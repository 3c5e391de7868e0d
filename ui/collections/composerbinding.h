#pragma once

#include "collection/collection.h"
#include "http/requestspec.h"

#include <QObject>
#include <QPointer>

namespace Peephole {

class CollectionStore;
class ComposerWidget;

/// Ties the composer to one request of the open collection: loads it (the
/// URL shown as written, {{variables}} kept), copies the user's edits into
/// the store as unsaved edits, and saves them back to the .http file.
class ComposerBinding : public QObject
{
    Q_OBJECT
public:
    ComposerBinding(CollectionStore *store, ComposerWidget *composer, QObject *parent = nullptr);

    /// Shows @p ref in the composer (its unsaved edits included).
    bool load(const RequestRef &ref);
    bool hasCurrent() const { return m_hasCurrent; }
    RequestRef current() const { return m_current; }
    /// Forgets the current request (the composer keeps its content).
    void clear();

    /// Copies the composer's edits of the current request into the store (unsaved).
    void syncEdits();
    /// Saves the current request to its file; true when there was nothing to save.
    bool save(QString *error);
    /// Shows the store's version of the current request again (after "Take theirs").
    void reload();

    /// True when @p a and @p b describe the same request (what the composer can show).
    static bool sameRequest(const RequestSpec &a, const RequestSpec &b);

Q_SIGNALS:
    void currentChanged();
    /// The composer was filled from elsewhere: it no longer shows the tied request.
    void detached();

private:
    QPointer<CollectionStore> m_store;
    QPointer<ComposerWidget> m_composer;
    RequestRef m_current;
    bool m_hasCurrent = false;
    bool m_loading = false;
    RequestSpec m_shown; ///< What the composer showed right after load(): edits are measured against it.
};

} // namespace Peephole
