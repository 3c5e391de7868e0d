#include "authparams.h"

namespace Peephole::ServerAuth {

namespace {
bool isTokenChar(char c)
{
    static constexpr QByteArrayView extra("!#$%&'*+-.^_`|~");
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || extra.contains(c);
}

bool isToken68(QByteArrayView s)
{
    static constexpr QByteArrayView extra("-._~+/");
    qsizetype i = 0;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
                            (s[i] >= 'A' && s[i] <= 'Z') || extra.contains(s[i])))
        ++i;
    if (i == 0)
        return false;
    while (i < s.size() && s[i] == '=')
        ++i;
    return i == s.size();
}

void skipSpace(QByteArrayView s, qsizetype &i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
}
} // namespace

const Param *Credentials::find(QByteArrayView name) const
{
    for (const Param &p : params) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

Credentials parseCredentials(QByteArrayView value)
{
    Credentials out;
    const QByteArrayView s = value.trimmed();
    qsizetype i = 0;
    while (i < s.size() && isTokenChar(s[i]))
        ++i;
    out.scheme = s.first(i).toByteArray();
    if (out.scheme.isEmpty()) {
        out.error = "credentials do not start with an auth-scheme token";
        return out;
    }
    skipSpace(s, i);
    const QByteArrayView rest = s.sliced(i).trimmed();
    if (isToken68(rest)) {
        out.token68 = rest.toByteArray();
        return out;
    }
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
            ++i;
        if (i >= s.size())
            break;
        const qsizetype nameStart = i;
        while (i < s.size() && isTokenChar(s[i]))
            ++i;
        Param p;
        p.name = s.sliced(nameStart, i - nameStart).toByteArray();
        skipSpace(s, i);
        if (p.name.isEmpty() || i >= s.size() || s[i] != '=') {
            out.error = "expected name=value at byte " + QByteArray::number(nameStart);
            return out;
        }
        ++i;
        skipSpace(s, i);
        if (i < s.size() && s[i] == '"') {
            p.quoted = true;
            ++i;
            bool closed = false;
            while (i < s.size()) {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    p.value.append(s[i + 1]);
                    i += 2;
                } else if (s[i] == '"') {
                    ++i;
                    closed = true;
                    break;
                } else {
                    p.value.append(s[i++]);
                }
            }
            if (!closed) {
                out.error = "unterminated quoted-string for '" + p.name + "'";
                return out;
            }
        } else {
            const qsizetype start = i;
            while (i < s.size() && s[i] != ',' && s[i] != ' ' && s[i] != '\t')
                ++i;
            p.value = s.sliced(start, i - start).toByteArray();
        }
        out.params.append(p);
        skipSpace(s, i);
        if (i < s.size() && s[i] != ',') {
            out.error = "expected ',' after '" + p.name + "' at byte " + QByteArray::number(i);
            return out;
        }
    }
    return out;
}

QByteArray quote(QByteArrayView value)
{
    QByteArray out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return out;
}

} // namespace Peephole::ServerAuth
