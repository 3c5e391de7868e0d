#include "wire/responseparser.h"

#include "http/framing.h"

#include <QCoreApplication>

namespace Peephole {

namespace {
constexpr qsizetype MaxChunkLine = 64 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ResponseParser", text);
}

/// The tokens of every field named @p name, lower-cased (Connection, Transfer-Encoding).
QList<QByteArray> tokens(const HeaderList &headers, QByteArrayView name)
{
    QList<QByteArray> out;
    for (const QByteArray &value : Headers::values(headers, name)) {
        for (const QByteArray &token : value.split(',')) {
            if (const QByteArray t = token.trimmed().toLower(); !t.isEmpty())
                out.append(t);
        }
    }
    return out;
}

QByteArray shown(const QByteArray &line)
{
    return line.size() > 80 ? line.left(80) + "…" : line;
}
} // namespace

void ResponseParser::reset(const QByteArray &method)
{
    *this = ResponseParser{};
    m_method = method;
}

void ResponseParser::fail(const QString &message)
{
    m_state = State::Failed;
    m_error = message;
}

bool ResponseParser::takeLine(const char *data, qsizetype size, qsizetype *used, QByteArray *line)
{
    const qsizetype limit = m_state == State::Head ? MaxHeadSize : MaxChunkLine;
    const char *end = static_cast<const char *>(memchr(data, '\n', size_t(size)));
    const qsizetype take = end ? qsizetype(end - data) + 1 : size;
    *used = take;
    if (m_state == State::Head)
        m_headBytes += take;
    if (m_line.size() + take > limit || m_headBytes > MaxHeadSize) {
        fail(m_state == State::Head ? tr("the response head is larger than 1 MiB")
                                    : tr("a chunk-size line is longer than 64 KiB"));
        return false;
    }
    if (!end) {
        m_line.append(data, take);
        return false;
    }
    if (m_line.isEmpty()) {
        *line = QByteArray(data, take - 1);
    } else {
        m_line.append(data, take - 1);
        *line = std::exchange(m_line, {});
    }
    if (line->endsWith('\r'))
        line->chop(1);
    return true;
}

qsizetype ResponseParser::feed(const char *data, qsizetype size, QByteArray *body)
{
    qsizetype used = 0;
    while (used < size && (m_state == State::Head || m_state == State::Body)) {
        if (m_state == State::Head) {
            qsizetype n = 0;
            QByteArray line;
            const bool complete = takeLine(data + used, size - used, &n, &line);
            used += n;
            if (complete)
                headLine(line);
            continue;
        }
        switch (m_framing) {
        case Framing::Length:
            used += takeCounted(data + used, size - used, body);
            if (m_remaining == 0)
                m_state = State::Done;
            break;
        case Framing::Close:
            body->append(data + used, size - used);
            used = size;
            break;
        case Framing::Chunked:
            used += feedChunked(data + used, size - used, body);
            break;
        case Framing::None:
            m_state = State::Done;
            break;
        }
    }
    return used;
}

bool ResponseParser::headLine(const QByteArray &line)
{
    if (m_status == 0) {
        if (line.isEmpty() && m_headBytes <= 2)
            return true; // a stray empty line before the status line
        // HTTP-version SP status-code SP [reason-phrase]
        const bool versionOk = line.size() >= 12 && line.startsWith("HTTP/1.") && line.at(8) == ' ';
        bool codeOk = false;
        const int code = versionOk ? line.mid(9, 3).toInt(&codeOk) : 0;
        if (!versionOk || !codeOk || code < 100 || code > 999 || (line.size() > 12 && line.at(12) != ' ')) {
            fail(tr("the status line \"%1\" is not HTTP/1.x").arg(QString::fromLatin1(shown(line))));
            return false;
        }
        m_version = line.left(8);
        m_status = code;
        m_reason = line.mid(13);
        return true;
    }
    if (line.isEmpty()) {
        if (m_status >= 100 && m_status < 200 && m_status != 101) {
            // An interim response (100 Continue, 103 Early Hints): the final one follows.
            m_status = 0;
            m_headers.clear();
            m_headBytes = 0;
            return true;
        }
        m_headSize = m_headBytes;
        return startBody();
    }
    if (line.front() == ' ' || line.front() == '\t') {
        // obs-fold (RFC 9112 §5.2): a user agent may replace it with a space.
        if (m_headers.isEmpty()) {
            fail(tr("the first field line starts with white space"));
            return false;
        }
        m_headers.last().value += ' ' + line.trimmed();
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
    if (!Headers::isValidName(name)) {
        fail(tr("the field line \"%1\" is not \"Name: value\"").arg(QString::fromLatin1(shown(line))));
        return false;
    }
    if (m_headers.size() >= ::Peephole::Framing::MaxHeaderFields) {
        fail(::Peephole::Framing::tooManyFields());
        return false;
    }
    m_headers.append({name, line.mid(colon + 1).trimmed(), true});
    return true;
}

bool ResponseParser::startBody()
{
    const QList<QByteArray> connection = tokens(m_headers, "Connection");
    m_keepAlive = m_version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    m_state = State::Body;
    const bool noBody = m_method == "HEAD" || m_status < 200 || m_status == 204 || m_status == 304;
    if (noBody) {
        m_framing = Framing::None;
        m_state = State::Done;
        if (m_status == 101)
            m_keepAlive = false;
        return true;
    }
    // The same checks and words as for a head read by Qt's stack (core/http/framing).
    const ::Peephole::Framing::Verdict verdict = ::Peephole::Framing::check(m_headers);
    if (!verdict.error.isEmpty()) {
        fail(verdict.error);
        return false;
    }
    if (Headers::contains(m_headers, "Transfer-Encoding")) {
        if (!verdict.note.isEmpty())
            m_keepAlive = false; // RFC 9112 §6.3: framing was ambiguous, do not reuse
        m_framing = verdict.chunked ? Framing::Chunked : Framing::Close;
        if (m_framing == Framing::Close)
            m_keepAlive = false;
        return true;
    }
    if (verdict.contentLength < 0) {
        m_framing = Framing::Close;
        m_keepAlive = false;
        return true;
    }
    const qint64 length = verdict.contentLength;
    m_framing = Framing::Length;
    m_remaining = length;
    if (length == 0)
        m_state = State::Done;
    return true;
}

qsizetype ResponseParser::takeCounted(const char *data, qsizetype size, QByteArray *body)
{
    const qsizetype take = qsizetype(std::min<qint64>(m_remaining, size));
    body->append(data, take);
    m_remaining -= take;
    return take;
}

qsizetype ResponseParser::feedChunked(const char *data, qsizetype size, QByteArray *body)
{
    qsizetype used = 0;
    while (used < size && m_state == State::Body) {
        if (m_chunk == ChunkState::Data) {
            used += takeCounted(data + used, size - used, body);
            if (m_remaining == 0)
                m_chunk = ChunkState::DataEnd;
            continue;
        }
        qsizetype n = 0;
        QByteArray line;
        const bool complete = takeLine(data + used, size - used, &n, &line);
        used += n;
        if (!complete)
            continue;
        switch (m_chunk) {
        case ChunkState::Size: {
            const qsizetype semicolon = line.indexOf(';');
            const QByteArray hex = (semicolon >= 0 ? line.left(semicolon) : line).trimmed();
            bool ok = false;
            const qint64 chunkSize = hex.toLongLong(&ok, 16);
            if (!ok || chunkSize < 0 || hex.startsWith('+') || hex.startsWith('-') || hex.size() > 15) {
                fail(tr("the chunk-size line \"%1\" is not a hexadecimal size")
                         .arg(QString::fromLatin1(shown(line))));
                return used;
            }
            m_remaining = chunkSize;
            m_chunk = chunkSize == 0 ? ChunkState::Trailer : ChunkState::Data;
            break;
        }
        case ChunkState::DataEnd:
            if (!line.isEmpty()) {
                fail(tr("a chunk is longer than its size says"));
                return used;
            }
            m_chunk = ChunkState::Size;
            break;
        case ChunkState::Trailer:
            if (line.isEmpty())
                m_state = State::Done; // trailer fields, if any, were skipped
            break;
        case ChunkState::Data:
            break;
        }
    }
    return used;
}

void ResponseParser::skipBody(qsizetype size)
{
    if (m_framing != Framing::Length)
        return;
    m_remaining -= size;
    if (m_remaining == 0)
        m_state = State::Done;
}

void ResponseParser::closed()
{
    if (m_state == State::Body && m_framing == Framing::Close) {
        m_state = State::Done;
        return;
    }
    if (m_state == State::Head || m_state == State::Body)
        fail(tr("the connection closed before the response was complete"));
}

} // namespace Peephole
