#include "collections/runresultsmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace Peephole {

void RunResultsModel::start(const QStringList &names)
{
    beginResetModel();
    m_rows.clear();
    for (const QString &name : names)
        m_rows.append({name, false, false, {}});
    endResetModel();
}

void RunResultsModel::setRunning(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].running = true;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RunResultsModel::setResult(int row, const RequestResult &result)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].running = false;
    m_rows[row].done = true;
    m_rows[row].result = result;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const RequestResult *RunResultsModel::result(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).done)
        return nullptr;
    return &m_rows.at(row).result;
}

int RunResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor RunResultsModel::outcomeColor(RequestResult::Outcome outcome)
{
    switch (outcome) {
    case RequestResult::Outcome::Passed:
        return QColor(0x1e, 0x7e, 0x34);
    case RequestResult::Outcome::Changed:
        return QColor(0xb0, 0x6a, 0x00);
    case RequestResult::Outcome::Failed:
    case RequestResult::Outcome::Error:
        return QColor(0xb3, 0x26, 0x1e);
    case RequestResult::Outcome::NotRun:
        return QColor(0x8a, 0x4b, 0x00);
    case RequestResult::Outcome::Skipped:
        break;
    }
    return QColor(0x70, 0x70, 0x70);
}

QVariant RunResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const RequestResult &r = row.result;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ResultColumn:
            return row.done      ? RequestResult::outcomeName(r.outcome)
                   : row.running ? tr("running…")
                                 : tr("waiting");
        case RequestColumn:
            return row.done && !r.method.isEmpty() ? QString::fromLatin1(r.method) + u' ' + row.name
                                                   : row.name;
        case StatusColumn:
            return row.done && r.status > 0 ? QVariant(r.status) : QVariant();
        case TimeColumn:
            return row.done && r.durationMs >= 0 ? tr("%1 ms").arg(r.durationMs) : QString();
        case MessageColumn:
            return r.messages.join(u"; "_s);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == RequestColumn)
        return r.url;
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return r.messages.join(u'\n');
    if (role == Qt::ForegroundRole && index.column() == ResultColumn && row.done)
        return QBrush(outcomeColor(r.outcome));
    if (role == Qt::FontRole && index.column() == ResultColumn && row.done) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == StatusColumn || index.column() == TimeColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ResultColumn:
        return tr("Result");
    case RequestColumn:
        return tr("Request");
    case StatusColumn:
        return tr("Status");
    case TimeColumn:
        return tr("Time");
    case MessageColumn:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace Peephole
