#include "http/bodystore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestBodyStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void staysInMemoryBelowThreshold();
    void spillsAboveThresholdAndReadsRanges();
    void fileBackedWritesToTheChosenFile();
    void fromFileReadsInPlace();
    void unwritableOutputIsAClearError();
};

void TestBodyStore::staysInMemoryBelowThreshold()
{
    BodyStore store(100);
    QVERIFY(store.append("hello "_ba));
    QVERIFY(store.append("world"_ba));
    store.finish();
    QVERIFY(!store.isOnDisk());
    QCOMPARE(store.read(0, 100), "hello world"_ba);
    QCOMPARE(store.read(6, 3), "wor"_ba);
    QCOMPARE(store.read(50, 3), QByteArray());
}

void TestBodyStore::spillsAboveThresholdAndReadsRanges()
{
    BodyStore store(1000);
    QByteArray all;
    for (int i = 0; i < 100; ++i) {
        const QByteArray chunk = QByteArray::number(i).repeated(37);
        all += chunk;
        QVERIFY(store.append(chunk));
        // Reading while writing must not disturb the writes.
        QCOMPARE(store.read(0, 10), all.left(10));
    }
    store.finish();
    QVERIFY(store.isOnDisk());
    QCOMPARE(store.size(), all.size());
    QCOMPARE(store.read(0, all.size()), all);
    QCOMPARE(store.read(999, 5), all.mid(999, 5));
    const QString path = store.filePath();
    QVERIFY(QFile::exists(path));
}

void TestBodyStore::fileBackedWritesToTheChosenFile()
{
    QTemporaryDir dir;
    QString error;
    auto store = BodyStore::createFileBacked(dir.filePath(u"out.txt"_s), &error);
    QVERIFY(store);
    store->append("abc"_ba);
    store->finish();
    QFile f(dir.filePath(u"out.txt"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), "abc"_ba);
}

void TestBodyStore::fromFileReadsInPlace()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(u"in.txt"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("0123456789");
    f.close();
    QString error;
    auto store = BodyStore::fromFile(f.fileName(), &error);
    QVERIFY(store);
    QCOMPARE(store->size(), 10);
    QCOMPARE(store->read(3, 4), "3456"_ba);
    QVERIFY(!BodyStore::fromFile(dir.filePath(u"missing"_s), &error));
    QVERIFY(error.contains(u"missing"_s));
}

void TestBodyStore::unwritableOutputIsAClearError()
{
    QString error;
    QVERIFY(!BodyStore::createFileBacked(u"/nonexistent-dir/x/out.bin"_s, &error));
    QVERIFY2(error.contains(u"/nonexistent-dir/x/out.bin"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestBodyStore)
#include "tst_bodystore.moc"
