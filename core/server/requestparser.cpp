#include "requestparser.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr qsizetype MaxHeadSize = 64 * 1024;

bool containsChunked(const QList<QByteArray> &transferEncodings)
{
    for (const QByteArray &value : transferEncodings) {
        const QList<QByteArray> codings = value.split(',');
        for (const QByteArray &coding : codings) {
            if (coding.trimmed().compare("chunked", Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}
} // namespace

RequestParser::RequestParser(qint64 maxBody) : m_maxBody(maxBody) {}

RequestParser::Status RequestParser::fail(const QByteArray &message)
{
    m_error = message;
    return Status::Error;
}

void RequestParser::appendBody(QByteArrayView data)
{
    const qint64 room = m_maxBody - m_req.body.size();
    if (room > 0)
        m_req.body.append(data.first(qMin<qint64>(room, data.size())));
    m_req.bodySize += data.size();
}

bool RequestParser::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    // lines: request line, fields..., "" (from the final CRLF CRLF)
    QByteArray requestLine = lines.value(0);
    requestLine.chop(requestLine.endsWith('\r') ? 1 : 0);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
        m_error = "Malformed request line: expected 'METHOD target HTTP/1.1', got '" + requestLine + "'";
        return false;
    }
    if (!parts[2].startsWith("HTTP/1.")) {
        m_error = "Unsupported HTTP version '" + parts[2] + "' (only HTTP/1.x is served)";
        return false;
    }
    m_req.method = parts[0];
    m_req.target = parts[1];
    m_req.version = parts[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !Headers::isValidName(line.first(colon))) {
            m_error = "Malformed header line " + QByteArray::number(i) + ": '" + line + "'";
            return false;
        }
        m_req.headers.append(HeaderField{line.first(colon), line.mid(colon + 1).trimmed(), true});
    }

    QByteArray pathAndQuery = m_req.target;
    if (m_req.target.startsWith("http://") || m_req.target.startsWith("https://")) {
        const QUrl url = QUrl::fromEncoded(m_req.target);
        m_req.absoluteForm = true;
        pathAndQuery = url.path(QUrl::FullyEncoded).toUtf8();
        if (pathAndQuery.isEmpty())
            pathAndQuery = "/"_ba;
        if (url.hasQuery())
            pathAndQuery += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    }
    const qsizetype q = pathAndQuery.indexOf('?');
    m_req.path = q < 0 ? pathAndQuery : pathAndQuery.first(q);
    m_req.query = q < 0 ? QByteArray() : pathAndQuery.mid(q + 1);
    return true;
}

RequestParser::Status RequestParser::take(ServerRequest &out)
{
    for (;;) {
        switch (m_state) {
        case State::Head: {
            while (m_buffer.startsWith("\r\n"))
                m_buffer.remove(0, 2);
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > MaxHeadSize)
                    return fail("Request head larger than 64 KiB"_ba);
                return Status::NeedMore;
            }
            m_req = ServerRequest{};
            m_req.rawHead = m_buffer.first(end + 4);
            m_buffer.remove(0, end + 4);
            if (!parseHead(m_req.rawHead))
                return Status::Error;
            if (containsChunked(Headers::values(m_req.headers, "Transfer-Encoding"))) {
                m_req.chunked = true;
                m_state = State::ChunkSize;
            } else if (Headers::contains(m_req.headers, "Content-Length")) {
                bool ok = false;
                m_remaining = Headers::value(m_req.headers, "Content-Length").toLongLong(&ok);
                if (!ok || m_remaining < 0)
                    return fail("Invalid Content-Length '" + Headers::value(m_req.headers, "Content-Length") +
                                "'");
                m_state = State::FixedBody;
            } else {
                m_remaining = 0;
                m_state = State::FixedBody;
            }
            break;
        }
        case State::FixedBody: {
            const qint64 n = qMin<qint64>(m_remaining, m_buffer.size());
            appendBody(QByteArrayView(m_buffer).first(n));
            m_buffer.remove(0, n);
            m_remaining -= n;
            if (m_remaining > 0)
                return Status::NeedMore;
            out = std::move(m_req);
            m_req = ServerRequest{};
            m_state = State::Head;
            return Status::Complete;
        }
        case State::ChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0)
                return m_buffer.size() > 1024 ? fail("Chunk size line too long"_ba) : Status::NeedMore;
            QByteArray sizeLine = m_buffer.first(eol);
            m_buffer.remove(0, eol + 2);
            const qsizetype semi = sizeLine.indexOf(';'); // chunk extensions are ignored
            if (semi >= 0)
                sizeLine.truncate(semi);
            bool ok = false;
            m_remaining = sizeLine.trimmed().toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                return fail("Invalid chunk size line '" + sizeLine + "'");
            m_state = m_remaining == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 n = qMin<qint64>(m_remaining, m_buffer.size());
            appendBody(QByteArrayView(m_buffer).first(n));
            m_buffer.remove(0, n);
            m_remaining -= n;
            if (m_remaining > 0)
                return Status::NeedMore;
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
            if (m_buffer.size() < 2)
                return Status::NeedMore;
            if (!m_buffer.startsWith("\r\n"))
                return fail("Chunk data not followed by CRLF"_ba);
            m_buffer.remove(0, 2);
            m_state = State::ChunkSize;
            break;
        case State::Trailers: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0)
                return Status::NeedMore;
            const QByteArray line = m_buffer.first(eol);
            m_buffer.remove(0, eol + 2);
            if (!line.isEmpty()) {
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    return fail("Malformed trailer line '" + line + "'");
                m_req.trailers.append(HeaderField{line.first(colon), line.mid(colon + 1).trimmed(), true});
                break;
            }
            out = std::move(m_req);
            m_req = ServerRequest{};
            m_state = State::Head;
            return Status::Complete;
        }
        }
    }
}

} // namespace Peephole
