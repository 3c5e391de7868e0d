#pragma once

#include "replay/runsummary.h"

#include <QAbstractTableModel>

namespace Peephole {

/// One row per request of a run: result, request, status, time, why.
class RunResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ResultColumn, RequestColumn, StatusColumn, TimeColumn, MessageColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    /// Starts a run of @p names (selection order): every row waits.
    void start(const QStringList &names);
    void setResult(int row, const RequestResult &result);
    void setRunning(int row);
    /// The verdict of @p row; nullptr while it waits.
    const RequestResult *result(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The colour of an outcome (also used by the diff view).
    static QColor outcomeColor(RequestResult::Outcome outcome);

private:
    struct Row
    {
        QString name;
        bool running = false;
        bool done = false;
        RequestResult result;
    };
    QList<Row> m_rows;
};

} // namespace Peephole
