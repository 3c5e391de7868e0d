#pragma once

#include <QLoggingCategory>

namespace Peephole {
Q_DECLARE_LOGGING_CATEGORY(lcScript)
}
