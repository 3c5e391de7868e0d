#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace Peephole {

class StreamStore;
struct StreamMessage;
struct StreamRecord;

/// The messages of one stream (an SSE response or a WebSocket session) as a table:
/// time, direction, type, size, data. Follows the StreamStore: new messages are
/// inserted once per event-loop turn (one beginInsertRows for the whole batch, so
/// 100,000 messages a second cost a handful of inserts), messages the store dropped
/// under its caps are removed from the top. Rows are the store's messages; the
/// model keeps no copies.
class StreamMessagesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, DirectionColumn, TypeColumn, SizeColumn, DataColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int (StreamMessage::Kind)
        SentRole,                    ///< bool
        RawDataRole,                 ///< QByteArray: the whole payload
    };

    explicit StreamMessagesModel(StreamStore *store, QObject *parent = nullptr);

    /// Shows the stream of exchange @p id (0: none).
    void setExchange(quint64 id);
    quint64 exchangeId() const { return m_id; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Messages the store holds that are not rows yet.
    int pendingCount() const;
    /// How many flushes (insertions) happened; for tests and the bench.
    int flushCount() const { return m_flushes; }

public Q_SLOTS:
    void flush();

private:
    const StreamRecord *record() const;
    const StreamMessage *message(int row) const;
    void onMessageAdded(quint64 id);

    QPointer<StreamStore> m_store;
    quint64 m_id = 0;
    int m_rows = 0;
    qint64 m_dropped = 0; ///< The record's dropped count our rows start after.
    bool m_scheduled = false;
    int m_flushes = 0;
};

} // namespace Peephole
