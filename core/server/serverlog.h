#pragma once

#include <QLoggingCategory>

namespace Peephole {
/// Logging category of the in-process HTTP server ("peephole.server").
Q_DECLARE_LOGGING_CATEGORY(lcServer)
} // namespace Peephole
