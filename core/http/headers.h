#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Peephole {

/// One header line, kept exactly as typed or received: name case, order and
/// duplicates are preserved. A disabled field is kept in the list (the
/// composer shows it) but never sent.
struct HeaderField
{
    QByteArray name;
    QByteArray value;
    bool enabled = true;

    friend bool operator==(const HeaderField &, const HeaderField &) = default;
};

using HeaderList = QList<HeaderField>;

namespace Headers {
/// First value of @p name (case-insensitive), or a null QByteArray.
QByteArray value(const HeaderList &headers, QByteArrayView name);
/// Every value of @p name in order (case-insensitive).
QList<QByteArray> values(const HeaderList &headers, QByteArrayView name);
bool contains(const HeaderList &headers, QByteArrayView name);
/// Removes every field named @p name; returns how many were removed.
qsizetype remove(HeaderList &headers, QByteArrayView name);
/// Replaces every field named @p name by one field with @p value (appended if absent).
void set(HeaderList &headers, const QByteArray &name, const QByteArray &value);
/// "Name: value\r\n" lines of the enabled fields.
QByteArray toWire(const HeaderList &headers);
/// True if @p name is a valid RFC 9110 field name (a token).
bool isValidName(QByteArrayView name);
} // namespace Headers

} // namespace Peephole
