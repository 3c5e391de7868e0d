#pragma once

#include "http/headers.h"

#include <QByteArray>
#include <QString>

namespace Peephole {

/// Reads one HTTP/1.1 response from the bytes of a connection, as they come
/// (RFC 9112): the status line and fields, interim 1xx responses skipped,
/// then the body framed by Content-Length, chunked coding or the close of
/// the connection. Body bytes come out with the transfer coding removed.
class ResponseParser
{
public:
    enum class State { Head, Body, Done, Failed };
    static constexpr qsizetype MaxHeadSize = 1024 * 1024;

    /// Prepares for the response to a request with @p method ("HEAD" has no body).
    void reset(const QByteArray &method);

    /// Consumes bytes; body bytes are appended to @p body. Returns how many
    /// bytes were used: fewer than @p size only once the response is done
    /// (the rest belongs to nobody) or failed.
    qsizetype feed(const char *data, qsizetype size, QByteArray *body);
    /// True when the next @p size bytes are all body bytes as they are (no chunk framing): the
    /// caller may then keep its buffer whole and call skipBody() instead of copying through feed().
    bool takesWholeAsBody(qsizetype size) const
    {
        return m_state == State::Body &&
               (m_framing == Framing::Close || (m_framing == Framing::Length && m_remaining >= size));
    }
    void skipBody(qsizetype size);
    /// The peer closed the connection: ends a body delimited by the close, else fails.
    void closed();

    State state() const { return m_state; }
    bool headComplete() const { return m_state == State::Body || m_state == State::Done; }
    bool isDone() const { return m_state == State::Done; }
    bool hasFailed() const { return m_state == State::Failed; }
    QString errorString() const { return m_error; }

    int statusCode() const { return m_status; }
    QByteArray version() const { return m_version; }
    QByteArray reasonPhrase() const { return m_reason; }
    const HeaderList &headers() const { return m_headers; }
    /// Bytes of the final response head, status line to the empty line.
    qint64 headSize() const { return m_headSize; }
    /// The connection can carry another request once this response is done.
    bool keepAlive() const { return m_keepAlive; }

private:
    enum class Framing { None, Length, Chunked, Close };
    enum class ChunkState { Size, Data, DataEnd, Trailer };

    bool takeLine(const char *data, qsizetype size, qsizetype *used, QByteArray *line);
    bool headLine(const QByteArray &line);
    bool startBody();
    /// Up to m_remaining body bytes (of the body or of the chunk) into @p body.
    qsizetype takeCounted(const char *data, qsizetype size, QByteArray *body);
    qsizetype feedChunked(const char *data, qsizetype size, QByteArray *body);
    void fail(const QString &message);

    State m_state = State::Head;
    QByteArray m_method;
    QByteArray m_line; ///< A line not complete yet.
    int m_status = 0;
    QByteArray m_version;
    QByteArray m_reason;
    HeaderList m_headers;
    qint64 m_headSize = 0;
    qint64 m_headBytes = 0; ///< Of the head being read (interim ones included), for the limit.
    bool m_keepAlive = true;
    Framing m_framing = Framing::None;
    qint64 m_remaining = 0; ///< Of the body (Length) or of the chunk (Chunked).
    ChunkState m_chunk = ChunkState::Size;
    QString m_error;
};

} // namespace Peephole
