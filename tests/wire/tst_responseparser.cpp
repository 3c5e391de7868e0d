#include "wire/responseparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
struct Parsed
{
    ResponseParser parser;
    QByteArray body;
    qsizetype used = 0;
};

/// Feeds @p bytes in pieces of @p piece bytes (0: all at once), then the close when @p close.
Parsed parse(const QByteArray &bytes, qsizetype piece, const QByteArray &method = "GET", bool close = false)
{
    Parsed p;
    p.parser.reset(method);
    const qsizetype step = piece > 0 ? piece : bytes.size();
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        const qsizetype n = std::min(step, bytes.size() - at);
        p.used += p.parser.feed(bytes.constData() + at, n, &p.body);
        if (p.parser.isDone() || p.parser.hasFailed())
            break;
    }
    if (close)
        p.parser.closed();
    return p;
}
} // namespace

class TestResponseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void framing_data();
    void framing();
    void headKeptAsReceived();
    void leftoverBytesAreNotConsumed();
    void malformed_data();
    void malformed();
    void cutShortByTheClose();
};

void TestResponseParser::framing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("close");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    QTest::newRow("content-length") << "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"_ba
                                    << "GET"_ba << false << 200 << "hello"_ba << true;
    QTest::newRow("chunked, extensions, trailers")
        << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n"
           "0\r\nX-Checksum: 1\r\n\r\n"_ba
        << "GET"_ba << false << 200 << "hello world"_ba << true;
    QTest::newRow("close-delimited") << "HTTP/1.1 200 OK\r\n\r\nuntil the end"_ba
                                     << "GET"_ba << true << 200 << "until the end"_ba << false;
    QTest::newRow("HEAD has no body") << "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"_ba
                                      << "HEAD"_ba << false << 200 << QByteArray() << true;
    QTest::newRow("204") << "HTTP/1.1 204 No Content\r\n\r\n"_ba
                         << "DELETE"_ba << false << 204 << QByteArray() << true;
    QTest::newRow("304") << "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"_ba
                         << "GET"_ba << false << 304 << QByteArray() << true;
    QTest::newRow("100 Continue, then the answer")
        << "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
           "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"_ba
        << "POST"_ba << false << 201 << "ok"_ba << true;
    QTest::newRow("bare LF line ends") << "HTTP/1.1 200 OK\nContent-Length: 2\n\nok"_ba
                                       << "GET"_ba << false << 200 << "ok"_ba << true;
    QTest::newRow("Connection: close")
        << "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"_ba
        << "GET"_ba << false << 200 << "ok"_ba << false;
    QTest::newRow("HTTP/1.0 closes by default") << "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba
                                                << "GET"_ba << false << 200 << "ok"_ba << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok"_ba
        << "GET"_ba << false << 200 << "ok"_ba << true;
    QTest::newRow("identical Content-Length fields")
        << "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok"_ba
        << "GET"_ba << false << 200 << "ok"_ba << true;
}

void TestResponseParser::framing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, method);
    QFETCH(bool, close);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    // Whole, then byte by byte, then in odd pieces: the same result every time.
    for (const qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
        const Parsed p = parse(bytes, piece, method, close);
        QVERIFY2(p.parser.isDone(), qPrintable(u"piece %1: %2"_s.arg(piece).arg(p.parser.errorString())));
        QCOMPARE(p.parser.statusCode(), status);
        QCOMPARE(p.body, body);
        QCOMPARE(p.parser.keepAlive(), keepAlive);
    }
}

void TestResponseParser::headKeptAsReceived()
{
    const QByteArray head = "HTTP/1.1 200 Fine Thanks\r\nSet-Cookie: a=1\r\nX-Dup: one\r\nset-cookie: b=2\r\n"
                            "X-Dup: two\r\nX-Folded: first\r\n  second\r\nContent-Length: 0\r\n\r\n";
    const Parsed p = parse(head, 3);
    QVERIFY(p.parser.isDone());
    QCOMPARE(p.parser.version(), "HTTP/1.1"_ba);
    QCOMPARE(p.parser.reasonPhrase(), "Fine Thanks"_ba);
    QCOMPARE(p.parser.headSize(), head.size());
    const HeaderList expected = {{"Set-Cookie", "a=1"},        {"X-Dup", "one"},
                                 {"set-cookie", "b=2"},        {"X-Dup", "two"},
                                 {"X-Folded", "first second"}, {"Content-Length", "0"}};
    QCOMPARE(p.parser.headers(), expected);
}

void TestResponseParser::leftoverBytesAreNotConsumed()
{
    const QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n";
    const Parsed p = parse(bytes, 0);
    QVERIFY(p.parser.isDone());
    QCOMPARE(p.body, "ok"_ba);
    QCOMPARE(p.used, bytes.indexOf("okHTTP") + 2);
}

void TestResponseParser::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not HTTP") << "SSH-2.0-OpenSSH_9.2\r\n\r\n"_ba << u"status line"_s;
    QTest::newRow("HTTP/2 preface answer") << "HTTP/2 200\r\n\r\n"_ba << u"status line"_s;
    QTest::newRow("status not a number") << "HTTP/1.1 2OO OK\r\n\r\n"_ba << u"status line"_s;
    QTest::newRow("field without colon") << "HTTP/1.1 200 OK\r\nbroken line\r\n\r\n"_ba << u"field line"_s;
    QTest::newRow("space before colon") << "HTTP/1.1 200 OK\r\nName : v\r\n\r\n"_ba << u"field line"_s;
    QTest::newRow("fold on the first field") << "HTTP/1.1 200 OK\r\n folded\r\n\r\n"_ba << u"white space"_s;
    QTest::newRow("differing Content-Length")
        << "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n"_ba << u"Content-Length"_s;
    QTest::newRow("negative Content-Length")
        << "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"_ba << u"Content-Length"_s;
    QTest::newRow("bad chunk size") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba
                                    << u"chunk-size"_s;
    QTest::newRow("chunk longer than said")
        << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"_ba << u"longer"_s;
    QTest::newRow("head over 1 MiB") << "HTTP/1.1 200 OK\r\nX-Big: "_ba + QByteArray(1100 * 1024, 'a')
                                     << u"1 MiB"_s;
}

void TestResponseParser::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    for (const qsizetype piece : {qsizetype(0), qsizetype(5)}) {
        const Parsed p = parse(bytes, piece);
        QVERIFY2(p.parser.hasFailed(), qPrintable(u"piece %1"_s.arg(piece)));
        QVERIFY2(p.parser.errorString().contains(reason), qPrintable(p.parser.errorString()));
    }
}

void TestResponseParser::cutShortByTheClose()
{
    Parsed p = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf"_ba, 0, "GET", true);
    QVERIFY(p.parser.hasFailed());
    QCOMPARE(p.body, "half"_ba);
    p = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nhalf\r\n"_ba, 0, "GET", true);
    QVERIFY(p.parser.hasFailed());
    p = parse(QByteArray(), 0, "GET", true);
    QVERIFY(p.parser.hasFailed());
}

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
