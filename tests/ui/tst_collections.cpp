// The Collection panel in the real window, offscreen, against real files in
// a temporary folder and a real local HttpServer: the tree model, loading a
// request into the composer, Ctrl+S, a run with a changed response, an
// undefined variable, conflicts and "Save Response as Expected".
#include "collection/autosave.h"
#include "collection/collectionstore.h"
#include "collection/secretvariablestore.h"
#include "collections/collectiondock.h"
#include "collections/collectionmodel.h"
#include "collections/composerbinding.h"
#include "collections/diffview.h"
#include "collections/messagebar.h"
#include "collections/runnerview.h"
#include "collections/runresultsmodel.h"
#include "composer/composerwidget.h"
#include "http/exchangelog.h"
#include "mainwindow/mainwindow.h"
#include "replay/expectedresponse.h"
#include "replay/runner.h"
#include "server/httpserver.h"
#include "timeline/timelineview.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
const QByteArray UsersFile = "###\n"
                             "# @name Get user\n"
                             "GET {{base}}/users/1\n"
                             "Accept: application/json\n"
                             "\n"
                             "###\n"
                             "# @name Second user\n"
                             "GET {{base}}/users/2\n";
const QByteArray HealthFile = "### Health\n"
                              "GET {{base}}/health\n";
const QByteArray BrokenFile = "###\n"
                              "# @name Slow\n"
                              "# @peephole-timeout soon\n"
                              "GET {{base}}/slow\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCollections : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void modelStructure();
    void clickLoadsRequestIntoComposer();
    void saveWithCtrlS();
    void runShowsChangedResponseWithDiff();
    void undefinedVariableIsShownAndNothingSent();
    void conflictBarTakesTheirs();
    void saveResponseAsExpectedFromTimeline();
    void restoreUnsavedEditsOnOpen();
    void keychainVariableResolvedForComposerSend();

private:
    QString root() const { return m_dir.filePath(u"api-tests"_s); }
    void openInWindow();
    QModelIndex treeIndex(const QString &file, int request) const;
    void clickRequest(const QString &file, int request);
    void pressCtrlS();

    QTemporaryDir m_dir;
    HttpServer m_server;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    CollectionDock *m_dock = nullptr;
};

void TestCollections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"PeepholeTests"_s);
    QCoreApplication::setApplicationName(u"tst_collections"_s);
    QVERIFY(m_server.listen());
    m_server.route("/users/1",
                   ScriptedResponse::text(200, "{\"id\": 1, \"name\": \"Ada\"}", "application/json"));
    m_server.route("/users/2",
                   ScriptedResponse::text(200, "{\"id\": 2, \"name\": \"Bob\"}", "application/json"));
    m_server.route("/health", ScriptedResponse::text(200, "ok\n", "text/plain"));
    m_workspace = std::make_unique<Workspace>(nullptr, m_dir.filePath(u"accounts.ini"_s));
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_dock = m_window->collectionDock();
    QVERIFY(m_dock);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCollections::init()
{
    // A fresh collection folder for every test.
    QDir(root()).removeRecursively();
    const QByteArray env = "{\n  \"local\": { \"base\": \"" +
                           m_server.url(u"/"_s).toString().chopped(1).toUtf8() +
                           "\" },\n  \"other\": { \"base\": \"http://127.0.0.1:1\" }\n}\n";
    QVERIFY(writeFile(root() + u"/http-client.env.json"_s, env));
    QVERIFY(writeFile(root() + u"/api/users.http"_s, UsersFile));
    QVERIFY(writeFile(root() + u"/health.http"_s, HealthFile));
    QVERIFY(writeFile(root() + u"/broken.http"_s, BrokenFile));
    m_server.clearRequests();
}

void TestCollections::openInWindow()
{
    QSignalSpy opened(m_dock, &CollectionDock::opened);
    m_dock->openCollection(root());
    QVERIFY(opened.wait(10000));
    QCOMPARE(opened.first().at(0).toBool(), true);
    m_dock->setActiveEnvironment(u"local"_s);
    QCOMPARE(m_dock->activeEnvironment(), u"local"_s);
}

QModelIndex TestCollections::treeIndex(const QString &file, int request) const
{
    const auto *proxy = static_cast<QSortFilterProxyModel *>(m_dock->treeView()->model());
    return proxy->mapFromSource(m_dock->model()->indexFor({file, request}));
}

void TestCollections::clickRequest(const QString &file, int request)
{
    const QModelIndex index = treeIndex(file, request);
    QVERIFY(index.isValid());
    QTreeView *tree = m_dock->treeView();
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
}

void TestCollections::pressCtrlS()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window->composer()->urlEdit(), Qt::Key_S, Qt::ControlModifier);
}

void TestCollections::modelStructure()
{
    CollectionStore store;
    CollectionModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(store.open(root(), &error), qPrintable(error));
    // open() is synchronous and signals nothing: reload the model once.
    model.reload();
    QCOMPARE(model.rowCount(), 3); // api/, broken.http, health.http
    QCOMPARE(model.index(0, 0).data().toString(), u"api"_s);
    QCOMPARE(model.index(0, 0).data(CollectionModel::KindRole).toInt(), int(CollectionModel::Kind::Folder));
    const QModelIndex users = model.index(0, 0, model.index(0, 0));
    QCOMPARE(users.data().toString(), u"users.http"_s);
    QCOMPARE(model.rowCount(users), 2);
    QCOMPARE(model.index(0, 0, users).data().toString(), u"GET Get user"_s);
    QCOMPARE(model.index(1, 0, users).data().toString(), u"GET Second user"_s);

    // The request that does not parse: a red item naming file and line.
    const QModelIndex broken = model.index(1, 0);
    QCOMPARE(broken.data().toString(), u"broken.http"_s);
    QCOMPARE(model.rowCount(broken), 1);
    const QModelIndex problem = model.index(0, 0, broken);
    QCOMPARE(problem.data(CollectionModel::KindRole).toInt(), int(CollectionModel::Kind::Problem));
    QVERIFY2(problem.data(Qt::ToolTipRole).toString().startsWith(u"broken.http:3: "_s),
             qPrintable(problem.data(Qt::ToolTipRole).toString()));
    QVERIFY(problem.data(Qt::ToolTipRole).toString().contains(u"whole number"_s));
    QCOMPARE(problem.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xb3, 0x26, 0x1e));

    // Unsaved edit: marked.
    CollectionRequest edited = *store.collection().request({u"health.http"_s, 0});
    edited.request.urlTemplate = u"{{base}}/health?full=1"_s;
    QVERIFY(store.updateRequest({u"health.http"_s, 0}, edited));
    const QModelIndex health = model.indexFor({u"health.http"_s, 0});
    QCOMPARE(health.data(CollectionModel::DirtyRole).toBool(), true);
    QVERIFY(health.data().toString().endsWith(u"\u2022"_s));
    store.discardEdits(u"health.http"_s);

    // Structure change: a new file in a new folder appears.
    QVERIFY(writeFile(root() + u"/admin/stats.http"_s, "GET {{base}}/stats\n"));
    store.rescan();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, 0).data().toString(), u"admin"_s);
    QCOMPARE(model.rowCount(model.index(0, 0, model.index(0, 0))), 1);

    // Reload: the file changed on disk (no local edits) and gains a request.
    QVERIFY(writeFile(root() + u"/health.http"_s, HealthFile + "\n### Ready\nGET {{base}}/ready\n"));
    store.checkFile(u"health.http"_s);
    const QModelIndex healthFile = model.indexFor({u"health.http"_s, 0}).parent();
    QCOMPARE(model.rowCount(healthFile), 2);
    QCOMPARE(model.index(1, 0, healthFile).data().toString(), u"GET Ready"_s);
}

void TestCollections::clickLoadsRequestIntoComposer()
{
    openInWindow();
    clickRequest(u"api/users.http"_s, 0);
    ComposerWidget *composer = m_window->composer();
    QCOMPARE(composer->urlEdit()->text(), u"{{base}}/users/1"_s); // as typed, variables kept
    QCOMPARE(composer->request().method, "GET"_ba);
    QCOMPARE(composer->request().headers.size(), 1);
    QCOMPARE(composer->request().headers.first().name, "Accept"_ba);
    QCOMPARE(m_dock->binding()->current(), (RequestRef{u"api/users.http"_s, 0}));

    clickRequest(u"health.http"_s, 0);
    QCOMPARE(composer->urlEdit()->text(), u"{{base}}/health"_s);
}

void TestCollections::saveWithCtrlS()
{
    openInWindow();
    const QString path = root() + u"/api/users.http"_s;
    clickRequest(u"api/users.http"_s, 1);
    QCOMPARE(m_window->composer()->urlEdit()->text(), u"{{base}}/users/2"_s);

    // Unchanged: the file keeps its exact bytes.
    pressCtrlS();
    QCOMPARE(readFile(path), UsersFile);

    // Edit the URL: the request is marked unsaved, Ctrl+S writes it.
    QLineEdit *url = m_window->composer()->urlEdit();
    url->selectAll();
    QTest::keyClicks(url, u"{{base}}/users/2?verbose=1"_s);
    QTRY_VERIFY(m_dock->store()->isDirty({u"api/users.http"_s, 1}));
    QVERIFY(treeIndex(u"api/users.http"_s, 1).data(CollectionModel::DirtyRole).toBool());
    pressCtrlS();
    const QByteArray saved = readFile(path);
    QVERIFY2(saved.contains("GET {{base}}/users/2?verbose=1\n"), saved.constData());
    // The other request's block is untouched.
    QVERIFY(saved.startsWith(UsersFile.left(UsersFile.indexOf("###\n# @name Second"))));
    QVERIFY(!m_dock->store()->isDirty({u"api/users.http"_s, 1}));
    QVERIFY(!treeIndex(u"api/users.http"_s, 1).data(CollectionModel::DirtyRole).toBool());

    // Saving again without edits is byte-stable.
    pressCtrlS();
    QCOMPARE(readFile(path), saved);
}

void TestCollections::runShowsChangedResponseWithDiff()
{
    openInWindow();
    // The expected response of "Get user" says Grace; the server answers Ada.
    ExpectedResponse expected;
    expected.status = 200;
    expected.reason = "OK";
    expected.headers.append({"Content-Type", "application/json", true});
    expected.body = "{\"id\": 1, \"name\": \"Grace\"}";
    QString error;
    QVERIFY2(
        ExpectedStore::write(m_dock->store()->collection(), {u"api/users.http"_s, 0}, expected, {}, &error),
        qPrintable(error));

    m_dock->concurrencySpin()->setValue(2);
    QSignalSpy finished(m_dock->runner(), &Runner::finished);
    m_dock->runCollection();
    QVERIFY(finished.wait(20000));

    RunnerView *view = m_dock->runnerView();
    QVERIFY(view->isVisible());
    RunResultsModel *results = view->model();
    QCOMPARE(results->rowCount(), 3);
    int changedRow = -1;
    int changed = 0;
    int passed = 0;
    for (int row = 0; row < results->rowCount(); ++row) {
        const QString verdict = results->index(row, RunResultsModel::ResultColumn).data().toString();
        if (verdict == u"CHANGED"_s) {
            changedRow = row;
            ++changed;
        } else if (verdict == u"PASS"_s) {
            ++passed;
        }
    }
    QCOMPARE(changed, 1);
    QCOMPARE(passed, 2);
    QCOMPARE(results->index(changedRow, RunResultsModel::RequestColumn).data().toString(), u"GET Get user"_s);
    QVERIFY2(view->summaryText().startsWith(u"2 passed, 1 changed, 0 failed, 0 errors"_s),
             qPrintable(view->summaryText()));
    QCOMPARE(m_server.requestCount(), 3);

    // The changed row is selected: its diff names the JSON path and both values.
    view->resultsView()->setCurrentIndex(results->index(changedRow, 0));
    const QString diff = view->diffView()->toPlainText();
    QVERIFY2(diff.contains(u"$.name"_s), qPrintable(diff));
    QVERIFY(diff.contains(u"\"Grace\""_s));
    QVERIFY(diff.contains(u"\"Ada\""_s));

    // Accept the new response: the next run passes everywhere.
    QVERIFY(view->acceptButton()->isEnabled());
    QTest::mouseClick(view->acceptButton(), Qt::LeftButton);
    ExpectedResponse accepted;
    QVERIFY(ExpectedStore::read(m_dock->store()->collection(), {u"api/users.http"_s, 0}, &accepted, &error));
    QCOMPARE(accepted.body, "{\"id\": 1, \"name\": \"Ada\"}"_ba);
    m_dock->runCollection();
    QVERIFY(finished.wait(20000));
    QVERIFY2(view->summaryText().startsWith(u"3 passed, 0 changed"_s), qPrintable(view->summaryText()));

    // The run's exchanges are grouped under it in the timeline.
    const ExchangeLog *log = m_workspace->log();
    QVERIFY(log->count() >= 3);
    QVERIFY(!log->at(log->count() - 1).group.isEmpty());
}

void TestCollections::undefinedVariableIsShownAndNothingSent()
{
    QVERIFY(writeFile(root() + u"/health.http"_s, "### Health\nGET {{base}}/health/{{region}}\n"));
    openInWindow();
    clickRequest(u"health.http"_s, 0);
    QCOMPARE(m_window->composer()->urlEdit()->text(), u"{{base}}/health/{{region}}"_s);
    const qsizetype before = m_workspace->log()->count();
    QTest::keyClick(m_window->composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QLabel *problem = nullptr;
    const QList<QLabel *> labels = m_window->composer()->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->isVisible() && label->text().contains(u"region"_s))
            problem = label;
    }
    QVERIFY2(problem, "the composer shows no problem naming the undefined variable");
    QTest::qWait(200); // give a request (that must not exist) a chance to arrive
    QCOMPARE(m_server.requestCount(), 0);
    QCOMPARE(m_workspace->log()->count(), before);

    // With every variable defined the same request goes out, resolved.
    clickRequest(u"api/users.http"_s, 0);
    QTest::keyClick(m_window->composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_server.requestCount(), 1);
    QCOMPARE(m_server.lastRequest().target, "/users/1"_ba);
}

void TestCollections::conflictBarTakesTheirs()
{
    openInWindow();
    clickRequest(u"health.http"_s, 0);
    QLineEdit *url = m_window->composer()->urlEdit();
    url->selectAll();
    QTest::keyClicks(url, u"{{base}}/health?mine=1"_s);
    QTRY_VERIFY(m_dock->store()->isDirty({u"health.http"_s, 0}));

    QVERIFY(writeFile(root() + u"/health.http"_s, "### Health\nGET {{base}}/health?theirs=1\n"));
    m_dock->store()->checkFile(u"health.http"_s);
    QTRY_VERIFY(m_dock->conflictBar()->isVisible());
    QVERIFY(m_dock->conflictBar()->text().contains(u"health.http"_s));
    QCOMPARE(m_dock->conflictBar()->secondButton()->text(), u"Take theirs"_s);
    QTest::mouseClick(m_dock->conflictBar()->secondButton(), Qt::LeftButton);
    QVERIFY(!m_dock->conflictBar()->isVisible());
    QCOMPARE(url->text(), u"{{base}}/health?theirs=1"_s);
    QVERIFY(!m_dock->store()->isDirty({u"health.http"_s, 0}));
}

void TestCollections::saveResponseAsExpectedFromTimeline()
{
    openInWindow();
    clickRequest(u"api/users.http"_s, 1);
    QTest::keyClick(m_window->composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_server.requestCount(), 1);
    const ExchangeLog *log = m_workspace->log();
    QTRY_VERIFY(log->count() > 0 && log->at(log->count() - 1).statusCode == 200);
    const quint64 id = log->at(log->count() - 1).id;
    QVERIFY(m_window->timeline()->selectExchange(id));
    QVERIFY(m_dock->saveExpectedAction()->isEnabled());
    m_dock->saveExpectedAction()->trigger();

    ExpectedResponse saved;
    QString error;
    QVERIFY(ExpectedStore::read(m_dock->store()->collection(), {u"api/users.http"_s, 1}, &saved, &error));
    QCOMPARE(saved.status, 200);
    QCOMPARE(saved.body, "{\"id\": 2, \"name\": \"Bob\"}"_ba);
    QVERIFY(QFile::exists(root() + u"/.peephole/expected/api/users/Second-user.response"_s) ||
            QFile::exists(ExpectedStore::pathFor(m_dock->store()->collection(), {u"api/users.http"_s, 1})));

    // The next run of that request passes.
    QSignalSpy finished(m_dock->runner(), &Runner::finished);
    clickRequest(u"api/users.http"_s, 1);
    m_dock->treeView()->setCurrentIndex(treeIndex(u"api/users.http"_s, 1));
    m_dock->runSelection();
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_dock->runnerView()->model()->index(0, RunResultsModel::ResultColumn).data().toString(),
             u"PASS"_s);
}

void TestCollections::restoreUnsavedEditsOnOpen()
{
    {
        // An earlier session edited "Health" and ended without saving.
        CollectionStore earlier;
        Autosave journal(&earlier);
        QString error;
        QVERIFY2(earlier.open(root(), &error), qPrintable(error));
        CollectionRequest edited = *earlier.collection().request({u"health.http"_s, 0});
        edited.request.urlTemplate = u"{{base}}/health?recovered=1"_s;
        QVERIFY(earlier.updateRequest({u"health.http"_s, 0}, edited));
        journal.flush();
        QVERIFY(!journal.pendingRecovery().isEmpty());
    }
    openInWindow();
    MessageBar *bar = m_dock->recoveryBar();
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(u"health.http"_s), qPrintable(bar->text()));
    QCOMPARE(bar->firstButton()->text(), u"Restore unsaved edits"_s);
    QTest::mouseClick(bar->firstButton(), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QVERIFY(m_dock->store()->isDirty({u"health.http"_s, 0}));
    clickRequest(u"health.http"_s, 0);
    QCOMPARE(m_window->composer()->urlEdit()->text(), u"{{base}}/health?recovered=1"_s);
    // The file itself is unchanged until the user saves.
    QCOMPARE(readFile(root() + u"/health.http"_s), HealthFile);
    pressCtrlS();
    QVERIFY(readFile(root() + u"/health.http"_s).contains("GET {{base}}/health?recovered=1\n"));
}

void TestCollections::keychainVariableResolvedForComposerSend()
{
    // "apiKey" is a secret: the environment file says "$keychain", the value is in the (real) keychain.
    const QByteArray env = "{\n  \"local\": { \"base\": \"" +
                           m_server.url(u"/"_s).toString().chopped(1).toUtf8() +
                           "\", \"apiKey\": \"$keychain\", \"other\": \"$keychain\" }\n}\n";
    QVERIFY(writeFile(root() + u"/http-client.env.json"_s, env));
    QVERIFY(
        writeFile(root() + u"/health.http"_s, "### Health\nGET {{base}}/health\nX-Api-Key: {{apiKey}}\n"));
    KeychainSecretStore keychain;
    bool written = false;
    QString writeError;
    keychain.write(
        SecretVariableStore::variableKey(Collection::idFor(u"api-tests"_s), u"local"_s, u"apiKey"_s),
        u"s3cr3t-key"_s, this, [&](const QString &error) {
            writeError = error;
            written = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
    QVERIFY2(writeError.isEmpty(), qPrintable(writeError));

    openInWindow();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->loadingSecretVariables(), 10000);
    clickRequest(u"health.http"_s, 0);
    QTest::keyClick(m_window->composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_server.requestCount(), 1);
    QCOMPARE(m_server.lastRequest().header("x-api-key"), "s3cr3t-key"_ba);
    // The secret never reaches the collection's files.
    QVERIFY(!readFile(root() + u"/health.http"_s).contains("s3cr3t"));
    QVERIFY(!readFile(root() + u"/http-client.env.json"_s).contains("s3cr3t"));
}

QTEST_MAIN(TestCollections)
#include "tst_collections.moc"
