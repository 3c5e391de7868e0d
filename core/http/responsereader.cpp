#include "http/responsereader.h"

#include "http/contentdecoder.h"

#include "http/hopreply.h"
#include <QCoreApplication>

#include <limits>

namespace Peephole {

namespace {
constexpr qint64 ReadChunk = 512 * 1024;
constexpr qint64 DefaultMaxDecoded = qint64(1) << 30; ///< 1 GiB
constexpr qint64 BombGuardFrom = qint64(64) << 20;    ///< the ratio guard looks only past 64 MiB
constexpr int BombRatio = 400;                        ///< deflate tops out near 1032:1, text at ~20:1
constexpr qint64 DecodeSlice =
    8 * 1024; ///< input fed to a decoder at a time, so the ratio is measured finely

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ResponseReader", text);
}
} // namespace

ResponseReader::ResponseReader() = default;
ResponseReader::~ResponseReader() = default;

void ResponseReader::reset()
{
    m_contentLength = -1;
    m_wireBytes = 0;
    m_decoder.reset();
    m_tap = nullptr;
}

void ResponseReader::readHead(const HopReply &reply, Exchange &e)
{
    e.statusCode = reply.statusCode();
    e.reasonPhrase = reply.reasonPhrase();
    e.httpVersion = reply.httpVersion();
    if (e.httpVersion == "HTTP/2")
        Headers::remove(e.requestHeaders, "Connection");
    e.responseHeaders = reply.responseHeaders();
    if (const qint64 exact = reply.headSize(); exact >= 0) {
        e.wireHeaderSize = exact;
    } else {
        qint64 headSize = e.httpVersion.size() + 7 + e.reasonPhrase.size();
        for (const HeaderField &h : std::as_const(e.responseHeaders))
            headSize += h.name.size() + h.value.size() + 4;
        e.wireHeaderSize = headSize + 2;
    }
    bool ok = false;
    m_contentLength = Headers::value(e.responseHeaders, "Content-Length").toLongLong(&ok);
    if (!ok)
        m_contentLength = -1;
    const QList<QByteArray> setCookies = Headers::values(e.responseHeaders, "Set-Cookie");
    for (const QByteArray &line : setCookies)
        e.cookiesSet.edit() += QNetworkCookie::parseCookies(line);
}

QString ResponseReader::startBody(const Exchange &e)
{
    const QByteArray coding = Headers::value(e.responseHeaders, "Content-Encoding");
    m_decoder = std::make_unique<ContentDecoder>(coding);
    if (!m_decoder->passesThroughUnknownCoding())
        return {};
    return QCoreApplication::translate("Peephole::ResponseReader",
                                       "The body is kept as received: Peephole does not decode "
                                       "Content-Encoding \"%1\".")
        .arg(QString::fromLatin1(coding));
}

bool ResponseReader::readBody(HopReply &reply, Exchange &e)
{
    // The caps apply to what a decoder produces; an identity body is as large as what was sent.
    const bool decoding = m_decoder && m_decoder->decodes();
    const bool guard = decoding && m_maxDecoded <= 0;
    const qint64 cap = !decoding ? std::numeric_limits<qint64>::max()
                       : guard   ? DefaultMaxDecoded
                                 : m_maxDecoded;
    QString stopped;
    // Each decoded piece (at most 64 KiB) goes straight into the body store, which spills to
    // disk: a small input that decodes to gigabytes never sits in memory.
    const ContentDecoder::Sink store = [&](const char *data, qint64 size) {
        if (e.decodedBodySize + size > cap) {
            stopped = tr("The decoded body passed %1 MiB (%2 MiB received on the wire) and was stopped. "
                         "Raise the limit with --max-decoded-size if you trust this server.")
                          .arg(cap >> 20)
                          .arg(QString::number(m_wireBytes / 1048576.0, 'f', 1));
            return false;
        }
        if (guard && e.decodedBodySize > BombGuardFrom && e.decodedBodySize > BombRatio * m_wireBytes) {
            stopped = tr("The body decodes to more than %1 times its size on the wire (%2 MiB from %3 KiB): "
                         "stopped as a possible decompression bomb. Use --max-decoded-size to accept it.")
                          .arg(BombRatio)
                          .arg(e.decodedBodySize >> 20)
                          .arg(m_wireBytes >> 10);
            return false;
        }
        if (!e.responseBody->append(data, size)) {
            e.error = {ExchangeError::Kind::Output, e.responseBody->errorString()};
            return false;
        }
        e.decodedBodySize += size;
        if (m_tap && !m_tap(data, size))
            return false; // the tap set e.error
        return true;
    };
    while (reply.bytesAvailable() > 0) {
        const QByteArray buffer = reply.read(ReadChunk);
        if (buffer.isEmpty())
            break;
        bool ok = true;
        if (!decoding) {
            m_wireBytes += buffer.size();
            ok = store(buffer.constData(), buffer.size());
        }
        for (qint64 at = 0; decoding && ok && at < buffer.size(); at += DecodeSlice) {
            const qint64 n = qMin(DecodeSlice, buffer.size() - at);
            m_wireBytes += n;
            ok = m_decoder->feed(buffer.constData() + at, n, store);
        }
        if (ok)
            continue;
        if (!stopped.isEmpty())
            e.error = {ExchangeError::Kind::BodyTooLarge, stopped};
        else if (!e.error.isError())
            e.error = {ExchangeError::Kind::MalformedResponse, m_decoder->errorString()};
        return false;
    }
    return true;
}

bool ResponseReader::cutShort(const QByteArray &method, int status) const
{
    return m_contentLength >= 0 && m_wireBytes < m_contentLength && method != "HEAD" && status != 204 &&
           status != 304;
}

} // namespace Peephole
