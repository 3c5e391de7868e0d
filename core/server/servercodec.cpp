#include "servercodec.h"

#include <QtEndian>

#include <array>

namespace Peephole::ServerCodec {

namespace {
constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}
constexpr std::array<quint32, 256> CrcTable = makeCrcTable();

void appendLe32(QByteArray &out, quint32 v)
{
    char bytes[4];
    qToLittleEndian(v, bytes);
    out.append(bytes, 4);
}
} // namespace

quint32 crc32(QByteArrayView data, quint32 previous)
{
    quint32 c = previous ^ 0xffffffffu;
    for (char ch : data)
        c = CrcTable[(c ^ static_cast<quint8>(ch)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

quint32 adler32(QByteArrayView data, quint32 previous)
{
    constexpr quint32 Mod = 65521;
    quint32 a = previous & 0xffff;
    quint32 b = previous >> 16;
    qsizetype i = 0;
    while (i < data.size()) {
        const qsizetype block = qMin<qsizetype>(data.size() - i, 5552); // keeps b below 2^32
        for (qsizetype j = 0; j < block; ++j) {
            a += static_cast<quint8>(data[i + j]);
            b += a;
        }
        a %= Mod;
        b %= Mod;
        i += block;
    }
    return (b << 16) | a;
}

QByteArray gzip(QByteArrayView data)
{
    // qCompress: 4-byte big-endian length, then a zlib stream (2-byte header, raw deflate, Adler-32).
    const QByteArray zlib = qCompress(reinterpret_cast<const uchar *>(data.data()), int(data.size()), 9);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    out.append(QByteArrayView(zlib).sliced(6, zlib.size() - 10));
    appendLe32(out, crc32(data));
    appendLe32(out, quint32(data.size() & 0xffffffffu));
    return out;
}

} // namespace Peephole::ServerCodec
