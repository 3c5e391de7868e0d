// libFuzzer target for Peephole::ShellWords (core/formats/shellwords); seeds in tests/fuzz/corpus-shellwords/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input: a command line (UTF-8). It is split the POSIX way and the cmd.exe
// way. Every word's offset lies inside the input, a failure says where and
// why, and each POSIX word quoted with quotePosix() splits back to itself
// (alone and with all the words joined by blanks).

#include "formats/shellwords.h"
#include "fuzzcommon.h"

using namespace Peephole;

namespace {
void checkResult(const QString &text, const ShellSplitResult &r)
{
    if (!r.ok) {
        FUZZ_CHECK(!r.error.message.isEmpty());
        FUZZ_CHECK(r.error.line >= 1 && r.error.column >= 1);
        FUZZ_CHECK(r.error.line <= text.count(u'\n') + 1);
        return;
    }
    qsizetype last = -1;
    for (const ShellWord &w : r.words) {
        FUZZ_CHECK(w.offset >= 0 && w.offset < qMax<qsizetype>(text.size(), 1));
        FUZZ_CHECK(w.offset > last); // in order, never two at one place
        last = w.offset;
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(PeepholeFuzz::bytes(data, size));
    const ShellSplitResult posix = ShellWords::splitPosix(text);
    checkResult(text, posix);
    checkResult(text, ShellWords::splitWindowsCmd(text));
    (void)ShellWords::looksLikeWindowsCmd(text);
    if (!posix.ok)
        return 0;

    QStringList quoted;
    for (const ShellWord &w : posix.words) {
        const QString q = ShellWords::quotePosix(w.text);
        const ShellSplitResult again = ShellWords::splitPosix(q);
        FUZZ_CHECK(again.ok);
        FUZZ_CHECK(again.words.size() == 1);
        FUZZ_CHECK(again.words.first().text == w.text);
        quoted.append(q);
    }
    const ShellSplitResult all = ShellWords::splitPosix(quoted.join(u' '));
    FUZZ_CHECK(all.ok && all.words.size() == posix.words.size());
    for (qsizetype i = 0; i < all.words.size(); ++i)
        FUZZ_CHECK(all.words.at(i).text == posix.words.at(i).text);
    return 0;
}
