#include "help/helpactions.h"

#include <QApplication>
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
    const QStringList docDirs = QStandardPaths::locateAll(QStandardPaths::GenericDataLocation,
                                                          u"doc/peephole"_s, QStandardPaths::LocateDirectory);
    for (const QString &dir : docDirs) {
        const QString readme = QDir(dir).filePath(u"README.html"_s);
        if (QFileInfo::exists(readme)) {
            QUrl url = QUrl::fromLocalFile(readme);
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
