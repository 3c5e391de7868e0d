// CollectionDock: runs, new requests, expected responses, imports.
#include "collections/collectiondock.h"
#include "io/fileio.h"

#include "collection/collectionstore.h"
#include "collections/collectionmodel.h"
#include "collections/collectionslogging.h"
#include "collections/composerbinding.h"
#include "collections/postmanimportflow.h"
#include "collections/runnerview.h"
#include "composer/composerwidget.h"
#include "formats/httpfile.h"
#include "http/exchangelog.h"
#include "replay/expectedresponse.h"
#include "replay/runner.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace Peephole {

QString CollectionDock::selectedFolder() const
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex());
    if (!index.isValid())
        return {};
    const QString path = index.data(CollectionModel::PathRole).toString();
    if (index.data(CollectionModel::KindRole).toInt() == int(CollectionModel::Kind::Folder))
        return path;
    return path.contains(u'/') ? path.section(u'/', 0, -2) : QString();
}

QString CollectionDock::selectedFile() const
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex());
    if (!index.isValid() ||
        index.data(CollectionModel::KindRole).toInt() == int(CollectionModel::Kind::Folder))
        return {};
    return index.data(CollectionModel::PathRole).toString();
}

void CollectionDock::runCollection()
{
    startRun(m_store->collection().allRequests());
}

void CollectionDock::runFolder()
{
    const QString file = selectedFile();
    if (file.isEmpty()) {
        startRun(m_store->collection().requestsUnder(selectedFolder()));
        return;
    }
    QList<RequestRef> refs;
    const int index = m_store->collection().fileIndex(file);
    for (int i = 0; index >= 0 && i < m_store->collection().files.at(index).requests.size(); ++i)
        refs.append({file, i});
    startRun(refs);
}

void CollectionDock::runSelection()
{
    QList<RequestRef> chosen;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        RequestRef ref;
        if (CollectionModel::refFor(m_proxy->mapToSource(row), &ref))
            chosen.append(ref);
    }
    QList<RequestRef> ordered; // tree order, whatever the order of the clicks
    for (const RequestRef &ref : m_store->collection().allRequests()) {
        if (chosen.contains(ref))
            ordered.append(ref);
    }
    startRun(ordered);
}

bool CollectionDock::startRun(const QList<RequestRef> &selection)
{
    if (m_runner->isRunning()) {
        Q_EMIT message(tr("A run is already going on: wait for it or cancel it."));
        return false;
    }
    m_binding->syncEdits(); // a run sends what the user sees, saved or not
    const Collection &c = m_store->collection();
    QStringList names;
    // The runner also runs the requests these depend on ("# @ref", {{login.…}}), before them.
    for (const RequestRef &ref : Runner::withDependencies(c, selection)) {
        const CollectionRequest *r = c.request(ref);
        names.append(r ? displayName(*r) : ref.file);
    }
    RunOptions options;
    options.environment = activeEnvironment();
    options.concurrency = m_concurrency->value();
    m_runnerView->runStarted(names, options.environment);
    QString error;
    if (selection.isEmpty())
        error = tr("there is no request to run (open a collection, or select requests or a folder first).");
    else if (!m_runner->start(c, selection, options, &error)) {
        // error set by the runner
    } else {
        qCInfo(lcUiCollections) << "run started:" << selection.size() << "requests";
        return true;
    }
    m_runnerView->runFailed(error);
    Q_EMIT message(tr("The run did not start: %1").arg(error));
    return false;
}

void CollectionDock::blankRequest()
{
    RequestSpec blank;
    blank.method = "GET";
    m_composer->setRequest(blank); // lets go of the tied request (its edits stay unsaved in the store)
    m_binding->clear();
    m_composer->urlEdit()->setFocus();
}

void CollectionDock::duplicateRequest()
{
    QString name;
    if (m_binding->hasCurrent()) {
        if (const CollectionRequest *r = m_store->collection().request(m_binding->current()))
            name = displayName(*r);
    }
    newRequest(name.isEmpty() ? tr("copy") : tr("%1 copy").arg(name));
}

void CollectionDock::newRequest(const QString &suggestedName)
{
    if (m_store->rootPath().isEmpty()) {
        Q_EMIT message(tr("Open a collection first (File \u203a Open Collection…)."));
        return;
    }
    QString file = selectedFile();
    if (file.isEmpty()) {
        const QString folder = selectedFolder();
        file = folder.isEmpty() ? u"requests.http"_s : folder + u"/requests.http"_s;
    }
    // Saving as new leaves the tied request as it is on disk: its edits go into the new one.
    if (m_binding->hasCurrent() && m_binding->current().file == file) {
        m_binding->syncEdits();
        const QList<int> dirty = m_store->dirtyRequests(file);
        if (dirty == QList<int>{m_binding->current().index}) {
            const RequestSpec edited = m_composer->request();
            m_store->discardEdits(file);
            m_binding->clear();
            m_composer->setRequest(edited);
        }
    }
    if (!m_store->dirtyRequests(file).isEmpty()) {
        Q_EMIT message(
            tr("%1 has unsaved edits: save them (Ctrl+S) before adding a request to it.").arg(file));
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New request"), tr("Name of the new request in %1:").arg(file),
                              QLineEdit::Normal, suggestedName, &ok)
            .trimmed();
    if (!ok)
        return;
    HttpFile single;
    HttpFileRequest request;
    request.name = name;
    request.request = m_composer->request();
    request.request.name = name;
    request.auth = AuthReference::fromSettings(request.request.auth);
    single.requests.append(request);
    const QString path = QDir(m_store->rootPath()).filePath(file);
    QFile existing(path);
    QByteArray bytes;
    if (existing.exists() && existing.open(QIODevice::ReadOnly))
        bytes = existing.readAll();
    if (!bytes.isEmpty())
        bytes += bytes.endsWith('\n') ? "\n"_ba : "\n\n"_ba;
    bytes += HttpFileWriter::write(single);
    QString error;
    if (!Io::writeFile(path, bytes, &error)) {
        Q_EMIT message(error);
        return;
    }
    m_store->rescan();
    const int index = m_store->collection().fileIndex(file);
    if (index >= 0 && !m_store->collection().files.at(index).requests.isEmpty()) {
        m_binding->load({file, int(m_store->collection().files.at(index).requests.size()) - 1});
        reselectCurrent();
    }
    Q_EMIT message(tr("Added \"%1\" to %2.").arg(name, file));
}

bool CollectionDock::saveResponseAsExpected(quint64 exchangeId)
{
    const ExchangeLog *log = m_workspace->log();
    const Exchange *picked = log->find(exchangeId);
    if (!picked) {
        Q_EMIT message(tr("Select an exchange in the timeline first."));
        return false;
    }
    if (!m_chainRefs.contains(picked->chainId)) {
        Q_EMIT message(
            tr("This exchange was not sent from a request of the open collection: load the request "
               "from the Collection panel and send it, or run it."));
        return false;
    }
    const RequestRef ref = m_chainRefs.value(picked->chainId);
    // The last hop of the chain is the response the request ends with.
    const Exchange *last = picked;
    for (qsizetype i = log->count() - 1; i >= 0; --i) {
        if (log->at(i).chainId == picked->chainId) {
            last = &log->at(i);
            break;
        }
    }
    QString error;
    if (!ExpectedStore::write(m_store->collection(), ref, ExpectedResponse::fromExchange(*last),
                              DiffOptions{}.ignoredHeaders, &error)) {
        Q_EMIT message(tr("Could not save the expected response: %1").arg(error));
        return false;
    }
    Q_EMIT message(
        tr("Saved as the expected response of %1 (%2).")
            .arg(ref.file, QDir::toNativeSeparators(ExpectedStore::pathFor(m_store->collection(), ref))));
    return true;
}

bool CollectionDock::acceptRunResponse(const RequestResult &result)
{
    const Exchange *last = m_workspace->log()->find(result.lastExchangeId);
    if (!last) {
        Q_EMIT message(tr("The exchange of %1 is no longer in the timeline: run it again.").arg(result.name));
        return false;
    }
    QString error;
    if (!ExpectedStore::write(m_store->collection(), result.ref, ExpectedResponse::fromExchange(*last),
                              DiffOptions{}.ignoredHeaders, &error)) {
        Q_EMIT message(tr("Could not save the expected response: %1").arg(error));
        return false;
    }
    Q_EMIT message(tr("The response of %1 is now its expected response.").arg(result.name));
    return true;
}

void CollectionDock::importPostmanDialog()
{
    PostmanImportFlow flow(m_secrets, this);
    const QString folder = flow.run();
    if (!folder.isEmpty())
        openCollection(folder);
    if (!flow.summary().isEmpty())
        Q_EMIT message(flow.summary());
}

} // namespace Peephole
