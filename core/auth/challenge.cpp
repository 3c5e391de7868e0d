#include "auth/challenge.h"

namespace Peephole {

QByteArray Challenge::param(QByteArrayView name) const
{
    for (const AuthParam &p : params) {
        if (QByteArrayView(p.name).compare(name, Qt::CaseInsensitive) == 0)
            return p.value;
    }
    return {};
}

bool Challenge::hasParam(QByteArrayView name) const
{
    for (const AuthParam &p : params) {
        if (QByteArrayView(p.name).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool Challenge::isScheme(QByteArrayView name) const
{
    return QByteArrayView(scheme).compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace Peephole
