#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Peephole {

/// One event dispatched by an SseParser (WHATWG HTML, "Server-sent events", 9.2.6).
struct SseEvent
{
    QString type;        ///< The `event` field, "message" when none was given.
    QString data;        ///< The `data` lines joined with "\n".
    QString lastEventId; ///< The last event ID in force when the event was dispatched.
};

/// An incremental `text/event-stream` parser to the WHATWG specification:
/// CR, LF and CRLF line ends (also split across reads), one leading UTF-8 BOM
/// skipped, comments ignored, `data` lines joined, `event`, `id` (ignored when
/// it holds a NUL) and `retry` (ASCII digits only); invalid UTF-8 becomes
/// U+FFFD. An event still open when the stream ends is not dispatched.
///
/// Memory is bounded: a line or an event's data over maxEventBytes() fails
/// the parser with a clear error instead of growing without limit.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    explicit SseParser(qsizetype maxEventBytes = DefaultMaxEventBytes);

    /// Parses @p size more bytes of the stream, appending the events they complete to @p events.
    /// Returns false once the parser has failed (see errorString()); later calls do nothing.
    bool feed(const char *data, qsizetype size, QList<SseEvent> *events);
    bool feed(const QByteArray &bytes, QList<SseEvent> *events)
    {
        return feed(bytes.constData(), bytes.size(), events);
    }

    bool hasFailed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    /// The reconnection time the stream asked for with `retry`, in ms; -1 when it did not.
    qint64 retryMs() const { return m_retryMs; }
    /// The last event ID buffer (what a reconnect sends as Last-Event-ID).
    QString lastEventId() const { return m_lastEventId; }
    /// Bytes of the line not yet ended: non-zero at the end of the stream means an event was cut.
    qsizetype pendingBytes() const { return m_line.size() + m_data.size(); }
    /// True when the stream ended inside an event (a line or data not yet dispatched).
    bool hasOpenEvent() const { return !m_line.isEmpty() || m_dataSeen || !m_type.isEmpty(); }
    qsizetype maxEventBytes() const { return m_max; }
    /// Bytes consumed so far.
    qint64 bytesParsed() const { return m_parsed; }

private:
    bool line(const char *data, qsizetype size, QList<SseEvent> *events);
    bool fail(const QString &message);

    qsizetype m_max;
    QByteArray m_line;     ///< The current line, not yet ended.
    QByteArray m_data;     ///< The data buffer, UTF-8, each line followed by LF.
    QByteArray m_type;     ///< The event type buffer, UTF-8.
    QString m_lastEventId; ///< The last event ID buffer.
    bool m_dataSeen = false;
    bool m_afterCr = false; ///< The previous byte was a CR: an LF now ends nothing.
    int m_bomMatched = 0;   ///< Leading bytes that matched the BOM so far.
    bool m_bomDone = false; ///< The start of the stream has been decided (BOM skipped or absent).
    qint64 m_retryMs = -1;
    qint64 m_parsed = 0;
    QString m_error;
};

} // namespace Peephole
