// libFuzzer target for Peephole::PostmanImporter (core/formats/postman*.cpp); seeds in tests/fuzz/corpus-postman/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input: a Postman Collection (JSON). Either it imports, or it fails with a
// message and imports nothing; every secret moved out has a variable name;
// the request count matches the tree.

#include "formats/postman.h"
#include "fuzzcommon.h"

using namespace Peephole;

namespace {
int countRequests(const ImportedItem &item, int depth)
{
    FUZZ_CHECK(depth < 100000);
    int n = item.isFolder() ? 0 : 1;
    if (!item.isFolder())
        FUZZ_CHECK(item.children.isEmpty());
    for (const ImportedItem &child : item.children)
        n += countRequests(child, depth + 1);
    return n;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const CollectionImportResult r = PostmanImporter::read(PeepholeFuzz::bytes(data, size));
    if (!r.ok) {
        FUZZ_CHECK(r.error.isError());
        FUZZ_CHECK(r.root.children.isEmpty() && r.secrets.isEmpty());
        return 0;
    }
    for (const ImportedSecret &s : r.secrets)
        FUZZ_CHECK(!s.variable.isEmpty());
    for (const ImportIssue &issue : r.issues)
        FUZZ_CHECK(!issue.reason.isEmpty());
    FUZZ_CHECK(countRequests(r.root, 0) == r.root.requestCount());
    return 0;
}
