// StreamStore (core/stream): records per exchange, signals per message, and
// the caps on kept messages and bytes that keep a stream of any length bounded.

#include "stream/streamstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Peephole;
using namespace Qt::StringLiterals;

class TestStreamStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsAndSignals();
    void capsDropTheOldest();
};

void TestStreamStore::recordsAndSignals()
{
    StreamStore store;
    QSignalSpy opened(&store, &StreamStore::opened);
    QSignalSpy added(&store, &StreamStore::messageAdded);
    QSignalSpy closed(&store, &StreamStore::closed);
    store.open(7);
    store.append(8, {StreamMessage::Kind::SseEvent, 1, u"message"_s, {}, "ignored: no record"});
    store.append(7, {StreamMessage::Kind::SseEvent, 2, u"tick"_s, u"1"_s, "one"});
    store.setReconnectState(7, 1500, u"1"_s);
    store.close(7, u"cut"_s);
    store.close(7, u"again"_s);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().at(1).toLongLong(), 1);
    QCOMPARE(closed.size(), 1);
    const StreamRecord *r = store.find(7);
    QVERIFY(r);
    QVERIFY(!store.find(8));
    QCOMPARE(r->messages.size(), 1);
    QCOMPARE(r->messages.first().data, "one"_ba);
    QCOMPARE(r->retryMs, 1500);
    QCOMPARE(r->lastEventId, u"1"_s);
    QVERIFY(!r->open);
    QCOMPARE(r->endNote, u"cut"_s);
    store.clear();
    QVERIFY(!store.find(7));
}

void TestStreamStore::capsDropTheOldest()
{
    StreamStore store;
    store.setCaps(100, 1000);
    store.open(1);
    for (int i = 0; i < 10000; ++i)
        store.append(1, {StreamMessage::Kind::SseEvent, i, u"m"_s, QString::number(i), QByteArray(5, 'x')});
    const StreamRecord *r = store.find(1);
    QCOMPARE(r->messages.size(), 100);
    QCOMPARE(r->received, 10000);
    QCOMPARE(r->dropped, 9900);
    QCOMPARE(r->messages.first().id, u"9900"_s);
    QCOMPARE(r->keptBytes, 500);
    // The byte cap: 300-byte messages, at most 1000 bytes kept (3 messages).
    for (int i = 0; i < 50; ++i)
        store.append(1, {StreamMessage::Kind::SseEvent, i, u"m"_s, u"big"_s, QByteArray(300, 'y')});
    QCOMPARE(r->messages.size(), 3);
    QVERIFY(r->keptBytes <= 1000);
    // One message over the byte cap is still kept (the newest is never dropped).
    store.append(1, {StreamMessage::Kind::SseEvent, 0, u"m"_s, u"huge"_s, QByteArray(5000, 'z')});
    QCOMPARE(r->messages.size(), 1);
    QCOMPARE(r->messages.first().id, u"huge"_s);
}

QTEST_GUILESS_MAIN(TestStreamStore)
#include "tst_streamstore.moc"
