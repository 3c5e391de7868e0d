// The body view: pretty JSON from the worker, big bodies open raw at once,
// hex for binary, JSON tree, image preview, paging, markup.
#include "details/bodyview.h"
#include "details/hexview.h"
#include "details/jsonformatter.h"
#include "details/jsontreemodel.h"
#include "details/pagedtextview.h"
#include "http/bodystore.h"

#include <QBuffer>
#include <QImage>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
/// A JSON array of @p count objects, written in chunks to a store that spills at 1 MiB.
std::shared_ptr<BodyStore> bigJson(int count)
{
    auto store = std::make_shared<BodyStore>(1024 * 1024);
    store->append("{\"items\":["_ba);
    QByteArray chunk;
    for (int i = 0; i < count; ++i) {
        chunk += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item number " + QByteArray::number(i) +
                 "\",\"tags\":[\"a\",\"b\"],\"ok\":true}";
        if (i + 1 < count)
            chunk += ',';
        if (chunk.size() > 64 * 1024) {
            store->append(chunk);
            chunk.clear();
        }
    }
    store->append(chunk);
    store->append("]}"_ba);
    store->finish();
    return store;
}
} // namespace

class TestBodyView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatterKeepsOrderAndReportsErrors();
    void prettyJsonAppearsAfterWorker();
    void invalidJsonSaysWhere();
    void bigBodyOpensRawAtOnce();
    void formatAnywayFormatsInTheWorker();
    void switchingModeCancelsFormatting();
    void binaryOpensInHex();
    void treeModeShowsTheDocument();
    void imagePreviewWithDimensions();
    void markupIsHighlighted();
    void rawViewPagesLargeText();
    void emptyAndNullBodies();
};

void TestBodyView::formatterKeepsOrderAndReportsErrors()
{
    QString error;
    const QByteArray input = "{\"b\":1,\"a\":[1,2.50,{}],\"s\":\"x,{y}\\\"\",\"e\":[]}";
    QCOMPARE(
        JsonFormatter::format(input, &error),
        "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2.50,\n    {}\n  ],\n  \"s\": \"x,{y}\\\"\",\n  \"e\": []\n}\n"_ba);
    QVERIFY(error.isEmpty());
    JsonFormatter::format(R"({"a":[1,2})"_ba, &error);
    QVERIFY2(error.contains(u"byte 9"_s), qPrintable(error));
    JsonFormatter::format(R"({"a":"unterminated)"_ba, &error);
    QVERIFY2(error.contains(u"string"_s), qPrintable(error));
}

void TestBodyView::prettyJsonAppearsAfterWorker()
{
    BodyView view;
    view.show();
    QSignalSpy finished(&view, &BodyView::jobFinished);
    view.setBody(BodyStore::fromBytes(R"({"name":"peephole","list":[1,2]})"_ba), "application/json");
    QCOMPARE(view.mode(), BodyView::Mode::Pretty);
    QTRY_COMPARE(view.prettyText(),
                 u"{\n  \"name\": \"peephole\",\n  \"list\": [\n    1,\n    2\n  ]\n}\n"_s);
    QCOMPARE(finished.count(), 1);
    QVERIFY(view.prettyView()->isVisible());
    QVERIFY(view.notice().isEmpty());
    // JSON colouring is attached to the pretty text.
    const QTextBlock second = view.prettyView()->editor()->document()->findBlockByNumber(1);
    QVERIFY(!second.layout()->formats().isEmpty());
}

void TestBodyView::invalidJsonSaysWhere()
{
    BodyView view;
    view.setBody(BodyStore::fromBytes(R"({"a":[1,2}, "b": 3})"_ba), "application/json");
    QTRY_VERIFY(!view.prettyText().isEmpty());
    QVERIFY2(view.notice().contains(u"byte 9"_s), qPrintable(view.notice()));
    QVERIFY(view.prettyText().contains(u"\"b\": 3"_s));
}

void TestBodyView::bigBodyOpensRawAtOnce()
{
    const auto body = bigJson(40'000); // ~3 MB
    BodyView view;
    view.setLargeBodyThreshold(1024 * 1024);
    view.show();
    view.setBody(body, "application/json");
    // No event loop turn needed: the first page is already there.
    QCOMPARE(view.mode(), BodyView::Mode::Raw);
    QVERIFY(!view.isBusy());
    QVERIFY(view.rawText().startsWith(u"{\"items\":[{\"id\":0,\"name\":\"item number 0\""_s));
    QVERIFY(view.rawText().size() <= PagedTextView::DefaultPageSize);
    QVERIFY(view.rawView()->pageCount() > 10);
    QVERIFY2(view.notice().contains(u"unformatted"_s), qPrintable(view.notice()));
    QVERIFY(view.isModeAvailable(BodyView::Mode::Hex));
    QVERIFY(view.setMode(BodyView::Mode::Hex));
    QCOMPARE(view.hexView()->lineCount(), (body->size() + 15) / 16);
}

void TestBodyView::formatAnywayFormatsInTheWorker()
{
    const auto body = bigJson(40'000);
    BodyView view;
    view.setLargeBodyThreshold(1024 * 1024);
    view.show();
    view.setBody(body, "application/json");
    QSignalSpy finished(&view, &BodyView::jobFinished);
    view.formatAnyway();
    QCOMPARE(view.mode(), BodyView::Mode::Pretty);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(view.prettyText().startsWith(
        u"{\n  \"items\": [\n    {\n      \"id\": 0,\n      \"name\": \"item number 0\","_s));
    QVERIFY(view.prettyView()->pageCount() > 1);
    view.prettyView()->setPage(view.prettyView()->pageCount() - 1);
    QVERIFY(view.prettyText().trimmed().endsWith(u"]\n}"_s));
    QVERIFY(view.notice().isEmpty());
}

void TestBodyView::switchingModeCancelsFormatting()
{
    const auto body = bigJson(200'000); // ~15 MB: formatting takes a while
    BodyView view;
    view.show();
    QSignalSpy finished(&view, &BodyView::jobFinished);
    view.setBody(body, "application/json");
    view.formatAnyway();
    QVERIFY(view.isBusy());
    QVERIFY(view.setMode(BodyView::Mode::Raw));
    QTRY_VERIFY(!view.isBusy());
    QTest::qWait(20);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(view.mode(), BodyView::Mode::Raw);
    QVERIFY(view.rawView()->isVisible());
}

void TestBodyView::binaryOpensInHex()
{
    QByteArray bytes(5000, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i * 31);
    BodyView view;
    view.setBody(BodyStore::fromBytes(bytes), "application/octet-stream");
    QCOMPARE(view.mode(), BodyView::Mode::Hex);
    QVERIFY(!view.isModeAvailable(BodyView::Mode::Pretty));
    QVERIFY(!view.isModeAvailable(BodyView::Mode::Tree));
    QVERIFY(view.hexView()->lineText(0).startsWith(u"00000000  00 1f 3e 5d"_s));
}

void TestBodyView::treeModeShowsTheDocument()
{
    BodyView view;
    view.show();
    view.setBody(BodyStore::fromBytes(R"({"user":{"id":7,"roles":["admin","dev"]},"active":true})"_ba),
                 "application/json");
    QVERIFY(view.isModeAvailable(BodyView::Mode::Tree));
    QSignalSpy finished(&view, &BodyView::jobFinished);
    QVERIFY(view.setMode(BodyView::Mode::Tree));
    QTRY_VERIFY(view.treeView()->isVisible());
    const JsonTreeModel *model = view.treeModel();
    QCOMPARE(model->rowCount(), 2);
    // The document's key order (QJsonObject alone would sort "active" first).
    QCOMPARE(model->index(1, 0).data().toString(), u"active"_s);
    const QModelIndex user = model->index(0, 0);
    QCOMPARE(user.data().toString(), u"user"_s);
    QCOMPARE(model->rowCount(user), 2);
    const QModelIndex roles = model->index(1, 0, user);
    QCOMPARE(roles.data().toString(), u"roles"_s);
    QCOMPARE(model->index(0, JsonTreeModel::ValueColumn, roles).data().toString(), u"\"admin\""_s);

    view.setTreeSizeCap(10);
    view.setBody(BodyStore::fromBytes(R"({"a":1,"b":2,"c":3})"_ba), "application/json");
    QVERIFY(!view.isModeAvailable(BodyView::Mode::Tree));
    QVERIFY(!view.setMode(BodyView::Mode::Tree));
}

void TestBodyView::imagePreviewWithDimensions()
{
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    BodyView view;
    view.setBody(BodyStore::fromBytes(png), "image/png");
    QCOMPARE(view.mode(), BodyView::Mode::Image);
    QTRY_COMPARE(view.imageSize(), QSize(40, 30));
    QVERIFY2(view.imageInfo().contains(u"40 × 30"_s) && view.imageInfo().contains(u"PNG"_s),
             qPrintable(view.imageInfo()));

    // A broken image says so instead of showing nothing.
    view.setBody(BodyStore::fromBytes("not a png at all"_ba), "image/png");
    QSignalSpy finished(&view, &BodyView::jobFinished);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(view.imageSize().isEmpty());
}

void TestBodyView::markupIsHighlighted()
{
    BodyView view;
    const QByteArray xml =
        "<?xml version=\"1.0\"?>\n<root a=\"1\">\n  <!-- note -->\n  <x>1 &amp; 2</x>\n</root>\n";
    view.setBody(BodyStore::fromBytes(xml), "application/xml");
    QCOMPARE(view.mode(), BodyView::Mode::Pretty);
    QCOMPARE(view.prettyText(), QString::fromUtf8(xml));
    const QTextBlock root = view.prettyView()->editor()->document()->findBlockByNumber(1);
    QVERIFY(!root.layout()->formats().isEmpty());
}

void TestBodyView::rawViewPagesLargeText()
{
    QByteArray text;
    for (int i = 0; text.size() < 600 * 1024; ++i)
        text += "line " + QByteArray::number(i) + " — ünïcödé text\n";
    BodyView view;
    view.setBody(BodyStore::fromBytes(text), "text/plain");
    QCOMPARE(view.mode(), BodyView::Mode::Raw);
    PagedTextView *raw = view.rawView();
    QCOMPARE(raw->pageCount(), int((text.size() + raw->pageSize() - 1) / raw->pageSize()));
    raw->setPage(1);
    QCOMPARE(raw->pageOffset(), raw->pageSize());
    // The page starts where the bytes start (a split UTF-8 sequence is dropped, never garbled).
    const QString page = raw->text();
    QVERIFY(!page.contains(QChar::ReplacementCharacter));
    QVERIFY(QString::fromUtf8(text.mid(raw->pageSize(), 200)).contains(page.left(20)));
}

void TestBodyView::emptyAndNullBodies()
{
    BodyView view;
    view.setBody(nullptr, "application/json");
    QCOMPARE(view.mode(), BodyView::Mode::Raw);
    QCOMPARE(view.rawText(), u"No body."_s);
    view.setBody(std::make_shared<BodyStore>(), "application/json");
    QCOMPARE(view.rawText(), u"The body is empty."_s);
    QVERIFY(!view.setMode(BodyView::Mode::Pretty));
}

QTEST_MAIN(TestBodyView)
#include "tst_bodyview.moc"
