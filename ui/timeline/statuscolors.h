#pragma once

#include "timeline/timelinerecord.h"

#include <QColor>
#include <QList>

class QIcon;
class QPalette;

namespace Peephole {

/// True when the palette is a dark theme (dark base colour).
bool isDarkPalette(const QPalette &palette);
/// Text colour of a status class, readable on the palette's base colour in
/// light and dark themes alike.
QColor statusColor(StatusClass cls, const QPalette &palette);

/// The padlock badge that marks 401/407 rows.
QIcon authBadgeIcon();

/// Colours of the waterfall phases, chosen to read on light and dark bases.
enum class TimingPhase { Queued, Connect, Send, Wait, Receive };
QColor phaseColor(TimingPhase phase, const QPalette &palette);
QString phaseName(TimingPhase phase);

/// One phase of an exchange on the monotonic clock.
struct PhaseSpan
{
    TimingPhase phase = TimingPhase::Queued;
    qint64 startNs = 0;
    qint64 endNs = 0;
};
/// The phases that can be told from @p timings, in order; empty when the
/// exchange has not started. A reused connection has no Connect phase.
QList<PhaseSpan> timingPhases(const Timings &timings);

} // namespace Peephole
