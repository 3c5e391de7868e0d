#include "replay/assertions.h"
#include "replay/responsediff.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
ExpectedResponse response(int status, const QByteArray &contentType, const QByteArray &body,
                          HeaderList extra = {})
{
    ExpectedResponse r;
    r.status = status;
    r.reason = "OK";
    if (!contentType.isEmpty())
        r.headers.append(HeaderField{"Content-Type", contentType, true});
    r.headers += extra;
    r.body = body;
    return r;
}
} // namespace

class TestResponseDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identicalResponsesHaveNoDiff()
    {
        const auto a = response(200, "application/json", R"({"a":1,"b":[1,2]})");
        const auto b = response(200, "application/json", R"({ "b": [1, 2], "a": 1 })");
        const ResponseDiffResult d = ResponseDiff::compare(a, b);
        QVERIFY(d.isEmpty());
        QCOMPARE(d.bodyKind, ResponseDiffResult::BodyKind::Json);
    }

    void jsonIsComparedStructurally()
    {
        const auto expected = response(200, "application/json",
                                       R"({"user":{"id":7,"name":"Ann","tags":["a","b"]},"old":true,"n":1})");
        const auto actual = response(200, "application/json; charset=utf-8",
                                     R"({"user":{"id":8,"name":"Ann","tags":["a"],"mail":"a@x"},"n":1.0,
                                        "odd key":null})");
        const ResponseDiffResult d = ResponseDiff::compare(expected, actual);
        QVERIFY(d.bodyChanged);
        QCOMPARE(d.bodyKind, ResponseDiffResult::BodyKind::Json);
        QStringList seen;
        for (const JsonDiff::Change &c : d.json.changes) {
            const QString kind = c.kind == JsonDiff::Change::Kind::Added     ? u"+"_s
                                 : c.kind == JsonDiff::Change::Kind::Removed ? u"-"_s
                                                                             : u"~"_s;
            seen.append(kind + c.path + u' ' + c.expected + u'|' + c.actual);
        }
        seen.sort();
        QCOMPARE(seen, (QStringList{u"+$.user.mail |\"a@x\""_s, u"+$['odd key'] |null"_s, u"-$.old true|"_s,
                                    u"-$.user.tags[1] \"b\"|"_s, u"~$.user.id 7|8"_s}));
        QVERIFY(d.summary().contains(u"body $.user.id: 7 -> 8"_s));
    }

    void textIsDiffedByLines()
    {
        const auto expected = response(200, "text/plain", "alpha\nbeta\ngamma\ndelta\nepsilon\n");
        const auto actual = response(200, "text/plain", "alpha\nBETA\ngamma\ndelta\nepsilon\nzeta\n");
        const ResponseDiffResult d = ResponseDiff::compare(expected, actual);
        QCOMPARE(d.bodyKind, ResponseDiffResult::BodyKind::Text);
        QVERIFY(d.bodyChanged);
        QCOMPARE(d.text.lines.size(), 3);
        QCOMPARE(d.text.lines.at(0).op, TextDiff::Line::Op::Removed);
        QCOMPARE(d.text.lines.at(0).text, u"beta"_s);
        QCOMPARE(d.text.lines.at(0).expectedLine, 2);
        QCOMPARE(d.text.lines.at(1).op, TextDiff::Line::Op::Added);
        QCOMPARE(d.text.lines.at(1).text, u"BETA"_s);
        QCOMPARE(d.text.lines.at(1).actualLine, 2);
        QCOMPARE(d.text.lines.at(2).text, u"zeta"_s);
        QCOMPARE(d.text.lines.at(2).actualLine, 6);
    }

    void lineDiffIsMinimal()
    {
        const QStringList a{u"a"_s, u"b"_s, u"c"_s, u"e"_s, u"f"_s};
        const QStringList b{u"a"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
        const TextDiff::Result r = TextDiff::diff(a, b);
        QCOMPARE(r.lines.size(), 2);
        QCOMPARE(TextDiff::render(r), u"-2: b\n+3: d\n"_s);
        QVERIFY(!r.approximate);
    }

    void hugeTextDiffIsBounded()
    {
        QStringList a, b;
        for (int i = 0; i < 5000; ++i) {
            a.append(QString::number(i));
            b.append(QString::number(i * 7));
        }
        const TextDiff::Result r = TextDiff::diff(a, b, 100, 1'000'000);
        QVERIFY(r.approximate);
        QVERIFY(r.truncated);
        QCOMPARE(r.lines.size(), 100);
    }

    void binaryIsComparedBySizeAndHash()
    {
        QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QByteArray other = png;
        other[12] = 'X';
        other.append('\0');
        const auto d =
            ResponseDiff::compare(response(200, "image/png", png), response(200, "image/png", other));
        QCOMPARE(d.bodyKind, ResponseDiffResult::BodyKind::Binary);
        QVERIFY(d.bodyChanged);
        QCOMPARE(d.expectedSize, 16);
        QCOMPARE(d.actualSize, 17);
        QCOMPARE(d.actualSha256, QCryptographicHash::hash(other, QCryptographicHash::Sha256).toHex());
        QVERIFY(ResponseDiff::compare(response(200, "image/png", png), response(200, "image/png", png))
                    .isEmpty());
    }

    void volatileHeadersAreIgnored()
    {
        const auto a = response(200, "text/plain", "x",
                                {{"Date", "Mon, 01 Jan 2026 00:00:00 GMT", true},
                                 {"ETag", "\"1\"", true},
                                 {"X-Version", "1", true}});
        const auto b = response(201, "text/plain", "x",
                                {{"Date", "Tue, 02 Jan 2026 00:00:00 GMT", true},
                                 {"ETag", "\"2\"", true},
                                 {"X-Version", "2", true},
                                 {"X-New", "y", true}});
        ResponseDiffResult d = ResponseDiff::compare(a, b);
        QVERIFY(d.statusChanged());
        QCOMPARE(d.headers.size(), 2);
        QCOMPARE(d.headers.at(0).name, "x-version"_ba);
        QCOMPARE(d.headers.at(0).kind, HeaderChange::Kind::Changed);
        QCOMPARE(d.headers.at(1).name, "x-new"_ba);
        QCOMPARE(d.headers.at(1).kind, HeaderChange::Kind::Added);
        DiffOptions options;
        options.ignoredHeaders += {u"X-Version"_s, u"x-new"_s};
        QVERIFY(ResponseDiff::compare(a, b, options).headers.isEmpty());
    }

    void expectedFileRoundTrips()
    {
        const auto r = response(404, "application/json", "{\"e\":1}\n\nline after blank",
                                {{"Date", "today", true}, {"X-A", "b", true}});
        const QByteArray bytes = r.toBytes(DiffOptions::defaultIgnoredHeaders());
        QVERIFY(!bytes.contains("Date"));
        QVERIFY(bytes.startsWith("HTTP/1.1 404 OK\nContent-Type: application/json\nX-A: b\n\n"));
        ExpectedResponse back;
        QString error;
        QVERIFY2(ExpectedResponse::parse(bytes, &back, &error), qPrintable(error));
        QCOMPARE(back.status, 404);
        QCOMPARE(back.body, r.body);
        QCOMPARE(back.headers.size(), 2);
        QVERIFY(!ExpectedResponse::parse("garbage\n\n", &back, &error));
        QVERIFY(error.contains(u"status line"_s));
    }

    void assertions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("passes");
        QTest::newRow("status ==") << u"status == 200"_s << true;
        QTest::newRow("status <") << u"status < 300"_s << true;
        QTest::newRow("status != fails") << u"status != 200"_s << false;
        QTest::newRow("header contains") << u"header content-type contains json"_s << true;
        QTest::newRow("header exists") << u"header X-Trace exists"_s << true;
        QTest::newRow("header !exists") << u"header X-Missing !exists"_s << true;
        QTest::newRow("header missing") << u"header X-Missing == 1"_s << false;
        QTest::newRow("body path number") << u"body $.a.b == 3"_s << true;
        QTest::newRow("body path number 3.0") << u"body $.a.b == 3.0"_s << true;
        QTest::newRow("body path string") << u"body $.items[1].name == \"two words\""_s << true;
        QTest::newRow("body path bool") << u"body $.ok isTrue"_s << true;
        QTest::newRow("body path missing") << u"body $.nope exists"_s << false;
        QTest::newRow("body contains") << u"body contains two words"_s << true;
        QTest::newRow("body matches") << u"body matches \"b\":\\s*3"_s << true;
        QTest::newRow("duration") << u"duration < 1000"_s << true;
        QTest::newRow("startsWith") << u"body $.items[0].name startsWith on"_s << true;
    }

    void assertions()
    {
        QFETCH(QString, expression);
        QFETCH(bool, passes);
        const auto r = response(200, "application/json",
                                R"({"a":{"b":3},"ok":true,"items":[{"name":"one"},{"name":"two words"}]})",
                                {{"X-Trace", "abc", true}});
        const AssertionResult a = Assertions::evaluate(expression, r, 12);
        QCOMPARE(a.passed, passes);
        if (!passes)
            QVERIFY(!a.message.isEmpty());
    }

    void badAssertionsSayWhy()
    {
        const auto r = response(200, "text/plain", "hello");
        QVERIFY(Assertions::evaluate(u"colour == red"_s, r, 0).message.contains(u"unknown subject"_s));
        QVERIFY(Assertions::unsupported(u"colour == red"_s).contains(u"unknown subject"_s));
        QVERIFY(Assertions::evaluate(u"status"_s, r, 0).message.contains(u"missing operator"_s));
        QVERIFY(Assertions::evaluate(u"status ~= 2"_s, r, 0).message.contains(u"unknown operator"_s));
        QVERIFY(Assertions::evaluate(u"body $.a == 1"_s, r, 0).message.contains(u"not JSON"_s));
        const AssertionResult failed = Assertions::evaluate(u"status == 201"_s, r, 0);
        QCOMPARE(failed.message, u"status is \"200\", expected == \"201\""_s);
    }
};

QTEST_GUILESS_MAIN(TestResponseDiff)
#include "tst_responsediff.moc"
