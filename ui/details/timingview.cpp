#include "details/timingview.h"

#include <QLocale>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString msText(qint64 ns)
{
    return TimingView::tr("%1 ms").arg(QLocale().toString(double(ns) / 1e6, 'f', ns < 10'000'000 ? 2 : 1));
}
} // namespace

TimingView::TimingView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TimingView::setExchange(const Exchange &exchange)
{
    setTimings(exchange.timings, exchange.startedAt);
}

void TimingView::setTimings(const Timings &timings, const QDateTime &startedAt)
{
    m_timings = timings;
    m_startedAt = startedAt;
    m_phases = timingPhases(timings);
    updateGeometry();
    update();
}

void TimingView::clear()
{
    setTimings(Timings{});
}

QStringList TimingView::rowTexts() const
{
    QStringList rows;
    for (const PhaseSpan &p : m_phases)
        rows << phaseName(p.phase) + u"  " + msText(p.endNs - p.startNs);
    if (m_timings.totalNs() >= 0)
        rows << tr("Total") + u"  " + msText(m_timings.totalNs());
    return rows;
}

QSize TimingView::sizeHint() const
{
    const int line = fontMetrics().height() + 8;
    return {480, line * int(m_phases.size() + 3) + 16};
}

QSize TimingView::minimumSizeHint() const
{
    return {240, fontMetrics().height() * 3};
}

void TimingView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height() + 8;
    int y = 8;
    if (m_phases.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No timing information."));
        return;
    }
    p.setPen(pal.color(QPalette::Text));
    if (m_startedAt.isValid()) {
        p.drawText(8, y + fm.ascent(),
                   tr("Started %1").arg(QLocale().toString(m_startedAt.toLocalTime(), QLocale::LongFormat)));
        y += line;
    }
    int nameWidth = fm.horizontalAdvance(tr("Total"));
    int valueWidth = 0;
    for (const PhaseSpan &ph : m_phases) {
        nameWidth = qMax(nameWidth, fm.horizontalAdvance(phaseName(ph.phase)));
        valueWidth = qMax(valueWidth, fm.horizontalAdvance(msText(ph.endNs - ph.startNs)));
    }
    if (m_timings.totalNs() >= 0)
        valueWidth = qMax(valueWidth, fm.horizontalAdvance(msText(m_timings.totalNs())));
    const int barLeft = 8 + nameWidth + 12;
    const int barRight = width() - 8 - valueWidth - 12;
    const qint64 start = m_phases.first().startNs;
    const qint64 end = qMax(m_phases.last().endNs, start + 1);
    const double scale = double(qMax(1, barRight - barLeft)) / double(end - start);
    for (const PhaseSpan &ph : m_phases) {
        p.setPen(pal.color(QPalette::Text));
        p.drawText(8, y + fm.ascent(), phaseName(ph.phase));
        const int x0 = barLeft + int(double(ph.startNs - start) * scale);
        const int w = qMax(2, int(double(ph.endNs - ph.startNs) * scale));
        p.fillRect(QRect(x0, y + 2, w, fm.height() - 4), phaseColor(ph.phase, pal));
        const QString value = msText(ph.endNs - ph.startNs);
        p.drawText(width() - 8 - fm.horizontalAdvance(value), y + fm.ascent(), value);
        y += line;
    }
    if (m_timings.totalNs() >= 0) {
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(barLeft, y, width() - 8, y);
        y += 4;
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(8, y + fm.ascent(), tr("Total"));
        const QString value = msText(m_timings.totalNs());
        p.drawText(width() - 8 - QFontMetrics(bold).horizontalAdvance(value), y + fm.ascent(), value);
    }
}

} // namespace Peephole
