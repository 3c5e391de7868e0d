#include "mainwindow/mainwindow.h"

#include "auth/authnegotiator.h"
#include "auth/authpanel.h"
#include "auth/credentialsdialog.h"
#include "auth/credentialstore.h"
#include "collections/collectiondock.h"
#include "collections/recentcollections.h"
#include "collections/runnerview.h"
#include "composer/composerwidget.h"
#include "details/authview.h"
#include "details/exchangedetails.h"
#include "formats/curlcommand.h"
#include "formats/harreader.h"
#include "formats/harwriter.h"
#include "help/helpactions.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "common/wheelguard.h"
#include "mainwindow/authactions.h"
#include "mainwindow/detailsfollower.h"
#include "mainwindow/timelineactions.h"
#include "mainwindow/windowsettings.h"
#include "oauth/oauthdialog.h"
#include "streams/messagesview.h"
#include "streams/websocketlauncher.h"
#include "timeline/timelineview.h"
#include "websocket/websocketsession.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QIcon actionIcon(const QString &name)
{
    return QIcon(u":/icons/actions/"_s + name + u".svg"_s);
}
} // namespace

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent), m_workspace(workspace), m_composer(new ComposerWidget(this)),
      m_authPanel(new AuthPanel(workspace->credentials(), this)), m_filter(new QLineEdit(this)),
      m_filterError(new QLabel(this)), m_timeline(new TimelineView(this)),
      m_details(new ExchangeDetails(this)),
      m_timelineActions(new TimelineActions(workspace, m_composer, this)), m_status(new QLabel(this)),
      m_vertical(new QSplitter(Qt::Vertical, this)), m_horizontal(new QSplitter(Qt::Horizontal, this)),
      m_timelineStack(new QStackedWidget(this)),
      m_collections(new CollectionDock(workspace, m_composer, m_timeline, this)),
      m_webSockets(new WebSocketLauncher(workspace, this))
{
    setWindowTitle(tr("Peephole"));
    WheelGuard::install(); // the wheel changes a spin box or combo only when it has focus
    m_workspace->setCredentialProvider(m_authPanel);
    m_timeline->setLog(workspace->log());
    m_details->setStreamStore(workspace->session()->streams()); // the Messages tab of SSE/WebSocket exchanges
    m_follower = new DetailsFollower(workspace->log(), m_timeline, this); // after the timeline: it sees rows

    m_filter->setPlaceholderText(
        tr("Filter: text, status:401, status:4xx, method:POST, host:…, is:error, is:auth"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Timeline filter"));
    m_filterError->setStyleSheet(u"color: #b3261e;"_s);
    m_filterError->hide();

    auto *timelinePage = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePage);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filterError);
    timelineLayout->addLayout(filterRow);
    timelineLayout->addWidget(m_timelineStack, 1);
    m_timelineStack->addWidget(m_timeline);

    m_horizontal->addWidget(timelinePage);
    m_horizontal->addWidget(m_details);
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 2);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_composer, 1);
    topLayout->addWidget(m_authPanel);
    m_vertical->addWidget(top);
    m_vertical->addWidget(m_horizontal);
    m_vertical->setStretchFactor(0, 0);
    m_vertical->setStretchFactor(1, 1);
    setCentralWidget(m_vertical);
    statusBar()->addPermanentWidget(m_status);
    addDockWidget(Qt::LeftDockWidgetArea, m_collections);
    addDockWidget(Qt::BottomDockWidgetArea, m_collections->runnerView());
    connect(m_collections, &CollectionDock::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    createActions();

    connect(m_composer, &ComposerWidget::sendRequested, this, [this](const RequestSpec &spec) { send(spec); });
    connect(m_composer, &ComposerWidget::cancelRequested, this, [this] {
        for (quint64 chain : std::as_const(m_inFlight))
            m_workspace->session()->cancel(chain);
    });
    connect(m_composer, &ComposerWidget::curlPasted, this, [this](const QString &command) {
        const CurlParseResult parsed = CurlCommand::parse(command);
        if (!parsed.ok) {
            m_composer->showProblem(
                tr("Could not read the pasted curl command: %1").arg(parsed.error.message));
            return;
        }
        m_composer->setRequest(parsed.request);
        QStringList skipped;
        for (const ImportIssue &issue : parsed.issues)
            skipped.append(issue.item + u": "_s + issue.reason);
        statusBar()->showMessage(
            skipped.isEmpty()
                ? tr("Filled from the curl command.")
                : tr("Filled from the curl command; not carried over: %1").arg(skipped.join(u"; "_s)),
            8000);
    });
    connect(m_workspace->session(), &HttpSession::chainFinished, this, [this](quint64 chain) {
        m_inFlight.remove(chain);
        m_authPanel->chainFinished(chain);
        updateBusy();
    });
    auto *authActions = new AuthActions(workspace, this);
    connect(m_details->authView(), &AuthView::forgetRequested, authActions, &AuthActions::forget);
    connect(m_details->authView(), &AuthView::useAnotherRequested, authActions, &AuthActions::useAnother);
    connect(authActions, &AuthActions::sendRequested, this,
            [this](const RequestSpec &spec, bool askAgain) { send(spec, askAgain); });
    m_details->authView()->setAnswerLookup(
        [negotiator = workspace->negotiator()](quint64 id) { return negotiator->answerFor(id); });
    connect(authActions, &AuthActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_timeline, &TimelineView::currentExchangeChanged, this, &MainWindow::showSelected);
    connect(m_workspace->log(), &ExchangeLog::updated, this, [this](qsizetype index) {
        const Exchange &e = m_workspace->log()->at(index);
        if (e.id == m_details->exchangeId())
            m_details->setExchange(e);
    });
    connect(m_workspace->log(), &ExchangeLog::added, this, &MainWindow::updateEmptyState);
    // The status bar's count follows every change (runs, opened HAR files, clearing), once per turn.
    auto *recount = new QTimer(this);
    recount->setSingleShot(true);
    recount->setInterval(0);
    connect(recount, &QTimer::timeout, this, &MainWindow::updateBusy);
    connect(m_workspace->log(), &ExchangeLog::added, recount, qOverload<>(&QTimer::start));
    connect(m_workspace->log(), &ExchangeLog::cleared, recount, qOverload<>(&QTimer::start));
    connect(m_workspace->log(), &ExchangeLog::cleared, this, [this] {
        m_details->clear();
        updateEmptyState();
    });
    connect(m_filter, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_timeline->setFilterText(text); });
    connect(m_timeline, &TimelineView::filterErrorChanged, this, [this](const QString &error) {
        m_filterError->setText(error);
        m_filterError->setVisible(!error.isEmpty());
    });
    connect(m_timeline, &TimelineView::copyUrl, m_timelineActions, &TimelineActions::copyUrl);
    connect(m_timeline, &TimelineView::copyAsCurl, m_timelineActions, &TimelineActions::copyAsCurl);
    connect(m_timeline, &TimelineView::copyUrlWithSecrets, m_timelineActions,
            &TimelineActions::copyUrlWithSecrets);
    connect(m_timeline, &TimelineView::copyAsCurlWithSecrets, m_timelineActions,
            &TimelineActions::copyAsCurlWithSecrets);
    connect(m_timelineActions, &TimelineActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_timeline, &TimelineView::resend, m_timelineActions, &TimelineActions::resend);
    connect(m_timeline, &TimelineView::editAndResend, m_timelineActions, &TimelineActions::editAndResend);
    connect(m_timeline, &TimelineView::saveBodyAs, m_timelineActions, &TimelineActions::saveBodyAs);
    connect(m_timelineActions, &TimelineActions::sendRequested, this,
            [this](const RequestSpec &spec) { send(spec); });
    // The request being composed survives a crash: saved (without secrets) a second after each edit.
    auto *remember = new QTimer(this);
    remember->setSingleShot(true);
    remember->setInterval(1000);
    connect(remember, &QTimer::timeout, this, &MainWindow::saveComposerState);
    connect(m_composer, &ComposerWidget::edited, remember, qOverload<>(&QTimer::start));
    const auto offerStored = [this] {
        m_composer->setStoredAccounts(m_workspace->credentials()->accounts());
    };
    connect(m_workspace->credentials(), &CredentialStore::accountsChanged, this, offerStored);
    offerStored();
    connect(m_authPanel, &AuthPanel::oauthRequested, this, &MainWindow::showOAuth);
    connect(m_authPanel, &AuthPanel::shown, this, [this] {
        statusBar()->showMessage(
            tr("The server asks for credentials: answer in the panel under the request."), 5000);
    });

    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_vertical->restoreState(settings.value(u"window/vertical"_s).toByteArray());
    m_horizontal->restoreState(settings.value(u"window/horizontal"_s).toByteArray());
    m_timeline->header()->restoreState(settings.value(u"window/timelineHeader"_s).toByteArray());
    m_composer->setUrlHistory(settings.value(u"composer/history"_s).toStringList());
    const QByteArray last = settings.value(u"composer/lastRequest"_s).toByteArray();
    if (!last.isEmpty()) {
        const QJsonObject lastRequest = QJsonDocument::fromJson(last).object();
        m_composer->setRequest(WindowSettings::requestFromJson(lastRequest));
        const QStringList leftOut = WindowSettings::secretsLeftOut(lastRequest);
        if (!leftOut.isEmpty())
            statusBar()->showMessage(tr("Secrets are never saved with the last request: %1 came back as "
                                        "{{secret_not_saved}}; type them again or use a variable.")
                                         .arg(leftOut.join(u", "_s)));
    }
    if (!settings.contains(u"window/geometry"_s)) {
        // The first window fits the screen it opens on (1366×768 laptops included).
        resize(QSize(1280, 820).boundedTo(screen()->availableGeometry().size() * 0.95));
        // Once laid out: a compact composer, the timeline wider than the details.
        QTimer::singleShot(0, this, [this] {
            m_vertical->setSizes({240, height() - 240});
            m_horizontal->setSizes({width() * 3 / 5, width() * 2 / 5});
        });
    }
    updateBusy();
}

MainWindow::~MainWindow()
{
    m_workspace->setCredentialProvider(nullptr);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importCurl =
        file->addAction(actionIcon(u"import"_s), tr("Import &curl Command…"), this, &MainWindow::importCurl);
    importCurl->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    file->addActions({m_collections->blankAction(), m_collections->saveAction(),
                      m_collections->saveAsNewAction(), m_collections->duplicateAction()});
    file->addSeparator();
    file->addActions({m_collections->importPostmanAction(), m_collections->openAction()});
    m_recent = new RecentCollections(m_collections, file->addMenu(tr("Open &Recent Collection")), this);
    QAction *openHar = file->addAction(tr("&Open HAR as Timeline…"), this, &MainWindow::openHarDialog);
    openHar->setShortcut(QKeySequence::Open);
    QAction *exportHar = file->addAction(actionIcon(u"export"_s), tr("&Export Timeline as HAR…"), this,
                                         [this] { this->exportHar(false); });
    exportHar->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addAction(tr("Export Selec&ted Exchanges as HAR…"), this, [this] { this->exportHar(true); })
        ->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence(tr("Ctrl+Q")));

    QMenu *request = menuBar()->addMenu(tr("&Request"));
    QAction *sendAction =
        request->addAction(actionIcon(u"send"_s), tr("&Send"), this, [this] { send(m_composer->request()); });
    sendAction->setShortcut(QKeySequence(tr("Ctrl+Return")));
    sendAction->setShortcutContext(
        Qt::WidgetShortcut); // the composer owns Ctrl+Enter; this shows it in the menu
    QAction *cancel = request->addAction(actionIcon(u"cancel"_s), tr("&Cancel"), m_composer,
                                         &ComposerWidget::cancelRequested);
    // Not Esc: Esc closes popups (URL completion) and must never cancel a request waiting in the auth panel.
    cancel->setShortcut(QKeySequence(tr("Ctrl+.")));
    QAction *focusUrl = request->addAction(tr("Focus &URL"), this, [this] {
        m_composer->urlEdit()->setFocus();
        m_composer->urlEdit()->selectAll();
    });
    focusUrl->setShortcut(QKeySequence(tr("Ctrl+L")));
    request->addSeparator();
    request->addAction(m_collections->saveExpectedAction());
    request->addAction(tr("Stored &Credentials…"), this,
                       [this] { CredentialsDialog(m_workspace->credentials(), this).exec(); })
        ->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
    request->addAction(tr("&OAuth 2 Tokens…"), this, &MainWindow::showOAuth)
        ->setShortcut(QKeySequence(tr("Ctrl+Alt+O")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *clear = view->addAction(actionIcon(u"clear"_s), tr("C&lear Timeline"), this,
                                     [this] { m_workspace->log()->clear(); });
    clear->setShortcut(QKeySequence(tr("Ctrl+Shift+K")));
    QAction *filter = view->addAction(actionIcon(u"filter"_s), tr("&Filter Timeline"), this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    filter->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    QAction *find = view->addAction(tr("Find in &Body…"), m_details, &ExchangeDetails::findInBody);
    find->setShortcut(QKeySequence::Find);
    view->addAction(m_follower->pinAction());
    view->addSeparator();
    m_collections->toggleViewAction()->setText(tr("C&ollection Panel"));
    m_collections->runnerView()->toggleViewAction()->setText(tr("&Run Results"));
    m_collections->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+1")));
    m_collections->runnerView()->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+2")));
    view->addActions({m_collections->toggleViewAction(), m_collections->runnerView()->toggleViewAction()});

    auto *help = new HelpActions(menuBar()->addMenu(tr("&Help")), this);
    connect(help, &HelpActions::demoRequested, this, &MainWindow::demoRequested);

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(u"mainToolBar"_s);
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addActions({sendAction, cancel});
    tools->addSeparator();
    tools->addActions({clear, importCurl, exportHar});
}

void MainWindow::setEmptyStateWidget(QWidget *widget)
{
    m_emptyState = widget;
    m_timelineStack->addWidget(widget);
    updateEmptyState();
}

void MainWindow::updateEmptyState()
{
    if (!m_emptyState)
        return;
    m_timelineStack->setCurrentWidget(m_workspace->log()->count() == 0 ? m_emptyState
                                                                       : static_cast<QWidget *>(m_timeline));
}

void MainWindow::send(const RequestSpec &spec, bool askAgain)
{
    QString problem;
    const std::optional<RequestSpec> resolved = m_collections->prepareSend(spec, &problem);
    if (!resolved) {
        m_composer->showProblem(problem);
        return;
    }
    if (WebSocketLauncher::isWebSocket(*resolved)) { // ws:// and wss:// open a session (ui/streams)
        m_follower->follow(m_webSockets->open(*resolved)->chainId()); // the details show its handshake
        return;
    }
    const quint64 chain = m_workspace->send(*resolved);
    if (askAgain)
        m_workspace->negotiator()->askAgain(chain); // before its first answer arrives (asynchronous)
    m_collections->noteSent(chain);
    m_follower->follow(chain);
    m_inFlight.insert(chain);
    updateBusy();
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::updateBusy()
{
    m_composer->setBusy(!m_inFlight.isEmpty());
    m_status->setText(m_inFlight.isEmpty() ? tr("%n exchange(s)", nullptr, int(m_workspace->log()->count()))
                                           : tr("%n request(s) in flight", nullptr, int(m_inFlight.size())));
}

void MainWindow::showSelected(quint64 id)
{
    if (const Exchange *e = m_workspace->log()->find(id)) {
        m_details->setExchange(*e);
        m_details->messagesView()->setSession(m_webSockets->sessionFor(id));
    } else
        m_details->clear();
}

void MainWindow::exportHar(bool selectedOnly)
{
    QList<Exchange> chosen;
    const ExchangeLog *log = m_workspace->log();
    if (selectedOnly) {
        const QModelIndexList rows = m_timeline->selectionModel()->selectedRows();
        for (const QModelIndex &row : rows) {
            if (const Exchange *e = log->find(m_timeline->exchangeIdAt(row)))
                chosen.append(*e);
        }
        std::sort(chosen.begin(), chosen.end(),
                  [](const Exchange &a, const Exchange &b) { return a.id < b.id; });
        if (chosen.isEmpty()) {
            statusBar()->showMessage(tr("Select the exchanges to export in the timeline first."), 5000);
            return;
        }
    } else {
        for (qsizetype i = 0; i < log->count(); ++i)
            chosen.append(log->at(i));
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export as HAR"), u"peephole.har"_s, tr("HAR files (*.har)"));
    if (path.isEmpty())
        return;
    const bool keep =
        QMessageBox::question(this, tr("Include secrets?"),
                              tr("Credentials are redacted in the export: Authorization, "
                                 "Proxy-Authorization, Cookie, Set-Cookie and other secret headers, "
                                 "passwords in URLs, secret query parameters and body fields named like "
                                 "secrets. Export with secrets instead?"),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    HarWriter::Options options;
    options.keepSecrets = keep;
    QString error;
    if (!HarWriter(options).writeFile(path, chosen, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported %n exchange(s) to %1", nullptr, int(chosen.size())).arg(path),
                                 5000);
}

bool MainWindow::openHar(const QString &path)
{
    const HarImportResult result = HarReader::readFile(path);
    if (!result.ok) {
        QMessageBox::warning(this, tr("Cannot open the HAR file"),
                             tr("%1 could not be read: %2").arg(path, result.error.message));
        return false;
    }
    ExchangeLog *log = m_workspace->log();
    QHash<quint64, quint64> chains;
    for (Exchange e : result.exchanges) {
        e.id = 0;
        const quint64 original = e.chainId;
        if (!chains.contains(original))
            chains.insert(original, log->nextChainId());
        e.chainId = chains.value(original);
        e.previousId = 0;
        e.group = tr("Opened from %1").arg(path);
        log->append(e);
    }
    statusBar()->showMessage(
        tr("Opened %n exchange(s) from %1", nullptr, int(result.exchanges.size())).arg(path), 5000);
    return true;
}

void MainWindow::openHarDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a HAR file"), {}, tr("HAR files (*.har *.json)"));
    if (!path.isEmpty())
        openHar(path);
}

void MainWindow::showStartupProblem(const QString &message)
{
    statusBar()->showMessage(message);
    QMessageBox::warning(this, tr("Peephole"), message);
}

void MainWindow::importCurl()
{
    bool ok = false;
    const QString command = QInputDialog::getMultiLineText(this, tr("Import a curl command"),
                                                           tr("Paste a curl command line:"), {}, &ok);
    if (ok && !command.trimmed().isEmpty())
        Q_EMIT m_composer->curlPasted(command.trimmed());
}

void MainWindow::showOAuth()
{
    if (!m_oauth) {
        m_oauth = new OAuthDialog(m_workspace, this);
        // A token obtained while a Bearer challenge waits answers it (the user still presses Send again).
        connect(m_oauth, &OAuthDialog::tokenReady, m_authPanel,
                [this](const QString &, const QString &token) { m_authPanel->useToken(token); });
    }
    m_oauth->show();
    m_oauth->raise();
    m_oauth->activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/vertical"_s, m_vertical->saveState());
    settings.setValue(u"window/horizontal"_s, m_horizontal->saveState());
    settings.setValue(u"window/timelineHeader"_s, m_timeline->header()->saveState());
    saveComposerState();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveComposerState()
{
    QSettings settings;
    settings.setValue(u"composer/history"_s, WindowSettings::historyForSettings(m_composer->urlHistory()));
    settings.setValue(
        u"composer/lastRequest"_s,
        QJsonDocument(WindowSettings::requestToJson(m_composer->request())).toJson(QJsonDocument::Compact));
    settings.sync();
    WindowSettings::makePrivate(settings);
}

} // namespace Peephole
