#pragma once

#include <QByteArray>

namespace Peephole {

/// Encodes 8-bit RGBA pixels (row-major, width*height*4 bytes) as a valid PNG
/// without zlib: the image data goes into stored (uncompressed) deflate
/// blocks, with CRC-32 per chunk and Adler-32 for the zlib stream. Returns an
/// empty array when @p rgba has the wrong size. Core may not link QtGui, hence this.
QByteArray encodePngRgba(int width, int height, const QByteArray &rgba);

} // namespace Peephole
