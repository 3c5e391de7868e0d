#include "formats/harchains.h"

#include "collection/variables.h"
#include "formats/harreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Peephole::HarChains {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::HarReader", text);
}

constexpr qsizetype SearchWindow = 64; ///< How far ahead a hop's follow-up is looked for.

/// A variable name from a place: "X-Api-Key" -> "x_api_key".
QString nameFor(const QString &place)
{
    QString out;
    for (const QChar c : place.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'_'))
            out += u'_';
    }
    while (out.endsWith(u'_'))
        out.chop(1);
    return out.isEmpty() ? u"redacted"_s : out;
}

const QString Marker = u"(?:\\[redacted\\]|%5Bredacted%5D)"_s;
constexpr char RedactedText[] = "[redacted]"; // what Peephole's HAR writer puts in place of a secret

struct Unredactor
{
    QString item;
    QList<ImportIssue> *issues = nullptr;
    QSet<QString> reported;

    QString reference(const QString &name, const QString &where)
    {
        const QString key = name + u'\n' + where;
        if (!reported.contains(key)) {
            reported.insert(key);
            issues->append({item, tr("%1 was redacted in the HAR; the request uses {{%2}} instead: set it in "
                                     "an environment (http-client.private.env.json) before sending.")
                                      .arg(where, name)});
        }
        return Variables::reference(name);
    }

    /// Replaces "name=[redacted]" pairs (query, form, cookies) in @p text.
    QString pairs(const QString &text, const QString &separator, QChar stop, const QString &prefix,
                  const QString &what)
    {
        const QRegularExpression re(u"(^|"_s + separator + u")([^="_s + stop + u"\\s]+)="_s + Marker,
                                    QRegularExpression::CaseInsensitiveOption);
        QString out;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = re.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QString name = QUrl::fromPercentEncoding(m.captured(2).toUtf8());
            out += text.mid(last, m.capturedStart() - last) + m.captured(1) + m.captured(2) + u'=' +
                   reference(nameFor(prefix + name), what.arg(name));
            last = m.capturedEnd();
        }
        return out + text.mid(last);
    }

    QString rest(const QString &text, const QString &name, const QString &where)
    {
        static const QRegularExpression re(Marker, QRegularExpression::CaseInsensitiveOption);
        if (!text.contains(re))
            return text;
        QString out = text;
        return out.replace(re, reference(name, where));
    }

    RequestSpec apply(RequestSpec spec)
    {
        static const QRegularExpression any(Marker, QRegularExpression::CaseInsensitiveOption);
        // URL: userinfo password, query parameters, anything else.
        QString url = spec.urlTemplate.isEmpty() ? QString::fromUtf8(spec.url.toEncoded()) : spec.urlTemplate;
        if (url.contains(any)) {
            static const QRegularExpression password(u":"_s + Marker + u"@"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
            url.replace(password, u':' + reference(u"password"_s, tr("The password in the URL")) + u'@');
            const qsizetype q = url.indexOf(u'?');
            if (q >= 0)
                url = url.left(q + 1) + pairs(url.mid(q + 1), u"&"_s, u'&', QString(), tr("The URL parameter %1"));
            url = rest(url, u"redacted"_s, tr("A part of the URL"));
            spec.urlTemplate = url;
            spec.url = QUrl();
        }
        // Headers.
        for (HeaderField &h : spec.headers) {
            QString value = QString::fromUtf8(h.value);
            if (!value.contains(any))
                continue;
            const QString name = QString::fromUtf8(h.name);
            if (name.compare(u"cookie"_s, Qt::CaseInsensitive) == 0) {
                value = pairs(value, u";\\s*"_s, u';', u"cookie_"_s, tr("The cookie %1"));
            } else if (name.compare(u"authorization"_s, Qt::CaseInsensitive) == 0 &&
                       value.startsWith(u"Bearer "_s, Qt::CaseInsensitive)) {
                value = rest(value, u"token"_s, tr("The bearer token"));
            }
            h.value = rest(value, nameFor(name), tr("The value of the header %1").arg(name)).toUtf8();
        }
        // Body: JSON fields, form fields, anything else.
        if (spec.body.kind == RequestBody::Kind::Raw && QString::fromUtf8(spec.body.raw).contains(any)) {
            QString body = QString::fromUtf8(spec.body.raw);
            static const QRegularExpression json(u"\"([^\"\\\\]+)\"(\\s*:\\s*)\""_s + Marker + u"\""_s,
                                                 QRegularExpression::CaseInsensitiveOption);
            QString out;
            qsizetype last = 0;
            QRegularExpressionMatchIterator it = json.globalMatch(body);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                out += body.mid(last, m.capturedStart() - last) + u'"' + m.captured(1) + u'"' + m.captured(2) +
                       u'"' + reference(nameFor(m.captured(1)), tr("The body field \"%1\"").arg(m.captured(1))) +
                       u'"';
                last = m.capturedEnd();
            }
            body = out + body.mid(last);
            if (!body.trimmed().startsWith(u'{') && !body.trimmed().startsWith(u'['))
                body = pairs(body, u"&"_s, u'&', QString(), tr("The form field %1"));
            body = rest(body, u"redacted"_s, tr("A part of the body"));
            spec.body.raw = body.toUtf8();
        }
        for (QString *secret : {&spec.auth.password, &spec.auth.token}) {
            if (secret->contains(any))
                *secret = reference(secret == &spec.auth.token ? u"token"_s : u"password"_s,
                                    secret == &spec.auth.token ? tr("The bearer token") : tr("The password"));
        }
        if (spec.auth.user.contains(any))
            spec.auth.user = reference(u"user"_s, tr("The user name"));
        return spec;
    }
};

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString urlKey(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
}

/// The credentials an auth retry sent, as the request's own; false when the scheme is not one Peephole answers.
bool credentialsFrom(const QByteArray &authorization, AuthSettings *auth)
{
    const QByteArray value = authorization.trimmed();
    const qsizetype space = value.indexOf(' ');
    const QByteArray scheme = (space < 0 ? value : value.left(space)).toLower();
    const QByteArray rest = space < 0 ? QByteArray() : value.mid(space + 1).trimmed();
    if (scheme == "basic") {
        const QByteArray decoded = QByteArray::fromBase64(rest, QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.indexOf(':');
        auth->scheme = AuthSettings::Scheme::Basic;
        if (colon >= 0 && !rest.contains('[')) {
            auth->user = QString::fromUtf8(decoded.left(colon));
            auth->password = QString::fromUtf8(decoded.mid(colon + 1));
        } else {
            auth->user = QString::fromLatin1(RedactedText);
            auth->password = auth->user;
        }
        return true;
    }
    if (scheme == "digest") {
        static const QRegularExpression user(u"(?:^|,)\\s*username\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\""_s);
        const QRegularExpressionMatch m = user.match(QString::fromUtf8(rest));
        auth->scheme = AuthSettings::Scheme::Digest;
        auth->user = m.hasMatch() ? m.captured(1) : QString::fromLatin1(RedactedText);
        auth->password = QString::fromLatin1(RedactedText); // never in a HAR
        return true;
    }
    if (scheme == "bearer") {
        auth->scheme = AuthSettings::Scheme::Bearer;
        auth->token = QString::fromUtf8(rest);
        return true;
    }
    return false;
}

} // namespace

RequestSpec withRedactedAsVariables(const RequestSpec &spec, const QString &item, QList<ImportIssue> *issues)
{
    Unredactor u;
    u.item = item;
    u.issues = issues;
    return u.apply(spec);
}

QList<RequestSpec> userRequests(const QList<Exchange> &exchanges, QList<ImportIssue> *issues)
{
    const qsizetype n = exchanges.size();
    QList<qsizetype> root(n, -1); // the entry that started the chain of each hop; -1: made by the user
    QList<QList<qsizetype>> hops(n);
    QList<QByteArray> retryAuthorization(n);

    bool peephole = false;
    for (const Exchange &ex : exchanges)
        peephole = peephole || ex.hop > 0 || ex.previousId != 0;
    auto chainRoot = [&](qsizetype i) { return root.at(i) < 0 ? i : root.at(i); };
    if (peephole) {
        QHash<quint64, qsizetype> firstOfChain;
        for (qsizetype i = 0; i < n; ++i) {
            const Exchange &ex = exchanges.at(i);
            const auto it = firstOfChain.constFind(ex.chainId);
            if (it == firstOfChain.constEnd() || ex.hop == 0) {
                firstOfChain.insert(ex.chainId, i);
                continue;
            }
            root[i] = it.value();
            hops[it.value()].append(i);
            if (ex.reason == HopReason::AuthRetry)
                retryAuthorization[it.value()] = Headers::value(ex.requestHeaders, "authorization");
        }
    } else {
        for (qsizetype i = 0; i < n; ++i) {
            const Exchange &ex = exchanges.at(i);
            const bool redirect = isRedirect(ex.statusCode);
            const bool challenge = ex.statusCode == 401 || ex.statusCode == 407;
            if (!redirect && !challenge)
                continue;
            const QByteArray credentialHeader = ex.statusCode == 407 ? "proxy-authorization" : "authorization";
            QString target;
            if (redirect) {
                const QByteArray location = Headers::value(ex.responseHeaders, "location");
                if (location.isEmpty())
                    continue;
                target = urlKey(ex.url.resolved(QUrl::fromEncoded(location)));
            }
            for (qsizetype j = i + 1; j < n && j <= i + SearchWindow; ++j) {
                const Exchange &next = exchanges.at(j);
                if (root.at(j) >= 0)
                    continue;
                bool follows = false;
                if (redirect) {
                    follows = urlKey(next.url) == target;
                } else {
                    const QByteArray sent = Headers::value(next.requestHeaders, credentialHeader);
                    follows = next.method == ex.method && urlKey(next.url) == urlKey(ex.url) && !sent.isEmpty() &&
                              sent != Headers::value(ex.requestHeaders, credentialHeader);
                    if (follows && ex.statusCode == 401)
                        retryAuthorization[chainRoot(i)] = sent;
                }
                if (follows) {
                    root[j] = chainRoot(i);
                    hops[chainRoot(i)].append(j);
                    break;
                }
            }
        }
    }

    QList<RequestSpec> out;
    for (qsizetype i = 0; i < n; ++i) {
        if (root.at(i) >= 0)
            continue;
        const Exchange &ex = exchanges.at(i);
        const QString item = tr("entry %1 (%2)").arg(i + 1).arg(ex.url.toString());
        RequestSpec spec = HarReader::toRequest(ex);
        if (!hops.at(i).isEmpty()) {
            QStringList numbers;
            for (qsizetype h : hops.at(i))
                numbers.append(QString::number(h + 1));
            issues->append({item, tr("The entries %1 are the redirects and authentication retries this request "
                                     "led to; they were folded into it (they happen again when it is sent).")
                                      .arg(numbers.join(u", "_s))});
        }
        if (!retryAuthorization.at(i).isEmpty() && !Headers::contains(spec.headers, "authorization")) {
            AuthSettings auth;
            if (credentialsFrom(retryAuthorization.at(i), &auth)) {
                auth.preemptive = false; // it answered a challenge
                spec.auth = auth;
                if (auth.scheme == AuthSettings::Scheme::Digest)
                    issues->append({item, tr("The Digest password is never in a HAR; the request uses "
                                             "{{password}}: set it before sending.")});
            } else {
                issues->append(
                    {item, tr("The authentication scheme of the retry (%1) is not supported; it was left out.")
                               .arg(QString::fromUtf8(retryAuthorization.at(i).split(' ').first()))});
            }
        }
        out.append(withRedactedAsVariables(spec, item, issues));
    }
    return out;
}

} // namespace Peephole::HarChains
