#pragma once

#include <QByteArray>

namespace Peephole::Test {

/// @p decodedSize zero bytes encoded with @p coding ("gzip", "deflate", "br" or "zstd") by the
/// libraries' own streaming encoders (zlib, libbrotlienc, libzstd), never by Peephole's decoder:
/// a decompression bomb of a few hundred KiB that decodes to hundreds of MiB. Built piece by
/// piece, so the decoded size is never held in memory. Empty for an unknown coding.
QByteArray zeroBomb(const QByteArray &coding, qint64 decodedSize);

} // namespace Peephole::Test
