// A 200 MB JSON body in a BodyStore shown in a BodyView: time until the body
// shows content, and the longest stall of the GUI thread (gap between ticks
// of a 5 ms timer) while it is shown and then formatted ("Format anyway").
//   bench_bodyview [megabytes]
#include "details/bodyview.h"
#include "details/pagedtextview.h"
#include "http/bodystore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
qint64 peakRssKiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// Records the longest gap between ticks of a 5 ms timer on the GUI thread.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxGapNs = qMax(m_maxGapNs, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_maxGapNs = 0;
        m_timer.start();
    }
    double maxGapMs() const { return double(m_maxGapNs) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

/// Notes when a widget paints.
class PaintWatcher : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

void runUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const qint64 megabytes = argc > 1 ? QByteArray(argv[1]).toLongLong() : 200;
    const qint64 target = megabytes * 1024 * 1024;

    // Build the body (not measured): an array of objects, written in chunks; it spills to disk.
    auto body = std::make_shared<BodyStore>();
    body->append("{\"items\":["_ba);
    QByteArray chunk;
    for (qint64 i = 0; body->size() + chunk.size() < target; ++i) {
        if (i > 0)
            chunk += ',';
        chunk +=
            "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item " + QByteArray::number(i) +
            "\",\"price\":12.5,\"tags\":[\"alpha\",\"beta\"],\"active\":true,\"owner\":{\"id\":7,\"login\":"
            "\"alice\"}}";
        if (chunk.size() > 1024 * 1024) {
            body->append(chunk);
            chunk.clear();
        }
    }
    body->append(chunk);
    body->append("]}"_ba);
    body->finish();
    std::printf("platform: %s, body: %.1f MB JSON, on disk: %s\n",
                qPrintable(QGuiApplication::platformName()), double(body->size()) / (1024.0 * 1024.0),
                body->isOnDisk() ? "yes" : "no");

    BodyView view;
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();

    PaintWatcher paints;
    view.rawView()->editor()->viewport()->installEventFilter(&paints);
    StallMeter meter;
    meter.start();
    QElapsedTimer timer;
    timer.start();
    view.setBody(body, "application/json");
    runUntil([&] { return paints.painted; });
    const double firstContentMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("first content shown (mode %s, %lld chars on the page): %.1f ms\n",
                view.mode() == BodyView::Mode::Raw ? "Raw" : "other", qint64(view.rawText().size()),
                firstContentMs);
    // Let it sit shown for a moment, then scroll through a few pages.
    QElapsedTimer idle;
    idle.start();
    runUntil([&] { return idle.elapsed() > 200; });
    view.rawView()->setPage(view.rawView()->pageCount() / 2);
    runUntil([&] { return idle.elapsed() > 300; });
    std::printf("longest GUI stall while opening and paging the raw view: %.1f ms\n", meter.maxGapMs());

    // Format anyway: the worker reindents 200 MB while the GUI keeps ticking.
    meter.start();
    timer.restart();
    bool done = false;
    QObject::connect(&view, &BodyView::jobFinished, &view, [&done] { done = true; });
    view.formatAnyway();
    runUntil([&] { return done; });
    const double formatMs = double(timer.nsecsElapsed()) / 1e6;
    idle.restart();
    runUntil([&] { return idle.elapsed() > 200; });
    std::printf("format anyway: formatted %d pages in %.0f ms; longest GUI stall meanwhile: %.1f ms\n",
                view.prettyView()->pageCount(), formatMs, meter.maxGapMs());

    // Single page loads, measured directly (read from disk + text layout + highlighting + paint).
    for (PagedTextView *pages : {view.prettyView(), view.rawView()}) {
        const bool pretty = pages == view.prettyView();
        view.setMode(pretty ? BodyView::Mode::Pretty : BodyView::Mode::Raw);
        QCoreApplication::processEvents();
        for (int i = 1; i <= 3; ++i) {
            timer.restart();
            pages->setPage(pages->pageCount() / 4 * i);
            pages->editor()->viewport()->repaint();
            std::printf("%s page flip (%lld KiB page): %.1f ms\n", pretty ? "pretty" : "raw",
                        pages->pageSize() / 1024, double(timer.nsecsElapsed()) / 1e6);
        }
    }

    meter.start();
    view.setMode(BodyView::Mode::Hex);
    idle.restart();
    runUntil([&] { return idle.elapsed() > 200; });
    std::printf("switch to Hex: longest GUI stall %.1f ms\n", meter.maxGapMs());
    std::printf("peak RSS (VmHWM): %.1f MB\n", double(peakRssKiB()) / 1024.0);
    return 0;
}
