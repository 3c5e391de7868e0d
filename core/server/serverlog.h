#pragma once

#include <QLoggingCategory>

namespace Peephole {
/// Logging category of the in-process HTTP server ("peephole.server"); debug output (one line per
/// request) is off unless enabled with QT_LOGGING_RULES="peephole.server.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcServer)
} // namespace Peephole
