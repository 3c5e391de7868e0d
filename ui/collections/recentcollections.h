#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace Peephole {

class CollectionDock;

/// File ▸ Open Recent Collection: the collection folders opened last (most recent first, kept in
/// the settings — paths only), and reopening the last one at start-up.
class RecentCollections : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxKept = 8;

    RecentCollections(CollectionDock *dock, QMenu *menu, QObject *parent);

    QStringList paths() const;
    /// Opens the collection opened last, if its folder still exists; false otherwise.
    bool reopenLast();

private:
    void remember(const QString &path);
    void fillMenu();

    CollectionDock *m_dock;
    QMenu *m_menu;
};

} // namespace Peephole
