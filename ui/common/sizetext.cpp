#include "common/sizetext.h"

#include <QCoreApplication>
#include <QLocale>

namespace Peephole {

QString sizeText(qint64 bytes)
{
    if (bytes < 0)
        return {};
    if (bytes < 1024)
        return QCoreApplication::translate("SizeText", "%1 B").arg(bytes);
    static const char *const units[] = {QT_TRANSLATE_NOOP("SizeText", "%1 KiB"),
                                        QT_TRANSLATE_NOOP("SizeText", "%1 MiB"),
                                        QT_TRANSLATE_NOOP("SizeText", "%1 GiB"),
                                        QT_TRANSLATE_NOOP("SizeText", "%1 TiB")};
    double value = double(bytes) / 1024.0;
    int unit = 0;
    // 1023.96 KiB would print as "1024.0 KiB": move up a unit before rounding does.
    while (value >= 1023.95 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QCoreApplication::translate("SizeText", units[unit]).arg(QLocale().toString(value, 'f', 1));
}

} // namespace Peephole
