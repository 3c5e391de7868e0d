// libFuzzer target for Peephole::CurlCommand::parse (core/formats/curl*.cpp); seeds in tests/fuzz/corpus-curl/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input: a pasted command line (UTF-8; cmd.exe style when its lines end in
// '^'). Relative @file arguments resolve against an empty directory, so only
// absolute paths reach files. A failure says where (inside the command) and
// why; a parsed request written back with fromRequest() parses again to the
// same method, URL and body.

#include "formats/curlcommand.h"
#include "fuzzcommon.h"

#include <QTemporaryDir>

using namespace Peephole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir empty;
    const QString text = QString::fromUtf8(PeepholeFuzz::bytes(data, size));
    const CurlParseResult r = CurlCommand::parse(text, empty.path());
    if (!r.ok) {
        FUZZ_CHECK(!r.error.message.isEmpty());
        FUZZ_CHECK(r.error.line >= 1 && r.error.line <= text.count(u'\n') + 1);
        return 0;
    }
    FUZZ_CHECK(r.error.message.isEmpty());
    FUZZ_CHECK(!r.request.method.isEmpty());
    for (const ImportIssue &issue : r.issues)
        FUZZ_CHECK(!issue.reason.isEmpty());

    QStringList warnings;
    const QString written = CurlCommand::fromRequest(r.request, &warnings);
    const CurlParseResult again = CurlCommand::parse(written, empty.path());
    FUZZ_CHECK(again.ok);
    FUZZ_CHECK(again.request.method == r.request.method);
    FUZZ_CHECK(again.request.url == r.request.url);
    FUZZ_CHECK(again.request.body.kind == r.request.body.kind);
    FUZZ_CHECK(again.request.body.raw == r.request.body.raw);
    return 0;
}
