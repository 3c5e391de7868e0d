// Issue 16, offscreen, the real window and widgets against real sockets and files: saving only
// what the composer is tied to (Ctrl+S, Save as New, New Request, Duplicate, a pasted curl command
// is a new request), the collection header counting true; the wheel changes a spin box only with
// focus; the details follow the exchange just sent unless pinned; one unit system for sizes; the
// JSON tree in document order; find in the body; the window never resizes itself when docks close
// and the timeline keeps room for ten rows at 1366×768.
#include "collection/collectionstore.h"
#include "collections/collectiondock.h"
#include "collections/composerbinding.h"
#include "collections/recentcollections.h"
#include "collections/runnerview.h"
#include "common/sizetext.h"
#include "composer/composerwidget.h"
#include "details/bodyview.h"
#include "details/exchangedetails.h"
#include "details/findbar.h"
#include "details/jsontreemodel.h"
#include "details/pagedtextview.h"
#include "http/bodystore.h"
#include "http/exchangelog.h"
#include "mainwindow/detailsfollower.h"
#include "mainwindow/mainwindow.h"
#include "server/httpserver.h"
#include "timeline/timelineview.h"
#include "workspace/workspace.h"
#include "help/helpactions.h"
#include "http/httpsession.h"
#include "server/demoapi.h"
#include "welcome/demomode.h"
#include "welcome/welcomepage.h"
#include <QCommandLinkButton>

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestWorkbenchView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void saveOnlyWhatTheComposerIsTiedTo();
    void wheelChangesASpinBoxOnlyWithFocus();
    void detailsFollowTheExchangeJustSent();
    void sizesInOneUnitSystem();
    void jsonTreeInDocumentOrder();
    void findInTheBody();
    void windowNeverResizesItselfAndTheTimelineKeepsTenRows();
    void recentCollectionsAndTheLastReopened();
    void demoFromTheWelcomePageAndTheHelpMenu();
    void statusBarCountIsAlwaysCurrent();
    void everyMenuActionHasItsShortcutShown();
    void iconOnlyButtonsHaveAccessibleNames();
    void focusChainFollowsTheLayout();

private:
    /// Answers the next modal input dialog with @p text (the "name of the new request" prompt).
    void answerNextDialog(const QString &text)
    {
        QTimer::singleShot(50, this, [text] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            if (!text.isNull())
                dialog->setTextValue(text);
            m_lastSuggested = dialog->textValue();
            dialog->accept();
        });
    }
    void activate()
    {
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    }
    QByteArray fileBytes(const QString &name) const
    {
        QFile f(m_collection.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static inline QString m_lastSuggested;

    QTemporaryDir m_dir;
    QTemporaryDir m_collection;
    HttpServer m_server;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkbenchView::initTestCase()
{
    QCoreApplication::setOrganizationName(u"PeepholeTests"_s);
    QCoreApplication::setApplicationName(u"tst_workbenchview"_s);
    QSettings().clear();
    QVERIFY(m_server.listen());
    m_server.route("/hello", ScriptedResponse::text(200, "hello", "text/plain"));
    const QByteArray target = m_server.urlBytes(u"/hello"_s);
    m_server.route("/go", [target](const ServerRequest &, ScriptedResponse &r) {
        r.status = 302;
        r.headers.append({"Location", target, true});
    });
    m_workspace = std::make_unique<Workspace>(nullptr, m_dir.filePath(u"accounts.ini"_s));
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWorkbenchView::saveOnlyWhatTheComposerIsTiedTo()
{
    QFile file(m_collection.filePath(u"api.http"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("### first\nGET http://127.0.0.1:1/first\n\n### second\nGET http://127.0.0.1:1/second\n");
    file.close();
    CollectionDock *dock = m_window->collectionDock();
    QSignalSpy opened(dock, &CollectionDock::opened);
    dock->openCollection(m_collection.path());
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(opened.first().first().toBool());
    QVERIFY2(dock->titleLabel()->text().contains(u"2 request"_s), qPrintable(dock->titleLabel()->text()));

    // Tied: Ctrl+S saves the edit into its file.
    QVERIFY(dock->binding()->load({u"api.http"_s, 0}));
    QLineEdit *url = m_window->composer()->urlEdit();
    url->setFocus();
    url->selectAll();
    QTest::keyClicks(url, u"http://127.0.0.1:1/first-edited"_s);
    QTest::keyClick(url, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(fileBytes(u"api.http"_s).contains("GET http://127.0.0.1:1/first-edited"));

    // A pasted curl command is a new, unsaved request: the tied one is not overwritten.
    const QByteArray before = fileBytes(u"api.http"_s);
    QApplication::clipboard()->setText(u"curl -X POST http://127.0.0.1:1/pasted -d x=1"_s);
    url->setFocus();
    QTest::keyClick(url, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(url->text(), u"http://127.0.0.1:1/pasted"_s);
    QVERIFY(!dock->binding()->hasCurrent());
    QVERIFY(dock->store()->dirtyRequests(u"api.http"_s).isEmpty());
    // Ctrl+S now asks where to add it (Save as New), never touching "first".
    answerNextDialog(u"pasted"_s);
    QTest::keyClick(url, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(fileBytes(u"api.http"_s).contains("POST http://127.0.0.1:1/pasted"));
    QVERIFY(fileBytes(u"api.http"_s).startsWith(before));
    QVERIFY(dock->binding()->hasCurrent());
    QTRY_VERIFY2(dock->titleLabel()->text().contains(u"3 request"_s), qPrintable(dock->titleLabel()->text()));

    // Duplicate (Ctrl+D): a copy named "… copy", the header counts it.
    answerNextDialog(QString());
    QCOMPARE(dock->duplicateAction()->shortcut(), QKeySequence(u"Ctrl+D"_s));
    dock->duplicateAction()->trigger();
    QTRY_VERIFY(fileBytes(u"api.http"_s).contains("# @name pasted copy\n"));
    QCOMPARE(m_lastSuggested, u"pasted copy"_s);
    QTRY_VERIFY2(dock->titleLabel()->text().contains(u"4 request"_s), qPrintable(dock->titleLabel()->text()));

    // Save as New (Ctrl+Shift+S) from an edited tied request: a new request, the tied one as saved.
    activate(); // (the window is active again once the name dialog has closed)
    QVERIFY(dock->binding()->load({u"api.http"_s, 1}));
    url->setFocus();
    url->selectAll();
    QTest::keyClicks(url, u"http://127.0.0.1:1/variant"_s);
    QVERIFY(dock->store()->isDirty({u"api.http"_s, 1}));
    answerNextDialog(u"variant"_s);
    QTest::keyClick(url, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(fileBytes(u"api.http"_s).contains("# @name variant\nGET http://127.0.0.1:1/variant"));
    QVERIFY(fileBytes(u"api.http"_s).contains("GET http://127.0.0.1:1/second\n"));
    QVERIFY(dock->store()->dirtyFiles().isEmpty());
    QTRY_VERIFY2(dock->titleLabel()->text().contains(u"5 request"_s), qPrintable(dock->titleLabel()->text()));
    activate();
    // New Request (Ctrl+N): an empty composer tied to nothing; Ctrl+S then adds, never overwrites.
    QTest::keyClick(url, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(url->text().isEmpty());
    QVERIFY(!dock->binding()->hasCurrent());
    QTest::keyClicks(url, u"http://127.0.0.1:1/brand-new"_s);
    answerNextDialog(u"brand new"_s);
    QTest::keyClick(url, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(fileBytes(u"api.http"_s).contains("GET http://127.0.0.1:1/brand-new"));
    QTRY_VERIFY2(dock->titleLabel()->text().contains(u"6 request"_s), qPrintable(dock->titleLabel()->text()));
}

void TestWorkbenchView::wheelChangesASpinBoxOnlyWithFocus()
{
    QSpinBox *redirects = nullptr;
    for (QSpinBox *box : m_window->composer()->findChildren<QSpinBox *>()) {
        if (box->maximum() >= 10 && box->value() == 10)
            redirects = box;
    }
    QVERIFY(redirects);
    auto *tabs = m_window->composer()->findChild<QTabWidget *>();
    tabs->setCurrentIndex(tabs->count() - 1); // Options
    QTRY_VERIFY(redirects->isVisible());
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    m_window->composer()->urlEdit()->setFocus();
    const auto wheel = [&](int steps) {
        const QPointF local = redirects->rect().center();
        QWheelEvent event(local, redirects->mapToGlobal(local), QPoint(), QPoint(0, -120 * steps), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(redirects, &event); // through the application's event filters
        QCoreApplication::processEvents();
    };
    wheel(3);
    QCOMPARE(redirects->value(), 10); // not focused: unchanged (the form scrolls instead)
    QVERIFY(!redirects->hasFocus());
    QLineEdit *field = redirects->findChild<QLineEdit *>();
    QTest::mouseClick(field, Qt::LeftButton); // the user clicks into it
    QTRY_VERIFY2(QApplication::focusWidget() == field || redirects->hasFocus(),
                 QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");
    wheel(3);
    QCOMPARE(redirects->value(), 7);
    redirects->setValue(10);
    tabs->setCurrentIndex(0);
}

void TestWorkbenchView::detailsFollowTheExchangeJustSent()
{
    m_window->collectionDock()->blankAction()->trigger();
    QLineEdit *url = m_window->composer()->urlEdit();
    QTest::keyClicks(url, m_server.url(u"/go"_s).toString());
    QTest::keyClick(url, Qt::Key_Return, Qt::ControlModifier);
    ExchangeLog *log = m_workspace->log();
    QTRY_VERIFY(log->count() >= 2 && log->at(log->count() - 1).finished);
    const Exchange &last = log->at(log->count() - 1);
    QCOMPARE(last.statusCode, 200);
    QCOMPARE(last.hop, 1);
    QTRY_COMPARE(m_window->details()->exchangeId(), last.id); // the final hop, not the 302

    // Pinned: the details stay on what the user picked.
    const quint64 picked = log->at(log->count() - 2).id;
    QVERIFY(m_window->timeline()->selectExchange(picked));
    m_window->detailsFollower()->pinAction()->setChecked(true);
    QTest::keyClick(url, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(log->at(log->count() - 1).finished && log->at(log->count() - 1).id != last.id);
    QTest::qWait(100);
    QCOMPARE(m_window->details()->exchangeId(), picked);
    m_window->detailsFollower()->pinAction()->setChecked(false);
}

void TestWorkbenchView::sizesInOneUnitSystem()
{
    QCOMPARE(sizeText(0), u"0 B"_s);
    QCOMPARE(sizeText(220), u"220 B"_s);
    QCOMPARE(sizeText(1023), u"1023 B"_s);
    QCOMPARE(sizeText(1024), QLocale().toString(1.0, 'f', 1) + u" KiB"_s);
    QCOMPARE(sizeText(46 * 1024 + 300), QLocale().toString(46.3, 'f', 1) + u" KiB"_s);
    QCOMPARE(sizeText(qint64(1.2 * 1024 * 1024)), QLocale().toString(1.2, 'f', 1) + u" MiB"_s);
    QCOMPARE(sizeText(1024 * 1024 - 1), QLocale().toString(1.0, 'f', 1) + u" MiB"_s); // never "1024.0 KiB"
    QCOMPARE(sizeText(3LL * 1024 * 1024 * 1024), QLocale().toString(3.0, 'f', 1) + u" GiB"_s);
    // The timeline's Size column uses it.
    const ExchangeLog *log = m_workspace->log();
    QVERIFY(log->count() > 0);
    bool found = false;
    const QAbstractItemModel *model = m_window->timeline()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString size = model->index(row, 6).data().toString();
        found = found || size == u"5 B"_s; // "hello"
    }
    QVERIFY(found);
}

void TestWorkbenchView::jsonTreeInDocumentOrder()
{
    auto store = std::make_shared<BodyStore>(1024 * 1024);
    store->append(R"({"zeta": 1, "alpha": {"yak": true, "bee": [ {"z": 0, "a": 1} ], "yak": false}, "mid": "m"})"_ba);
    store->finish();
    BodyView view;
    view.show();
    view.setBody(store, "application/json");
    QVERIFY(view.setMode(BodyView::Mode::Tree));
    QTRY_VERIFY(view.treeModel()->rowCount() == 3);
    JsonTreeModel *m = view.treeModel();
    QCOMPARE(m->index(0, 0).data().toString(), u"zeta"_s);
    QCOMPARE(m->index(1, 0).data().toString(), u"alpha"_s);
    QCOMPARE(m->index(2, 0).data().toString(), u"mid"_s);
    const QModelIndex alpha = m->index(1, 0);
    QCOMPARE(m->rowCount(alpha), 2); // the duplicate "yak" once, where it first appeared
    QCOMPARE(m->index(0, 0, alpha).data().toString(), u"yak"_s);
    QCOMPARE(m->index(1, 0, alpha).data().toString(), u"bee"_s);
    const QModelIndex element = m->index(0, 0, m->index(1, 0, alpha));
    QCOMPARE(m->index(0, 0, element).data().toString(), u"z"_s);
    QCOMPARE(m->index(1, 0, element).data().toString(), u"a"_s);
}

void TestWorkbenchView::findInTheBody()
{
    auto store = std::make_shared<BodyStore>(1024 * 1024);
    store->append("first needle, second Needle,\nthird needle and a haystack"_ba);
    store->finish();
    BodyView view;
    view.show();
    view.setBody(store, "text/plain");
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.openFind();
    FindBar *find = view.findBar();
    QTRY_VERIFY(find->isVisible());
    QVERIFY(find->field()->hasFocus());
    QTest::keyClicks(find->field(), u"needle"_s);
    QCOMPARE(find->matchCount(), 3);
    QCOMPARE(find->currentMatch(), 1);
    QCOMPARE(find->countLabel()->text(), u"1 of 3"_s);
    QTest::keyClick(find->field(), Qt::Key_Return);
    QCOMPARE(find->currentMatch(), 2);
    QTest::keyClick(find->field(), Qt::Key_Return);
    QTest::keyClick(find->field(), Qt::Key_Return); // wraps around
    QCOMPARE(find->currentMatch(), 1);
    QTest::keyClick(find->field(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(find->currentMatch(), 3);
    QCOMPARE(view.rawView()->editor()->textCursor().selectedText(), u"needle"_s);
    find->field()->setText(u"absent"_s);
    QCOMPARE(find->countLabel()->text(), u"No matches"_s);
    QTest::keyClick(find->field(), Qt::Key_Escape);
    QVERIFY(!find->isVisible());

    // In the window: Ctrl+F finds in the body; the timeline filter is another field and key.
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QTest::keyClick(m_window->timeline(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->details()->responseBodyView()->findBar()->isVisible());
    QVERIFY(!m_window->filterEdit()->hasFocus());
    QTest::keyClick(m_window->timeline(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_window->filterEdit()->hasFocus());
}

void TestWorkbenchView::windowNeverResizesItselfAndTheTimelineKeepsTenRows()
{
    m_window->resize(1366, 768);
    QTRY_COMPARE(m_window->width(), 1366);
    CollectionDock *dock = m_window->collectionDock();
    dock->show();
    m_window->collectionDock()->runnerView()->show();
    QTest::qWait(100);
    QCOMPARE(m_window->size(), QSize(1366, 768));
    m_window->collectionDock()->runnerView()->close();
    QTest::qWait(100);
    QCOMPARE(m_window->size(), QSize(1366, 768));
    dock->close();
    QTest::qWait(100);
    QCOMPARE(m_window->size(), QSize(1366, 768));
    // Room for ten rows of the timeline.
    TimelineView *timeline = m_window->timeline();
    const int rowHeight = timeline->sizeHintForRow(0) > 0 ? timeline->sizeHintForRow(0) : timeline->fontMetrics().height() + 4;
    QVERIFY2(timeline->viewport()->height() >= 10 * rowHeight,
             qPrintable(u"viewport %1 px, row %2 px"_s.arg(timeline->viewport()->height()).arg(rowHeight)));
}

void TestWorkbenchView::recentCollectionsAndTheLastReopened()
{
    // The first test opened m_collection: it is the most recent, and a new window (the next start)
    // reopens it.
    const QString path = QDir::cleanPath(m_collection.path());
    QVERIFY(!m_window->recentCollections()->paths().isEmpty());
    QCOMPARE(m_window->recentCollections()->paths().first(), path);
    QMenu *recent = nullptr;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
        recent = menu->title() == MainWindow::tr("Open &Recent Collection") ? menu : recent;
    QVERIFY(recent);
    QVERIFY(!recent->actions().isEmpty());
    QVERIFY(recent->actions().first()->text().endsWith(QDir::toNativeSeparators(path)));
    MainWindow next(m_workspace.get());
    QSignalSpy opened(next.collectionDock(), &CollectionDock::opened);
    QVERIFY(next.recentCollections()->reopenLast());
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(QDir::cleanPath(next.collectionDock()->store()->rootPath()), path);
}

void TestWorkbenchView::demoFromTheWelcomePageAndTheHelpMenu()
{
    // The welcome page offers the demo without --demo; starting it serves the API and lists it.
    WelcomePage page;
    page.show();
    QVERIFY(page.demoButton()->isVisible());
    QSignalSpy asked(&page, &WelcomePage::demoRequested);
    QTest::mouseClick(page.demoButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    DemoMode demo;
    QVERIFY2(demo.start(), qPrintable(demo.errorString()));
    QVERIFY(demo.start()); // a second request (Help after the page) starts nothing new
    demo.populate(&page);
    QVERIFY(!page.demoButton()->isVisible());
    QVERIFY(page.findChildren<QCommandLinkButton *>().size() >= 3);
    // A real server on 127.0.0.1 answers.
    m_window->composer()->setRequest(RequestSpec{});
    RequestSpec ping;
    ping.method = "GET";
    ping.url = demo.api()->baseUrl();
    QSignalSpy finished(m_workspace->session(), &HttpSession::chainFinished);
    const quint64 chain = m_workspace->send(ping);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY(m_workspace->log()->chain(chain).last().statusCode > 0);
    // Help ▸ Start the Demo API asks for the same.
    QAction *help = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        help = a->text() == HelpActions::tr("Start the &Demo API") ? a : help;
    QVERIFY(help);
    QCOMPARE(help->shortcut(), QKeySequence(u"Ctrl+Alt+D"_s));
    QSignalSpy fromHelp(m_window.get(), &MainWindow::demoRequested);
    help->trigger();
    QCOMPARE(fromHelp.size(), 1);
}

void TestWorkbenchView::statusBarCountIsAlwaysCurrent()
{
    QTRY_VERIFY(!m_window->statusText().contains(u"in flight"_s));
    ExchangeLog *log = m_workspace->log();
    const qsizetype before = log->count();
    QTRY_COMPARE(m_window->statusText(), MainWindow::tr("%n exchange(s)", nullptr, int(before)));
    // Exchanges that did not come from Send (an opened HAR file, a run) count too.
    Exchange e;
    e.chainId = log->nextChainId();
    e.method = "GET";
    e.url = QUrl(u"http://127.0.0.1:1/added"_s);
    e.statusCode = 204;
    e.finished = true;
    log->append(e);
    QTRY_COMPARE(m_window->statusText(), MainWindow::tr("%n exchange(s)", nullptr, int(before + 1)));
    log->clear();
    QTRY_COMPARE(m_window->statusText(), MainWindow::tr("%n exchange(s)", nullptr, 0));
}

void TestWorkbenchView::everyMenuActionHasItsShortcutShown()
{
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    int checked = 0;
    for (QAction *menuAction : menus) {
        QMenu *menu = menuAction->menu();
        QVERIFY(menu);
        QVERIFY2(menuAction->text().contains(u'&'), qPrintable(menuAction->text())); // Alt+letter opens it
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->menu())
                continue;
            ++checked;
            // What the menu shows beside the entry.
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(menuAction->text() + u" › "_s + a->text()));
            QVERIFY2(a->text().contains(u'&'), qPrintable(a->text())); // and a mnemonic
        }
    }
    QVERIFY(checked >= 25);
    // No two actions of the window share a key (an ambiguous key does nothing).
    QHash<QString, QString> seen;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &k : a->shortcuts()) {
            const QString key = k.toString();
            QVERIFY2(!seen.contains(key) || seen.value(key) == a->text(),
                     qPrintable(key + u": "_s + seen.value(key) + u" and "_s + a->text()));
            seen.insert(key, a->text());
        }
    }
}

void TestWorkbenchView::iconOnlyButtonsHaveAccessibleNames()
{
    int iconOnly = 0;
    for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>()) {
        const bool noWords = b->text().trimmed().isEmpty() || b->text() == u"✕"_s;
        if (!noWords || (b->icon().isNull() && b->text().isEmpty()) || b->focusPolicy() == Qt::NoFocus ||
            qobject_cast<QLineEdit *>(b->parentWidget()))
            continue; // (a line edit's clear button is Qt's own, reached with the keyboard as Ctrl+A, Del)
        ++iconOnly;
        QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->objectName() + u" " + b->toolTip()));
    }
    QVERIFY(iconOnly >= 1); // the find bar's close button at least
}

void TestWorkbenchView::focusChainFollowsTheLayout()
{
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    QWidget *method = m_window->composer()->findChild<QComboBox *>();
    QVERIFY(method);
    method->setFocus();
    QTRY_VERIFY(method->hasFocus());
    QList<QWidget *> visited{method};
    for (int i = 0; i < 200; ++i) {
        QWidget *before = QApplication::focusWidget();
        QTest::keyClick(before, Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY2(now && now != before, qPrintable(u"Tab is stuck in "_s + QString::fromLatin1(before->metaObject()->className()) + u" " + before->accessibleName()));
        if (now == method)
            break;
        visited.append(now);
    }
    QCOMPARE(QApplication::focusWidget(), method); // round the whole window and back
    const auto at = [&](QWidget *w) { return visited.indexOf(w); };
    QStringList names;
    for (QWidget *w : std::as_const(visited))
        names.append(QString::fromLatin1(w->metaObject()->className()) + u':' + w->accessibleName());
    qInfo().noquote() << "focus chain:" << names.join(u" → "_s);
    QWidget *send = nullptr;
    for (QPushButton *b : m_window->composer()->findChildren<QPushButton *>())
        send = b->text() == ComposerWidget::tr("Send") ? b : send;
    QVERIFY(at(m_window->composer()->urlEdit()) == 1); // method, then URL
    QVERIFY(at(send) > at(m_window->composer()->urlEdit()));
    QVERIFY(at(m_window->filterEdit()) > at(send));
    QVERIFY(at(m_window->timeline()) > at(m_window->filterEdit()));
    bool details = false;
    for (QWidget *w : std::as_const(visited))
        details = details || (m_window->details()->isAncestorOf(w) && at(w) > at(m_window->timeline()));
    QVERIFY(details);
    for (QWidget *w : std::as_const(visited))
        QVERIFY2(w->isVisible() && w->isEnabled(), w->metaObject()->className());
}

QTEST_MAIN(TestWorkbenchView)
#include "tst_workbenchview.moc"
