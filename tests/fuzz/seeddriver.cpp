// Replays a fuzz target's seed corpus once, without libFuzzer: the ordinary
// (gcc) build links each tests/fuzz/fuzz_*.cpp with this main(), and ctest
// runs it on tests/fuzz/corpus-NAME/. A crash or an invariant failure found by
// scripts/fuzz is kept in that directory, so it stays fixed in every build.
//
// Usage: fuzz_NAME FILE|DIRECTORY...   (exit 1 when no input was found)

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {
int runFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 0;
    }
    const QByteArray bytes = file.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            const QFileInfoList files = QDir(arg).entryInfoList(QDir::Files, QDir::Name);
            for (const QFileInfo &f : files)
                inputs += runFile(f.filePath());
        } else {
            inputs += runFile(arg);
        }
    }
    std::printf("%d inputs ran without a crash or a broken invariant\n", inputs);
    return inputs > 0 ? 0 : 1;
}
