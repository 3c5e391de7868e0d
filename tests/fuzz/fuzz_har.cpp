// libFuzzer target for Peephole::HarReader (core/formats/harreader); seeds in tests/fuzz/corpus-har/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input: a HAR file (JSON). Either it is read, or it fails with a message
// and nothing is imported; exchanges and requests are parallel lists; every
// request can be turned back into one (HarReader::toRequest); timings never
// run backwards; the streamed reader (JsonStream, one entry at a time) and the
// whole-document reader (QJsonDocument) agree on what they read.

#include "formats/harreader.h"
#include "fuzzcommon.h"

using namespace Peephole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json = PeepholeFuzz::bytes(data, size);
    const HarImportResult r = HarReader::read(json);
    const HarImportResult whole = HarReader::readDocument(json);
    FUZZ_CHECK(r.ok == whole.ok);
    FUZZ_CHECK(r.exchanges.size() == whole.exchanges.size());
    FUZZ_CHECK(r.issues == whole.issues);
    FUZZ_CHECK(r.creator == whole.creator);
    for (qsizetype i = 0; i < r.exchanges.size(); ++i) {
        const Exchange &a = r.exchanges.at(i);
        const Exchange &b = whole.exchanges.at(i);
        FUZZ_CHECK(a.method == b.method && a.url == b.url && a.statusCode == b.statusCode);
        FUZZ_CHECK(a.requestHeaders == b.requestHeaders && a.responseHeaders == b.responseHeaders);
        FUZZ_CHECK(a.timings.startNs == b.timings.startNs && a.timings.finishedNs == b.timings.finishedNs);
        FUZZ_CHECK(a.responseBody->size() == b.responseBody->size());
    }
    if (!r.ok) {
        FUZZ_CHECK(r.error.isError());
        FUZZ_CHECK(r.exchanges.isEmpty() && r.requests.isEmpty());
        return 0;
    }
    FUZZ_CHECK(r.exchanges.size() == r.requests.size());
    for (const Exchange &e : r.exchanges) {
        const RequestSpec again = HarReader::toRequest(e);
        FUZZ_CHECK(!again.method.isEmpty());
        const Timings &t = e.timings;
        qint64 last = t.startNs;
        for (const qint64 ns : {t.connectStartNs, t.tlsDoneNs, t.requestSentNs, t.headersNs, t.finishedNs}) {
            if (ns < 0)
                continue;
            FUZZ_CHECK(ns >= last);
            last = ns;
        }
        if (e.responseBody)
            FUZZ_CHECK(e.responseBody->size() >= 0);
    }
    for (const ImportIssue &issue : r.issues)
        FUZZ_CHECK(!issue.reason.isEmpty());
    return 0;
}
