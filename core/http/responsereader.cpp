#include "http/responsereader.h"

#include "http/contentdecoder.h"

#include <QCoreApplication>
#include <QNetworkReply>

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
}

void ResponseReader::readHead(const QNetworkReply &reply, Exchange &e)
{
    e.statusCode = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    e.reasonPhrase = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    const bool h2 = reply.attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    e.httpVersion = h2 ? "HTTP/2" : "HTTP/1.1";
    if (h2)
        Headers::remove(e.requestHeaders, "Connection");

    e.responseHeaders.clear();
    qint64 headSize = e.httpVersion.size() + 7 + e.reasonPhrase.size();
    for (const auto &[name, value] : reply.rawHeaderPairs()) {
        // Qt joins repeated Set-Cookie fields with newlines: give each its own line again.
        const QList<QByteArray> parts = name.compare("set-cookie", Qt::CaseInsensitive) == 0
                                            ? value.split('\n')
                                            : QList<QByteArray>{value};
        for (const QByteArray &part : parts) {
            e.responseHeaders.append({name, part, true});
            headSize += name.size() + part.size() + 4;
        }
    }
    e.wireHeaderSize = headSize + 2;
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

bool ResponseReader::readBody(QNetworkReply &reply, Exchange &e)
{
    QByteArray decoded;
    while (reply.bytesAvailable() > 0) {
        // read() hands over the reply's buffered blocks without copying them when it can.
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
    }
    return true;
}

bool ResponseReader::cutShort(const QByteArray &method, int status) const
{
    return m_contentLength >= 0 && m_wireBytes < m_contentLength && method != "HEAD" && status != 204 &&
           status != 304;
}

} // namespace Peephole
