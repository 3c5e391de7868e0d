#include "http/exchange.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

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

QByteArray Exchange::requestTarget() const
{
    return requestTargetOf(url);
}

QByteArray requestTargetOf(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

QUrl withoutDotSegments(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    if (!path.contains(u"/.") && !path.startsWith(u'.'))
        return url;
    QStringList out;
    const QStringList segments = path.split(u'/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if (segment == u"."_s || segment == u".."_s) {
            if (segment == u".."_s && out.size() > 1)
                out.removeLast();
            if (last)
                out.append(QString());
        } else {
            out.append(segment);
        }
    }
    QUrl normalized = url;
    normalized.setPath(out.join(u'/'), QUrl::TolerantMode);
    return normalized;
}

} // namespace Peephole
