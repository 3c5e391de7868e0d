#include "common/wheelguard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPointer>

namespace Peephole {

WheelGuard::WheelGuard(QObject *parent) : QObject(parent) {}

void WheelGuard::install()
{
    static QPointer<WheelGuard> installed;
    if (installed || !qApp)
        return;
    installed = new WheelGuard(qApp);
    qApp->installEventFilter(installed);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish && watched->isWidgetType()) {
        // A wheel over a box must not give it focus either (Qt::WheelFocus would).
        auto *w = static_cast<QWidget *>(watched);
        if ((qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w)) &&
            w->focusPolicy() == Qt::WheelFocus)
            w->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    if (event->type() != QEvent::Wheel || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    // The spin box's line edit and the combo's view are children: judge the box itself.
    QWidget *box = nullptr;
    for (QWidget *w = widget; w && !box; w = w->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w))
            box = w;
        if (w->isWindow())
            break;
    }
    if (!box || box->hasFocus() || (QApplication::focusWidget() && box->isAncestorOf(QApplication::focusWidget())))
        return false;
    if (qobject_cast<QComboBox *>(box) && box->window() != widget->window())
        return false; // the open popup list scrolls as usual
    // Not focused: ignore it here, so the event goes on to the parents (the scroll area).
    event->ignore();
    return true;
}

} // namespace Peephole
