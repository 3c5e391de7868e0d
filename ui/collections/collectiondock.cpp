#include "collections/collectiondock.h"

#include "collection/autosave.h"
#include "collection/collectionstore.h"
#include "collection/environmentfile.h"
#include "collection/secretvariablestore.h"
#include "collections/collectionmodel.h"
#include "collections/collectionslogging.h"
#include "collections/composerbinding.h"
#include "collections/messagebar.h"
#include "collections/runnerview.h"
#include "composer/composerwidget.h"
#include "replay/runner.h"
#include "timeline/timelineview.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

CollectionDock::CollectionDock(Workspace *workspace, ComposerWidget *composer, TimelineView *timeline,
                               QWidget *parent)
    : QDockWidget(tr("Collection"), parent), m_workspace(workspace), m_composer(composer),
      m_timeline(timeline), m_store(new CollectionStore(this)), m_autosave(new Autosave(m_store, this)),
      m_model(new CollectionModel(m_store, this)), m_proxy(new QSortFilterProxyModel(this)),
      m_binding(new ComposerBinding(m_store, composer, this)), m_secrets(new KeychainSecretStore(this)),
      m_runner(new Runner(workspace->session(), this)), m_runnerView(new RunnerView(parent)),
      m_tree(new QTreeView(this)), m_filter(new QLineEdit(this)), m_environment(new QComboBox(this)),
      m_concurrency(new QSpinBox(this)), m_title(new QLabel(this)), m_conflictBar(new MessageBar(this)),
      m_recoveryBar(new MessageBar(this))
{
    setObjectName(u"collectionDock"_s);
    m_runner->setSecretStore(m_secrets);
    m_runnerView->setRunner(m_runner);
    connect(m_runnerView, &RunnerView::acceptRequested, this, &CollectionDock::acceptRunResponse);
    connect(m_runnerView, &RunnerView::exchangeActivated, timeline, &TimelineView::selectExchange);
    m_runnerView->hide();
    buildUi();

    connect(m_store, &CollectionStore::opened, this, &CollectionDock::onOpened);
    connect(m_store, &CollectionStore::conflict, this, [this](const QString &file) { onConflict(file); });
    connect(m_store, &CollectionStore::fileReloaded, this, [this](const QString &file) {
        if (m_binding->hasCurrent() && m_binding->current().file == file)
            m_binding->reload();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectionDock::reselectCurrent);
    for (auto signal : {&CollectionStore::fileSaved, &CollectionStore::fileReloaded})
        connect(m_store, signal, this, &CollectionDock::updateTitle);
    connect(m_store, &CollectionStore::structureChanged, this, &CollectionDock::updateTitle);
    connect(m_binding, &ComposerBinding::detached, this, [this] {
        // Not selected any more; the file stays current: Ctrl+S adds the new request next to it.
        m_tree->selectionModel()->clearSelection();
        Q_EMIT message(tr("A new, unsaved request: Ctrl+S (or Save as New…) adds it to the collection."));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { activate(current); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        loadSecretVariables();
        if (m_binding->hasCurrent())
            m_composer->showProblem({});
    });
    connect(m_runner, &Runner::requestFinished, this, [this](int, const RequestResult &result) {
        if (result.chainId != 0)
            m_chainRefs.insert(result.chainId, result.ref);
    });
    // Connected before the window's own handler: marks the send that follows as the composer's.
    connect(composer, &ComposerWidget::sendRequested, this, [this] { m_composerSend = true; });
    connect(timeline, &TimelineView::currentExchangeChanged, this, [this](quint64 id) {
        m_currentExchange = id;
        m_saveExpectedAction->setEnabled(id != 0);
    });
    m_saveExpectedAction->setEnabled(false);
    hide(); // shown when a collection is opened (or from the View menu)
}

CollectionDock::~CollectionDock() = default;

void CollectionDock::buildUi()
{
    const auto icon = [this](const QString &name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(name, style()->standardIcon(fallback));
    };
    m_openAction = new QAction(icon(u"folder-open"_s, QStyle::SP_DirOpenIcon), tr("Open &Collection…"), this);
    m_openAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_importAction = new QAction(tr("Import &Postman Collection…"), this);
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+Alt+I")));
    m_newAction =
        new QAction(icon(u"document-save-as"_s, QStyle::SP_FileDialogNewFolder), tr("Save as &New…"), this);
    m_newAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    m_newAction->setShortcutContext(Qt::WindowShortcut);
    m_newAction->setToolTip(tr("Add the composer's request to the selected .http file as a new request "
                               "(Ctrl+Shift+S)"));
    m_blankAction = new QAction(icon(u"document-new"_s, QStyle::SP_FileIcon), tr("New &Request"), this);
    m_blankAction->setShortcut(QKeySequence::New);
    m_blankAction->setShortcutContext(Qt::WindowShortcut);
    m_blankAction->setToolTip(tr("Start an empty request, tied to no saved one (Ctrl+N)"));
    m_duplicateAction = new QAction(tr("&Duplicate Request"), this);
    m_duplicateAction->setShortcut(QKeySequence(tr("Ctrl+D")));
    m_duplicateAction->setShortcutContext(Qt::WindowShortcut);
    m_duplicateAction->setToolTip(tr("Add a copy of the composer's request to the collection (Ctrl+D)"));
    m_saveAction =
        new QAction(icon(u"document-save"_s, QStyle::SP_DialogSaveButton), tr("&Save Request"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WindowShortcut);
    m_saveAction->setToolTip(tr("Save the composer's request into its .http file (Ctrl+S)"));
    m_saveExpectedAction = new QAction(tr("Save Response as &Expected"), this);
    m_saveExpectedAction->setShortcut(QKeySequence(tr("Ctrl+Alt+E")));
    m_saveExpectedAction->setToolTip(tr("Save the response of the exchange selected in the timeline as the "
                                        "expected response of its request"));
    m_runAllAction =
        new QAction(icon(u"media-playback-start"_s, QStyle::SP_MediaPlay), tr("Run Collection"), this);
    m_runAllAction->setShortcut(QKeySequence(tr("F5")));
    m_runFolderAction = new QAction(tr("Run Folder"), this);
    m_runFolderAction->setShortcut(QKeySequence(tr("Shift+F5")));
    m_runFolderAction->setToolTip(tr("Run the requests of the selected folder or file"));
    m_runSelectionAction = new QAction(tr("Run Selection"), this);
    m_runSelectionAction->setShortcut(QKeySequence(tr("Ctrl+F5")));
    m_runSelectionAction->setToolTip(tr("Run the selected requests"));
    for (QAction *a : {m_openAction, m_importAction, m_saveExpectedAction, m_runAllAction, m_runFolderAction,
                       m_runSelectionAction})
        a->setShortcutContext(Qt::WindowShortcut);
    addActions({m_saveAction, m_newAction, m_blankAction, m_duplicateAction});

    connect(m_openAction, &QAction::triggered, this, &CollectionDock::openCollectionDialog);
    connect(m_importAction, &QAction::triggered, this, &CollectionDock::importPostmanDialog);
    connect(m_newAction, &QAction::triggered, this, [this] { newRequest(); });
    connect(m_blankAction, &QAction::triggered, this, &CollectionDock::blankRequest);
    connect(m_duplicateAction, &QAction::triggered, this, &CollectionDock::duplicateRequest);
    connect(m_saveAction, &QAction::triggered, this, &CollectionDock::saveCurrent);
    connect(m_saveExpectedAction, &QAction::triggered, this,
            [this] { saveResponseAsExpected(m_currentExchange); });
    connect(m_runAllAction, &QAction::triggered, this, &CollectionDock::runCollection);
    connect(m_runFolderAction, &QAction::triggered, this, &CollectionDock::runFolder);
    connect(m_runSelectionAction, &QAction::triggered, this, &CollectionDock::runSelection);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *tools = new QToolBar(page);
    tools->setIconSize(QSize(16, 16));
    tools->addActions({m_openAction, m_newAction, m_saveAction});
    layout->addWidget(tools);

    m_title->setText(tr("No collection open."));
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto *envRow = new QHBoxLayout;
    auto *envLabel = new QLabel(tr("&Environment:"), page);
    envLabel->setBuddy(m_environment);
    m_environment->setAccessibleName(tr("Environment"));
    m_environment->setToolTip(tr("Variables from http-client.env.json used to send and run requests"));
    envRow->addWidget(envLabel);
    envRow->addWidget(m_environment, 1);
    layout->addLayout(envRow);

    auto *runTools = new QToolBar(page);
    runTools->setIconSize(QSize(16, 16));
    runTools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    runTools->addActions({m_runAllAction, m_runFolderAction, m_runSelectionAction});
    layout->addWidget(runTools);
    auto *concRow = new QHBoxLayout;
    auto *concLabel = new QLabel(tr("Requests at &once:"), page);
    concLabel->setBuddy(m_concurrency);
    m_concurrency->setRange(1, 32);
    m_concurrency->setValue(1);
    m_concurrency->setAccessibleName(tr("Concurrency"));
    m_concurrency->setToolTip(tr("How many requests a run keeps in flight (1: strictly in order)"));
    concRow->addWidget(concLabel);
    concRow->addWidget(m_concurrency);
    concRow->addStretch(1);
    layout->addLayout(concRow);

    m_filter->setPlaceholderText(tr("Filter requests"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Collection filter"));
    layout->addWidget(m_filter);
    layout->addWidget(m_conflictBar);
    layout->addWidget(m_recoveryBar);

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setAccessibleName(tr("Collection requests"));
    layout->addWidget(m_tree, 1);
    setWidget(page);

    connect(m_conflictBar, &MessageBar::firstClicked, this, [this] {
        const QStringList files = m_store->conflicts();
        if (!files.isEmpty())
            m_store->resolveConflict(files.first(), CollectionStore::Resolution::KeepMine);
        if (!m_store->conflicts().isEmpty())
            onConflict(m_store->conflicts().first());
    });
    connect(m_conflictBar, &MessageBar::secondClicked, this, [this] {
        const QStringList files = m_store->conflicts();
        if (!files.isEmpty()) {
            m_store->resolveConflict(files.first(), CollectionStore::Resolution::TakeTheirs);
            if (m_binding->hasCurrent() && m_binding->current().file == files.first())
                m_binding->reload();
        }
        if (!m_store->conflicts().isEmpty())
            onConflict(m_store->conflicts().first());
    });
    connect(m_recoveryBar, &MessageBar::firstClicked, this, [this] {
        if (m_autosave->restore())
            Q_EMIT message(tr("Unsaved edits restored: Ctrl+S saves them."));
        else
            Q_EMIT message(tr("The unsaved edits could not be restored."));
        if (m_binding->hasCurrent())
            m_binding->reload();
    });
    connect(m_recoveryBar, &MessageBar::secondClicked, this, [this] { m_autosave->discard(); });
}

void CollectionDock::openCollectionDialog()
{
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Open a collection folder"), m_store->rootPath());
    if (!path.isEmpty())
        openCollection(path);
}

void CollectionDock::openCollection(const QString &path)
{
    m_binding->syncEdits();
    m_binding->clear();
    m_chainRefs.clear();
    m_conflictBar->hide();
    m_recoveryBar->hide();
    m_title->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    show();
    m_store->openAsync(path);
}

void CollectionDock::onOpened(bool ok, const QString &error)
{
    if (!ok) {
        m_title->setText(tr("Could not open the collection: %1").arg(error));
        Q_EMIT opened(false, error);
        return;
    }
    const Collection &c = m_store->collection();
    updateTitle();
    reloadEnvironments();
    m_tree->expandAll();
    offerRecovery();
    qCInfo(lcUiCollections) << "opened" << c.rootPath << c.requestCount() << "requests";
    Q_EMIT opened(true, {});
}

void CollectionDock::updateTitle()
{
    if (m_store->rootPath().isEmpty())
        return;
    const Collection &c = m_store->collection();
    const int problems = int(c.problems().size());
    QString title = tr("<b>%1</b> \u2014 %n request(s)", nullptr, c.requestCount())
                        .arg(c.folders.isEmpty() ? QString() : c.folders.first().name.toHtmlEscaped());
    if (problems > 0)
        title += u"<br><span style=\"color:#b3261e\">%1</span>"_s.arg(
            tr("%n file(s) with requests that could not be read (in red below)", nullptr, problems));
    m_title->setText(title);
    m_title->setToolTip(QDir::toNativeSeparators(c.rootPath));
}

void CollectionDock::offerRecovery()
{
    const QList<RecoveryItem> items = m_autosave->pendingRecovery();
    if (items.isEmpty())
        return;
    QStringList files;
    QStringList leftOut;
    bool diskChanged = false;
    for (const RecoveryItem &item : items) {
        files.append(item.file);
        diskChanged = diskChanged || item.diskChanged;
        leftOut += item.secretsLeftOut;
    }
    QString text =
        tr("Unsaved edits of %n file(s) from an earlier session were found: %1.", nullptr, int(files.size()))
            .arg(files.join(u", "_s));
    if (diskChanged)
        text += u' ' + tr("Some of these files changed on disk since.");
    if (!leftOut.isEmpty())
        text += u' ' + tr("Secrets are never written to the journal, so these come back as "
                          "{{secret_not_saved}}: %1.")
                           .arg(leftOut.join(u", "_s));
    m_recoveryBar->showMessage(text, tr("Restore unsaved edits"), tr("Discard"));
}

void CollectionDock::onConflict(const QString &file)
{
    m_conflictBar->showMessage(
        tr("%1 changed on disk while you were editing it. Keep your edits (the next save "
           "overwrites the file) or take the version on disk?")
            .arg(file),
        tr("Keep mine"), tr("Take theirs"));
}

void CollectionDock::reloadEnvironments()
{
    const QString previous = activeEnvironment();
    const QSignalBlocker blocker(m_environment);
    m_environment->clear();
    m_environment->addItem(tr("(no environment)"), QString());
    for (const QString &name : m_store->collection().environmentNames)
        m_environment->addItem(name, name);
    const int keep = m_environment->findData(previous);
    m_environment->setCurrentIndex(keep > 0 ? keep : (m_environment->count() > 1 ? 1 : 0));
    loadSecretVariables();
}

void CollectionDock::loadSecretVariables()
{
    m_secretValues.clear();
    m_secretErrors.clear();
    m_secretReads = 0;
    const QString environment = activeEnvironment();
    const VariableScope scope = environmentScope();
    for (auto it = scope.cbegin(); it != scope.cend(); ++it) {
        if (it.value() != u"$keychain"_s)
            continue;
        const QString name = it.key();
        m_secretErrors.insert(name, tr("its value is still being read from the keychain"));
        ++m_secretReads;
        const QString key = SecretVariableStore::variableKey(m_store->collection().id, environment, name);
        m_secrets->read(
            key, this, [this, name, environment](bool found, const QString &value, const QString &error) {
                if (environment != activeEnvironment())
                    return; // the user picked another environment meanwhile
                m_secretReads = std::max(0, m_secretReads - 1);
                if (found) {
                    m_secretValues.insert(name, value);
                    m_secretErrors.remove(name);
                } else {
                    m_secretErrors.insert(name, error.isEmpty() ? tr("it is not in the keychain") : error);
                }
            });
    }
}

QString CollectionDock::activeEnvironment() const
{
    return m_environment->currentData().toString();
}

void CollectionDock::setActiveEnvironment(const QString &name)
{
    const int index = m_environment->findData(name);
    if (index >= 0)
        m_environment->setCurrentIndex(index);
}

void CollectionDock::activate(const QModelIndex &proxyIndex)
{
    RequestRef ref;
    if (!CollectionModel::refFor(m_proxy->mapToSource(proxyIndex), &ref))
        return;
    if (m_binding->hasCurrent() && m_binding->current() == ref)
        return;
    m_binding->load(ref);
}

void CollectionDock::reselectCurrent()
{
    m_tree->expandAll();
    if (!m_binding->hasCurrent())
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexFor(m_binding->current()));
    if (index.isValid())
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

bool CollectionDock::saveCurrent()
{
    if (!m_binding->hasCurrent()) {
        if (m_store->rootPath().isEmpty()) {
            Q_EMIT message(tr("Open a collection first (File \u203a Open Collection…), then Ctrl+S saves the "
                              "composer's request into it."));
            return false;
        }
        newRequest();
        return m_binding->hasCurrent();
    }
    QString error;
    const bool wasDirty = [this] {
        m_binding->syncEdits();
        return m_store->isDirty(m_binding->current());
    }();
    if (!m_binding->save(&error)) {
        Q_EMIT message(tr("Could not save %1: %2").arg(m_binding->current().file, error));
        return false;
    }
    Q_EMIT message(wasDirty ? tr("Saved to %1.").arg(m_binding->current().file)
                            : tr("No changes to save in %1.").arg(m_binding->current().file));
    return true;
}

VariableScope CollectionDock::environmentScope() const
{
    if (m_store->rootPath().isEmpty())
        return {};
    const QString path =
        QDir(m_store->rootPath()).filePath(QString::fromLatin1(EnvironmentFile::PublicFileName));
    const EnvironmentFileResult envs = EnvironmentFile::readWithPrivate(path);
    if (!envs.ok)
        return {};
    return EnvironmentFile::scopeFor(envs.environments, activeEnvironment());
}

std::optional<RequestSpec> CollectionDock::prepareSend(const RequestSpec &spec, QString *error) const
{
    QList<VariableScope> scopes;
    if (m_binding->hasCurrent()) {
        const int file = m_store->collection().fileIndex(m_binding->current().file);
        if (file >= 0) {
            VariableScope fileScope;
            for (const HttpFileVariable &v : m_store->collection().files.at(file).variables)
                fileScope.insert(v.name, v.value);
            scopes.append(fileScope);
        }
    }
    VariableScope environment = environmentScope();
    for (auto it = environment.begin(); it != environment.end();) {
        if (it.value() != u"$keychain"_s) {
            ++it;
        } else if (m_secretValues.contains(it.key())) {
            it.value() = m_secretValues.value(it.key());
            ++it;
        } else {
            it = environment.erase(it); // undefined: an error only if the request uses it
        }
    }
    scopes.append(environment);
    VariableError variableError;
    std::optional<RequestSpec> resolved = Variables(scopes).resolveRequest(spec, &variableError);
    if (!resolved)
        m_composerSend = false; // nothing goes out
    if (!resolved && error && m_secretErrors.contains(variableError.name)) {
        *error = tr("The secret variable {{%1}} (%2) has no value: %3.")
                     .arg(variableError.name, variableError.where, m_secretErrors.value(variableError.name));
    } else if (!resolved && error) {
        *error = variableError.message;
        if (!m_store->rootPath().isEmpty())
            *error += u' ' + (activeEnvironment().isEmpty()
                                  ? tr("(No environment is selected in the Collection panel.)")
                                  : tr("(Environment: %1.)").arg(activeEnvironment()));
    }
    if (resolved && !spec.urlTemplate.isEmpty() &&
        (!resolved->url.isValid() || resolved->url.host().isEmpty())) {
        m_composerSend = false;
        if (error)
            *error = tr("The URL \"%1\" is not valid once its variables are resolved: %2")
                         .arg(resolved->url.toString(), resolved->url.errorString());
        return std::nullopt;
    }
    return resolved;
}

void CollectionDock::noteSent(quint64 chainId)
{
    if (m_composerSend && m_binding->hasCurrent())
        m_chainRefs.insert(chainId, m_binding->current());
    m_composerSend = false;
}

} // namespace Peephole
