#pragma once

#include <QAbstractTableModel>

namespace Peephole {

/// An editable list of enabled/name/value rows: the composer's query
/// parameters and headers. The last row is always an empty "new" row, so
/// typing into it adds an entry.
class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    struct Row
    {
        QString name;
        QString value;
        bool enabled = true;
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit KeyValueModel(const QString &nameTitle, QObject *parent = nullptr);

    /// The filled rows (the trailing empty row excluded).
    QList<Row> rows() const;
    void setRows(const QList<Row> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /// The user changed the rows (not emitted by setRows).
    void edited();

private:
    QList<Row> m_rows; ///< Filled rows; the view shows one extra empty row.
    QString m_nameTitle;
};

} // namespace Peephole
