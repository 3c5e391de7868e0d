// The hex view pages through a spilled body without loading it.
#include "details/hexview.h"
#include "http/bodystore.h"

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
/// The byte at @p offset of the test body: varies with every position.
char patternAt(qint64 offset)
{
    return char((offset * 7 + (offset >> 12) * 13 + (offset >> 20)) & 0xff);
}

std::shared_ptr<BodyStore> writeBody(qint64 size, qint64 spillThreshold)
{
    auto store = std::make_shared<BodyStore>(spillThreshold);
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    for (qint64 offset = 0; offset < size; offset += chunk.size()) {
        const qint64 n = qMin<qint64>(chunk.size(), size - offset);
        for (qint64 i = 0; i < n; ++i)
            chunk[i] = patternAt(offset + i);
        if (!store->append(chunk.constData(), n))
            return nullptr;
    }
    store->finish();
    return store;
}

QString expectedLine(qint64 offset, qint64 size)
{
    QString hex;
    QString ascii;
    for (int i = 0; i < 16 && offset + i < size; ++i) {
        const auto b = uchar(patternAt(offset + i));
        if (i == 8)
            hex += u' ';
        hex += u"%1 "_s.arg(b, 2, 16, QLatin1Char('0'));
        ascii += b >= 0x20 && b < 0x7f ? QChar(char16_t(b)) : u'.';
    }
    return hex + u" |"_s + ascii + u'|';
}
} // namespace

class TestHexView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsTheRightBytesAfterScrolling();
    void pagingKeysMoveByAScreen();
    void selectionCopiesHex();
    void lastLineIsPartial();
    void emptyStore();

private:
    std::shared_ptr<BodyStore> m_big;
};

void TestHexView::initTestCase()
{
    m_big = writeBody(64 * 1024 * 1024, 1024 * 1024);
    QVERIFY2(m_big, "could not write the test body");
    QVERIFY(m_big->isOnDisk());
    QCOMPARE(m_big->size(), qint64(64 * 1024 * 1024));
}

void TestHexView::showsTheRightBytesAfterScrolling()
{
    HexView view;
    view.resize(760, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setStore(m_big);
    QCOMPARE(view.lineCount(), m_big->size() / 16);
    QCOMPARE(view.firstVisibleOffset(), 0);

    const qint64 target = 48LL * 1024 * 1024 + 16 * 12345;
    view.verticalScrollBar()->setValue(int(target / 16)); // as dragging the scroll bar does
    QCOMPARE(view.firstVisibleOffset(), target);
    const QString line = view.lineText(target / 16);
    QVERIFY2(line.startsWith(u"%1"_s.arg(target, 8, 16, QLatin1Char('0'))), qPrintable(line));
    QVERIFY2(line.endsWith(expectedLine(target, m_big->size())), qPrintable(line));
    // Painting that window works (and reads only that window).
    QVERIFY(!view.viewport()->grab().toImage().isNull());

    view.scrollToOffset(m_big->size() - 1);
    QCOMPARE(view.firstVisibleOffset() + qint64(view.visibleLineCount()) * 16, m_big->size());
    const qint64 lastLine = m_big->size() / 16 - 1;
    QVERIFY(view.lineText(lastLine).endsWith(expectedLine(lastLine * 16, m_big->size())));
}

void TestHexView::pagingKeysMoveByAScreen()
{
    HexView view;
    view.resize(760, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setStore(m_big);
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(view.firstVisibleOffset(), qint64(view.visibleLineCount()) * 16);
    const qint64 offset = view.firstVisibleOffset();
    QVERIFY(view.lineText(offset / 16).endsWith(expectedLine(offset, m_big->size())));
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(view.firstVisibleOffset() > m_big->size() - 16 * 100);
}

void TestHexView::selectionCopiesHex()
{
    HexView view;
    view.setStore(m_big);
    const qint64 start = 5'000'003;
    view.setSelection(start, start + 4);
    QVERIFY(view.copySelection());
    QString expected;
    for (int i = 0; i < 4; ++i)
        expected +=
            u"%1"_s.arg(uchar(patternAt(start + i)), 2, 16, QLatin1Char('0')) + (i < 3 ? u" "_s : QString());
    QCOMPARE(QApplication::clipboard()->text(), expected);

    view.setSelection(0, m_big->size());
    QString error;
    QVERIFY(!view.copySelection(&error));
    QVERIFY2(error.contains(u"Save"_s), qPrintable(error));
}

void TestHexView::lastLineIsPartial()
{
    HexView view;
    auto store = BodyStore::fromBytes("Hello, hex view!\x01\x02\x7f"_ba);
    view.setStore(store);
    QCOMPARE(view.lineCount(), 2);
    QCOMPARE(view.lineText(0),
             u"00000000  48 65 6c 6c 6f 2c 20 68  65 78 20 76 69 65 77 21  |Hello, hex view!|"_s);
    QVERIFY(view.lineText(1).endsWith(u"01 02 7f "_s + QString(13 * 3 + 1 + 1, u' ') + u"|...|"_s));
}

void TestHexView::emptyStore()
{
    HexView view;
    view.resize(300, 200);
    view.setStore(nullptr);
    QCOMPARE(view.lineCount(), 0);
    QVERIFY(!view.grab().isNull());
    view.setStore(std::make_shared<BodyStore>());
    QCOMPARE(view.lineCount(), 0);
}

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
