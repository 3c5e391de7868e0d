#pragma once

#include "http/exchange.h"
#include "timeline/statuscolors.h"

#include <QWidget>

namespace Peephole {

/// The phases of one exchange as horizontal bars on a common scale, each
/// with its duration in milliseconds, then the total.
class TimingView : public QWidget
{
    Q_OBJECT
public:
    explicit TimingView(QWidget *parent = nullptr);

    void setExchange(const Exchange &exchange);
    void setTimings(const Timings &timings, const QDateTime &startedAt = {});
    void clear();

    QList<PhaseSpan> phases() const { return m_phases; }
    /// One line per phase, as painted: "Waiting (TTFB)  12.3 ms".
    QStringList rowTexts() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Timings m_timings;
    QDateTime m_startedAt;
    QList<PhaseSpan> m_phases;
};

} // namespace Peephole
