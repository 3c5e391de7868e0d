#include "collections/collectionslogging.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcUiCollections, "peephole.ui.collections")
} // namespace Peephole
