#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace Peephole {

/// Streams a body through its Content-Encoding (gzip, x-gzip, deflate), so
/// that Peephole, not Qt, decodes: the response keeps the headers exactly as
/// received (Qt drops Content-Length when it decodes) and the bytes on the
/// wire can be counted. Unknown codings pass through unchanged.
class ContentDecoder
{
public:
    /// @p contentEncoding is the Content-Encoding field value; empty or
    /// "identity" gives a pass-through decoder.
    explicit ContentDecoder(const QByteArray &contentEncoding);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    /// True when the coding is one this decoder undoes.
    bool decodes() const { return m_decodes; }
    /// Decodes the next piece; false on corrupt data (see errorString()).
    bool feed(const char *data, qint64 size, QByteArray *out);
    QString errorString() const { return m_error; }
    /// The coding could not be undone (e.g. "br"): the body is kept as received.
    bool passesThroughUnknownCoding() const { return m_unknown; }

private:
    struct ZStream;
    std::unique_ptr<ZStream> m_z;
    bool m_decodes = false;
    bool m_unknown = false;
    bool m_ended = false;
    QString m_error;
};

/// The Accept-Encoding Peephole sends when the user sets none (the codings ContentDecoder undoes).
QByteArray defaultAcceptEncoding();

} // namespace Peephole
