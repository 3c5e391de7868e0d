#pragma once

#include <QString>

namespace Peephole {

/// The one way the window writes a size: "220 B", "1.2 KiB", "46.3 KiB", "1.2 MiB", "3.0 GiB"
/// (binary units, one decimal past bytes, the locale's decimal separator). Negative: empty.
QString sizeText(qint64 bytes);

} // namespace Peephole
