#pragma once

#include <QByteArray>
#include <QList>

/// Server-side parsing of Authorization / Proxy-Authorization values and
/// quoting for challenges. Kept separate from core/auth on purpose: the test
/// server checks the client code against an independent implementation.
namespace Peephole::ServerAuth {

struct Param
{
    QByteArray name;
    QByteArray value;    ///< Unquoted and unescaped.
    bool quoted = false; ///< The value was a quoted-string.
};

/// One credentials value: "Scheme token68" or "Scheme name=value, ...".
struct Credentials
{
    QByteArray scheme;
    QByteArray token68;
    QList<Param> params;
    QByteArray error; ///< Non-empty when the value is malformed; says what and where.

    const Param *find(QByteArrayView name) const; ///< Case-insensitive; nullptr when absent.
    QByteArray value(QByteArrayView name) const { return find(name) ? find(name)->value : QByteArray(); }
    bool isScheme(QByteArrayView name) const { return scheme.compare(name, Qt::CaseInsensitive) == 0; }
};

/// Parses one Authorization header value.
Credentials parseCredentials(QByteArrayView value);
/// @p value as a quoted-string, escaping '"' and '\'.
QByteArray quote(QByteArrayView value);
/// Lower-case hex of @p raw.
inline QByteArray hex(const QByteArray &raw)
{
    return raw.toHex();
}

} // namespace Peephole::ServerAuth
