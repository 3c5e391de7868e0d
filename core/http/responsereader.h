#pragma once

#include "http/exchange.h"

#include <functional>
#include <memory>

namespace Peephole {

class ContentDecoder;
class HopReply;

/// Reads one hop's response from its HopReply into its Exchange: the
/// head as received, then the body through its Content-Encoding into the
/// exchange's BodyStore, counting the bytes on the wire.
class ResponseReader
{
public:
    ResponseReader();
    ~ResponseReader();
    ResponseReader(const ResponseReader &) = delete;
    ResponseReader &operator=(const ResponseReader &) = delete;

    /// Forgets the previous hop.
    void reset();
    /// The cap on the decoded body (RequestOptions::maxDecodedSize; 0: the default with the bomb guard).
    void setMaxDecodedSize(qint64 bytes) { m_maxDecoded = bytes; }
    /// Status line, header fields (wire order and case) and the cookies set.
    void readHead(const HopReply &reply, Exchange &exchange);
    /// Chooses the body decoder; returns a note for the exchange when the coding is kept as received.
    QString startBody(const Exchange &exchange);
    /// Drains what the reply has into exchange.responseBody. False, with exchange.error set, when the
    /// body cannot be decoded or stored.
    bool readBody(HopReply &reply, Exchange &exchange);

    /// Called with each piece of the decoded body once it is stored (the SSE parser listens here).
    void setTap(std::function<bool(const char *data, qint64 size)> tap) { m_tap = std::move(tap); }

    qint64 wireBytes() const { return m_wireBytes; }
    qint64 contentLength() const { return m_contentLength; }
    /// The body ended before Content-Length bytes arrived (Qt does not always say so).
    bool cutShort(const QByteArray &method, int status) const;

private:
    qint64 m_contentLength = -1;
    qint64 m_wireBytes = 0;
    qint64 m_maxDecoded = 0;
    std::unique_ptr<ContentDecoder> m_decoder;
    std::function<bool(const char *, qint64)> m_tap;
};

} // namespace Peephole
