// Drives the real window against the demo API and saves screenshots of a
// few states: scripts/screenshot runs it under Xvfb.
//   screenshooter OUTPUT_DIR
#include "auth/authpanel.h"
#include "collection/collectionstore.h"
#include "collections/collectiondock.h"
#include "collections/runnerview.h"
#include "collections/runresultsmodel.h"
#include "composer/composerwidget.h"
#include "details/bodyview.h"
#include "details/exchangedetails.h"
#include "http/exchangelog.h"
#include "mainwindow/mainwindow.h"
#include "replay/expectedresponse.h"
#include "replay/runner.h"
#include "server/demoapi.h"
#include "timeline/timelineview.h"
#include "welcome/demomode.h"
#include "welcome/welcomepage.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
void shoot(QWidget *w, const QString &dir, const QString &name)
{
    QTest::qWait(400);
    const QString path = QDir(dir).filePath(name + u".png"_s);
    if (!w->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

void send(MainWindow &w, const QUrl &url)
{
    w.composer()->urlEdit()->setText(url.toString());
    QTest::keyClick(w.composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
}

bool waitRows(ExchangeLog *log, int rows)
{
    return QTest::qWaitFor([&] { return log->count() >= rows && log->at(rows - 1).finished; }, 15000);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir home;
    QCoreApplication::setOrganizationName(u"PeepholeScreenshots"_s);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"docs/screenshots"_s;
    QDir().mkpath(out);

    Workspace workspace(nullptr, home.filePath(u"accounts.ini"_s));
    MainWindow window(&workspace);
    auto *welcome = new WelcomePage(&window);
    window.setEmptyStateWidget(welcome);
    DemoMode demo;
    if (!demo.start())
        return 1;
    demo.populate(welcome);
    window.resize(1360, 860);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 4;
    shoot(&window, out, u"welcome"_s);

    const QUrl base = demo.api()->baseUrl();
    ExchangeLog *log = workspace.log();
    send(window, base.resolved(QUrl(u"/redirect"_s)));
    if (!waitRows(log, 2))
        return 2;
    send(window, base.resolved(QUrl(u"/digest"_s)));
    if (!QTest::qWaitFor([&] { return window.authPanel()->isVisible(); }, 10000))
        return 5;
    window.timeline()->selectExchange(log->at(2).id);
    window.details()->setCurrentIndex(ExchangeDetails::AuthTab);
    window.authPanel()->userEdit()->setText(u"demo"_s);
    window.authPanel()->passwordEdit()->setText(u"peephole"_s);
    shoot(&window, out, u"auth-panel"_s);

    QTest::mouseClick(window.authPanel()->sendButton(), Qt::LeftButton);
    if (!waitRows(log, 4))
        return 3;
    send(window, base.resolved(QUrl(u"/bearer"_s)));
    if (!QTest::qWaitFor([&] { return window.authPanel()->isVisible(); }, 10000))
        return 5;
    QTest::mouseClick(window.authPanel()->sendButton(), Qt::LeftButton); // no token: the 401 stays
    if (!waitRows(log, 5))
        return 6;
    window.timeline()->selectExchange(log->at(3).id);
    window.details()->setCurrentIndex(ExchangeDetails::AuthTab);
    shoot(&window, out, u"timeline-auth-chain"_s);

    window.timeline()->selectExchange(log->at(1).id);
    window.details()->setCurrentIndex(ExchangeDetails::ResponseTab);
    QTest::qWait(1500); // pretty printing runs on a worker
    shoot(&window, out, u"body-json"_s);
    window.details()->responseBodyView()->setMode(BodyView::Mode::Hex);
    shoot(&window, out, u"body-hex"_s);

    send(window, base.resolved(QUrl(u"/image.png"_s)));
    if (!waitRows(log, 6))
        return 6;
    window.timeline()->selectExchange(log->at(5).id);
    window.details()->setCurrentIndex(ExchangeDetails::ResponseTab);
    QTest::qWait(800);
    shoot(&window, out, u"body-image"_s);
    window.details()->setCurrentIndex(ExchangeDetails::TimingTab);
    shoot(&window, out, u"timing"_s);

    // A collection run: the demo collection, with an expected response for
    // "echo" that differs from what the server now answers.
    const QString collection = home.filePath(u"Demo API"_s);
    if (!demo.writeCollection(collection))
        return 7;
    CollectionDock *dock = window.collectionDock();
    QSignalSpy opened(dock, &CollectionDock::opened);
    dock->openCollection(collection);
    if (!opened.wait(10000))
        return 8;
    QSignalSpy finished(dock->runner(), &Runner::finished);
    dock->runCollection();
    if (!finished.wait(30000))
        return 9;
    const RunSummary first = finished.takeFirst().at(0).value<RunSummary>();
    for (const RequestResult &r : first.results) {
        const Exchange *e = log->find(r.lastExchangeId);
        if (!e)
            continue;
        ExpectedResponse expected = ExpectedResponse::fromExchange(*e);
        if (r.name == u"echo"_s) {
            QJsonObject body = QJsonDocument::fromJson(expected.body).object();
            body.insert(u"method"_s, u"PUT"_s);
            body.insert(u"note"_s, u"recorded last week"_s);
            expected.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        } else if (r.name != u"index"_s && r.name != u"image.png"_s) {
            continue;
        }
        QString error;
        if (!ExpectedStore::write(dock->store()->collection(), r.ref, expected, DiffOptions{}.ignoredHeaders,
                                  &error))
            std::fprintf(stderr, "%s\n", qPrintable(error));
    }
    dock->runCollection();
    if (!finished.wait(30000))
        return 9;
    // The "echo" request in the composer, its CHANGED row and diff below.
    const QModelIndex file = dock->treeView()->model()->index(0, 0);
    const int requests = dock->treeView()->model()->rowCount(file);
    dock->treeView()->setCurrentIndex(dock->treeView()->model()->index(requests - 1, 0, file));
    RunResultsModel *results = dock->runnerView()->model();
    for (int row = 0; row < results->rowCount(); ++row) {
        if (results->index(row, RunResultsModel::ResultColumn).data().toString() == u"CHANGED"_s)
            dock->runnerView()->resultsView()->setCurrentIndex(results->index(row, 0));
    }
    shoot(&window, out, u"collection-run"_s);
    return 0;
}
