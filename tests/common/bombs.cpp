#include "bombs.h"

#include <brotli/encode.h>
#include <zlib.h>
#include <zstd.h>

namespace Peephole::Test {

namespace {
constexpr qint64 Piece = 1 << 20;

QByteArray zlibBomb(qint64 size, int windowBits)
{
    z_stream s{};
    deflateInit2(&s, 9, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY);
    const QByteArray zeros(Piece, '\0');
    QByteArray out;
    char buffer[64 * 1024];
    for (qint64 done = 0; done < size;) {
        const qint64 n = qMin(Piece, size - done);
        done += n;
        s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
        s.avail_in = uInt(n);
        const int flush = done >= size ? Z_FINISH : Z_NO_FLUSH;
        do {
            s.next_out = reinterpret_cast<Bytef *>(buffer);
            s.avail_out = sizeof buffer;
            deflate(&s, flush);
            out.append(buffer, qsizetype(sizeof buffer - s.avail_out));
        } while (s.avail_out == 0);
    }
    deflateEnd(&s);
    return out;
}

QByteArray brotliBomb(qint64 size)
{
    BrotliEncoderState *s = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
    BrotliEncoderSetParameter(s, BROTLI_PARAM_QUALITY, 5);
    const QByteArray zeros(Piece, '\0');
    QByteArray out;
    uint8_t buffer[64 * 1024];
    for (qint64 done = 0; done < size;) {
        const qint64 n = qMin(Piece, size - done);
        done += n;
        size_t availIn = size_t(n);
        const uint8_t *in = reinterpret_cast<const uint8_t *>(zeros.constData());
        const BrotliEncoderOperation op = done >= size ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_PROCESS;
        while (true) {
            size_t availOut = sizeof buffer;
            uint8_t *next = buffer;
            if (!BrotliEncoderCompressStream(s, op, &availIn, &in, &availOut, &next, nullptr))
                break;
            out.append(reinterpret_cast<const char *>(buffer), qsizetype(sizeof buffer - availOut));
            const bool finished =
                op == BROTLI_OPERATION_FINISH ? BrotliEncoderIsFinished(s) != 0 : availIn == 0;
            if (finished && !BrotliEncoderHasMoreOutput(s))
                break;
        }
    }
    BrotliEncoderDestroyInstance(s);
    return out;
}

QByteArray zstdBomb(qint64 size)
{
    ZSTD_CCtx *c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 3);
    // An 8 MiB window at most, as RFC 8878 asks of HTTP senders.
    ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, 23);
    const QByteArray zeros(Piece, '\0');
    QByteArray out;
    char buffer[64 * 1024];
    for (qint64 done = 0; done < size;) {
        const qint64 n = qMin(Piece, size - done);
        done += n;
        ZSTD_inBuffer in{zeros.constData(), size_t(n), 0};
        const ZSTD_EndDirective mode = done >= size ? ZSTD_e_end : ZSTD_e_continue;
        while (true) {
            ZSTD_outBuffer o{buffer, sizeof buffer, 0};
            const size_t left = ZSTD_compressStream2(c, &o, &in, mode);
            out.append(buffer, qsizetype(o.pos));
            if (ZSTD_isError(left))
                break;
            if (mode == ZSTD_e_end ? left == 0 : in.pos == in.size)
                break;
        }
    }
    ZSTD_freeCCtx(c);
    return out;
}
} // namespace

QByteArray zeroBomb(const QByteArray &coding, qint64 decodedSize)
{
    if (coding == "gzip")
        return zlibBomb(decodedSize, 15 + 16);
    if (coding == "deflate")
        return zlibBomb(decodedSize, 15);
    if (coding == "br")
        return brotliBomb(decodedSize);
    if (coding == "zstd")
        return zstdBomb(decodedSize);
    return {};
}

} // namespace Peephole::Test
