#pragma once

#include "http/exchange.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>
#include <vector>

namespace Peephole {

/// Owns the records of every exchange, in the order they started. The GUI's
/// timeline, the CLI and the runner read it. Signals are emitted per record;
/// views batch them (once per event-loop turn).
class ExchangeLog : public QObject
{
    Q_OBJECT
public:
    explicit ExchangeLog(QObject *parent = nullptr);

    qsizetype count() const { return qsizetype(m_items.size()); }
    const Exchange &at(qsizetype index) const { return *m_items[size_t(index)]; }
    /// Index of the exchange with @p id, or -1.
    qsizetype indexOf(quint64 id) const;
    const Exchange *find(quint64 id) const;
    /// The exchanges of one chain, in hop order.
    QList<Exchange> chain(quint64 chainId) const;

    /// Adds a record; assigns an id when it has none. Returns the id.
    quint64 append(Exchange exchange);
    /// Replaces the record with the same id.
    void update(const Exchange &exchange);
    /// Forgets every record (bodies go with the last reference).
    void clear();

    quint64 nextChainId() { return ++m_lastChainId; }

Q_SIGNALS:
    void added(qsizetype index);
    void updated(qsizetype index);
    void cleared();

private:
    /// Shares the bytes of header names and short repeated values between
    /// records (100,000 exchanges repeat "Content-Type: application/json"...).
    void intern(HeaderList &headers);
    QByteArray intern(const QByteArray &bytes);
    /// An equal URL whose scheme string is shared with the earlier URLs
    /// ("https" costs 48 bytes per URL otherwise). The host cannot be shared
    /// this cheaply: QUrl::setHost() always normalises into a new string.
    QUrl internScheme(QUrl url);

    /// One allocation per record: appending never moves (or transiently doubles) the records.
    std::vector<std::unique_ptr<Exchange>> m_items;
    QHash<quint64, QByteArray> m_strings; ///< By a cheap 64-bit hash of the bytes.
    QList<QString> m_schemes;             ///< "https", "http": the few schemes seen.
    /// Id -> index, built only once ids stop ascending with the index (an
    /// import with its own ids); until then indexOf() searches m_items.
    QHash<quint64, qsizetype> m_index;
    bool m_ascending = true;
    quint64 m_lastId = 0;
    quint64 m_lastChainId = 0;
};

} // namespace Peephole
