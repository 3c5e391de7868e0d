// libFuzzer target for Peephole::ContentDecoder (core/http/contentdecoder); seeds in tests/fuzz/corpus-decoder/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input layout: the first byte picks the coding (gzip, x-gzip, deflate, br,
// zstd, identity) in its low 3 bits and a split point in the rest; the second
// byte picks a decoded-size cap. The body is decoded whole, in two pieces and
// in pieces of 1 to 7 bytes: the three must agree on the output (as far as the
// cap lets each get) and on whether the body is corrupt; no piece handed to the
// sink is over 64 KiB, and decoding stops at the cap however much the body
// would give (a bomb costs bounded memory).

#include "fuzzcommon.h"
#include "http/contentdecoder.h"

#include <QList>

using namespace Peephole;

namespace {
constexpr qint64 MaxPiece = 64 * 1024;

struct Outcome
{
    bool corrupt = false;
    bool capped = false;
    QByteArray out;
};

Outcome run(const QByteArray &coding, const QByteArray &body, const QList<qsizetype> &cuts, qint64 cap)
{
    ContentDecoder decoder(coding);
    Outcome o;
    const ContentDecoder::Sink sink = [&o, cap](const char *piece, qint64 n) {
        FUZZ_CHECK(n > 0 && n <= MaxPiece);
        if (o.out.size() + n > cap) {
            o.out.append(piece, cap - o.out.size());
            o.capped = true;
            return false;
        }
        o.out.append(piece, n);
        return true;
    };
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(body.size());
    for (const qsizetype to : ends) {
        if (to < from)
            continue;
        if (!decoder.feed(body.constData() + from, to - from, sink)) {
            if (!o.capped) {
                o.corrupt = true;
                FUZZ_CHECK(!decoder.errorString().isEmpty());
            }
            break;
        }
        from = to;
    }
    FUZZ_CHECK(o.out.size() <= cap);
    return o;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    static const QByteArray codings[] = {"gzip", "x-gzip", "deflate", "br", "zstd", "identity", "GZIP", " br "};
    const QByteArray coding = codings[data[0] & 7];
    static const qint64 caps[] = {1, 100, 4096, 65536, 65537, 256 << 10, 1 << 20, 1 << 20};
    const qint64 cap = caps[data[1] & 7];
    const QByteArray body = PeepholeFuzz::bytes(data + 2, size - 2);
    const qsizetype split = body.isEmpty() ? 0 : qsizetype(data[0] >> 3) * body.size() / 32;

    const Outcome whole = run(coding, body, {}, cap);
    const Outcome two = run(coding, body, {split}, cap);
    QList<qsizetype> small;
    for (qsizetype i = 1 + data[1] % 7; i < body.size(); i += 1 + (i * 31 + data[1]) % 7)
        small.append(i);
    const Outcome pieces = run(coding, body, small, cap);

    for (const Outcome *o : {&two, &pieces}) {
        if (whole.capped || o->capped) {
            // Both got as far as the cap, or the one that was not capped failed or ended first.
            const qsizetype n = qMin(whole.out.size(), o->out.size());
            FUZZ_CHECK(whole.out.left(n) == o->out.left(n));
            continue;
        }
        FUZZ_CHECK(o->corrupt == whole.corrupt);
        if (!whole.corrupt)
            FUZZ_CHECK(o->out == whole.out);
        else
            FUZZ_CHECK(whole.out.startsWith(o->out) || o->out.startsWith(whole.out));
    }
    return 0;
}
