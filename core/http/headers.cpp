#include "headers.h"

namespace Peephole::Headers {

namespace {
bool sameName(const QByteArray &a, QByteArrayView b)
{
    return QByteArrayView(a).compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

QByteArray value(const HeaderList &headers, QByteArrayView name)
{
    for (const HeaderField &h : headers) {
        if (h.enabled && sameName(h.name, name))
            return h.value;
    }
    return {};
}

QList<QByteArray> values(const HeaderList &headers, QByteArrayView name)
{
    QList<QByteArray> out;
    for (const HeaderField &h : headers) {
        if (h.enabled && sameName(h.name, name))
            out.append(h.value);
    }
    return out;
}

bool contains(const HeaderList &headers, QByteArrayView name)
{
    for (const HeaderField &h : headers) {
        if (h.enabled && sameName(h.name, name))
            return true;
    }
    return false;
}

qsizetype remove(HeaderList &headers, QByteArrayView name)
{
    return headers.removeIf([name](const HeaderField &h) { return sameName(h.name, name); });
}

void set(HeaderList &headers, const QByteArray &name, const QByteArray &value)
{
    remove(headers, name);
    headers.append(HeaderField{name, value, true});
}

QByteArray toWire(const HeaderList &headers)
{
    QByteArray out;
    for (const HeaderField &h : headers) {
        if (!h.enabled)
            continue;
        out += h.name + ": " + h.value + "\r\n";
    }
    return out;
}

bool isValidName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    static constexpr QByteArrayView extra("!#$%&'*+-.^_`|~");
    for (char c : name) {
        const bool ok =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || extra.contains(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Peephole::Headers
