#pragma once

#include <QStringList>

namespace Peephole::Cli {

/// Dispatches `peephole-cli COMMAND ...` and returns the process exit code.
int run(const QStringList &arguments);

} // namespace Peephole::Cli
