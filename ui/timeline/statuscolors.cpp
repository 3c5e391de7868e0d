#include "timeline/statuscolors.h"

#include <QCoreApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace Peephole {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor statusColor(StatusClass cls, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (cls) {
    case StatusClass::Success:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
    case StatusClass::Redirect:
        return dark ? QColor(0x58, 0xa6, 0xff) : QColor(0x09, 0x69, 0xda);
    case StatusClass::ClientError:
        return dark ? QColor(0xe3, 0xa0, 0x3c) : QColor(0xa8, 0x4a, 0x00);
    case StatusClass::ServerError:
        return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    case StatusClass::Error:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb0, 0x1c, 0x24);
    case StatusClass::Informational:
    case StatusClass::Pending:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

QColor phaseColor(TimingPhase phase, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (phase) {
    case TimingPhase::Queued:
        return dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0xa0, 0xa8, 0xb0);
    case TimingPhase::Connect:
        return dark ? QColor(0xf0, 0x88, 0x3e) : QColor(0xe0, 0x70, 0x20);
    case TimingPhase::Send:
        return dark ? QColor(0xbc, 0x8c, 0xff) : QColor(0x82, 0x50, 0xdf);
    case TimingPhase::Wait:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x2d, 0xa4, 0x4e);
    case TimingPhase::Receive:
        return dark ? QColor(0x58, 0xa6, 0xff) : QColor(0x21, 0x8b, 0xff);
    }
    return palette.color(QPalette::Text);
}

QString phaseName(TimingPhase phase)
{
    switch (phase) {
    case TimingPhase::Queued:
        return QCoreApplication::translate("Peephole::Timing", "Queued");
    case TimingPhase::Connect:
        return QCoreApplication::translate("Peephole::Timing", "Connect + TLS");
    case TimingPhase::Send:
        return QCoreApplication::translate("Peephole::Timing", "Send");
    case TimingPhase::Wait:
        return QCoreApplication::translate("Peephole::Timing", "Waiting (TTFB)");
    case TimingPhase::Receive:
        return QCoreApplication::translate("Peephole::Timing", "Receive");
    }
    return {};
}

QList<PhaseSpan> timingPhases(const Timings &t)
{
    QList<PhaseSpan> out;
    if (t.startNs < 0)
        return out;
    qint64 cursor = t.startNs;
    auto add = [&](TimingPhase phase, qint64 end) {
        if (end < 0 || end < cursor)
            return;
        out.append(PhaseSpan{phase, cursor, end});
        cursor = end;
    };
    if (t.connectStartNs >= 0) {
        add(TimingPhase::Queued, t.connectStartNs);
        qint64 connected = t.tlsDoneNs;
        if (connected < 0)
            connected = t.requestSentNs >= 0 ? t.requestSentNs : t.headersNs;
        add(TimingPhase::Connect, connected);
    }
    add(TimingPhase::Send, t.requestSentNs);
    if (t.headersNs < 0 && t.finishedNs >= 0) {
        // Failed before a response: the time goes to the phase it failed in.
        TimingPhase failedIn = TimingPhase::Queued;
        if (t.requestSentNs >= 0)
            failedIn = TimingPhase::Wait;
        else if (t.connectStartNs >= 0)
            failedIn = TimingPhase::Connect;
        add(failedIn, t.finishedNs);
        return out;
    }
    add(TimingPhase::Wait, t.headersNs);
    add(TimingPhase::Receive, t.finishedNs);
    return out;
}

/// A small padlock badge for 401/407 rows, drawn once.
QIcon authBadgeIcon()
{
    static const QIcon icon = [] {
        QIcon result;
        for (int side : {16, 32}) {
            QPixmap pm(side, side);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            const qreal s = side / 16.0;
            const QColor body(0xd2, 0x99, 0x22);
            QPen pen(body, 1.8 * s);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawArc(QRectF(4.5 * s, 1.5 * s, 7 * s, 8 * s), 0, 180 * 16);
            p.drawLine(QPointF(4.5 * s, 5.5 * s), QPointF(4.5 * s, 7.5 * s));
            p.drawLine(QPointF(11.5 * s, 5.5 * s), QPointF(11.5 * s, 7.5 * s));
            p.setPen(Qt::NoPen);
            p.setBrush(body);
            p.drawRoundedRect(QRectF(2.5 * s, 7 * s, 11 * s, 8 * s), 1.5 * s, 1.5 * s);
            p.setBrush(QColor(0x40, 0x30, 0x10));
            p.drawEllipse(QRectF(7 * s, 9.5 * s, 2 * s, 2 * s));
            p.end();
            result.addPixmap(pm);
        }
        return result;
    }();
    return icon;
}

} // namespace Peephole
