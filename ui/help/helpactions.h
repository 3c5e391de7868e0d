#pragma once

#include <QObject>
#include <QUrl>

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

private:
    QWidget *m_window;
};

} // namespace Peephole
