#include "timeline/timelinelogging.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcTimeline, "peephole.ui.timeline")
} // namespace Peephole
