// Every view model wrapped in QAbstractItemModelTester while a real
// ExchangeLog is appended to, updated and cleared.
#include "details/jsontreemodel.h"
#include "http/exchangelog.h"
#include "timeline/timelinefilterproxy.h"
#include "timeline/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
Exchange makeExchange(const QByteArray &method, const QString &url, int status, quint64 chain = 0,
                      int hop = 0)
{
    Exchange e;
    e.method = method;
    e.url = QUrl(url);
    e.chainId = chain;
    e.hop = hop;
    e.statusCode = status;
    e.finished = status != 0;
    e.responseHeaders = {{"Content-Type", "application/json; charset=utf-8"}, {"Server", "test"}};
    const qint64 base = 1'000'000'000;
    e.timings.startNs = base + qint64(chain) * 1'000'000;
    e.timings.requestSentNs = e.timings.startNs + 100'000;
    if (status != 0) {
        e.timings.headersNs = e.timings.requestSentNs + 2'000'000;
        e.timings.finishedNs = e.timings.headersNs + 500'000;
    }
    return e;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timelineModelAppendUpdateClear();
    void timelineModelBatchesOneInsertPerTurn();
    void filterProxyTracksAppendsAndUpdates();
    void filterProxySorts();
    void jsonTreeModelIsLazyAndConsistent();
    void timelineModelOutlivesItsLog();
};

void TestModels::timelineModelOutlivesItsLog()
{
    auto log = std::make_unique<ExchangeLog>();
    log->append(makeExchange("GET", u"https://example.com/a"_s, 200, log->nextChainId()));
    TimelineModel model(log.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    log.reset();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOfId(1), -1);
}

void TestModels::timelineModelAppendUpdateClear()
{
    ExchangeLog log;
    log.append(makeExchange("GET", u"https://example.com/a"_s, 200, log.nextChainId()));
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1); // existing records are loaded at once

    const quint64 id2 = log.append(makeExchange("POST", u"https://example.com/b"_s, 0, log.nextChainId()));
    log.append(makeExchange("GET", u"https://example.com/c?q=1"_s, 401, log.nextChainId()));
    QCOMPARE(model.rowCount(), 1); // not before the event loop turns
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, TimelineModel::StatusColumn).data().toString(), u"Pending"_s);
    QCOMPARE(model.index(2, TimelineModel::PathColumn).data().toString(), u"/c?q=1"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Exchange updated = *log.find(id2);
    updated.statusCode = 404;
    updated.finished = true;
    updated.timings.finishedNs = updated.timings.requestSentNs + 1'000'000;
    log.update(updated);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, TimelineModel::StatusColumn).data().toString(), u"404 Not Found"_s);

    log.clear();
    QCOMPARE(model.rowCount(), 0);
    log.append(makeExchange("DELETE", u"http://localhost:8080/x"_s, 204, log.nextChainId()));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, TimelineModel::HostColumn).data().toString(), u"localhost"_s);
    QCOMPARE(model.index(0, TimelineModel::MethodColumn).data().toString(), u"DELETE"_s);
}

void TestModels::timelineModelBatchesOneInsertPerTurn()
{
    ExchangeLog log;
    TimelineModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 500; ++i)
        log.append(makeExchange("GET", u"https://example.com/item/%1"_s.arg(i), 200, log.nextChainId()));
    QTRY_COMPARE(model.rowCount(), 500);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 499);
}

void TestModels::filterProxyTracksAppendsAndUpdates()
{
    ExchangeLog log;
    TimelineModel model(&log);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(proxy.setFilterText(u"status:4xx"_s));

    log.append(makeExchange("GET", u"https://example.com/ok"_s, 200, log.nextChainId()));
    const quint64 pending =
        log.append(makeExchange("GET", u"https://example.com/later"_s, 0, log.nextChainId()));
    log.append(makeExchange("GET", u"https://example.com/missing"_s, 404, log.nextChainId()));
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, TimelineModel::PathColumn).data().toString(), u"/missing"_s);

    Exchange e = *log.find(pending);
    e.statusCode = 403;
    e.finished = true;
    log.update(e);
    QTRY_COMPARE(proxy.rowCount(), 2);

    QVERIFY(proxy.setFilterText(u"-status:4xx"_s));
    QCOMPARE(proxy.rowCount(), 1);
    QVERIFY(proxy.setFilterText(QString()));
    QCOMPARE(proxy.rowCount(), 3);
    log.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void TestModels::filterProxySorts()
{
    ExchangeLog log;
    TimelineModel model(&log);
    TimelineFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setDynamicSortFilter(true);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(TimelineModel::StatusColumn, Qt::DescendingOrder);
    for (int status : {200, 503, 301, 404})
        log.append(makeExchange("GET", u"https://example.com/%1"_s.arg(status), status, log.nextChainId()));
    QTRY_COMPARE(proxy.rowCount(), 4);
    QCOMPARE(proxy.index(0, 0).data(TimelineModel::StatusCodeRole).toInt(), 503);
    QCOMPARE(proxy.index(3, 0).data(TimelineModel::StatusCodeRole).toInt(), 200);
}

void TestModels::jsonTreeModelIsLazyAndConsistent()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QByteArray json =
        R"({"name":"peephole","list":[1,2.5,"three",null,true,{"deep":{"deeper":[]}}],"empty":{}})"_ba;
    model.setDocument(QJsonDocument::fromJson(json));
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex list = model.index(1, 0);
    QCOMPARE(list.data().toString(), u"list"_s);
    QCOMPARE(model.rowCount(list), 6);
    QCOMPARE(model.index(2, JsonTreeModel::ValueColumn, list).data().toString(), u"\"three\""_s);
    QCOMPARE(model.index(5, 0, list).data(JsonTreeModel::PathRole).toString(), u"$.list[5]"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);

    // A wide document: only the levels asked for are built.
    QJsonArray wide;
    for (int i = 0; i < 1000; ++i)
        wide.append(QJsonObject{{u"id"_s, i}, {u"tags"_s, QJsonArray{u"a"_s, u"b"_s}}});
    JsonTreeModel lazy;
    lazy.setDocument(QJsonDocument(wide));
    QCOMPARE(lazy.rowCount(), 1000);
    QCOMPARE(lazy.builtNodeCount(), 0);
    const QModelIndex first = lazy.index(0, 0);
    QCOMPARE(lazy.builtNodeCount(), 1000);
    QCOMPARE(lazy.rowCount(first), 2);
    QCOMPARE(lazy.builtNodeCount(), 1000);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
