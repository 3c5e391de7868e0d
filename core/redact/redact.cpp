#include "redact/redact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Peephole::Redact {

namespace {

const QStringList &headerList()
{
    static const QStringList names{
        u"authorization"_s,   u"proxy-authorization"_s,  u"cookie"_s,         u"set-cookie"_s,
        u"x-api-key"_s,       u"x-auth-token"_s,         u"x-access-token"_s, u"x-csrf-token"_s,
        u"x-xsrf-token"_s,    u"x-amz-security-token"_s, u"x-goog-api-key"_s, u"api-key"_s,
        u"apikey"_s,          u"x-vault-token"_s,        u"private-token"_s,  u"x-gitlab-token"_s,
        u"x-hub-signature"_s, u"x-hub-signature-256"_s,  u"x-signature"_s,    u"x-upstream-authorization"_s};
    return names;
}

struct ParameterNames
{
    QMutex mutex;
    QSet<QString> names;
    QStringList ordered;

    ParameterNames()
    {
        const QStringList defaults{u"api_key"_s,
                                   u"apikey"_s,
                                   u"api-key"_s,
                                   u"access_token"_s,
                                   u"refresh_token"_s,
                                   u"id_token"_s,
                                   u"token"_s,
                                   u"auth"_s,
                                   u"auth_token"_s,
                                   u"key"_s,
                                   u"password"_s,
                                   u"passwd"_s,
                                   u"pwd"_s,
                                   u"pass"_s,
                                   u"secret"_s,
                                   u"client_secret"_s,
                                   u"sig"_s,
                                   u"signature"_s,
                                   u"session"_s,
                                   u"sessionid"_s,
                                   u"session_id"_s,
                                   u"code"_s,
                                   u"x-amz-signature"_s,
                                   u"x-amz-security-token"_s,
                                   u"x-amz-credential"_s,
                                   u"jwt"_s,
                                   u"otp"_s,
                                   u"private_token"_s,
                                   u"bearer"_s,
                                   u"code_verifier"_s,
                                   u"device_code"_s,
                                   u"client_assertion"_s,
                                   u"assertion"_s,
                                   u"subject_token"_s};
        for (const QString &n : defaults)
            add(n);
        const QString extra = qEnvironmentVariable("PEEPHOLE_SECRET_PARAMS");
        const QStringList fromEnv = extra.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
        for (const QString &n : fromEnv)
            add(n);
    }
    void add(const QString &name)
    {
        const QString n = name.trimmed().toLower();
        if (n.isEmpty() || names.contains(n))
            return;
        names.insert(n);
        ordered.append(n);
    }
};

ParameterNames &parameters()
{
    static ParameterNames p;
    return p;
}

QByteArray cookieValue(const QByteArray &value, QByteArrayView replacement)
{
    // "a=1; b=2" -> "a=R; b=R": the names stay.
    QByteArrayList out;
    const QList<QByteArray> pairs = value.split(';');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = (eq < 0 ? pair : pair.left(eq)).trimmed();
        if (name.isEmpty() && eq < 0)
            continue;
        out.append(name + '=' + replacement.toByteArray());
    }
    return out.join("; ");
}

QByteArray setCookieValue(const QByteArray &value, QByteArrayView replacement)
{
    // "id=abc; Path=/; HttpOnly" -> "id=R; Path=/; HttpOnly".
    const qsizetype eq = value.indexOf('=');
    const qsizetype semi = value.indexOf(';');
    if (eq < 0 || (semi >= 0 && semi < eq))
        return replacement.toByteArray();
    return value.left(eq + 1) + replacement.toByteArray() + (semi < 0 ? QByteArray() : value.mid(semi));
}

bool isAuthorization(QByteArrayView name)
{
    return name.compare("authorization", Qt::CaseInsensitive) == 0 ||
           name.compare("proxy-authorization", Qt::CaseInsensitive) == 0 ||
           name.compare("x-upstream-authorization", Qt::CaseInsensitive) == 0;
}

QJsonValue redactJson(const QJsonValue &v, const QString &replacement, bool *changed)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonValue child = it.value();
            if (isSecretField(it.key()) && !child.isObject() && !child.isArray() && !child.isNull()) {
                it.value() = replacement;
                *changed = true;
            } else if (child.isObject() || child.isArray()) {
                it.value() = redactJson(child, replacement, changed);
            }
        }
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = redactJson(a.at(i), replacement, changed);
        return a;
    }
    return v;
}

} // namespace

QStringList secretHeaderNames()
{
    return headerList();
}

QStringList secretParameterNames()
{
    ParameterNames &p = parameters();
    QMutexLocker lock(&p.mutex);
    return p.ordered;
}

void addParameterNames(const QStringList &names)
{
    ParameterNames &p = parameters();
    QMutexLocker lock(&p.mutex);
    for (const QString &n : names)
        p.add(n);
}

namespace {
struct ExtraHeaderNames
{
    QMutex mutex;
    QSet<QString> names;
};
ExtraHeaderNames &extraHeaders()
{
    static ExtraHeaderNames e;
    return e;
}
} // namespace

void addHeaderNames(const QStringList &names)
{
    ExtraHeaderNames &e = extraHeaders();
    QMutexLocker lock(&e.mutex);
    for (const QString &n : names)
        if (!n.trimmed().isEmpty())
            e.names.insert(n.trimmed().toLower());
}

bool isSecretHeader(QByteArrayView name)
{
    const QString n = QString::fromLatin1(name).trimmed().toLower();
    if (headerList().contains(n))
        return true;
    {
        ExtraHeaderNames &e = extraHeaders();
        QMutexLocker lock(&e.mutex);
        if (e.names.contains(n))
            return true;
    }
    // Custom fields that carry credentials by their name ("X-My-Token", "X-Session-Id").
    for (QStringView part : {u"token", u"secret", u"password", u"api-key", u"apikey", u"api_key", u"session"})
        if (n.contains(part))
            return true;
    return false;
}

bool isSecretParameter(QStringView name)
{
    ParameterNames &p = parameters();
    QMutexLocker lock(&p.mutex);
    return p.names.contains(name.trimmed().toString().toLower());
}

bool looksSecret(QStringView name)
{
    static const QRegularExpression pattern(u"pass(word|wd|phrase)?|secret|token|api[-_]?key|apikey|auth|"
                                            u"credential|private[-_]?key|session|cookie|"
                                            "bearer|jwt|access[-_]?key|signature|x-api"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

bool isSecretField(QStringView name)
{
    return isSecretParameter(name) || looksSecret(name);
}

QByteArray headerValue(QByteArrayView name, const QByteArray &value, QByteArrayView replacement)
{
    if (!isSecretHeader(name) || value.isEmpty())
        return value;
    if (name.compare("cookie", Qt::CaseInsensitive) == 0)
        return cookieValue(value, replacement);
    if (name.compare("set-cookie", Qt::CaseInsensitive) == 0)
        return setCookieValue(value, replacement);
    if (isAuthorization(name)) {
        const QByteArray trimmed = value.trimmed();
        const qsizetype space = trimmed.indexOf(' ');
        if (space > 0)
            return trimmed.left(space) + ' ' + replacement.toByteArray();
    }
    return replacement.toByteArray();
}

QByteArray maskHeaderValue(QByteArrayView name, const QByteArray &value)
{
    if (isAuthorization(name)) {
        const QByteArray trimmed = value.trimmed();
        const qsizetype space = trimmed.indexOf(' ');
        if (space > 0 && trimmed.left(space).compare("basic", Qt::CaseInsensitive) == 0) {
            const auto decoded = QByteArray::fromBase64Encoding(trimmed.mid(space + 1).trimmed(),
                                                                QByteArray::AbortOnBase64DecodingErrors);
            const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
            if (colon >= 0) {
                const QByteArray user = escapeControls(decoded.decoded.left(colon));
                return trimmed.left(space) + ' ' + user + ':' + Mask;
            }
        }
        if (space > 0 && trimmed.left(space).compare("digest", Qt::CaseInsensitive) == 0) {
            // The user name is not secret; the rest (response, cnonce…) is.
            static const QRegularExpression user(u"(^|[\\s,])username\\s*=\\s*(\"[^\"]*\"|[^\\s,]*)"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = user.match(QString::fromUtf8(trimmed.mid(space + 1)));
            if (m.hasMatch())
                return trimmed.left(space) + " username=" + escapeControls(m.captured(2).toUtf8()) + ", " +
                       Mask;
        }
    }
    return headerValue(name, value, Mask);
}

bool urlHasSecrets(const QUrl &u)
{
    if (!u.password().isEmpty())
        return true;
    const QList<QPair<QString, QString>> items = QUrlQuery(u).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        if (isSecretParameter(item.first) && !item.second.isEmpty())
            return true;
    return false;
}

QUrl url(const QUrl &input, QStringView replacement)
{
    if (!urlHasSecrets(input))
        return input;
    QUrl out = input;
    if (!out.password().isEmpty())
        out.setPassword(replacement.toString());
    if (out.hasQuery()) {
        // Work on the encoded query so that everything but the secret values stays byte for byte.
        const QString query = out.query(QUrl::FullyEncoded);
        QStringList parts = query.split(u'&');
        for (QString &part : parts) {
            const qsizetype eq = part.indexOf(u'=');
            if (eq < 0)
                continue;
            const QString name = QUrl::fromPercentEncoding(part.left(eq).toUtf8()).replace(u'+', u' ');
            if (isSecretParameter(name) && eq + 1 < part.size())
                part = part.left(eq + 1) + replacement;
        }
        out.setQuery(parts.join(u'&'), QUrl::TolerantMode);
    }
    return out;
}

QString urlString(const QUrl &u, QStringView replacement)
{
    return QString::fromUtf8(url(u, replacement).toEncoded());
}

QString urlText(const QString &text, QStringView replacement)
{
    const QString r = replacement.toString();
    return replaceUrlSecrets(text, [&r](const QString &, const QString &) { return r; });
}

QString replaceUrlSecrets(const QString &text,
                          const std::function<QString(const QString &what, const QString &value)> &replace)
{
    // As typed: "https://user:pw@host/p?token=x&{{v}}". Do not round-trip
    // through QUrl (it would encode the braces); edit the text itself.
    const auto isReference = [](const QString &v) {
        return v.startsWith(u"{{"_s) && v.endsWith(u"}}"_s) && v.indexOf(u"}}"_s) == v.size() - 2;
    };
    QString out = text;
    const qsizetype scheme = out.indexOf(u"://"_s);
    if (scheme > 0) {
        const qsizetype hostStart = scheme + 3;
        qsizetype end = out.size();
        for (const QChar c : {u'/', u'?', u'#'}) {
            const qsizetype at = out.indexOf(c, hostStart);
            if (at >= 0 && at < end)
                end = at;
        }
        const qsizetype atSign = end > hostStart ? out.lastIndexOf(u'@', end - 1) : -1;
        if (atSign >= hostStart) {
            const qsizetype colon = out.indexOf(u':', hostStart);
            const QString password =
                colon >= 0 && colon < atSign ? out.mid(colon + 1, atSign - colon - 1) : QString();
            if (!password.isEmpty() && !isReference(password))
                out = out.left(colon + 1) + replace(u"password"_s, password) + out.mid(atSign);
        }
    }
    const qsizetype q = out.indexOf(u'?');
    if (q < 0)
        return out;
    const qsizetype hash = out.indexOf(u'#', q);
    const QString query = out.mid(q + 1, hash < 0 ? -1 : hash - q - 1);
    QStringList parts = query.split(u'&');
    for (QString &part : parts) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0)
            continue;
        const QString name = QUrl::fromPercentEncoding(part.left(eq).toUtf8()).replace(u'+', u' ');
        const QString value = part.mid(eq + 1);
        if (isSecretParameter(name) && !value.isEmpty() && !isReference(value))
            part = part.left(eq + 1) + replace(name, value);
    }
    return out.left(q + 1) + parts.join(u'&') + (hash < 0 ? QString() : out.mid(hash));
}

QByteArray formBody(const QByteArray &body, QByteArrayView replacement)
{
    QList<QByteArray> parts = body.split('&');
    bool changed = false;
    for (QByteArray &part : parts) {
        const qsizetype eq = part.indexOf('=');
        if (eq < 0)
            continue;
        const QString name = QUrl::fromPercentEncoding(part.left(eq)).replace(u'+', u' ');
        if (isSecretField(name) && eq + 1 < part.size()) {
            part = part.left(eq + 1) + replacement.toByteArray();
            changed = true;
        }
    }
    return changed ? parts.join('&') : body;
}

QByteArray jsonBody(const QByteArray &body, bool *changed, QStringView replacement)
{
    bool dummy = false;
    bool &c = changed ? *changed : dummy;
    c = false;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return body;
    const QJsonValue redacted = redactJson(
        doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), replacement.toString(), &c);
    if (!c)
        return body;
    return redacted.isObject() ? QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact)
                               : QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact);
}

QString requestText(const QString &text, QStringList *leftOut)
{
    const QString mark = QString::fromLatin1(NotSaved);
    QStringList dummy;
    QStringList &out = leftOut ? *leftOut : dummy;
    const auto isReference = [](QStringView v) {
        v = v.trimmed();
        return v.isEmpty() || (v.startsWith(u"{{") && v.endsWith(u"}}") && v.indexOf(u"}}") == v.size() - 2);
    };
    static const QRegularExpression requestLine(
        u"^\\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT|[A-Z]+\\s)?\\s*\\S*://"_s);
    static const QRegularExpression headerLine(u"^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\\s*:(.*)$"_s);
    static const QRegularExpression jsonMember(u"\"([^\"\\\\]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""_s);
    QStringList lines = text.split(u'\n');
    bool inBody = false;
    bool seenRequest = false;
    for (QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"###"_s)) {
            inBody = false;
            seenRequest = false;
            continue;
        }
        if (trimmed.startsWith(u'#') || trimmed.startsWith(u"//"_s))
            continue;
        if (!seenRequest) {
            if (trimmed.isEmpty() || trimmed.startsWith(u'@'))
                continue;
            seenRequest = true;
            if (requestLine.match(line).hasMatch() || trimmed.contains(u'?') || trimmed.contains(u'@')) {
                line = replaceUrlSecrets(line, [&](const QString &what, const QString &) {
                    out.append(what == u"password"_s ? u"URL password"_s : u"URL parameter "_s + what);
                    return mark;
                });
            }
            continue;
        }
        if (!inBody && trimmed.isEmpty()) {
            inBody = true;
            continue;
        }
        if (!inBody) {
            if (trimmed.startsWith(u'?') || trimmed.startsWith(u'&')) { // a continued URL
                line = replaceUrlSecrets(u"x://h/?"_s + trimmed.mid(1),
                                         [&](const QString &what, const QString &) {
                                             out.append(u"URL parameter "_s + what);
                                             return mark;
                                         })
                           .mid(7)
                           .prepend(trimmed.left(1))
                           .prepend(line.left(line.indexOf(trimmed)));
                continue;
            }
            const QRegularExpressionMatch m = headerLine.match(line);
            if (!m.hasMatch())
                continue;
            const QString name = m.captured(1);
            const QString value = m.captured(2).trimmed();
            if ((!isSecretHeader(name.toLatin1()) && !looksSecret(name)) || isReference(value))
                continue;
            const qsizetype space = value.indexOf(u' ');
            const bool authorization = isAuthorization(name.toLatin1());
            const QString rest = authorization && space > 0 ? value.mid(space + 1).trimmed() : value;
            if (isReference(rest))
                continue;
            line = name + u": "_s + (authorization && space > 0 ? value.left(space + 1) : QString()) + mark;
            out.append(u"header "_s + name);
            continue;
        }
        // Body: JSON members and form fields named like secrets.
        QString replaced;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = jsonMember.globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (!isSecretField(m.captured(1)) || isReference(m.captured(2)))
                continue;
            replaced += line.mid(last, m.capturedStart(2) - last) + mark;
            last = m.capturedEnd(2);
            out.append(u"body field "_s + m.captured(1));
        }
        if (last > 0) {
            line = replaced + line.mid(last);
            continue;
        }
        if (!trimmed.contains(u' ') && trimmed.contains(u'=') && !trimmed.startsWith(u'{')) {
            QStringList parts = trimmed.split(u'&');
            bool changed = false;
            for (QString &part : parts) {
                const qsizetype eq = part.indexOf(u'=');
                if (eq <= 0)
                    continue;
                const QString n = QUrl::fromPercentEncoding(part.left(eq).toUtf8());
                if (isSecretField(n) && !isReference(part.mid(eq + 1))) {
                    part = part.left(eq + 1) + mark;
                    out.append(u"body field "_s + n);
                    changed = true;
                }
            }
            if (changed)
                line = parts.join(u'&');
        }
    }
    return lines.join(u'\n');
}

QByteArray escapeControls(QByteArrayView bytes, bool keepNewlines)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(bytes.size());
    const auto escape = [&](uchar b) {
        out.append('\\');
        out.append('x');
        out.append(hex[b >> 4]);
        out.append(hex[b & 0xf]);
    };
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const uchar b = uchar(bytes[i]);
        if (b < 0x80) {
            const bool allowed =
                b >= 0x20 ? b != 0x7f : (b == '\t' || (keepNewlines && (b == '\n' || b == '\r')));
            if (allowed)
                out.append(char(b));
            else
                escape(b);
            ++i;
            continue;
        }
        // A UTF-8 sequence: copy it whole when valid and not a C1 control.
        int len = (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : (b & 0xf8) == 0xf0 ? 4 : 0;
        bool valid = len > 0 && i + len <= n && b >= 0xc2 && b <= 0xf4;
        for (int k = 1; valid && k < len; ++k)
            valid = (uchar(bytes[i + k]) & 0xc0) == 0x80;
        if (valid && b == 0xc2 && uchar(bytes[i + 1]) < 0xa0) { // U+0080..U+009F
            escape(b);
            escape(uchar(bytes[i + 1]));
            i += 2;
            continue;
        }
        if (!valid) {
            escape(b);
            ++i;
            continue;
        }
        out.append(bytes.data() + i, len);
        i += len;
    }
    return out;
}

} // namespace Peephole::Redact
