#include "composer/keyvaluemodel.h"

namespace Peephole {

KeyValueModel::KeyValueModel(const QString &nameTitle, QObject *parent)
    : QAbstractTableModel(parent), m_nameTitle(nameTitle)
{
}

QList<KeyValueModel::Row> KeyValueModel::rows() const
{
    return m_rows;
}

void KeyValueModel::setRows(const QList<Row> &rows)
{
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool placeholder = index.row() == m_rows.size();
    if (placeholder) {
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return tr("Add %1…").arg(m_nameTitle);
        if (role == Qt::ForegroundRole)
            return QVariant(); // The view greys placeholders through its palette.
        return {};
    }
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == NameColumn ? r.name : r.value;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return r.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        return r.enabled ? QVariant() : tr("Disabled: kept, but not sent");
    default:
        return {};
    }
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int row = index.row();
    if (row == m_rows.size()) {
        if (role != Qt::EditRole || value.toString().isEmpty())
            return false;
        beginInsertRows({}, row + 1, row + 1);
        m_rows.append(Row{});
        endInsertRows();
    }
    Row &r = m_rows[row];
    if (role == Qt::CheckStateRole && index.column() == NameColumn) {
        r.enabled = value.value<Qt::CheckState>() == Qt::Checked;
    } else if (role == Qt::EditRole) {
        (index.column() == NameColumn ? r.name : r.value) = value.toString();
    } else {
        return false;
    }
    Q_EMIT dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    if (index.column() == NameColumn && index.row() < m_rows.size())
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? m_nameTitle : tr("Value");
}

bool KeyValueModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    Q_EMIT edited();
    return true;
}

} // namespace Peephole
