#include "help/helpactions.h"

#include <QAction>
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
    int key = 0;
    for (const auto &s : sections) {
        QAction *action = menu->addAction(s.title, this, [this, anchor = s.anchor] { openSection(anchor); });
        // F1 for the start, Shift+F1… for the others.
        static const QKeySequence keys[] = {QKeySequence(Qt::Key_F1), QKeySequence(Qt::SHIFT | Qt::Key_F1),
                                            QKeySequence(Qt::CTRL | Qt::Key_F1),
                                            QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_F1),
                                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1)};
        action->setShortcut(keys[key++]);
    }
    menu->addSeparator();
    m_demo = menu->addAction(tr("Start the &Demo API"), this, &HelpActions::demoRequested);
    m_demo->setShortcut(QKeySequence(tr("Ctrl+Alt+D")));
    m_demo->setToolTip(tr("Serve the built-in demo API on 127.0.0.1 and list its requests"));
    menu->addSeparator();
    menu->addAction(tr("&About Peephole"), this, &HelpActions::showAbout)
        ->setShortcut(QKeySequence(tr("Ctrl+Alt+A")));
    menu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setShortcut(QKeySequence(tr("Ctrl+Alt+Q")));
}

bool HelpActions::openSection(const QString &anchor)
{
    const QUrl url = sectionUrl(anchor);
    if (QDesktopServices::openUrl(url))
        return true;
    // Offline, no browser, no handler: say so, and where the document is.
    m_lastError = url.isLocalFile()
                      ? tr("No program could open the documentation. It is the file %1 (section “%2”).")
                            .arg(QDir::toNativeSeparators(url.toLocalFile()), anchor)
                      : tr("No browser could open %1, and no local copy of the documentation was found "
                           "(share/doc/peephole/README.md).")
                            .arg(url.toString());
    if (!m_quiet)
        QMessageBox::information(m_window, tr("Documentation"), m_lastError);
    return false;
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
