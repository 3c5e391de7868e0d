#include "collection/storelog.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcCollectionStore, "peephole.collection.store")
}
