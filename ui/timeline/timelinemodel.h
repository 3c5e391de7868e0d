#pragma once

#include "http/exchangelog.h"
#include "timeline/chunkedlist.h"
#include "timeline/timelinerecord.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>

namespace Peephole {

/// The network-tab table over an ExchangeLog. Keeps one small record per
/// row; appends are accumulated and inserted once per event-loop turn (one
/// beginInsertRows/endInsertRows for the whole batch), updates likewise
/// coalesced into one dataChanged.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        MethodColumn,
        StatusColumn,
        HostColumn,
        PathColumn,
        TypeColumn,
        SizeColumn,
        TimeColumn,
        WaterfallColumn,
        ColumnCount
    };

    enum Role {
        ExchangeIdRole = Qt::UserRole + 1, ///< quint64
        ChainIdRole,                       ///< quint64
        HopRole,                           ///< int, 0 for the first request of a chain
        IsAuthRole,                        ///< bool: a 401/407 challenge
        IsErrorRole,                       ///< bool: transport error (refused, timeout, TLS...)
        StatusCodeRole,                    ///< int, 0 without response
        StatusClassRole,                   ///< int (StatusClass)
        TimingsRole,                       ///< Peephole::Timings
        SpanStartRole,                     ///< qint64: earliest start over the whole log (ns)
        SpanEndRole,                       ///< qint64: latest known end over the whole log (ns)
        SortRole,                          ///< Raw value used for sorting the column
        UrlRole,                           ///< QString: full display URL
        ChainShadeRole,                    ///< bool: alternates between chains
    };

    explicit TimelineModel(ExchangeLog *log, QObject *parent = nullptr);
    ~TimelineModel() override;

    ExchangeLog *log() const { return m_log; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The record of @p row (valid rows only).
    const TimelineRecord &record(int row) const { return m_records[size_t(row)]; }
    /// The exchange shown in @p row (valid rows only): the log's, row for row.
    const Exchange &exchange(int row) const { return m_log->at(row); }
    /// Row of the exchange @p id, or -1 (rows not yet flushed count as absent).
    int rowOfId(quint64 id) const;

    qint64 spanStartNs() const { return m_spanStart; }
    qint64 spanEndNs() const { return m_spanEnd; }

    /// Rows appended to the log but not inserted into the model yet.
    int pendingCount() const { return int(m_records.size()) - m_rowCount; }

    /// Under sustained traffic, insert at most once per @p ms (default 0:
    /// once per event-loop turn). Each insertion costs a view an O(rows)
    /// relayout, so a view over a long log sets ~50 ms. Never more than one
    /// insertion per turn either way.
    void setMinimumFlushInterval(int ms) { m_minFlushIntervalMs = qMax(0, ms); }
    int minimumFlushInterval() const { return m_minFlushIntervalMs; }

public Q_SLOTS:
    /// Inserts the pending rows and signals the pending updates now.
    /// Runs by itself once per event-loop turn; public for callers that
    /// need the model current immediately.
    void flush();

Q_SIGNALS:
    /// The time span of the log grew: the waterfall scale changed.
    void spanChanged(qint64 startNs, qint64 endNs);

private:
    void onAdded(qsizetype index);
    void onUpdated(qsizetype index);
    void onCleared();
    void scheduleFlush();
    void extendSpan(const Timings &t);
    void assignShade(TimelineRecord &r, quint64 chainId);
    TimelineRecord makeRecord(const Exchange &e);
    /// Every row again from the log (all rows inserted at once).
    void rebuildRecords();
    QString displayText(const TimelineRecord &r, int row, int column) const;
    QVariant sortValue(const TimelineRecord &r, int row, int column) const;

    ExchangeLog *m_log = nullptr; ///< Not owned; the model empties itself when it is destroyed.
    /// Every record, the rows first, then those appended but not inserted
    /// yet (pending). Chunked: growing it never moves (nor transiently
    /// doubles) 100,000 records.
    ChunkedList<TimelineRecord> m_records;
    int m_rowCount = 0; ///< Records [0, m_rowCount) are the model's rows.
    TimelineRecordFactory m_factory;
    QHash<quint64, bool> m_shadeOfChain;
    bool m_nextShade = false;
    bool m_flushScheduled = false;
    int m_minFlushIntervalMs = 0;
    QElapsedTimer m_sinceFlush;
    int m_dirtyFirst = -1;
    int m_dirtyLast = -1;
    qint64 m_spanStart = -1;
    qint64 m_spanEnd = -1;
    bool m_spanDirty = false;
};

} // namespace Peephole
