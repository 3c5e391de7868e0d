// libFuzzer target for Peephole::ResponseParser (core/wire); seeds in tests/fuzz/corpus-response/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input layout: the first byte picks the request method (GET or HEAD) and a
// split point; the rest is what the server sent. The response is parsed whole,
// then in two pieces at the split point, then byte by byte: the three must
// agree (state, status, fields, body, bytes used), whatever the bytes are.

#include "wire/responseparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Peephole;

namespace {
struct Outcome
{
    ResponseParser::State state;
    int status;
    HeaderList headers;
    QByteArray body;
    qsizetype used;
    bool keepAlive;
};

Outcome run(const QByteArray &method, const QByteArray &bytes, const QList<qsizetype> &cuts, bool close)
{
    ResponseParser p;
    p.reset(method);
    QByteArray body;
    qsizetype used = 0;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(bytes.size());
    for (const qsizetype to : ends) {
        if (p.isDone() || p.hasFailed() || to < from)
            break;
        const qsizetype n = p.feed(bytes.constData() + from, to - from, &body);
        if (n < 0 || n > to - from)
            std::abort();
        used += n;
        from = to;
    }
    if (close && !p.isDone() && !p.hasFailed())
        p.closed();
    if (p.hasFailed() && p.errorString().isEmpty())
        std::abort(); // every failure says why
    return {p.state(), p.statusCode(), p.headers(), body, used, p.keepAlive()};
}

bool same(const Outcome &a, const Outcome &b)
{
    if (a.state != b.state)
        return false;
    if (a.state == ResponseParser::State::Failed)
        return true; // where it failed may differ with the pieces, not that it failed
    return a.status == b.status && a.headers == b.headers && a.body == b.body && a.used == b.used &&
           a.keepAlive == b.keepAlive;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray method = (data[0] & 1) ? QByteArray("HEAD") : QByteArray("GET");
    const bool close = data[0] & 2;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = bytes.isEmpty() ? 0 : qsizetype(data[0] >> 2) % (bytes.size() + 1);

    const Outcome whole = run(method, bytes, {}, close);
    const Outcome two = run(method, bytes, {split}, close);
    QList<qsizetype> every;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        every.append(i);
    const Outcome single = run(method, bytes, every, close);
    if (!same(whole, two) || !same(whole, single))
        std::abort();
    if (whole.state != ResponseParser::State::Failed && whole.used > bytes.size())
        std::abort();
    return 0;
}
