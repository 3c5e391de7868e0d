#include "timeline/timelinemodel.h"
#include "common/sizetext.h"

#include "http/exchangelog.h"
#include "timeline/statuscolors.h"
#include "timeline/timelinelogging.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QString formatDuration(qint64 ns)
{
    if (ns < 0)
        return {};
    const double ms = double(ns) / 1e6;
    if (ms < 1.0)
        return QCoreApplication::translate("Peephole::TimelineModel", "%1 ms")
            .arg(QLocale().toString(ms, 'f', 2));
    if (ms < 1000.0)
        return QCoreApplication::translate("Peephole::TimelineModel", "%1 ms")
            .arg(QLocale().toString(qRound64(ms)));
    return QCoreApplication::translate("Peephole::TimelineModel", "%1 s")
        .arg(QLocale().toString(ms / 1000.0, 'f', 2));
}

} // namespace

TimelineModel::TimelineModel(ExchangeLog *log, QObject *parent) : QAbstractTableModel(parent), m_log(log)
{
    if (!log)
        return;
    connect(log, &ExchangeLog::added, this, &TimelineModel::onAdded);
    connect(log, &ExchangeLog::updated, this, &TimelineModel::onUpdated);
    connect(log, &ExchangeLog::cleared, this, &TimelineModel::onCleared);
    connect(log, &QObject::destroyed, this, [this] {
        onCleared();
        m_log = nullptr;
    });
    rebuildRecords();
    m_spanDirty = false;
}

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TimelineModel::rowOfId(quint64 id) const
{
    if (!m_log)
        return -1;
    const qsizetype i = m_log->indexOf(id);
    return i >= 0 && i < m_rowCount && m_records[size_t(i)].id == id ? int(i) : -1;
}

TimelineRecord TimelineModel::makeRecord(const Exchange &e)
{
    TimelineRecord r = m_factory.make(e);
    assignShade(r, e.chainId);
    extendSpan(e.timings);
    return r;
}

void TimelineModel::rebuildRecords()
{
    m_records.clear();
    for (qsizetype i = 0; i < m_log->count(); ++i)
        m_records.push_back(makeRecord(m_log->at(i)));
    m_rowCount = int(m_records.size());
}

void TimelineModel::assignShade(TimelineRecord &r, quint64 chainId)
{
    auto it = m_shadeOfChain.constFind(chainId);
    if (chainId != 0 && it != m_shadeOfChain.constEnd()) {
        r.chainShade = it.value();
        return;
    }
    r.chainShade = m_nextShade;
    m_nextShade = !m_nextShade;
    if (chainId != 0)
        m_shadeOfChain.insert(chainId, r.chainShade);
}

void TimelineModel::extendSpan(const Timings &t)
{
    const qint64 start = t.startNs;
    const qint64 end = lastKnownNs(t);
    if (start >= 0 && (m_spanStart < 0 || start < m_spanStart)) {
        m_spanStart = start;
        m_spanDirty = true;
    }
    if (end >= 0 && end > m_spanEnd) {
        m_spanEnd = end;
        m_spanDirty = true;
    }
}

void TimelineModel::onAdded(qsizetype index)
{
    if (index != qsizetype(m_records.size())) {
        // The log and the model disagree (should not happen): resynchronise.
        qCWarning(lcTimeline) << "Exchange log index" << index << "out of sequence; rebuilding the timeline";
        flush();
        beginResetModel();
        rebuildRecords();
        endResetModel();
        return;
    }
    m_records.push_back(makeRecord(m_log->at(index)));
    scheduleFlush();
}

void TimelineModel::onUpdated(qsizetype index)
{
    if (index < 0 || !m_log || index >= m_log->count())
        return;
    const size_t i = size_t(index);
    const Exchange &e = m_log->at(index);
    TimelineRecord r = m_factory.make(e);
    extendSpan(e.timings);
    if (i < m_records.size()) {
        r.chainShade = m_records[i].chainShade;
        m_records[i] = std::move(r);
        if (int(i) < m_rowCount) { // pending rows are inserted with their latest data anyway
            m_dirtyFirst = m_dirtyFirst < 0 ? int(i) : qMin(m_dirtyFirst, int(i));
            m_dirtyLast = qMax(m_dirtyLast, int(i));
        }
    }
    scheduleFlush();
}

void TimelineModel::onCleared()
{
    beginResetModel();
    m_records.clear();
    m_rowCount = 0;
    m_factory.clear();
    m_shadeOfChain.clear();
    m_nextShade = false;
    m_dirtyFirst = m_dirtyLast = -1;
    m_spanStart = m_spanEnd = -1;
    m_spanDirty = false;
    endResetModel();
    Q_EMIT spanChanged(m_spanStart, m_spanEnd);
}

void TimelineModel::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    const qint64 wait = m_sinceFlush.isValid() ? m_minFlushIntervalMs - m_sinceFlush.elapsed() : 0;
    if (wait <= 0)
        QMetaObject::invokeMethod(this, &TimelineModel::flush, Qt::QueuedConnection);
    else
        QTimer::singleShot(int(wait), this, &TimelineModel::flush);
}

void TimelineModel::flush()
{
    m_flushScheduled = false;
    m_sinceFlush.start();
    if (m_rowCount < int(m_records.size())) {
        beginInsertRows({}, m_rowCount, int(m_records.size()) - 1);
        m_rowCount = int(m_records.size());
        endInsertRows();
    }
    if (m_dirtyFirst >= 0) {
        const int first = m_dirtyFirst;
        const int last = m_dirtyLast;
        m_dirtyFirst = m_dirtyLast = -1;
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
    if (m_spanDirty) {
        m_spanDirty = false;
        // Only the scale changed, not the rows' data: views repaint, proxies need not re-filter.
        Q_EMIT spanChanged(m_spanStart, m_spanEnd);
    }
}

QString TimelineModel::displayText(const TimelineRecord &r, int row, int column) const
{
    switch (column) {
    case NumberColumn:
        return r.hop > 0 ? u"\u2514 "_s + QString::number(row + 1) : QString::number(row + 1);
    case MethodColumn:
        return r.method();
    case StatusColumn:
        return r.statusText();
    case HostColumn:
        return r.host().toString();
    case PathColumn:
        return r.path();
    case TypeColumn:
        return r.mimeShort();
    case SizeColumn: {
        const qint64 size = displaySize(exchange(row));
        return size < 0 ? QString()
                        : sizeText(size);
    }
    case TimeColumn:
        return r.finished ? formatDuration(exchange(row).timings.totalNs()) : tr("Pending");
    default:
        return {};
    }
}

QVariant TimelineModel::sortValue(const TimelineRecord &r, int row, int column) const
{
    switch (column) {
    case NumberColumn:
        return row;
    case MethodColumn:
        return r.method();
    case StatusColumn:
        return r.statusCode > 0 ? r.statusCode : 1000 + int(r.errorKind);
    case HostColumn:
        return r.host().toString();
    case PathColumn:
        return r.path();
    case TypeColumn:
        return r.mimeShort();
    case SizeColumn:
        return displaySize(exchange(row));
    case TimeColumn:
        return exchange(row).timings.totalNs();
    case WaterfallColumn:
        return exchange(row).timings.startNs;
    default:
        return {};
    }
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const TimelineRecord &r = m_records[size_t(row)];
    switch (role) {
    case Qt::DisplayRole: {
        if (column == WaterfallColumn)
            return {};
        if (!r.text)
            r.text = std::make_unique<std::array<QString, TimelineRecord::CachedColumns>>();
        QString &cached = (*r.text)[size_t(column)];
        if (cached.isNull()) {
            cached = displayText(r, row, column);
            if (cached.isNull())
                cached = u""_s;
        }
        return cached;
    }
    case Qt::ToolTipRole:
        if (column == StatusColumn && r.isError())
            return r.errorMessage().isEmpty() ? r.statusText() : r.errorMessage();
        if (column == StatusColumn && r.isAuthChallenge())
            return tr("Authentication challenge: see the Auth tab for the parsed challenges");
        if (column == PathColumn || column == HostColumn)
            return r.url();
        if (column == TypeColumn)
            return r.mime();
        if (column == NumberColumn && r.hop > 0)
            return tr("Hop %1 of chain %2").arg(r.hop + 1).arg(exchange(row).chainId);
        return {};
    case Qt::ForegroundRole: {
        const StatusClass cls = r.statusClass();
        if (column == StatusColumn || cls == StatusClass::Error)
            return statusColor(cls, QApplication::palette());
        if (column == NumberColumn && r.hop > 0)
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    }
    case Qt::BackgroundRole:
        if (r.chainShade)
            return QApplication::palette().brush(QPalette::AlternateBase);
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn && r.isAuthChallenge())
            return authBadgeIcon();
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == TimeColumn)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    case Qt::FontRole:
        if (r.isAuthChallenge() && column == StatusColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case ExchangeIdRole:
        return r.id;
    case ChainIdRole:
        return exchange(row).chainId;
    case HopRole:
        return r.hop;
    case IsAuthRole:
        return r.isAuthChallenge();
    case IsErrorRole:
        return r.isError();
    case StatusCodeRole:
        return r.statusCode;
    case StatusClassRole:
        return int(r.statusClass());
    case TimingsRole:
        return QVariant::fromValue(exchange(row).timings);
    case SpanStartRole:
        return m_spanStart;
    case SpanEndRole:
        return m_spanEnd;
    case SortRole:
        return sortValue(r, row, column);
    case UrlRole:
        return r.url();
    case ChainShadeRole:
        return r.chainShade;
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == SizeColumn || section == TimeColumn))
        return (Qt::AlignRight | Qt::AlignVCenter).toInt();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case MethodColumn:
        return tr("Method");
    case StatusColumn:
        return tr("Status");
    case HostColumn:
        return tr("Host");
    case PathColumn:
        return tr("Path");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case TimeColumn:
        return tr("Time");
    case WaterfallColumn:
        return tr("Waterfall");
    default:
        return {};
    }
}

} // namespace Peephole
