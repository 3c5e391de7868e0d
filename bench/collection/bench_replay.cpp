// Replays 10,000 GETs against a local server: peephole-cli run, sequential
// and --concurrency 6, beside curl fetching the same URLs sequentially in one
// process (curl -K config). Prints requests per second for each.
//   bench_replay [REQUESTS] [ROUNDS]

#include "server/httpserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
double timeProcess(const QString &program, const QStringList &args, int *exitCode)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000) || !p.waitForFinished(30 * 60 * 1000)) {
        *exitCode = -1;
        return 0;
    }
    *exitCode = p.exitCode();
    return double(t.nsecsElapsed()) / 1e9;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"peephole.*.debug=false\npeephole.*.info=false"_s);
    const int count = app.arguments().value(1, u"10000"_s).toInt();

    // The server runs on its own thread so the processes we wait for are served.
    QThread serverThread;
    auto *server = new HttpServer;
    server->setRecordRequests(false);
    server->route("/r/*", ScriptedResponse::text(200, "{\"ok\":true}\n", "application/json"));
    server->moveToThread(&serverThread);
    serverThread.start();
    bool listening = false;
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [&] {
            listening = server->listen();
            port = server->port();
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        std::fprintf(stderr, "server: cannot listen\n");
        return 1;
    }

    QTemporaryDir dir;
    const QString root = dir.path() + u"/replay-bench"_s;
    const QByteArray base = "http://127.0.0.1:" + QByteArray::number(port);
    QByteArray curlConfig;
    for (int f = 0; f * 100 < count; ++f) {
        QDir().mkpath(root + u"/part-%1"_s.arg(f));
        QFile out(root + u"/part-%1/requests.http"_s.arg(f));
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        for (int i = f * 100; i < std::min(count, (f + 1) * 100); ++i) {
            const QByteArray url = base + "/r/" + QByteArray::number(i);
            out.write("###\nGET " + url + "\n?? status == 200\n\n");
            curlConfig += "url = \"" + url + "\"\noutput = \"/dev/null\"\n";
        }
    }
    QFile cfg(dir.path() + u"/curl.cfg"_s);
    if (!cfg.open(QIODevice::WriteOnly))
        return 1;
    cfg.write(curlConfig);
    cfg.close();

    QString cli = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/app/cli/peephole-cli"_s;
    if (!QFileInfo::exists(cli))
        cli = QCoreApplication::applicationDirPath() + u"/../../app/cli/peephole-cli"_s;
    std::printf("%d GET requests against %s\n", count, base.constData());

    // Rounds alternate the three runs so that a busy moment of a shared machine hits them alike;
    // each line reports the median round.
    const int rounds = std::max(1, app.arguments().value(2, u"3"_s).toInt());
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    std::vector<double> sequential, concurrent, curlRuns;
    int code = 0;
    for (int round = 0; round < rounds; ++round) {
        sequential.push_back(timeProcess(cli, {u"run"_s, root, u"--quiet"_s}, &code));
        if (code != 0)
            std::printf("peephole-cli run (sequential) failed: exit %d\n", code);
        concurrent.push_back(
            timeProcess(cli, {u"run"_s, root, u"--quiet"_s, u"--concurrency"_s, u"6"_s}, &code));
        if (code != 0)
            std::printf("peephole-cli run --concurrency 6 failed: exit %d\n", code);
        if (!curl.isEmpty())
            curlRuns.push_back(timeProcess(curl, {u"-s"_s, u"-K"_s, cfg.fileName()}, &code));
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v.at(v.size() / 2);
    };
    const double seq = median(sequential);
    const double conc = median(concurrent);
    std::printf("median of %d rounds:\n", rounds);
    std::printf("peephole-cli run (sequential):      %6.2f s  %8.0f requests/s\n", seq, count / seq);
    std::printf("peephole-cli run --concurrency 6:   %6.2f s  %8.0f requests/s\n", conc, count / conc);
    if (curl.isEmpty()) {
        std::printf("curl: not installed\n");
    } else {
        const double c = median(curlRuns);
        std::printf("curl -K (sequential, one process):  %6.2f s  %8.0f requests/s\n", c, count / c);
        std::printf("peephole sequential / curl: %.0f %%\n", 100.0 * c / seq);
    }
    QMetaObject::invokeMethod(
        server, [&] { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
