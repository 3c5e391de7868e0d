#include "http/responsereader.h"

#include "http/contentdecoder.h"

#include "http/hopreply.h"
#include <QCoreApplication>

namespace Peephole {

namespace {
constexpr qint64 ReadChunk = 512 * 1024;
}

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
    QByteArray decoded;
    while (reply.bytesAvailable() > 0) {
        const QByteArray buffer = reply.read(ReadChunk);
        if (buffer.isEmpty())
            break;
        m_wireBytes += buffer.size();
        const char *data = buffer.constData();
        qint64 size = buffer.size();
        if (m_decoder && m_decoder->decodes()) {
            if (!m_decoder->feed(data, size, &decoded)) {
                e.error = {ExchangeError::Kind::MalformedResponse, m_decoder->errorString()};
                return false;
            }
            data = decoded.constData();
            size = decoded.size();
        }
        if (!e.responseBody->append(data, size)) {
            e.error = {ExchangeError::Kind::Output, e.responseBody->errorString()};
            return false;
        }
        e.decodedBodySize += size;
        if (m_tap && !m_tap(data, size))
            return false; // the tap set e.error
    }
    return true;
}

bool ResponseReader::cutShort(const QByteArray &method, int status) const
{
    return m_contentLength >= 0 && m_wireBytes < m_contentLength && method != "HEAD" && status != 204 &&
           status != 304;
}

} // namespace Peephole
