// The timeline as a user sees it: status texts and colours, chain marks,
// filter terms, batching, following the newest row, context menu requests.
#include "http/exchangelog.h"
#include "timeline/statuscolors.h"
#include "timeline/timelinefilterproxy.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
Exchange make(const QByteArray &method, const QString &url, int status, const QByteArray &mime = "text/html",
              ExchangeError::Kind error = ExchangeError::Kind::None)
{
    Exchange e;
    e.method = method;
    e.url = QUrl(url);
    e.statusCode = status;
    e.finished = true;
    e.error.kind = error;
    e.error.message = error == ExchangeError::Kind::None ? QString() : u"Could not connect to 127.0.0.1:1"_s;
    e.responseHeaders = {{"Content-Type", mime}};
    e.timings.startNs = 1'000'000;
    e.timings.connectStartNs = 1'100'000;
    e.timings.tlsDoneNs = 2'000'000;
    e.timings.requestSentNs = 2'100'000;
    e.timings.headersNs = 5'000'000;
    e.timings.finishedNs = 6'000'000;
    return e;
}

/// Ten exchanges covering every filter term; ids are 1..10 in this order.
void fill(ExchangeLog &log)
{
    using K = ExchangeError::Kind;
    const quint64 chain = log.nextChainId();
    Exchange first = make("GET", u"https://api.example.com/login"_s, 401, "application/json");
    first.chainId = chain;
    log.append(first); // 1
    Exchange retry = make("GET", u"https://api.example.com/login"_s, 200, "application/json");
    retry.chainId = chain;
    retry.hop = 1;
    retry.reason = HopReason::AuthRetry;
    log.append(retry); // 2
    Exchange post = make("POST", u"https://example.com/upload"_s, 201, "application/problem+json");
    post.chainId = log.nextChainId();
    log.append(post);                                                                           // 3
    log.append(make("GET", u"http://example.org/missing"_s, 404));                              // 4
    log.append(make("GET", u"http://127.0.0.1:1/"_s, 0, QByteArray(), K::ConnectionRefused));   // 5
    log.append(make("PUT", u"https://notexample.com/item"_s, 500, "text/plain"));               // 6
    log.append(make("GET", u"https://cdn.example.com/logo.png"_s, 304, "image/png"));           // 7
    log.append(make("GET", u"https://proxy.test/"_s, 407));                                     // 8
    log.append(make("DELETE", u"https://example.com/item/7"_s, 204, QByteArray()));             // 9
    log.append(make("GET", u"https://example.com/search?q=Teapot"_s, 418, "application/json")); // 10
}

QList<quint64> shownIds(const QAbstractItemModel *model)
{
    QList<quint64> ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->index(r, 0).data(TimelineModel::ExchangeIdRole).toULongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

double contrast(const QColor &a, const QColor &b)
{
    auto lum = [](const QColor &c) {
        auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    const double la = lum(a), lb = lum(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}
} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusTextsAndMarks();
    void statusColoursReadableInLightAndDark();
    void chainRowsAreTied();
    void filterTerms_data();
    void filterTerms();
    void badFilterSaysWhatAndWhere();
    void followsNewestUnlessScrolledAway();
    void contextMenuEmitsRequestsWithId();
    void currentRowReportsExchangeId();
    void waterfallSpanCoversTheLog();
    void pathsBeyondAsciiShowAndMatch();
    void sortsByPath();
};

void TestTimeline::statusTextsAndMarks()
{
    ExchangeLog log;
    fill(log);
    TimelineModel model(&log);
    auto status = [&](int row) { return model.index(row, TimelineModel::StatusColumn).data().toString(); };
    QCOMPARE(status(0), u"401 Unauthorized"_s);
    QCOMPARE(status(1), u"200 OK"_s);
    QCOMPARE(status(4), u"Connection refused"_s);
    QCOMPARE(status(7), u"407 Proxy Authentication Required"_s);
    QVERIFY(model.index(0, 0).data(TimelineModel::IsAuthRole).toBool());
    QVERIFY(!model.index(1, 0).data(TimelineModel::IsAuthRole).toBool());
    QVERIFY(model.index(7, 0).data(TimelineModel::IsAuthRole).toBool());
    QVERIFY(model.index(4, 0).data(TimelineModel::IsErrorRole).toBool());
    // 401/407 carry a badge in the Status column; others none.
    QVERIFY(!model.index(0, TimelineModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model.index(1, TimelineModel::StatusColumn).data(Qt::DecorationRole).isValid());
    QCOMPARE(model.index(4, TimelineModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             u"Could not connect to 127.0.0.1:1"_s);
    QCOMPARE(model.index(2, TimelineModel::TypeColumn).data().toString(), u"json"_s);
    QCOMPARE(model.index(6, TimelineModel::TypeColumn).data().toString(), u"png"_s);
    QCOMPARE(model.index(3, TimelineModel::HostColumn).data().toString(), u"example.org"_s);
    QCOMPARE(model.index(9, TimelineModel::PathColumn).data().toString(), u"/search?q=Teapot"_s);
    QCOMPARE(model.index(0, TimelineModel::TimeColumn).data().toString(), u"5 ms"_s);
}

void TestTimeline::statusColoursReadableInLightAndDark()
{
    ExchangeLog log;
    fill(log);
    TimelineModel model(&log);
    const QPalette original = QApplication::palette();
    QPalette light = original;
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark = original;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    for (const QPalette &palette : {light, dark}) {
        QApplication::setPalette(palette);
        QSet<QRgb> colours;
        for (int row : {1, 6, 3, 5, 4}) { // 2xx, 3xx, 4xx, 5xx, error
            const QColor c =
                model.index(row, TimelineModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>();
            QVERIFY2(c.isValid(), qPrintable(u"row %1"_s.arg(row)));
            QVERIFY2(
                contrast(c, palette.color(QPalette::Base)) >= 3.0,
                qPrintable(u"row %1 contrast %2"_s.arg(row).arg(contrast(c, palette.color(QPalette::Base)))));
            colours.insert(c.rgb());
        }
        QVERIFY(colours.size() >= 4); // the classes are told apart
    }
    QApplication::setPalette(original);
}

void TestTimeline::chainRowsAreTied()
{
    ExchangeLog log;
    fill(log);
    TimelineModel model(&log);
    QCOMPARE(model.index(0, TimelineModel::NumberColumn).data().toString(), u"1"_s);
    QVERIFY(model.index(1, TimelineModel::NumberColumn).data().toString().startsWith(u"\u2514"_s));
    QCOMPARE(model.index(1, 0).data(TimelineModel::HopRole).toInt(), 1);
    QCOMPARE(model.index(0, 0).data(TimelineModel::ChainIdRole),
             model.index(1, 0).data(TimelineModel::ChainIdRole));
    // Same shade within the chain, the next chain alternates.
    QCOMPARE(model.index(0, 0).data(TimelineModel::ChainShadeRole).toBool(),
             model.index(1, 0).data(TimelineModel::ChainShadeRole).toBool());
    QVERIFY(model.index(1, 0).data(TimelineModel::ChainShadeRole).toBool() !=
            model.index(2, 0).data(TimelineModel::ChainShadeRole).toBool());
}

void TestTimeline::filterTerms_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QList<quint64>>("ids");
    QTest::newRow("empty") << QString() << QList<quint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    QTest::newRow("status code") << u"status:401"_s << QList<quint64>{1};
    QTest::newRow("status class") << u"status:4xx"_s << QList<quint64>{1, 4, 8, 10};
    QTest::newRow("status list") << u"status:404,500"_s << QList<quint64>{4, 6};
    QTest::newRow("negated status") << u"-status:200 status:2xx"_s << QList<quint64>{3, 9};
    QTest::newRow("method") << u"method:post"_s << QList<quint64>{3};
    QTest::newRow("host and subdomains") << u"host:example.com"_s << QList<quint64>{1, 2, 3, 7, 9, 10};
    QTest::newRow("only subdomains") << u"host:*.example.com"_s << QList<quint64>{1, 2, 7};
    QTest::newRow("is:error") << u"is:error"_s << QList<quint64>{5};
    QTest::newRow("is:auth") << u"is:auth"_s << QList<quint64>{1, 8};
    QTest::newRow("is:hop") << u"is:hop"_s << QList<quint64>{2};
    QTest::newRow("type json") << u"type:json"_s << QList<quint64>{1, 2, 3, 10};
    QTest::newRow("type image") << u"type:image"_s << QList<quint64>{7};
    QTest::newRow("free text url") << u"teapot"_s << QList<quint64>{10};
    QTest::newRow("free text status") << u"refused"_s << QList<quint64>{5};
    QTest::newRow("free text method") << u"delete"_s << QList<quint64>{9};
    QTest::newRow("url with scheme is text") << u"http://example.org"_s << QList<quint64>{4};
    // The text may span the host and the path, in any case.
    QTest::newRow("text across host and path") << u"example.com/item"_s << QList<quint64>{6, 9};
    QTest::newRow("text across, any case") << u"Example.COM/Sea"_s << QList<quint64>{10};
    QTest::newRow("text across port and root") << u"127.0.0.1:1/"_s << QList<quint64>{5};
    QTest::newRow("negated text") << u"-example"_s << QList<quint64>{5, 8};
    QTest::newRow("quoted text") << u"\"Not Found\""_s << QList<quint64>{4};
    QTest::newRow("combined") << u"method:GET -is:auth host:example.com"_s << QList<quint64>{2, 7, 10};
}

void TestTimeline::filterTerms()
{
    QFETCH(QString, filter);
    QFETCH(QList<quint64>, ids);
    ExchangeLog log;
    fill(log);
    TimelineView view;
    view.setLog(&log);
    QVERIFY2(view.setFilterText(filter), qPrintable(view.filterError()));
    QCOMPARE(shownIds(view.model()), ids);
}

void TestTimeline::badFilterSaysWhatAndWhere()
{
    ExchangeLog log;
    fill(log);
    TimelineView view;
    view.setLog(&log);
    QVERIFY(view.setFilterText(u"status:404"_s));
    QSignalSpy errors(&view, &TimelineView::filterErrorChanged);
    QVERIFY(!view.setFilterText(u"method:GET status:abc"_s));
    QCOMPARE(errors.count(), 1);
    const QString error = view.filterError();
    QVERIFY2(error.contains(u"status:abc"_s) && error.contains(u"12"_s) && error.contains(u"4xx"_s),
             qPrintable(error));
    QCOMPARE(shownIds(view.model()), QList<quint64>{4}); // the previous filter stays
    QVERIFY(!view.setFilterText(u"is:bogus"_s));
    QVERIFY(view.filterError().contains(u"is:error"_s));
    QVERIFY(!view.setFilterText(u"host:"_s));
    QVERIFY(view.setFilterText(u"host:example.org"_s));
    QVERIFY(view.filterError().isEmpty());
    QCOMPARE(errors.count(), 4);
}

void TestTimeline::followsNewestUnlessScrolledAway()
{
    ExchangeLog log;
    TimelineView view;
    view.setLog(&log);
    view.resize(800, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (int i = 0; i < 200; ++i)
        log.append(make("GET", u"https://example.com/%1"_s.arg(i), 200));
    QTRY_COMPARE(view.model()->rowCount(), 200);
    QTRY_VERIFY(view.verticalScrollBar()->maximum() > 0);
    QTRY_COMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
    const QModelIndex last = view.model()->index(199, 0);
    QVERIFY(view.viewport()->rect().intersects(view.visualRect(last)));

    // The user scrolls up: new rows no longer move the view.
    view.verticalScrollBar()->setValue(10);
    for (int i = 0; i < 50; ++i)
        log.append(make("GET", u"https://example.com/more/%1"_s.arg(i), 200));
    QTRY_COMPARE(view.model()->rowCount(), 250);
    QTest::qWait(50);
    QCOMPARE(view.verticalScrollBar()->value(), 10);

    // Back at the bottom: following resumes.
    view.scrollToBottom();
    log.append(make("GET", u"https://example.com/last"_s, 200));
    QTRY_COMPARE(view.model()->rowCount(), 251);
    QTRY_COMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
}

void TestTimeline::contextMenuEmitsRequestsWithId()
{
    ExchangeLog log;
    fill(log);
    TimelineView view;
    view.setLog(&log);
    QVERIFY(view.setFilterText(u"status:404"_s));
    const QModelIndex index = view.model()->index(0, 0);
    std::unique_ptr<QMenu> menu(view.createContextMenu(index));
    QVERIFY(menu);
    QSignalSpy copyUrl(&view, &TimelineView::copyUrl);
    QSignalSpy curl(&view, &TimelineView::copyAsCurl);
    QSignalSpy resend(&view, &TimelineView::resend);
    QSignalSpy edit(&view, &TimelineView::editAndResend);
    QSignalSpy save(&view, &TimelineView::saveBodyAs);
    const QList<QAction *> actions = menu->actions();
    for (QAction *a : actions) {
        if (!a->isSeparator())
            a->trigger();
    }
    for (QSignalSpy *spy : {&copyUrl, &curl, &resend, &edit, &save}) {
        QCOMPARE(spy->count(), 1);
        QCOMPARE(spy->first().at(0).toULongLong(), quint64(4));
    }
    QVERIFY(!view.createContextMenu(QModelIndex()));
}

void TestTimeline::currentRowReportsExchangeId()
{
    ExchangeLog log;
    fill(log);
    TimelineView view;
    view.setLog(&log);
    QSignalSpy current(&view, &TimelineView::currentExchangeChanged);
    QVERIFY(view.selectExchange(7));
    QCOMPARE(view.currentExchangeId(), quint64(7));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.first().at(0).toULongLong(), quint64(7));
    QVERIFY(view.setFilterText(u"status:404"_s));
    QVERIFY(!view.selectExchange(7)); // filtered out
    QVERIFY(!view.selectExchange(999));
}

void TestTimeline::waterfallSpanCoversTheLog()
{
    ExchangeLog log;
    TimelineModel model(&log);
    QSignalSpy span(&model, &TimelineModel::spanChanged);
    Exchange a = make("GET", u"https://a.test/"_s, 200);
    Exchange b = make("GET", u"https://b.test/"_s, 200);
    b.timings.startNs += 10'000'000;
    b.timings.finishedNs += 20'000'000;
    log.append(a);
    log.append(b);
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.spanStartNs(), a.timings.startNs);
    QCOMPARE(model.spanEndNs(), b.timings.finishedNs);
    QVERIFY(span.count() >= 1);
    const auto phases = timingPhases(a.timings);
    QCOMPARE(phases.size(), 5);
    QCOMPARE(phases.at(1).phase, TimingPhase::Connect);
    QCOMPARE(phases.last().endNs, a.timings.finishedNs);

    // The delegate paints without a crash at any width, including a pending row.
    Exchange pending = make("GET", u"https://c.test/"_s, 0);
    pending.finished = false;
    pending.timings.headersNs = pending.timings.finishedNs = -1;
    log.append(pending);
    TimelineView view;
    view.setLog(&log);
    view.resize(900, 300);
    const QImage shot = view.grab().toImage();
    QVERIFY(!shot.isNull());
}

void TestTimeline::pathsBeyondAsciiShowAndMatch()
{
    ExchangeLog log;
    log.append(make("GET", u"https://example.com/caf%C3%A9/Men%C3%BC?q=%C3%84rger"_s, 200)); // 1: Latin-1
    log.append(make("GET", u"https://example.com/%E6%97%A5%E6%9C%AC/%E2%82%AC?x=1"_s, 200)); // 2: beyond
    log.append(make("GET", u"https://example.com/plain"_s, 200));                            // 3
    TimelineView view;
    view.setLog(&log);
    view.timelineModel()->flush();
    const TimelineModel *model = view.timelineModel();
    QCOMPARE(model->index(0, TimelineModel::PathColumn).data().toString(), u"/café/Menü?q=Ärger"_s);
    QCOMPARE(model->index(1, TimelineModel::PathColumn).data().toString(), u"/日本/€?x=1"_s);
    QCOMPARE(model->index(1, TimelineModel::PathColumn).data(TimelineModel::UrlRole).toString(),
             u"https://example.com/日本/€?x=1"_s);
    const QList<std::pair<QString, QList<quint64>>> cases{
        {u"menü"_s, {1}},
        {u"MENÜ?Q=ärger"_s, {1}},
        {u"café"_s, {1}},
        {u"日本"_s, {2}},
        {u"€?x"_s, {2}},
        {u"example.com/日"_s, {2}},
        {u"example.com/CAF"_s, {1}},
        {u"com/plain"_s, {3}},
        {u"/"_s, {1, 2, 3}},
    };
    for (const auto &[filter, ids] : cases) {
        QVERIFY2(view.setFilterText(filter), qPrintable(view.filterError()));
        QVERIFY2(shownIds(view.model()) == ids, qPrintable(filter));
    }
}

void TestTimeline::sortsByPath()
{
    ExchangeLog log;
    log.append(make("GET", u"https://example.com/b"_s, 200));         // 1
    log.append(make("GET", u"https://example.com"_s, 200));           // 2: shown as "/"
    log.append(make("GET", u"https://example.com/%C3%A4"_s, 200));    // 3: "/ä"
    log.append(make("GET", u"https://example.com/%E2%82%AC"_s, 200)); // 4: "/€", beyond Latin-1
    log.append(make("GET", u"https://example.com/a?z"_s, 200));       // 5
    TimelineView view;
    view.setLog(&log);
    view.timelineModel()->flush();
    view.sortByColumn(TimelineModel::PathColumn, Qt::AscendingOrder);
    QStringList shown;
    for (int r = 0; r < view.model()->rowCount(); ++r)
        shown << view.model()->index(r, TimelineModel::PathColumn).data().toString();
    QCOMPARE(shown, (QStringList{u"/"_s, u"/a?z"_s, u"/b"_s, u"/ä"_s, u"/€"_s}));
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
