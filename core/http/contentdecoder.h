#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace Peephole {

/// Streams a body through its Content-Encoding (gzip, x-gzip, deflate, br,
/// zstd), so that Peephole, not Qt, decodes: the response keeps the headers
/// exactly as received and the bytes on the wire can be counted. Output comes
/// out in pieces of at most 64 KiB, so a small input that decodes to gigabytes
/// never sits in memory whole. Unknown codings pass through unchanged.
class ContentDecoder
{
public:
    /// Receives each decoded piece; returns false to stop decoding (a cap was hit).
    using Sink = std::function<bool(const char *data, qint64 size)>;

    /// @p contentEncoding is the Content-Encoding field value; empty or
    /// "identity" gives a pass-through decoder.
    explicit ContentDecoder(const QByteArray &contentEncoding);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    /// True when the coding is one this decoder undoes.
    bool decodes() const { return m_backend != nullptr; }
    /// Decodes the next piece into @p sink; false on corrupt data (see
    /// errorString()) or when the sink stopped.
    bool feed(const char *data, qint64 size, const Sink &sink);
    /// The same, collecting the output (for callers that know it is small: tests, fuzzing).
    bool feed(const char *data, qint64 size, QByteArray *out);
    QString errorString() const { return m_error; }
    /// The coding could not be undone: the body is kept as received.
    bool passesThroughUnknownCoding() const { return m_unknown; }

    struct Backend;

private:
    std::unique_ptr<Backend> m_backend;
    bool m_unknown = false;
    QString m_error;
};

/// The Accept-Encoding Peephole sends when the user sets none (the codings ContentDecoder undoes).
QByteArray defaultAcceptEncoding();

} // namespace Peephole
