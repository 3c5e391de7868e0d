#pragma once

#include "servermessage.h"

#include <QByteArray>

namespace Peephole {

/// Incremental HTTP/1.1 request parser. Feed bytes as they arrive; take()
/// hands out one complete request at a time and keeps what follows it
/// (pipelined requests) for the next call.
class RequestParser
{
public:
    enum class Status { NeedMore, Complete, Error };

    /// Bodies longer than @p maxBody are counted but only their first maxBody bytes are kept.
    explicit RequestParser(qint64 maxBody = 64 * 1024 * 1024);

    /// Appends received bytes to the internal buffer.
    void feed(const QByteArray &data) { m_buffer += data; }
    /// Parses as far as possible. Complete: @p out holds a request; Error: see errorString().
    Status take(ServerRequest &out);
    /// True once the head of the request being parsed is complete (before its body).
    bool headComplete() const { return m_state != State::Head; }
    /// The head of the request being parsed (valid when headComplete()).
    const ServerRequest &current() const { return m_req; }
    QByteArray errorString() const { return m_error; }
    bool hasBufferedData() const { return !m_buffer.isEmpty(); }

private:
    enum class State { Head, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers };

    bool parseHead(const QByteArray &head);
    void appendBody(QByteArrayView data);
    Status fail(const QByteArray &message);

    qint64 m_maxBody;
    QByteArray m_buffer;
    ServerRequest m_req;
    State m_state = State::Head;
    qint64 m_remaining = 0;
    QByteArray m_error;
};

} // namespace Peephole
