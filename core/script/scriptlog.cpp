#include "script/scriptlog.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcScript, "peephole.script")
}
