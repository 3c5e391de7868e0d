#include "http/exchange.h"

#include <QElapsedTimer>

namespace Peephole {

namespace {
struct ClockAnchor
{
    QElapsedTimer timer;
    QDateTime wallAtStart;
    ClockAnchor()
    {
        timer.start();
        wallAtStart = QDateTime::currentDateTimeUtc();
    }
};
const ClockAnchor &anchor()
{
    static const ClockAnchor a;
    return a;
}
} // namespace

qint64 monotonicNs()
{
    return anchor().timer.nsecsElapsed();
}

QDateTime wallClockAt(qint64 ns)
{
    return anchor().wallAtStart.addMSecs(ns / 1000000);
}

QByteArray Exchange::mimeType() const
{
    QByteArray type = Headers::value(responseHeaders, "content-type");
    const qsizetype semi = type.indexOf(';');
    if (semi >= 0)
        type.truncate(semi);
    return type.trimmed().toLower();
}

} // namespace Peephole
