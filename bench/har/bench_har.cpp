// Reads a HAR file the way `convert` does (HarReader streaming, each entry handed out and dropped)
// or the way Peephole did before (HarReader::readDocument: the whole file, then one QJsonDocument),
// and prints the time and this process's peak RSS. Run by bench/har/run.sh.
//   bench_har stream|whole FILE

#include "formats/harreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <sys/resource.h>

using namespace Peephole;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_har stream|whole FILE\n");
        return 2;
    }
    const QByteArray mode = argv[1];
    QFile file(QString::fromLocal8Bit(argv[2]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot open %s\n", argv[2]);
        return 2;
    }
    QElapsedTimer clock;
    clock.start();
    qsizetype entries = 0;
    bool ok = false;
    if (mode == "whole") {
        const HarImportResult r = HarReader::readDocument(file.readAll());
        ok = r.ok;
        entries = r.exchanges.size();
    } else {
        const HarImportResult r = HarReader::read(&file, [&entries](Exchange &&, RequestSpec &&) {
            ++entries;
            return true;
        });
        ok = r.ok;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%s: %s, %lld entries in %.1f s, peak RSS %.0f MB\n", mode.constData(), ok ? "ok" : "FAILED",
                static_cast<long long>(entries), double(clock.elapsed()) / 1000.0, double(usage.ru_maxrss) / 1024.0);
    return ok ? 0 : 1;
}
