#include "stream/streamstore.h"

namespace Peephole {

namespace {
constexpr qsizetype DefaultMaxMessages = 1000000;
constexpr qint64 DefaultMaxBytes = 256LL * 1024 * 1024;
} // namespace

StreamStore::StreamStore(QObject *parent)
    : QObject(parent), m_maxMessages(DefaultMaxMessages), m_maxBytes(DefaultMaxBytes)
{
}

void StreamStore::setCaps(qsizetype maxMessages, qint64 maxBytes)
{
    m_maxMessages = qMax<qsizetype>(1, maxMessages);
    m_maxBytes = qMax<qint64>(1, maxBytes);
}

const StreamRecord *StreamStore::find(quint64 exchangeId) const
{
    const auto it = m_records.constFind(exchangeId);
    return it == m_records.constEnd() ? nullptr : &it.value();
}

void StreamStore::open(quint64 exchangeId)
{
    if (m_records.contains(exchangeId))
        return;
    StreamRecord &r = m_records[exchangeId];
    r.exchangeId = exchangeId;
    m_order.append(exchangeId);
    Q_EMIT opened(exchangeId);
}

void StreamStore::append(quint64 exchangeId, StreamMessage message)
{
    const auto it = m_records.find(exchangeId);
    if (it == m_records.end())
        return;
    StreamRecord &r = it.value();
    r.keptBytes += message.data.size();
    r.messages.append(std::move(message));
    ++r.received;
    qsizetype drop = 0;
    while (r.messages.size() - drop > 1 &&
           (r.messages.size() - drop > m_maxMessages || r.keptBytes > m_maxBytes)) {
        r.keptBytes -= r.messages.at(drop).data.size();
        ++drop;
    }
    if (drop > 0) {
        r.messages.remove(0, drop); // QList keeps free space at the front: no move of the rest
        r.dropped += drop;
    }
    Q_EMIT messageAdded(exchangeId, r.received);
}

void StreamStore::setReconnectState(quint64 exchangeId, qint64 retryMs, const QString &lastEventId)
{
    if (const auto it = m_records.find(exchangeId); it != m_records.end()) {
        it->retryMs = retryMs;
        it->lastEventId = lastEventId;
    }
}

void StreamStore::close(quint64 exchangeId, const QString &endNote)
{
    const auto it = m_records.find(exchangeId);
    if (it == m_records.end() || !it->open)
        return;
    it->open = false;
    it->endNote = endNote;
    Q_EMIT closed(exchangeId);
}

void StreamStore::clear()
{
    m_records.clear();
    m_order.clear();
    Q_EMIT cleared();
}

} // namespace Peephole
