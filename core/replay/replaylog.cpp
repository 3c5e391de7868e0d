#include "replay/replaylog.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcReplay, "peephole.replay")
}
