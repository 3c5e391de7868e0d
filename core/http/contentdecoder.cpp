#include "http/contentdecoder.h"

#include <QCoreApplication>

#include <zlib.h>

namespace Peephole {

struct ContentDecoder::ZStream
{
    z_stream s{};
};

QByteArray defaultAcceptEncoding()
{
    return "gzip, deflate";
}

ContentDecoder::ContentDecoder(const QByteArray &contentEncoding)
{
    const QByteArray coding = contentEncoding.trimmed().toLower();
    if (coding.isEmpty() || coding == "identity")
        return;
    int windowBits = 0;
    if (coding == "gzip" || coding == "x-gzip")
        windowBits = 15 + 16;
    else if (coding == "deflate")
        windowBits = 15 + 32; // zlib-wrapped as the RFC says; auto-detects gzip too
    else {
        m_unknown = true;
        return;
    }
    m_z = std::make_unique<ZStream>();
    if (inflateInit2(&m_z->s, windowBits) != Z_OK) {
        m_error = QCoreApplication::translate("Peephole::ContentDecoder", "Cannot start the %1 decoder.")
                      .arg(QString::fromLatin1(coding));
        m_z.reset();
        return;
    }
    m_decodes = true;
}

ContentDecoder::~ContentDecoder()
{
    if (m_z)
        inflateEnd(&m_z->s);
}

bool ContentDecoder::feed(const char *data, qint64 size, QByteArray *out)
{
    out->clear();
    if (!m_decodes) {
        out->append(data, size);
        return true;
    }
    if (m_ended || size == 0)
        return true;
    z_stream &s = m_z->s;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    s.avail_in = uInt(size);
    char buffer[64 * 1024];
    while (s.avail_in > 0) {
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof buffer;
        int rc = inflate(&s, Z_NO_FLUSH);
        if (rc == Z_DATA_ERROR && s.total_out == 0 && s.total_in <= 2) {
            // A "deflate" body sent raw (without the zlib wrapper), as some servers do.
            inflateEnd(&s);
            inflateInit2(&s, -15);
            s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
            s.avail_in = uInt(size);
            continue;
        }
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            m_error = QCoreApplication::translate("Peephole::ContentDecoder",
                                                  "The compressed body is corrupt (zlib: %1).")
                          .arg(QString::fromLatin1(s.msg ? s.msg : "error"));
            return false;
        }
        out->append(buffer, qsizetype(sizeof buffer - s.avail_out));
        if (rc == Z_STREAM_END) {
            m_ended = true;
            break;
        }
        if (rc == Z_BUF_ERROR)
            break;
    }
    return true;
}

} // namespace Peephole
