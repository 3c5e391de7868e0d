#include "help/helpactions.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
const auto ProjectPage = u"https://github.com/peephole/peephole"_s;
}

HelpActions::HelpActions(QMenu *menu, QWidget *window) : QObject(window), m_window(window)
{
    const struct
    {
        QString title;
        QString anchor;
    } sections[] = {
        {tr("&Getting Started"), u"quick-start"_s},
        {tr("&Authentication"), u"authentication"_s},
        {tr("&Collections and Replay"), u"collections"_s},
        {tr("Command &Line"), u"command-line"_s},
        {tr("&Benchmarks"), u"benchmarks"_s},
    };
    for (const auto &s : sections) {
        menu->addAction(s.title, this,
                        [anchor = s.anchor] { QDesktopServices::openUrl(sectionUrl(anchor)); });
    }
    menu->addSeparator();
    menu->addAction(tr("&About Peephole"), this, &HelpActions::showAbout);
    menu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QUrl HelpActions::sectionUrl(const QString &anchor)
{
    // The installed README (share/doc/peephole), or the one of a source tree the app runs from.
    QStringList candidates;
    const QStringList docDirs = QStandardPaths::locateAll(QStandardPaths::GenericDataLocation, u"doc/peephole"_s,
                                                         QStandardPaths::LocateDirectory);
    for (const QString &dir : docDirs)
        candidates.append(QDir(dir).filePath(u"README.md"_s));
    const QDir appDir(QCoreApplication::applicationDirPath());
    candidates.append(appDir.filePath(u"../share/doc/peephole/README.md"_s));
    candidates.append(appDir.filePath(u"../../../README.md"_s)); // build/app/gui/peephole
    for (const QString &readme : std::as_const(candidates)) {
        if (QFileInfo::exists(readme)) {
            QUrl url = QUrl::fromLocalFile(QFileInfo(readme).canonicalFilePath());
            url.setFragment(anchor);
            return url;
        }
    }
    QUrl url(ProjectPage);
    url.setFragment(anchor);
    return url;
}

void HelpActions::showAbout()
{
    QMessageBox::about(
        m_window, tr("About Peephole"),
        tr("<h3>Peephole %1</h3>"
           "<p>A native HTTP request inspector: every redirect hop and every 401/407 challenge is "
           "its own exchange, authentication is answered to spec, and credentials live in the OS "
           "keychain.</p>"
           "<p>Built with Qt %2. Licensed under the MIT license.</p>"
           "<p><a href=\"%3\">%3</a></p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()), ProjectPage));
}

} // namespace Peephole
