#include "http/contentdecoder.h"

#include <QCoreApplication>

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

namespace Peephole {

namespace {
constexpr size_t PieceSize = 64 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ContentDecoder", text);
}
} // namespace

/// One decoding library behind a common interface.
struct ContentDecoder::Backend
{
    virtual ~Backend() = default;
    /// Decodes @p size bytes; pieces go to @p sink. Returns false with @p error on corrupt data,
    /// or with an empty @p error when the sink stopped.
    virtual bool feed(const char *data, size_t size, const Sink &sink, QString *error) = 0;
};

namespace {

class ZlibBackend : public ContentDecoder::Backend
{
public:
    explicit ZlibBackend(int windowBits) : m_ok(inflateInit2(&m_s, windowBits) == Z_OK) {}
    ~ZlibBackend() override { inflateEnd(&m_s); }
    bool started() const { return m_ok; }

    bool feed(const char *data, size_t size, const ContentDecoder::Sink &sink, QString *error) override
    {
        if (m_ended || size == 0)
            return true;
        // Until the wrapper is known to be right, keep what came: a raw retry starts from byte 0
        // even when the body arrived in pieces (found by tests/fuzz/fuzz_decoder).
        const bool undecided = !m_raw && m_s.total_out == 0 && m_s.total_in <= 2;
        if (undecided)
            m_head.append(data, qsizetype(size));
        else
            m_head.clear();
        m_s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        m_s.avail_in = uInt(size);
        char buffer[PieceSize];
        while (m_s.avail_in > 0) {
            m_s.next_out = reinterpret_cast<Bytef *>(buffer);
            m_s.avail_out = sizeof buffer;
            const int rc = inflate(&m_s, Z_NO_FLUSH);
            if (rc == Z_DATA_ERROR && m_s.total_out == 0 && m_s.total_in <= 2 && !m_raw && undecided) {
                // A "deflate" body sent raw (without the zlib wrapper), as some servers do.
                inflateEnd(&m_s);
                inflateInit2(&m_s, -15);
                m_raw = true;
                m_retry = m_head;
                m_head.clear();
                m_s.next_in = reinterpret_cast<Bytef *>(m_retry.data());
                m_s.avail_in = uInt(m_retry.size());
                continue;
            }
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
                *error = tr("The compressed body is corrupt (zlib: %1).")
                             .arg(QString::fromLatin1(m_s.msg ? m_s.msg : "error"));
                return false;
            }
            const qint64 produced = qint64(sizeof buffer - m_s.avail_out);
            if (produced > 0 && !sink(buffer, produced))
                return false;
            if (rc == Z_STREAM_END) {
                m_ended = true;
                break;
            }
            if (rc == Z_BUF_ERROR)
                break;
        }
        return true;
    }

private:
    z_stream m_s{};
    QByteArray m_head;  ///< The input so far while the first two bytes may still be read as raw deflate.
    QByteArray m_retry; ///< That input, replayed raw (kept alive while inflate() reads it).
    bool m_ok = false;
    bool m_ended = false;
    bool m_raw = false;
};

class BrotliBackend : public ContentDecoder::Backend
{
public:
    BrotliBackend() : m_state(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr)) {}
    ~BrotliBackend() override { BrotliDecoderDestroyInstance(m_state); }
    bool started() const { return m_state != nullptr; }

    bool feed(const char *data, size_t size, const ContentDecoder::Sink &sink, QString *error) override
    {
        size_t availIn = size;
        auto *nextIn = reinterpret_cast<const uint8_t *>(data);
        uint8_t buffer[PieceSize];
        while (!m_ended) {
            size_t availOut = sizeof buffer;
            uint8_t *nextOut = buffer;
            const BrotliDecoderResult rc =
                BrotliDecoderDecompressStream(m_state, &availIn, &nextIn, &availOut, &nextOut, nullptr);
            if (rc == BROTLI_DECODER_RESULT_ERROR) {
                *error = tr("The compressed body is corrupt (brotli: %1).")
                             .arg(QString::fromLatin1(
                                 BrotliDecoderErrorString(BrotliDecoderGetErrorCode(m_state))));
                return false;
            }
            const qint64 produced = qint64(sizeof buffer - availOut);
            if (produced > 0 && !sink(reinterpret_cast<const char *>(buffer), produced))
                return false;
            if (rc == BROTLI_DECODER_RESULT_SUCCESS)
                m_ended = true;
            else if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
                break;
        }
        return true;
    }

private:
    BrotliDecoderState *m_state;
    bool m_ended = false;
};

class ZstdBackend : public ContentDecoder::Backend
{
public:
    ZstdBackend() : m_stream(ZSTD_createDStream())
    {
        // RFC 8878 §3.1.1.1.2: HTTP clients should accept windows of at least 8 MiB; a larger
        // window would let a server make the decoder allocate what it likes.
        if (m_stream)
            ZSTD_DCtx_setParameter(m_stream, ZSTD_d_windowLogMax, 23);
    }
    ~ZstdBackend() override { ZSTD_freeDStream(m_stream); }
    bool started() const { return m_stream != nullptr; }

    bool feed(const char *data, size_t size, const ContentDecoder::Sink &sink, QString *error) override
    {
        ZSTD_inBuffer in{data, size, 0};
        char buffer[PieceSize];
        for (;;) {
            ZSTD_outBuffer out{buffer, sizeof buffer, 0};
            const size_t rc = ZSTD_decompressStream(m_stream, &out, &in);
            if (ZSTD_isError(rc)) {
                *error = tr("The compressed body is corrupt (zstd: %1).")
                             .arg(QString::fromLatin1(ZSTD_getErrorName(rc)));
                return false;
            }
            if (out.pos > 0 && !sink(buffer, qint64(out.pos)))
                return false;
            // Done with this input once it is consumed and the output buffer was not filled.
            if (in.pos == in.size && out.pos < out.size)
                break;
        }
        return true;
    }

private:
    ZSTD_DStream *m_stream;
};

} // namespace

QByteArray defaultAcceptEncoding()
{
    return "gzip, deflate, br, zstd";
}

ContentDecoder::ContentDecoder(const QByteArray &contentEncoding)
{
    const QByteArray coding = contentEncoding.trimmed().toLower();
    if (coding.isEmpty() || coding == "identity")
        return;
    bool started = false;
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
        // deflate is zlib-wrapped as the RFC says; 15 + 32 auto-detects gzip too.
        auto z = std::make_unique<ZlibBackend>(coding == "deflate" ? 15 + 32 : 15 + 16);
        started = z->started();
        m_backend = std::move(z);
    } else if (coding == "br") {
        auto b = std::make_unique<BrotliBackend>();
        started = b->started();
        m_backend = std::move(b);
    } else if (coding == "zstd") {
        auto z = std::make_unique<ZstdBackend>();
        started = z->started();
        m_backend = std::move(z);
    } else {
        m_unknown = true;
        return;
    }
    if (!started) {
        m_error = tr("Cannot start the %1 decoder.").arg(QString::fromLatin1(coding));
        m_backend.reset();
    }
}

ContentDecoder::~ContentDecoder() = default;

bool ContentDecoder::feed(const char *data, qint64 size, const Sink &sink)
{
    if (!m_backend)
        return size <= 0 || sink(data, size);
    if (size <= 0)
        return true;
    return m_backend->feed(data, size_t(size), sink, &m_error);
}

bool ContentDecoder::feed(const char *data, qint64 size, QByteArray *out)
{
    out->clear();
    return feed(data, size, [out](const char *piece, qint64 n) {
        out->append(piece, n);
        return true;
    });
}

} // namespace Peephole
