#include "formats/formatslog.h"

namespace Peephole {
Q_LOGGING_CATEGORY(lcFormats, "peephole.formats")
}
