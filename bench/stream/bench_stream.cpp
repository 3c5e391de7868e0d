// 100,000 small SSE events and 100,000 WebSocket messages, sent by local servers
// as fast as they can (bench/stream/sse-server.py; tests/websocket/ws-server.py on
// the Python "websockets" package), received by the core and shown live in the
// Messages tab (StreamMessagesModel + QTableView, offscreen). Reports the time
// until the last message, the process's peak RSS and the longest stall of the GUI
// thread (gap between ticks of a 5 ms timer).
//   bench_stream [messages]
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "stream/streamstore.h"
#include "streams/messagesview.h"
#include "streams/streammessagesmodel.h"
#include "websocket/websocketsession.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
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
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

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
    void stop() { m_timer.stop(); }
    double maxGapMs() const { return double(m_maxGapNs) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

void runUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
}

int startServer(QProcess &p, const QString &script)
{
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(u"/usr/bin/python3"_s, {script});
    if (!p.waitForStarted())
        return 0;
    while (!p.canReadLine())
        if (!p.waitForReadyRead(20000))
            return 0;
    const QByteArray line = p.readLine().trimmed();
    return line.mid(line.indexOf(' ') + 1).toInt();
}

void report(const char *what, qint64 n, qint64 received, double ms, const StallMeter &meter, int flushes)
{
    std::printf("%s: %lld of %lld messages in %.0f ms (%.0f/s); longest GUI stall %.1f ms; %d model "
                "insertions; peak RSS so far %lld MiB\n",
                what, static_cast<long long>(received), static_cast<long long>(n), ms, received / (ms / 1000.0),
                meter.maxGapMs(), flushes, static_cast<long long>(peakRssKiB() / 1024));
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const qint64 n = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100000;
    const QString src = QStringLiteral(PEEPHOLE_SOURCE_DIR);
    QProcess sseServer, wsServer;
    const int ssePort = startServer(sseServer, src + u"/bench/stream/sse-server.py"_s);
    const int wsPort = startServer(wsServer, src + u"/tests/websocket/ws-server.py"_s);
    if (!ssePort || !wsPort) {
        std::printf("the servers did not start (python3, python3-websockets?)\n");
        return 1;
    }
    QTemporaryDir home;
    Workspace ws(nullptr, home.filePath(u"accounts.ini"_s));
    StreamStore *store = ws.session()->streams();
    MessagesView view(store);
    view.resize(900, 600);
    view.show();
    std::printf("start: peak RSS %lld MiB\n", static_cast<long long>(peakRssKiB() / 1024));

    // SSE
    {
        StallMeter meter;
        QElapsedTimer clock;
        bool done = false;
        quint64 id = 0;
        QObject::connect(store, &StreamStore::opened, &view, [&](quint64 opened) {
            id = opened;
            view.setExchange(opened);
        });
        QObject::connect(ws.session(), &HttpSession::chainFinished, &view, [&] { done = true; });
        RequestSpec spec;
        spec.url = QUrl(u"http://127.0.0.1:%1/sse?n=%2"_s.arg(ssePort).arg(n));
        meter.start();
        clock.start();
        ws.send(spec);
        runUntil([&] { return done; });
        runUntil([&] { return view.model()->pendingCount() == 0; });
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        meter.stop();
        const StreamRecord *r = store->find(id);
        report("SSE", n, r ? r->received : 0, ms, meter, view.model()->flushCount());
        QObject::disconnect(store, &StreamStore::opened, &view, nullptr);
    }
    // WebSocket
    {
        StallMeter meter;
        QElapsedTimer clock;
        WebSocketSession session(ws.session());
        QObject::connect(&session, &WebSocketSession::opened, &view, [&] { view.setExchange(session.exchangeId()); });
        WebSocketSpec spec;
        spec.request.url = QUrl(u"ws://127.0.0.1:%1/many?n=%2"_s.arg(wsPort).arg(n));
        meter.start();
        clock.start();
        session.open(spec);
        runUntil([&] { return session.state() == WebSocketSession::State::Closed; });
        runUntil([&] { return view.model()->pendingCount() == 0; });
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        meter.stop();
        const StreamRecord *r = store->find(session.exchangeId());
        report("WebSocket", n, r ? r->received - 1 : 0, ms, meter, view.model()->flushCount()); // minus the Close
    }
    sseServer.closeWriteChannel();
    wsServer.closeWriteChannel();
    sseServer.waitForFinished(3000);
    wsServer.waitForFinished(3000);
    return 0;
}
