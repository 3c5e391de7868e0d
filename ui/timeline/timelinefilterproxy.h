#pragma once

#include "timeline/timelinefilter.h"

#include <QSortFilterProxyModel>

namespace Peephole {

class TimelineModel;

/// Filters and sorts a TimelineModel with a TimelineFilter, matching the
/// model's cached row records directly.
class TimelineFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TimelineFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    TimelineModel *timelineModel() const { return m_model; }

    /// Parses and applies @p text. When it does not parse, the previous
    /// filter stays in force, filterError() says why and false is returned.
    bool setFilterText(const QString &text);
    QString filterText() const { return m_filter.text(); }
    QString filterError() const { return m_error; }
    const TimelineFilter &filter() const { return m_filter; }

    /// Sorting by # ascending is the log's own order: the proxy then keeps the source order
    /// instead of sorting (appending 100,000 rows costs no comparisons at all).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// Emitted when the error of the last setFilterText() changes; empty when it parsed.
    void filterErrorChanged(const QString &error);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    TimelineModel *m_model = nullptr;
    TimelineFilter m_filter;
    QString m_error;
};

} // namespace Peephole
