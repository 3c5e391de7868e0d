#pragma once

#include "composer/keyvaluemodel.h"

#include <QWidget>

class QTableView;

namespace Peephole {

/// A table of enabled/name/value rows with name completion and Delete to remove.
class KeyValueEditor : public QWidget
{
    Q_OBJECT
public:
    KeyValueEditor(const QString &nameTitle, const QStringList &nameCompletions, QWidget *parent = nullptr);

    KeyValueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    KeyValueModel *m_model;
    QTableView *m_view;
};

} // namespace Peephole
