#include "details/treesection.h"

#include <QTreeWidget>

namespace Peephole {

QTreeWidgetItem *addTreeSection(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    item->setFirstColumnSpanned(true);
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setExpanded(true);
    return item;
}

} // namespace Peephole
