#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Peephole {

/// QJsonObject sorts its keys; the tree shows them as the document wrote them. This records, for
/// every object of a JSON text, its keys in document order (first occurrence of a duplicate), keyed
/// by the object's place: jsonChildKey() from the root "" down.
using JsonKeyOrder = QHash<QString, QStringList>;

/// Scans @p json (already known to be valid JSON) once, linearly.
JsonKeyOrder scanJsonKeyOrder(const QByteArray &json);

/// The place key of a child: of an object member (@p key) or of an array element (@p index).
inline QString jsonChildKey(const QString &parent, const QString &key)
{
    return parent + QChar(0x1f) + key;
}
inline QString jsonChildKey(const QString &parent, int index)
{
    return parent + u'[' + QString::number(index) + u']';
}

} // namespace Peephole
