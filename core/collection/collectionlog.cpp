#include "collection/collectionlog.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcCollection, "peephole.collection")
}
