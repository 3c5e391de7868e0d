#pragma once

#include <QObject>

namespace Peephole {

/// Installed on the application: the mouse wheel changes a spin box or a combo box only when
/// it has keyboard focus. Otherwise the wheel scrolls whatever holds it (the Options tab, a
/// form), as if the box were not under the pointer.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    explicit WheelGuard(QObject *parent = nullptr);
    /// Installs one guard on the running QApplication (once; later calls do nothing).
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace Peephole
