#pragma once

#include <QObject>
#include <QUrl>

class QAction;
class QMenu;
class QWidget;

namespace Peephole {

/// The Help menu: the README's sections, the About box.
class HelpActions : public QObject
{
    Q_OBJECT
public:
    HelpActions(QMenu *menu, QWidget *window);

    /// Where a README section lives: the installed README when there is one, else the project page.
    static QUrl sectionUrl(const QString &anchor);
    void showAbout();
    /// Opens the section in the desktop's handler; false, a message box and lastError() when none could.
    bool openSection(const QString &anchor);
    QString lastError() const { return m_lastError; }
    QAction *demoAction() const { return m_demo; }

Q_SIGNALS:
    /// Help ▸ Start the Demo API.
    void demoRequested();

public:
    /// No message box (tests).
    void setQuiet(bool quiet) { m_quiet = quiet; }

private:
    QWidget *m_window;
    QString m_lastError;
    QAction *m_demo = nullptr;
    bool m_quiet = false;
};

} // namespace Peephole
