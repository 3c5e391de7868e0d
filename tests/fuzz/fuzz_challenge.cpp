// libFuzzer target for Peephole::ChallengeParser; seeds in tests/fuzz/corpus-challenge/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input layout: the bytes are split into header fields at each '\n' (so the
// fuzzer explores several fields), and the first byte selects whether the
// fields are also parsed joined with ", " (as Qt joins repeated fields) and
// through parseParams() (Authentication-Info).

#include "auth/challengeparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Peephole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> fields = bytes.split('\n');
    const ChallengeParseResult r = ChallengeParser::parse(fields);

    // Invariants that must hold for every input.
    if (r.challenges.size() > ChallengeParser::MaxChallenges)
        std::abort();
    if (r.problems.size() > ChallengeParser::MaxProblems + 2)
        std::abort();
    for (const Challenge &c : r.challenges) {
        if (c.scheme.isEmpty() || c.params.size() > ChallengeParser::MaxParamsPerChallenge)
            std::abort();
        if (!c.token68.isEmpty() && !c.params.isEmpty())
            std::abort();
        for (char ch : c.scheme) {
            if (!ChallengeParser::isTokenChar(ch))
                std::abort();
        }
    }
    for (const ChallengeProblem &p : r.problems) {
        if (p.field < 0 || p.field > fields.size() || p.offset < 0 || p.message.isEmpty())
            std::abort();
        if (p.field < fields.size() && p.offset > fields.at(p.field).size())
            std::abort();
    }
    // A quoted value survives a round trip.
    if (!r.challenges.isEmpty() && !r.challenges.first().params.isEmpty()) {
        const QByteArray v = r.challenges.first().params.first().value;
        const ChallengeParseResult again = ChallengeParser::parse("X v=" + ChallengeParser::quote(v));
        if (again.challenges.value(0).param("v") != v)
            std::abort();
    }
    if (size > 0 && (data[0] & 1)) {
        const ChallengeParseResult joined = ChallengeParser::parse(fields.join(", "));
        (void)joined;
        QList<ChallengeProblem> problems;
        (void)ChallengeParser::parseParams(bytes, &problems);
    }
    return 0;
}
