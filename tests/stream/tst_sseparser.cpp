// The SSE parser (core/stream) against the WHATWG event-stream rules, each
// input fed whole, byte by byte and in uneven pieces: the three must agree.

#include "stream/sseparser.h"

#include <QTest>

using namespace Peephole;
using namespace Qt::StringLiterals;

namespace {
struct Result
{
    QList<SseEvent> events;
    bool failed = false;
    QString error;
    qint64 retry = -1;
    bool open = false;
};

Result parse(const QByteArray &input, qsizetype piece, qsizetype max = SseParser::DefaultMaxEventBytes)
{
    SseParser p(max);
    Result r;
    for (qsizetype at = 0; at < input.size(); at += piece) {
        if (!p.feed(input.constData() + at, qMin(piece, input.size() - at), &r.events))
            break;
        if (p.pendingBytes() > 2 * max + 2) // bounded, whatever arrives
            qFatal("parser holds %lld bytes", qlonglong(p.pendingBytes()));
    }
    r.failed = p.hasFailed();
    r.error = p.errorString();
    r.retry = p.retryMs();
    r.open = p.hasOpenEvent();
    return r;
}

QString describe(const QList<SseEvent> &events)
{
    QStringList out;
    for (const SseEvent &e : events)
        out << u"[%1|%2|%3]"_s.arg(e.type, e.lastEventId, e.data);
    return out.join(u' ');
}
} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void events_data();
    void events();
    void retry();
    void cutInsideEvent();
    void longLineFails();
    void neverANewlineFails();
    void hugeEventFails();
    void manySmallEventsStayBounded();
};

void TestSseParser::events_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("spec: data lines joined")
        << "data: YHOO\ndata: +2\ndata: 10\n\n"_ba << u"[message||YHOO\n+2\n10]"_s;
    QTest::newRow("spec: two typed events")
        << "event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n"_ba
        << u"[add||73857293] [remove||2153] [add||113411]"_s;
    QTest::newRow("spec: comment, ids")
        << ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n"_ba
        << u"[message|1|first event] [message||second event] [message|| third event]"_s;
    QTest::newRow("spec: empty data") << "data\n\ndata\ndata\n\ndata:\n"_ba << u"[message||] [message||\n]"_s;
    QTest::newRow("spec: space after colon once")
        << "data:test\n\ndata: test\n\n"_ba << u"[message||test] [message||test]"_s;
    QTest::newRow("CRLF") << "event: a\r\ndata: 1\r\ndata: 2\r\n\r\n"_ba << u"[a||1\n2]"_s;
    QTest::newRow("CR") << "event: a\rdata: 1\rdata: 2\r\r"_ba << u"[a||1\n2]"_s;
    QTest::newRow("mixed line ends") << "data: 1\r\ndata: 2\rdata: 3\n\r\n"_ba << u"[message||1\n2\n3]"_s;
    QTest::newRow("CR LF is one line end, LF CR two") << "data: x\n\r"_ba << u"[message||x]"_s;
    QTest::newRow("leading BOM skipped") << "\xEF\xBB\xBF"
                                            "data: b\n\n"_ba
                                         << u"[message||b]"_s;
    QTest::newRow("second BOM kept (unknown field)") << "\xEF\xBB\xBF\xEF\xBB\xBF"
                                                        "data: b\n\ndata: c\n\n"_ba
                                                     << u"[message||c]"_s;
    QTest::newRow("BOM-like start is content") << "\xEF\xBB"
                                                  "x\ndata: y\n\n"_ba
                                               << u"[message||y]"_s;
    QTest::newRow("id with NUL ignored")
        << "id: 7\ndata: a\n\nid: 8\0x\ndata: b\n\n"_ba << u"[message|7|a] [message|7|b]"_s;
    QTest::newRow("id persists, event does not")
        << "event: e\nid: 3\ndata: a\n\ndata: b\n\n"_ba << u"[e|3|a] [message|3|b]"_s;
    QTest::newRow("event without data is not dispatched")
        << "event: e\nid: 4\n\ndata: x\n\n"_ba << u"[message|4|x]"_s;
    QTest::newRow("unknown fields and comments ignored")
        << "foo: bar\n:comment\n: \ndata: z\nbaz\n\n"_ba << u"[message||z]"_s;
    QTest::newRow("colon in value") << "data: a: b :c\n\n"_ba << u"[message||a: b :c]"_s;
    QTest::newRow("invalid UTF-8 replaced") << "data: a\xFF"
                                               "b\xC3\n\n"_ba
                                            << u"[message||a\uFFFDb\uFFFD]"_s;
    QTest::newRow("cut sequence is one U+FFFD (WHATWG)")
        << "data: ok\xE2\x82\xFF"
           "A\xF0\x9F\x98\x80\xED\xA0\x80\n\n"_ba
        << u"[message||ok\uFFFD\uFFFDA\U0001F600\uFFFD\uFFFD\uFFFD]"_s;
    QTest::newRow("UTF-8 kept") << "event: gr\xC3\xBC\xC3\x9F\ndata: \xE2\x82\xAC\n\n"_ba << u"[grüß||€]"_s;
    QTest::newRow("unterminated last event dropped") << "data: a\n\ndata: b\n"_ba << u"[message||a]"_s;
}

void TestSseParser::events()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    const Result whole = parse(input, input.size() + 1);
    QVERIFY2(!whole.failed, qPrintable(whole.error));
    QCOMPARE(describe(whole.events), expected);
    for (const qsizetype piece : {1, 2, 3, 7}) {
        const Result pieces = parse(input, piece);
        QVERIFY(!pieces.failed);
        QCOMPARE(describe(pieces.events), expected);
    }
}

void TestSseParser::retry()
{
    QCOMPARE(parse("retry: 1500\n\n"_ba, 100).retry, 1500);
    QCOMPARE(parse("retry: 1500\nretry: 15a\nretry:\nretry: -3\n"_ba, 1).retry, 1500);
    QCOMPARE(parse("retry: 12 \n"_ba, 1).retry, -1);
    QCOMPARE(parse("retry:250\r\n"_ba, 1).retry, 250);
}

void TestSseParser::cutInsideEvent()
{
    const Result r = parse("data: a\n\ndata: half"_ba, 4);
    QCOMPARE(r.events.size(), 1);
    QVERIFY(r.open);
    QVERIFY(!parse("data: a\n\n"_ba, 4).open);
}

void TestSseParser::longLineFails()
{
    const QByteArray input = "data: " + QByteArray(5000, 'x') + "\n\n";
    for (const qsizetype piece : {qsizetype(1), qsizetype(100), input.size()}) {
        const Result r = parse(input, piece, 1024);
        QVERIFY(r.failed);
        QVERIFY2(r.error.contains(u"longer than 1024 bytes"_s), qPrintable(r.error));
        QVERIFY(r.events.isEmpty());
    }
    // Just at the cap is fine.
    const Result ok = parse("data: " + QByteArray(1018, 'x') + "\n\n", 50, 1024);
    QVERIFY2(!ok.failed, qPrintable(ok.error));
    QCOMPARE(ok.events.size(), 1);
}

void TestSseParser::neverANewlineFails()
{
    SseParser p(64 * 1024);
    QList<SseEvent> events;
    const QByteArray chunk(4096, 'a');
    int fed = 0;
    while (p.feed(chunk, &events) && fed < 1000) {
        ++fed;
        QVERIFY(p.pendingBytes() <= 64 * 1024);
    }
    QVERIFY(p.hasFailed());
    QVERIFY(fed < 20);
    QVERIFY2(p.errorString().contains(u"never send a line end"_s), qPrintable(p.errorString()));
    QVERIFY(!p.feed("\n\n"_ba, &events)); // stays failed
    QCOMPARE(p.pendingBytes(), 0);
}

void TestSseParser::hugeEventFails()
{
    // Many short data lines: each line is fine, the event is not.
    SseParser p(64 * 1024);
    QList<SseEvent> events;
    const QByteArray line = "data: " + QByteArray(100, 'y') + "\n";
    int lines = 0;
    while (p.feed(line, &events) && lines < 100000)
        ++lines;
    QVERIFY(p.hasFailed());
    QVERIFY2(p.errorString().contains(u"more than 65536 bytes of data"_s), qPrintable(p.errorString()));
    QVERIFY(lines < 1000);
    QVERIFY(events.isEmpty());
}

void TestSseParser::manySmallEventsStayBounded()
{
    SseParser p(1024);
    QList<SseEvent> events;
    for (int i = 0; i < 10000; ++i) {
        events.clear();
        QVERIFY(p.feed("id: " + QByteArray::number(i) + "\ndata: {\"n\":" + QByteArray::number(i) + "}\n\n",
                       &events));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().lastEventId, QString::number(i));
    }
    QCOMPARE(p.pendingBytes(), 0);
    QCOMPARE(p.lastEventId(), u"9999"_s);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
