#pragma once

#include <QString>

namespace Peephole::Cli {

/// Asks on the controlling terminal with echo off. Returns false when the
/// run is not interactive (standard input is not a terminal) or there is no
/// terminal to ask on.
bool promptSecret(const QString &prompt, QString *answer);
/// Like promptSecret(), with echo on when @p echo.
bool promptLine(const QString &prompt, QString *answer, bool echo);

} // namespace Peephole::Cli
