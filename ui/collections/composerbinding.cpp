#include "collections/composerbinding.h"

#include "collection/collectionstore.h"
#include "collections/collectionslogging.h"
#include "composer/composerwidget.h"

namespace Peephole {

namespace {
bool sameAuth(const AuthSettings &a, const AuthSettings &b)
{
    return a.scheme == b.scheme && a.user == b.user && a.password == b.password && a.token == b.token &&
           a.preemptive == b.preemptive && a.basicCharset == b.basicCharset;
}
} // namespace

ComposerBinding::ComposerBinding(CollectionStore *store, ComposerWidget *composer, QObject *parent)
    : QObject(parent), m_store(store), m_composer(composer)
{
    connect(composer, &ComposerWidget::edited, this, &ComposerBinding::syncEdits);
    connect(composer, &ComposerWidget::aboutToBeReplaced, this, [this] {
        if (m_loading || !m_hasCurrent)
            return;
        // Something else is put in the composer: the tied request keeps the edits made so far, and
        // what comes is a new, unsaved request (Ctrl+S asks where to add it).
        syncEdits();
        clear();
        Q_EMIT detached();
    });
}

bool ComposerBinding::sameRequest(const RequestSpec &a, const RequestSpec &b)
{
    return a.method == b.method && a.url == b.url && a.urlTemplate == b.urlTemplate &&
           a.headers == b.headers && a.body == b.body && a.options == b.options && sameAuth(a.auth, b.auth);
}

bool ComposerBinding::load(const RequestRef &ref)
{
    if (!m_store || !m_composer)
        return false;
    syncEdits(); // the request shown so far keeps its edits
    const CollectionRequest *request = m_store->collection().request(ref);
    if (!request)
        return false;
    m_loading = true;
    m_current = ref;
    m_hasCurrent = true;
    m_composer->setRequest(request->request);
    m_shown = m_composer->request();
    m_loading = false;
    qCDebug(lcUiCollections) << "loaded" << ref.file << ref.index;
    Q_EMIT currentChanged();
    return true;
}

void ComposerBinding::clear()
{
    m_hasCurrent = false;
    m_current = {};
    Q_EMIT currentChanged();
}

void ComposerBinding::syncEdits()
{
    if (m_loading || !m_hasCurrent || !m_store || !m_composer)
        return;
    const CollectionRequest *stored = m_store->collection().request(m_current);
    if (!stored)
        return;
    const RequestSpec now = m_composer->request();
    if (sameRequest(now, m_shown))
        return; // nothing typed since it was loaded (or the edits are already in the store)
    CollectionRequest edited = *stored;
    const QString name = edited.request.name;
    edited.request = now;
    edited.request.name = name;
    if (!sameAuth(now.auth, m_shown.auth))
        edited.auth = AuthReference::fromSettings(now.auth);
    m_shown = now;
    m_store->updateRequest(m_current, edited);
}

bool ComposerBinding::save(QString *error)
{
    syncEdits();
    if (!m_hasCurrent || !m_store)
        return true;
    if (!m_store->isDirty(m_current))
        return true; // unchanged: the file is not touched
    return m_store->saveRequest(m_current, error);
}

void ComposerBinding::reload()
{
    if (m_hasCurrent && !load(m_current))
        clear();
}

} // namespace Peephole
