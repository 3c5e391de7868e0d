#include "pngencoder.h"

#include "servercodec.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
void appendBe32(QByteArray &out, quint32 v)
{
    char bytes[4];
    qToBigEndian(v, bytes);
    out.append(bytes, 4);
}

void appendChunk(QByteArray &png, const char type[4], const QByteArray &data)
{
    appendBe32(png, quint32(data.size()));
    const QByteArray typeAndData = QByteArray(type, 4) + data;
    png.append(typeAndData);
    appendBe32(png, ServerCodec::crc32(typeAndData));
}

QByteArray storedZlib(const QByteArray &raw)
{
    QByteArray z("\x78\x01", 2); // deflate, 32K window, fastest (no preset dictionary)
    qsizetype pos = 0;
    do {
        const qsizetype n = qMin<qsizetype>(raw.size() - pos, 65535);
        const bool last = pos + n >= raw.size();
        z.append(char(last ? 1 : 0)); // BFINAL, BTYPE=00 (stored)
        const quint16 len = quint16(n);
        const quint16 nlen = quint16(~len);
        z.append(char(len & 0xff)).append(char(len >> 8)).append(char(nlen & 0xff)).append(char(nlen >> 8));
        z.append(QByteArrayView(raw).sliced(pos, n));
        pos += n;
    } while (pos < raw.size());
    appendBe32(z, ServerCodec::adler32(raw));
    return z;
}
} // namespace

QByteArray encodePngRgba(int width, int height, const QByteArray &rgba)
{
    if (width <= 0 || height <= 0 || rgba.size() != qsizetype(width) * height * 4)
        return {};
    QByteArray raw;
    raw.reserve(qsizetype(height) * (width * 4 + 1));
    for (int y = 0; y < height; ++y) {
        raw.append('\0'); // filter type None
        raw.append(QByteArrayView(rgba).sliced(qsizetype(y) * width * 4, qsizetype(width) * 4));
    }
    QByteArray ihdr;
    appendBe32(ihdr, quint32(width));
    appendBe32(ihdr, quint32(height));
    ihdr.append("\x08\x06\x00\x00\x00", 5); // 8 bit, RGBA, deflate, adaptive filter, no interlace

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", ihdr);
    appendChunk(png, "IDAT", storedZlib(raw));
    appendChunk(png, "IEND", {});
    return png;
}

} // namespace Peephole
