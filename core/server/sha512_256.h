#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Peephole {

/// SHA-512/256 (FIPS 180-4 §5.3.6.2: SHA-512 with its own initial hash value,
/// truncated to 256 bits). Qt's QCryptographicHash has no such algorithm.
/// Returns the 32-byte raw digest.
QByteArray sha512_256(QByteArrayView data);

} // namespace Peephole
