#include "details/detailslogging.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcDetails, "peephole.ui.details")
} // namespace Peephole
