// Appends 100,000 exchanges with typical headers to an ExchangeLog shown in a
// TimelineView and prints: append time until the view has processed every
// row, the memory of that state (current and peak RSS), one filter pass.
// Runs offscreen or under Xvfb.
//   bench_timeline [count] [--warm]
#include "http/exchangelog.h"
#include "timeline/timelinefilter.h"
#include "timeline/timelinefilterproxy.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScrollBar>

#include <cstdio>
#include <functional>
#include <malloc.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
qint64 statusKiB(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
qint64 peakRssKiB()
{
    return statusKiB("VmHWM:");
}
qint64 currentRssKiB()
{
    return statusKiB("VmRSS:");
}

Exchange typical(int i, QRandomGenerator &rng)
{
    static const QByteArray methods[] = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
    static const int statuses[] = {200, 200, 200, 200, 201, 204, 301, 304, 401, 403, 404, 500, 502};
    static const QByteArray types[] = {"application/json; charset=utf-8", "text/html; charset=utf-8",
                                       "image/png", "application/javascript", "text/css"};
    static const QString hosts[] = {u"api.example.com"_s, u"cdn.example.com"_s, u"www.example.org"_s,
                                    u"auth.example.net"_s, u"127.0.0.1"_s};
    Exchange e;
    e.method = methods[rng.bounded(6)];
    e.url = QUrl(u"https://"_s + hosts[rng.bounded(5)] + u"/v1/resources/"_s + QString::number(i) +
                 u"/items?page="_s + QString::number(rng.bounded(100)));
    e.httpVersion = "HTTP/1.1";
    e.requestHeaders = {
        {"Host", e.url.host().toLatin1()},
        {"User-Agent", "Peephole/0.1"},
        {"Accept", "application/json, text/plain, */*"},
        {"Accept-Encoding", "gzip, deflate, br"},
        {"Accept-Language", "en-US,en;q=0.9"},
        {"Connection", "keep-alive"},
        {"X-Request-Id", QByteArray::number(rng.generate64(), 16)},
        {"Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo"}};
    if (e.method != "GET")
        e.requestHeaders.append(HeaderField{"Content-Type", "application/json"});
    e.statusCode = statuses[rng.bounded(13)];
    e.reasonPhrase = e.statusCode == 200 ? "OK"_ba : QByteArray();
    e.responseHeaders = {{"Date", "Sun, 29 Nov 2026 23:00:00 GMT"},
                         {"Server", "nginx/1.25.3"},
                         {"Content-Type", types[rng.bounded(5)]},
                         {"Content-Length", QByteArray::number(rng.bounded(100000))},
                         {"Cache-Control", "no-cache, no-store, must-revalidate"},
                         {"Connection", "keep-alive"},
                         {"Vary", "Accept-Encoding"},
                         {"X-Content-Type-Options", "nosniff"},
                         {"Strict-Transport-Security", "max-age=63072000"},
                         {"ETag", "\"" + QByteArray::number(rng.generate(), 16) + "\""}};
    e.decodedBodySize = rng.bounded(100000);
    e.finished = true;
    const qint64 start = qint64(i) * 2'000'000;
    e.timings.startNs = start;
    if (i % 10 == 0) {
        e.timings.connectStartNs = start + 100'000;
        e.timings.tlsDoneNs = start + 5'000'000;
    }
    e.timings.requestSentNs = start + 5'200'000;
    e.timings.headersNs = start + 5'200'000 + rng.bounded(50'000'000);
    e.timings.finishedNs = e.timings.headersNs + rng.bounded(10'000'000);
    return e;
}

void waitUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100'000;
    QRandomGenerator rng(42);

    ExchangeLog log;
    TimelineView view;
    view.setLog(&log);
    view.resize(1400, 900);
    view.show();
    QCoreApplication::processEvents();
    std::printf("platform: %s, exchanges: %d\n", qPrintable(QGuiApplication::platformName()), count);

    if (argc > 2 && QByteArray(argv[2]) == "--warm") {
        // Optional: fill and free a log first, so that the measured run does not pay first-touch page faults.
        ExchangeLog warm;
        for (int i = 0; i < count; ++i)
            warm.append(typical(i, rng));
        std::printf("(warm-up run done: heap pre-faulted)\n");
    }
    const qint64 rssBefore = currentRssKiB();
    QElapsedTimer timer;
    // Building the Exchange values alone (what the engine does anyway), measured apart.
    timer.start();
    qint64 checksum = 0;
    for (int i = 0; i < count; ++i)
        checksum += typical(i, rng).requestHeaders.size();
    const qint64 buildMs = timer.elapsed();
    std::printf("building %d exchanges alone (%.1f headers each on average): %lld ms\n", count,
                double(checksum) / count + 10.0, buildMs);

    // 1. Burst: every exchange appended in one go (as a HAR import or a fast runner does).
    rng.seed(42);
    timer.restart();
    for (int i = 0; i < count; ++i)
        log.append(typical(i, rng));
    const qint64 appendLoopMs = timer.elapsed();
    waitUntil([&] { return view.model()->rowCount() == count; });
    view.viewport()->repaint();
    const qint64 burstMs = timer.elapsed();
    std::printf("burst: build + append %d exchanges until the view has every row and painted: %lld ms "
                "(append loop %lld ms, then view processing %lld ms); without building the values: %lld ms\n",
                count, burstMs, appendLoopMs, burstMs - appendLoopMs, burstMs - buildMs);
    // The target state: log, model, proxy and view of `count` rows, before anything else is allocated.
    std::printf("RSS: %.1f MB at start, %.1f MB with the log, model, proxy and view of %d rows; peak so far "
                "(VmHWM) %.1f MB\n",
                double(rssBefore) / 1024.0, double(currentRssKiB()) / 1024.0, count,
                double(peakRssKiB()) / 1024.0);
    {
        // The timeline's own share: a second model over the same log, measured on the heap.
        const size_t before = mallinfo2().uordblks + mallinfo2().hblkhd;
        QElapsedTimer t;
        t.start();
        TimelineModel second(&log);
        const qint64 buildRecordsMs = t.elapsed();
        const size_t after = mallinfo2().uordblks + mallinfo2().hblkhd;
        std::printf("one TimelineModel over %lld rows: %.1f MB of heap (%.0f bytes per row), records built "
                    "in %lld ms\n",
                    qint64(log.count()), double(after - before) / (1024.0 * 1024.0),
                    double(after - before) / double(log.count()), buildRecordsMs);
    }
    std::printf("view follows newest: %s\n",
                view.verticalScrollBar()->value() == view.verticalScrollBar()->maximum() ? "yes" : "no");

    // 2. One filter pass each over all rows.
    for (const QString &filter : {u"status:404"_s, u"method:POST -status:2xx"_s, u"host:example.com"_s,
                                  u"resources/4242"_s, QString()}) {
        timer.restart();
        if (!view.setFilterText(filter)) {
            std::printf("filter error: %s\n", qPrintable(view.filterError()));
            return 1;
        }
        const qint64 filterNs = timer.nsecsElapsed();
        view.viewport()->repaint();
        const qint64 paintedNs = timer.nsecsElapsed();
        const TimelineFilter parsed = TimelineFilter::parse(filter);
        QElapsedTimer matchTimer;
        matchTimer.start();
        int matched = 0;
        for (int r = 0; r < view.timelineModel()->rowCount(); ++r)
            matched += parsed.matches(view.timelineModel()->record(r)) ? 1 : 0;
        const double matchMs = double(matchTimer.nsecsElapsed()) / 1e6;
        std::printf("  (the matching alone, without the proxy: %.1f ms, %d rows)\n", matchMs, matched);
        std::printf("filter pass '%s': %.1f ms (%d rows shown; %.1f ms including repaint)\n",
                    qPrintable(filter), double(filterNs) / 1e6, view.model()->rowCount(),
                    double(paintedNs) / 1e6);
    }

    // 3. Streaming: another 10% arriving in small batches with the event loop turning in between.
    const int streamed = count / 10;
    int insertions = 0;
    QObject::connect(view.timelineModel(), &QAbstractItemModel::rowsInserted, &view,
                     [&insertions] { ++insertions; });
    timer.restart();
    for (int i = 0; i < streamed; ++i) {
        log.append(typical(count + i, rng));
        if (i % 50 == 49)
            QCoreApplication::processEvents();
    }
    waitUntil([&] { return view.model()->rowCount() == count + streamed; });
    std::printf("streamed %d more in batches of 50: %lld ms (%d insertions into the model)\n", streamed,
                timer.elapsed(), insertions);

    // Where one turn's time goes at this size: one batch of 50 appends.
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 50; ++i)
            log.append(typical(count + streamed + round * 50 + i, rng));
        QElapsedTimer t;
        t.start();
        view.timelineModel()->flush();
        const qint64 flushNs = t.nsecsElapsed();
        view.doItemsLayout();
        const qint64 layoutNs = t.nsecsElapsed();
        view.viewport()->repaint();
        const qint64 paintNs = t.nsecsElapsed();
        std::printf("  one batch of 50: insert %.1f ms, view layout %.1f ms, paint %.1f ms\n",
                    double(flushNs) / 1e6, double(layoutNs - flushNs) / 1e6,
                    double(paintNs - layoutNs) / 1e6);
    }

    std::printf("peak RSS (VmHWM) after the second model and %d streamed rows more: %.1f MB\n",
                streamed + 150, double(peakRssKiB()) / 1024.0);

    // Attribution only (after the peak was read): the same appends to a log nobody watches.
    {
        ExchangeLog bare;
        rng.seed(42);
        timer.restart();
        for (int i = 0; i < count; ++i)
            bare.append(typical(i, rng));
        std::printf("for comparison (warm heap), build + append %d exchanges to an ExchangeLog without any "
                    "view: %lld ms\n",
                    count, timer.elapsed());
    }
    {
        ExchangeLog modelOnly;
        TimelineModel model(&modelOnly);
        rng.seed(42);
        timer.restart();
        for (int i = 0; i < count; ++i)
            modelOnly.append(typical(i, rng));
        model.flush();
        std::printf(
            "for comparison (warm heap), the same with a TimelineModel (no proxy, no view): %lld ms\n",
            timer.elapsed());
    }
    return 0;
}
