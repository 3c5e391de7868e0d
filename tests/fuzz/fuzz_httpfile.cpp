// libFuzzer target for Peephole::HttpFileParser and HttpFileWriter (core/formats/httpfile*.cpp);
// seeds in tests/fuzz/corpus-httpfile/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input: a .http file. Every error names a line of the file and says why;
// every request's line is inside the file; what the writer makes of the
// parsed file parses again to as many requests, with the same methods and
// names, and writing that gives the same text (the writer is a fixed point).

#include "formats/httpfile.h"
#include "fuzzcommon.h"

using namespace Peephole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray content = PeepholeFuzz::bytes(data, size);
    const HttpFileParseResult r = HttpFileParser::parse(content);
    FUZZ_CHECK(r.ok);
    const int lines = int(content.count('\n')) + 1;
    for (const ParseError &e : r.errors) {
        FUZZ_CHECK(!e.message.isEmpty());
        FUZZ_CHECK(e.line >= 0 && e.line <= lines);
    }
    for (const HttpFileRequest &req : r.file.requests) {
        FUZZ_CHECK(req.line >= 1 && req.line <= lines);
        FUZZ_CHECK(req.assertions.size() == req.assertionLines.size());
        for (const HttpFileUnsupported &u : req.unsupported)
            FUZZ_CHECK(u.line >= 1 && u.line <= lines && !u.construct.isEmpty());
        for (const HttpFileScript &script : req.scripts) // handler scripts point to a line of the file
            FUZZ_CHECK(script.line >= 1 && script.line <= lines);
    }

    const QByteArray written = HttpFileWriter::write(r.file);
    const HttpFileParseResult again = HttpFileParser::parse(written);
    FUZZ_CHECK(again.ok);
    FUZZ_CHECK(again.file.requests.size() == r.file.requests.size());
    for (qsizetype i = 0; i < r.file.requests.size(); ++i) {
        FUZZ_CHECK(again.file.requests.at(i).request.method == r.file.requests.at(i).request.method);
        FUZZ_CHECK(again.file.requests.at(i).name == r.file.requests.at(i).name);
    }
    FUZZ_CHECK(HttpFileWriter::write(again.file) == written);
    return 0;
}
