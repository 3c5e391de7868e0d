#include "http/exchangelog.h"

namespace Peephole {

ExchangeLog::ExchangeLog(QObject *parent)
    : QObject(parent)
{
}

const Exchange *ExchangeLog::find(quint64 id) const
{
    const qsizetype i = indexOf(id);
    return i < 0 ? nullptr : &m_items.at(i);
}

QList<Exchange> ExchangeLog::chain(quint64 chainId) const
{
    QList<Exchange> out;
    for (const Exchange &e : m_items) {
        if (e.chainId == chainId)
            out.append(e);
    }
    return out;
}

quint64 ExchangeLog::append(Exchange exchange)
{
    if (exchange.id == 0)
        exchange.id = ++m_lastId;
    else
        m_lastId = qMax(m_lastId, exchange.id);
    m_lastChainId = qMax(m_lastChainId, exchange.chainId);
    const quint64 id = exchange.id;
    m_index.insert(id, m_items.size());
    m_items.append(std::move(exchange));
    Q_EMIT added(m_items.size() - 1);
    return id;
}

void ExchangeLog::update(const Exchange &exchange)
{
    const qsizetype i = indexOf(exchange.id);
    if (i < 0)
        return;
    m_items[i] = exchange;
    Q_EMIT updated(i);
}

void ExchangeLog::clear()
{
    m_items.clear();
    m_index.clear();
    Q_EMIT cleared();
}

} // namespace Peephole
