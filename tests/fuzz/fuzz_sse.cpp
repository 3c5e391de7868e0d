// libFuzzer target for Peephole::SseParser (core/stream); seeds in tests/fuzz/corpus-sse/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input layout: the first byte picks a split point and a small event cap (so
// the cap's error path is reached); the rest is the event stream. It is
// parsed whole, in two pieces at the split point, and byte by byte: the
// events, the retry time, the last event ID and whether it failed must agree,
// and the parser never holds more than the cap allows.

#include "stream/sseparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Peephole;

namespace {
struct Outcome
{
    QList<SseEvent> events;
    bool failed = false;
    qint64 retry = -1;
    QString lastId;
    bool open = false;
};

Outcome run(const QByteArray &bytes, const QList<qsizetype> &cuts, qsizetype cap)
{
    SseParser p(cap);
    Outcome o;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(bytes.size());
    for (const qsizetype to : ends) {
        if (to < from)
            continue;
        if (!p.feed(bytes.constData() + from, to - from, &o.events))
            break;
        if (p.pendingBytes() > 2 * cap + 2)
            std::abort(); // memory is bounded by the cap
        from = to;
    }
    o.failed = p.hasFailed();
    if (o.failed && p.errorString().isEmpty())
        std::abort(); // every failure says why
    o.retry = p.retryMs();
    o.lastId = p.lastEventId();
    o.open = p.hasOpenEvent();
    for (const SseEvent &e : std::as_const(o.events)) {
        if (e.type.isEmpty() || e.lastEventId.contains(QChar(0)))
            std::abort();
    }
    return o;
}

bool same(const Outcome &a, const Outcome &b)
{
    if (a.failed != b.failed)
        return false;
    if (a.failed)
        return true; // which events came before the failure may differ with the pieces
    if (a.events.size() != b.events.size() || a.retry != b.retry || a.lastId != b.lastId || a.open != b.open)
        return false;
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        const SseEvent &x = a.events.at(i);
        const SseEvent &y = b.events.at(i);
        if (x.type != y.type || x.data != y.data || x.lastEventId != y.lastEventId)
            return false;
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype cap = (data[0] & 1) ? 64 : SseParser::DefaultMaxEventBytes;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = bytes.isEmpty() ? 0 : qsizetype(data[0] >> 1) % (bytes.size() + 1);

    const Outcome whole = run(bytes, {}, cap);
    const Outcome two = run(bytes, {split}, cap);
    QList<qsizetype> every;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        every.append(i);
    const Outcome single = run(bytes, every, cap);
    if (!same(whole, two) || !same(whole, single))
        std::abort();
    return 0;
}
