#include "timeline/waterfalldelegate.h"

#include "timeline/statuscolors.h"
#include "timeline/timelinemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace Peephole {

WaterfallDelegate::WaterfallDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QSize WaterfallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(qMax(s.width(), 160));
    return s;
}

void WaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const qint64 spanStart = index.data(TimelineModel::SpanStartRole).toLongLong();
    const qint64 spanEnd = index.data(TimelineModel::SpanEndRole).toLongLong();
    const Timings timings = index.data(TimelineModel::TimingsRole).value<Timings>();
    const QList<PhaseSpan> phases = timingPhases(timings);
    if (phases.isEmpty() || spanStart < 0 || spanEnd <= spanStart)
        return;

    const QRectF area = QRectF(option.rect).adjusted(3, 0, -3, 0);
    const double scale = area.width() / double(spanEnd - spanStart);
    const qreal barHeight = qMax<qreal>(4.0, area.height() * 0.45);
    const qreal y = area.top() + (area.height() - barHeight) / 2.0;

    painter->save();
    painter->setPen(Qt::NoPen);
    for (const PhaseSpan &p : phases) {
        const qreal x0 = area.left() + double(p.startNs - spanStart) * scale;
        const qreal x1 = area.left() + double(p.endNs - spanStart) * scale;
        QRectF bar(x0, y, qMax<qreal>(1.0, x1 - x0), barHeight);
        painter->fillRect(bar.intersected(area), phaseColor(p.phase, option.palette));
    }
    if (timings.finishedNs < 0) {
        // Still running: a thin tail to the end of the span.
        const qreal x0 = area.left() + double(phases.last().endNs - spanStart) * scale;
        painter->fillRect(QRectF(x0, y + barHeight / 2 - 0.5, area.right() - x0, 1.0),
                          option.palette.color(QPalette::PlaceholderText));
    }
    painter->restore();
}

bool WaterfallDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Timings timings = index.data(TimelineModel::TimingsRole).value<Timings>();
    const QList<PhaseSpan> phases = timingPhases(timings);
    if (phases.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QStringList lines;
    const QLocale locale;
    for (const PhaseSpan &p : phases) {
        lines << tr("%1: %2 ms")
                     .arg(phaseName(p.phase), locale.toString(double(p.endNs - p.startNs) / 1e6, 'f', 1));
    }
    if (timings.totalNs() >= 0)
        lines << tr("Total: %1 ms").arg(locale.toString(double(timings.totalNs()) / 1e6, 'f', 1));
    QToolTip::showText(event->globalPos(), lines.join(u'\n'), view);
    return true;
}

} // namespace Peephole
