#include "timeline/timelinefilterproxy.h"

#include "timeline/timelinemodel.h"

namespace Peephole {

TimelineFilterProxy::TimelineFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TimelineModel::SortRole);
}

void TimelineFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<TimelineModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool TimelineFilterProxy::setFilterText(const QString &text)
{
    TimelineFilter parsed = TimelineFilter::parse(text);
    const QString error = parsed.errorString();
    if (error != m_error) {
        m_error = error;
        Q_EMIT filterErrorChanged(m_error);
    }
    if (!parsed.isValid())
        return false;
    m_filter = std::move(parsed);
    // invalidate() rebuilds the mapping and emits one layoutChanged; invalidateFilter()
    // would emit a remove/insert pair per changed range, which a view handles in
    // O(rows) each: seconds for a scattered result over 100k rows.
    invalidate();
    return true;
}

bool TimelineFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    if (!m_model)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    return m_filter.matches(m_model->record(sourceRow));
}

void TimelineFilterProxy::sort(int column, Qt::SortOrder order)
{
    const bool logOrder = column == TimelineModel::NumberColumn && order == Qt::AscendingOrder;
    QSortFilterProxyModel::sort(logOrder ? -1 : column, order);
}

bool TimelineFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    const TimelineRecord &a = m_model->record(left.row());
    const TimelineRecord &b = m_model->record(right.row());
    switch (left.column()) {
    case TimelineModel::NumberColumn:
        return left.row() < right.row();
    case TimelineModel::MethodColumn:
        return a.method() < b.method();
    case TimelineModel::StatusColumn: {
        const int sa = a.statusCode > 0 ? a.statusCode : 1000 + int(a.errorKind);
        const int sb = b.statusCode > 0 ? b.statusCode : 1000 + int(b.errorKind);
        return sa < sb;
    }
    case TimelineModel::HostColumn:
        return a.host().compare(b.host(), Qt::CaseInsensitive) < 0;
    case TimelineModel::PathColumn:
        return TimelineRecord::pathLessThan(a, b);
    case TimelineModel::TypeColumn:
        return a.mimeShort() < b.mimeShort();
    case TimelineModel::SizeColumn:
        return displaySize(m_model->exchange(left.row())) < displaySize(m_model->exchange(right.row()));
    case TimelineModel::TimeColumn:
        return m_model->exchange(left.row()).timings.totalNs() <
               m_model->exchange(right.row()).timings.totalNs();
    case TimelineModel::WaterfallColumn:
        return m_model->exchange(left.row()).timings.startNs < m_model->exchange(right.row()).timings.startNs;
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace Peephole
