#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace Peephole {

/// One message of a stream: an SSE event, or a WebSocket message or control frame.
struct StreamMessage
{
    enum class Kind { SseEvent, Text, Binary, Ping, Pong, Close };
    enum class Direction : quint8 { Received, Sent };
    Kind kind = Kind::SseEvent;
    qint64 timeNs = -1; ///< When it arrived or was sent (Peephole::monotonicNs()).
    QString type;       ///< SSE: the event type ("message" by default).
    QString id;         ///< SSE: the last event ID in force.
    QByteArray data;    ///< SSE/Text: UTF-8 text; Binary/Ping/Pong: the payload; Close: the reason (UTF-8).
    Direction direction = Direction::Received;
    quint16 frames = 1; ///< WebSocket: the frames the message came in (fragmentation), at most 65535.
    int closeCode = -1; ///< WebSocket Close: the status code (1000 normal...), -1 when none was given.
};

/// The messages received on one exchange (one hop) whose response is a stream.
struct StreamRecord
{
    quint64 exchangeId = 0;
    QList<StreamMessage> messages; ///< The kept messages, oldest first.
    qint64 dropped = 0;            ///< Messages dropped from the front to stay under the caps.
    qint64 received = 0;           ///< Messages received in all (kept + dropped).
    qint64 keptBytes = 0;          ///< Data bytes of the kept messages.
    qint64 retryMs = -1;           ///< The reconnection time the stream asked for, -1 when none.
    QString lastEventId;           ///< What a reconnect sends as Last-Event-ID (empty: no header).
    bool open = true;
    QString endNote; ///< How it ended, when not cleanly ("cut inside an event", the parser's error...).
};

/// The stream records of a session, by exchange id. Each record keeps at most
/// maxMessages() messages and maxBytes() data bytes: older messages are dropped
/// (and counted) so a stream of any length costs bounded memory.
class StreamStore : public QObject
{
    Q_OBJECT
public:
    explicit StreamStore(QObject *parent = nullptr);

    void setCaps(qsizetype maxMessages, qint64 maxBytes);
    qsizetype maxMessages() const { return m_maxMessages; }
    qint64 maxBytes() const { return m_maxBytes; }

    const StreamRecord *find(quint64 exchangeId) const;
    QList<quint64> exchangeIds() const { return m_order; }

    void open(quint64 exchangeId);
    void append(quint64 exchangeId, StreamMessage message);
    /// The stream's reconnection time (-1: none given) and last event ID buffer.
    void setReconnectState(quint64 exchangeId, qint64 retryMs, const QString &lastEventId);
    void close(quint64 exchangeId, const QString &endNote = {});
    void clear();

Q_SIGNALS:
    void opened(quint64 exchangeId);
    /// A message arrived; @p received is its 1-based number in the stream (StreamRecord::received).
    void messageAdded(quint64 exchangeId, qint64 received);
    void closed(quint64 exchangeId);
    void cleared();

private:
    QHash<quint64, StreamRecord> m_records;
    QList<quint64> m_order;
    qsizetype m_maxMessages;
    qint64 m_maxBytes;
};

} // namespace Peephole
