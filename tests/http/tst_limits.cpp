// Hostile input costs bounded time and memory: total deadlines across a chain, idle and connect
// limits, decoded-size caps and the decompression-bomb guard, streaming br/zstd decoding, and a
// clear message for an invalid redirect target. Runs on both HTTP stacks (see CMakeLists.txt).
#include "enginefixture.h"
#include "server/routes.h"

#include <brotli/encode.h>
#include <zlib.h>
#include <zstd.h>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::Test;

namespace {
QByteArray gzipZeros(qint64 size)
{
    z_stream s{};
    deflateInit2(&s, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    const QByteArray zeros(1 << 20, '\0');
    QByteArray out;
    char buffer[64 * 1024];
    for (qint64 done = 0; done < size; done += zeros.size()) {
        s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
        s.avail_in = uInt(zeros.size());
        const int flush = done + zeros.size() >= size ? Z_FINISH : Z_NO_FLUSH;
        do {
            s.next_out = reinterpret_cast<Bytef *>(buffer);
            s.avail_out = sizeof buffer;
            deflate(&s, flush);
            out.append(buffer, qsizetype(sizeof buffer - s.avail_out));
        } while (s.avail_out == 0);
    }
    deflateEnd(&s);
    return out;
}

QByteArray rawDeflate(const QByteArray &data)
{
    z_stream s{};
    deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY); // no zlib wrapper, as some servers send
    QByteArray out(qsizetype(deflateBound(&s, uLong(data.size()))), Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    deflateEnd(&s);
    return out;
}

QByteArray brotli(const QByteArray &data)
{
    size_t size = BrotliEncoderMaxCompressedSize(size_t(data.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC,
                          size_t(data.size()), reinterpret_cast<const uint8_t *>(data.constData()), &size,
                          reinterpret_cast<uint8_t *>(out.data()));
    out.resize(qsizetype(size));
    return out;
}

QByteArray zstd(const QByteArray &data)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress(out.data(), size_t(out.size()), data.constData(), size_t(data.size()), 3);
    out.resize(qsizetype(n));
    return out;
}

ScriptedResponse encoded(const QByteArray &coding, const QByteArray &body)
{
    ScriptedResponse r = ScriptedResponse::text(200, body, "application/octet-stream");
    r.headers.append({"Content-Encoding", coding});
    return r;
}

QByteArray sampleText()
{
    QByteArray text;
    for (int i = 0; i < 20000; ++i)
        text += "line " + QByteArray::number(i) + ": the quick brown fox jumps over the lazy dog\n";
    return text;
}
} // namespace

class TestLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dripIsCutAtTheTotalDeadline();
    void deadlineCoversTheWholeRedirectChain();
    void idleTimeoutNamesThePhase();
    void connectTimeoutEndsOnceTheRequestIsSent();
    void brotliAndZstdAreDecoded_data();
    void brotliAndZstdAreDecoded();
    void rawDeflateArrivingByteByByteIsDecoded();
    void decompressionBombIsStopped();
    void explicitCapStopsADecodedBody();
    void identityBodiesAreNotCapped();
    void invalidRedirectTargetIsSaidSo();
};

void TestLimits::dripIsCutAtTheTotalDeadline()
{
    EngineFixture f;
    ScriptedResponse drip = ScriptedResponse::text(200, QByteArray(60, 'x'));
    drip.chunkSize = 1;
    drip.chunkDelayMs = 1000; // a byte a second: never idle long enough for an idle timeout
    f.server.route("/drip", drip);
    RequestSpec spec = f.get(u"/drip"_s);
    spec.options.timeoutMs = 2000;
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.statusCode, 200);
    QCOMPARE(e.error.kind, ExchangeError::Kind::Timeout);
    QVERIFY2(e.error.message.contains(u"Timed out after 2 s while receiving the body"_s),
             qPrintable(e.error.message));
    QVERIFY(e.responseBody->size() < 60);
}

void TestLimits::deadlineCoversTheWholeRedirectChain()
{
    EngineFixture f;
    // Each hop alone is well inside the limit; together they are not.
    for (int i = 0; i < 4; ++i) {
        ScriptedResponse hop = Routes::redirect(302, "/hop" + QByteArray::number(i + 1));
        hop.headDelayMs = 700;
        f.server.route("/hop" + QByteArray::number(i), hop);
    }
    f.server.route("/hop4", ScriptedResponse::text(200, "end"));
    RequestSpec spec = f.get(u"/hop0"_s);
    spec.options.timeoutMs = 1500;
    const QList<Exchange> chain = f.run(spec);
    QVERIFY(chain.size() >= 2);
    QVERIFY(chain.size() < 5);
    QCOMPARE(chain.last().error.kind, ExchangeError::Kind::Timeout);
    QVERIFY2(chain.last().error.message.contains(u"whole exchange"_s),
             qPrintable(chain.last().error.message));
}

void TestLimits::idleTimeoutNamesThePhase()
{
    EngineFixture f;
    f.server.route("/late", Routes::slow(3000, "late"));
    RequestSpec spec = f.get(u"/late"_s);
    spec.options.idleTimeoutMs = 300;
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::Timeout);
    QVERIFY2(e.error.message.contains(u"for 0.3 s while waiting for the response head"_s),
             qPrintable(e.error.message));
}

void TestLimits::connectTimeoutEndsOnceTheRequestIsSent()
{
    EngineFixture f;
    f.server.route("/late", Routes::slow(1200, "late"));
    RequestSpec spec = f.get(u"/late"_s);
    spec.options.connectTimeoutMs =
        400; // connecting is instant on loopback; the wait for the head is not its business
    const Exchange e = f.run(spec).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.statusCode, 200);
}

void TestLimits::brotliAndZstdAreDecoded_data()
{
    QTest::addColumn<QByteArray>("coding");
    QTest::newRow("br") << "br"_ba;
    QTest::newRow("zstd") << "zstd"_ba;
}

void TestLimits::brotliAndZstdAreDecoded()
{
    QFETCH(QByteArray, coding);
    EngineFixture f;
    const QByteArray text = sampleText();
    const QByteArray wire = coding == "br" ? brotli(text) : zstd(text);
    ScriptedResponse r = encoded(coding, wire);
    r.chunkSize = 1000; // arrives in many pieces
    f.server.route("/enc", r);
    const Exchange e = f.run(f.get(u"/enc"_s)).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.responseBody->read(0, text.size() + 1), text);
    QCOMPARE(e.decodedBodySize, text.size());
    QCOMPARE(e.wireBodySize, wire.size());
    QCOMPARE(Headers::value(e.responseHeaders, "Content-Encoding"), coding); // head kept as received
    const QByteArray accept = Headers::value(e.requestHeaders, "Accept-Encoding");
    QVERIFY2(accept.contains("br") && accept.contains("zstd"), accept.constData());
}

void TestLimits::rawDeflateArrivingByteByByteIsDecoded()
{
    // The decoder used to retry a wrapper-less "deflate" body from the current piece only, so a body
    // whose first byte came alone decoded wrong (found by tests/fuzz/fuzz_decoder).
    EngineFixture f;
    const QByteArray text = "{\"id\": 1, \"name\": \"deflate without its zlib wrapper\"}";
    const QByteArray wire = rawDeflate(text);
    ScriptedResponse r = encoded("deflate", wire);
    r.chunkSize = 1;
    r.chunkDelayMs = 5;
    f.server.route("/raw", r);
    const Exchange e = f.run(f.get(u"/raw"_s)).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.responseBody->read(0, text.size() + 1), text);
    QCOMPARE(e.wireBodySize, wire.size());
}

void TestLimits::decompressionBombIsStopped()
{
    EngineFixture f;
    const QByteArray bomb = gzipZeros(qint64(200) << 20); // ~200 KiB that decode to 200 MiB
    f.server.route("/bomb", encoded("gzip", bomb));
    const Exchange e = f.run(f.get(u"/bomb"_s)).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::BodyTooLarge);
    QVERIFY2(e.error.message.contains(u"decompression bomb"_s), qPrintable(e.error.message));
    QVERIFY(e.decodedBodySize < qint64(100) << 20);
}

void TestLimits::explicitCapStopsADecodedBody()
{
    EngineFixture f;
    f.server.route("/z", encoded("zstd", zstd(QByteArray(8 << 20, 'a'))));
    RequestSpec spec = f.get(u"/z"_s);
    spec.options.maxDecodedSize = 1 << 20;
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::BodyTooLarge);
    QVERIFY2(e.error.message.contains(u"passed 1 MiB"_s), qPrintable(e.error.message));
    QVERIFY(e.responseBody->size() <= 1 << 20);

    // An explicit cap above the body's size lets it through, bomb-like ratio and all.
    spec.options.maxDecodedSize = qint64(16) << 20;
    const Exchange ok = f.run(spec).value(0);
    QVERIFY2(!ok.error.isError(), qPrintable(ok.error.message));
    QCOMPARE(ok.decodedBodySize, 8 << 20);
}

void TestLimits::identityBodiesAreNotCapped()
{
    EngineFixture f;
    f.server.route("/big", Routes::largeBody(3 << 20));
    RequestSpec spec = f.get(u"/big"_s);
    spec.options.maxDecodedSize = 1 << 20; // a cap on decoding, not on what the server sends as is
    const Exchange e = f.run(spec).value(0);
    QVERIFY2(!e.error.isError(), qPrintable(e.error.message));
    QCOMPARE(e.responseBody->size(), 3 << 20);
}

void TestLimits::invalidRedirectTargetIsSaidSo()
{
    EngineFixture f;
    f.server.route("/bad", Routes::redirect(302, "http://exa mple.com:99999/"));
    const QList<Exchange> chain = f.run(f.get(u"/bad"_s));
    QCOMPARE(chain.size(), 1);
    QVERIFY2(chain.last().error.message.startsWith(u"Invalid redirect target"_s),
             qPrintable(chain.last().error.message));
    QVERIFY(chain.last().error.kind != ExchangeError::Kind::HostNotFound);
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
