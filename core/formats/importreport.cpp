#include "formats/importreport.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole {

QString ParseError::toString() const
{
    QString prefix;
    if (line > 0 && column > 0)
        prefix =
            QCoreApplication::translate("Peephole::ParseError", "line %1, column %2: ").arg(line).arg(column);
    else if (line > 0)
        prefix = QCoreApplication::translate("Peephole::ParseError", "line %1: ").arg(line);
    if (!where.isEmpty())
        prefix += where + u": "_s;
    return prefix + message;
}

void lineAndColumn(const QString &text, qsizetype offset, int *line, int *column)
{
    int l = 1;
    int c = 1;
    const qsizetype end = qMin(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == u'\n') {
            ++l;
            c = 1;
        } else {
            ++c;
        }
    }
    if (line)
        *line = l;
    if (column)
        *column = c;
}

void lineAndColumn(const QByteArray &data, qsizetype offset, int *line, int *column)
{
    const qsizetype end = qBound(qsizetype(0), offset, data.size());
    const QString prefix = QString::fromUtf8(data.constData(), end);
    lineAndColumn(prefix, prefix.size(), line, column);
}

} // namespace Peephole
