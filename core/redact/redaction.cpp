#include "redact/redaction.h"

#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Peephole::Redaction {

namespace {
bool is(QByteArrayView a, const char *b)
{
    return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
}

const QList<QByteArray> &extraParams()
{
    static const QList<QByteArray> extra = [] {
        QList<QByteArray> out;
        for (const QByteArray &p : qgetenv("PEEPHOLE_SECRET_PARAMS").split(','))
            if (!p.trimmed().isEmpty())
                out.append(p.trimmed().toLower());
        return out;
    }();
    return extra;
}

constexpr const char *BuiltInParams[] = {
    "api_key",
    "apikey",
    "api-key",
    "access_token",
    "refresh_token",
    "id_token",
    "token",
    "key",
    "password",
    "passwd",
    "pwd",
    "secret",
    "client_secret",
    "sig",
    "signature",
    "auth",
    "session",
    "sessionid",
    "x-amz-signature",
    "x-amz-credential",
    "x-amz-security-token",
};

QByteArray cookieValues(const QByteArray &value, QByteArrayView mask)
{
    QByteArrayList out;
    const QList<QByteArray> pairs = value.split(';');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        out.append((eq < 0 ? pair.trimmed() : pair.left(eq).trimmed()) + '=' + mask.toByteArray());
    }
    return out.join("; ");
}

QByteArray setCookieValue(const QByteArray &value, QByteArrayView mask)
{
    const qsizetype eq = value.indexOf('=');
    const qsizetype semi = value.indexOf(';');
    if (eq < 0 || (semi >= 0 && semi < eq))
        return mask.toByteArray();
    return value.left(eq + 1) + mask.toByteArray() + (semi < 0 ? QByteArray() : value.mid(semi));
}

bool isCredentialField(QByteArrayView name)
{
    return is(name, "authorization") || is(name, "proxy-authorization");
}
} // namespace

bool isSecretHeader(QByteArrayView name)
{
    if (isCredentialField(name) || is(name, "cookie") || is(name, "set-cookie"))
        return true;
    static const QRegularExpression pattern(u"token|secret|password|api[-_]?key|session"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(QString::fromLatin1(name)).hasMatch();
}

bool isSecretQueryParam(QByteArrayView name)
{
    for (const char *p : BuiltInParams)
        if (is(name, p))
            return true;
    const QByteArray lower = name.toByteArray().toLower();
    return extraParams().contains(lower);
}

QStringList secretQueryParams()
{
    QStringList out;
    for (const char *p : BuiltInParams)
        out.append(QString::fromLatin1(p));
    return out;
}

QByteArray redactHeaderValue(QByteArrayView name, const QByteArray &value, QByteArrayView mask)
{
    if (!isSecretHeader(name))
        return value;
    if (is(name, "cookie"))
        return cookieValues(value, mask);
    if (is(name, "set-cookie"))
        return setCookieValue(value, mask);
    if (isCredentialField(name)) {
        const qsizetype space = value.indexOf(' ');
        return space > 0 ? value.left(space) + ' ' + mask.toByteArray() : mask.toByteArray();
    }
    return mask.toByteArray();
}

QByteArray maskHeaderValue(QByteArrayView name, const QByteArray &value)
{
    constexpr QByteArrayView mask = "****";
    if (isCredentialField(name)) {
        const qsizetype space = value.indexOf(' ');
        const QByteArray scheme = space > 0 ? value.left(space) : QByteArray();
        if (scheme.compare("basic", Qt::CaseInsensitive) == 0) {
            const auto decoded = QByteArray::fromBase64Encoding(value.mid(space + 1).trimmed(),
                                                                QByteArray::AbortOnBase64DecodingErrors);
            const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
            if (colon >= 0)
                return scheme + ' ' + escapeForTerminal(decoded.decoded.left(colon)) + ':' +
                       mask.toByteArray();
        } else if (scheme.compare("digest", Qt::CaseInsensitive) == 0) {
            static const QRegularExpression user(u"(?:^|[\\s,])(username\\*?=(\"[^\"]*\"|[^,\\s]*))"_s);
            const QRegularExpressionMatch m = user.match(QString::fromLatin1(value));
            if (m.hasMatch())
                return scheme + ' ' + m.captured(1).toLatin1() + ", " + mask.toByteArray();
        }
    }
    return redactHeaderValue(name, value, mask);
}

QUrl redactUrl(const QUrl &url, const QString &mask)
{
    QUrl out = url;
    if (!out.password().isEmpty())
        out.setPassword(mask);
    if (!url.hasQuery())
        return out;
    const QByteArray redacted = redactTarget('?' + url.query(QUrl::FullyEncoded).toLatin1(), mask.toUtf8());
    out.setQuery(QString::fromLatin1(redacted.mid(1)), QUrl::StrictMode);
    return out;
}

QByteArray redactTarget(const QByteArray &target, QByteArrayView mask)
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return target;
    const qsizetype hash = target.indexOf('#', q);
    const QByteArray query = target.mid(q + 1, hash < 0 ? -1 : hash - q - 1);
    QByteArrayList parts = query.split('&');
    bool changed = false;
    for (QByteArray &part : parts) {
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray name = QByteArray::fromPercentEncoding(part.left(eq));
        if (isSecretQueryParam(name) && part.size() > eq + 1) {
            part = part.left(eq + 1) + mask.toByteArray();
            changed = true;
        }
    }
    if (!changed)
        return target;
    return target.left(q + 1) + parts.join('&') + (hash < 0 ? QByteArray() : target.mid(hash));
}

QByteArray escapeForTerminal(QByteArrayView bytes, bool keepNewlines)
{
    QByteArray out;
    out.reserve(bytes.size());
    const auto hex = [&out](uchar c) {
        constexpr char digits[] = "0123456789abcdef";
        out += "\\x";
        out += digits[c >> 4];
        out += digits[c & 15];
    };
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const uchar c = uchar(bytes[i]);
        if (c < 0x80) {
            const bool control =
                (c < 0x20 && c != '\t' && !(keepNewlines && (c == '\n' || c == '\r'))) || c == 0x7f;
            if (control)
                hex(c);
            else
                out += char(c);
            ++i;
            continue;
        }
        // A UTF-8 sequence: its length from the lead byte, then the continuation bytes.
        const int len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
        bool valid = len > 0 && i + len <= n;
        char32_t cp = len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
        for (int k = 1; valid && k < len; ++k) {
            const uchar cc = uchar(bytes[i + k]);
            valid = (cc & 0xc0) == 0x80;
            cp = (cp << 6) | (cc & 0x3f);
        }
        valid = valid && !(len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) &&
                !(len == 4 && (cp < 0x10000 || cp > 0x10ffff));
        if (!valid || (cp >= 0x80 && cp <= 0x9f)) {
            // Not UTF-8, or a C1 control (U+009B is CSI on many terminals).
            const int count = valid ? len : 1;
            for (int k = 0; k < count; ++k)
                hex(uchar(bytes[i + k]));
            i += count;
            continue;
        }
        out.append(bytes.data() + i, len);
        i += len;
    }
    return out;
}

} // namespace Peephole::Redaction
