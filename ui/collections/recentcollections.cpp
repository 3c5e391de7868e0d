#include "collections/recentcollections.h"

#include "collection/collectionstore.h"
#include "collections/collectiondock.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
const auto RecentKey = u"collections/recent"_s;
}

RecentCollections::RecentCollections(CollectionDock *dock, QMenu *menu, QObject *parent)
    : QObject(parent), m_dock(dock), m_menu(menu)
{
    connect(dock, &CollectionDock::opened, this, [this](bool ok) {
        if (ok)
            remember(m_dock->store()->rootPath());
    });
    fillMenu();
}

QStringList RecentCollections::paths() const
{
    return QSettings().value(RecentKey).toStringList();
}

bool RecentCollections::reopenLast()
{
    const QStringList list = paths();
    if (list.isEmpty() || !QFileInfo(list.first()).isDir())
        return false;
    m_dock->openCollection(list.first());
    return true;
}

void RecentCollections::remember(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList list = paths();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > MaxKept)
        list.removeLast();
    QSettings().setValue(RecentKey, list);
    fillMenu();
}

void RecentCollections::fillMenu()
{
    m_menu->clear();
    const QStringList list = paths();
    int number = 1;
    for (const QString &path : list) {
        QAction *a = m_menu->addAction(tr("&%1 %2").arg(number).arg(QDir::toNativeSeparators(path)), this,
                                       [this, path] { m_dock->openCollection(path); });
        a->setEnabled(QFileInfo(path).isDir());
        if (number < 10)
            a->setShortcut(QKeySequence(tr("Ctrl+Alt+%1").arg(number)));
        ++number;
    }
    if (list.isEmpty())
        m_menu->addAction(tr("No collection opened yet"))->setEnabled(false);
    m_menu->setEnabled(true);
}

} // namespace Peephole
