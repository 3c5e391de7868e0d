#pragma once

#include <QString>

class QTreeWidget;
class QTreeWidgetItem;

namespace Peephole {

/// A bold, expanded, full-width heading row in a details tree ("Request headers", "Challenges"...).
QTreeWidgetItem *addTreeSection(QTreeWidget *tree, const QString &title);

} // namespace Peephole
