#include "composer/keyvalueeditor.h"

#include <QCompleter>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Peephole {

namespace {
/// Offers completions for the name column.
class NameDelegate : public QStyledItemDelegate
{
public:
    NameDelegate(const QStringList &names, QObject *parent) : QStyledItemDelegate(parent), m_names(names) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && !m_names.isEmpty()) {
            auto *completer = new QCompleter(m_names, line);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            line->setCompleter(completer);
        }
        return editor;
    }

private:
    QStringList m_names;
};
} // namespace

KeyValueEditor::KeyValueEditor(const QString &nameTitle, const QStringList &nameCompletions, QWidget *parent)
    : QWidget(parent), m_model(new KeyValueModel(nameTitle, this)), m_view(new QTableView(this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(KeyValueModel::NameColumn, new NameDelegate(nameCompletions, this));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(KeyValueModel::NameColumn, 220);
    m_view->verticalHeader()->hide();
    m_view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTabKeyNavigation(false); // Tab leaves the table (arrows move between cells)
    m_view->installEventFilter(this);
    m_view->setToolTip(tr("Untick a row to keep it without sending it. Delete removes the selected rows."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

bool KeyValueEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        QList<int> numbers;
        for (const QModelIndex &i : rows)
            numbers.append(i.row());
        std::sort(numbers.begin(), numbers.end(), std::greater<>());
        for (int r : numbers)
            m_model->removeRows(r, 1);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Peephole
