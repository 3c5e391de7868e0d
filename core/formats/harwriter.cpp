#include "formats/harwriter.h"

#include "io/fileio.h"
#include "redact/redact.h"

#include "formats/formatslog.h"
#include "formats/hartimings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::HarWriter", text);
}

QString str(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

bool isTextMime(const QByteArray &mime)
{
    const QByteArray m = mime.toLower();
    return m.startsWith("text/") || m.contains("json") || m.contains("xml") || m.contains("javascript") ||
           m.contains("x-www-form-urlencoded") || m.contains("ecmascript") || m.contains("graphql") ||
           m.contains("yaml") || m.contains("csv");
}

bool isUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

struct BodyText
{
    QString text;
    bool base64 = false;
    QString comment;
    qint64 size = 0;
};

BodyText readBody(const std::shared_ptr<BodyStore> &store, const QByteArray &mime, qint64 limit)
{
    BodyText out;
    if (!store)
        return out;
    out.size = store->size();
    QByteArray bytes = store->head(limit);
    const bool truncated = out.size > bytes.size();
    if (truncated) {
        out.comment =
            tr("Body truncated by Peephole to the first %1 of %2 bytes.").arg(bytes.size()).arg(out.size);
        // Do not cut a UTF-8 sequence in half.
        for (int cut = 0; cut < 4 && !bytes.isEmpty() && !isUtf8(bytes); ++cut)
            bytes.chop(1);
    }
    const bool text = (mime.isEmpty() || isTextMime(mime)) && !bytes.contains('\0') && isUtf8(bytes);
    if (text) {
        out.text = QString::fromUtf8(bytes);
    } else {
        bytes = store->head(limit);
        out.text = QString::fromLatin1(bytes.toBase64());
        out.base64 = true;
    }
    return out;
}

QJsonArray headersJson(const HeaderList &headers, const HarWriter &writer)
{
    QJsonArray out;
    for (const HeaderField &field : headers) {
        if (!field.enabled)
            continue;
        out.append(QJsonObject{{u"name"_s, str(field.name)},
                               {u"value"_s, str(writer.headerValue(field.name, field.value))}});
    }
    return out;
}

QJsonObject cookieJson(const QNetworkCookie &cookie, bool keepSecrets, bool full)
{
    QJsonObject o{{u"name"_s, str(cookie.name())},
                  {u"value"_s, keepSecrets ? str(cookie.value()) : QString::fromLatin1(HarWriter::Redacted)}};
    if (!full)
        return o;
    if (!cookie.path().isEmpty())
        o.insert(u"path"_s, cookie.path());
    if (!cookie.domain().isEmpty())
        o.insert(u"domain"_s, cookie.domain());
    if (!cookie.isSessionCookie())
        o.insert(u"expires"_s, cookie.expirationDate().toUTC().toString(Qt::ISODateWithMs));
    o.insert(u"httpOnly"_s, cookie.isHttpOnly());
    o.insert(u"secure"_s, cookie.isSecure());
    return o;
}

QString reasonName(HopReason reason)
{
    switch (reason) {
    case HopReason::Initial:
        return u"initial"_s;
    case HopReason::Redirect:
        return u"redirect"_s;
    case HopReason::AuthRetry:
        return u"authRetry"_s;
    case HopReason::ProxyAuthRetry:
        return u"proxyAuthRetry"_s;
    }
    return u"initial"_s;
}

} // namespace

HarWriter::HarWriter() : HarWriter(Options{}) {}

HarWriter::HarWriter(Options options) : m_options(options) {}

QByteArray HarWriter::headerValue(const QByteArray &name, const QByteArray &value) const
{
    return m_options.keepSecrets ? value : Redact::headerValue(name, value, Redacted);
}

QString HarWriter::url(const QUrl &url) const
{
    return m_options.keepSecrets ? str(url.toEncoded()) : Redact::urlString(url);
}

QString HarWriter::bodyText(const QString &text, const QByteArray &mime) const
{
    if (m_options.keepSecrets)
        return text;
    const QByteArray m = mime.toLower();
    if (m.contains("json") || text.trimmed().startsWith(u'{') || text.trimmed().startsWith(u'[')) {
        bool changed = false;
        const QByteArray out = Redact::jsonBody(text.toUtf8(), &changed);
        return changed ? str(out) : text;
    }
    if (m.startsWith("application/x-www-form-urlencoded"))
        return str(Redact::formBody(text.toUtf8()));
    return text;
}

QJsonObject HarWriter::request(const Exchange &ex) const
{
    QJsonObject r;
    r.insert(u"method"_s, str(ex.method));
    r.insert(u"url"_s, url(ex.url));
    r.insert(u"httpVersion"_s, str(ex.httpVersion.isEmpty() ? QByteArray() : ex.requestVersion()));

    QJsonArray cookies;
    if (!ex.cookiesSent->isEmpty()) {
        for (const QNetworkCookie &c : *ex.cookiesSent)
            cookies.append(cookieJson(c, m_options.keepSecrets, false));
    } else {
        const QList<QByteArray> cookieHeaders = Headers::values(ex.requestHeaders, "cookie");
        for (const QByteArray &h : cookieHeaders) {
            const QList<QNetworkCookie> parsed = QNetworkCookie::parseCookies(h);
            for (const QNetworkCookie &c : parsed)
                cookies.append(cookieJson(c, m_options.keepSecrets, false));
        }
    }
    r.insert(u"cookies"_s, cookies);
    r.insert(u"headers"_s, headersJson(ex.requestHeaders, *this));

    QJsonArray query;
    const QList<QPair<QString, QString>> items = QUrlQuery(ex.url).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        const bool hide = !m_options.keepSecrets && Redact::isSecretParameter(item.first);
        query.append(QJsonObject{{u"name"_s, item.first},
                                 {u"value"_s, hide ? QString::fromLatin1(Redacted) : item.second}});
    }
    r.insert(u"queryString"_s, query);

    const qint64 bodySize = ex.requestBody ? ex.requestBody->size() : 0;
    if (bodySize > 0) {
        const QByteArray mime = Headers::value(ex.requestHeaders, "content-type");
        const BodyText body = readBody(ex.requestBody, mime, m_options.maxBodyBytes);
        QJsonObject post{{u"mimeType"_s, str(mime)},
                         {u"text"_s, body.base64 ? body.text : bodyText(body.text, mime)}};
        if (body.base64)
            post.insert(u"_encoding"_s, u"base64"_s);
        if (!body.comment.isEmpty())
            post.insert(u"comment"_s, body.comment);
        if (!body.base64 && mime.toLower().startsWith("application/x-www-form-urlencoded")) {
            QJsonArray params;
            const QList<QPair<QString, QString>> pairs =
                QUrlQuery(QString(body.text).replace(u'+', u' ')).queryItems(QUrl::FullyDecoded);
            for (const auto &p : pairs) {
                const bool hide = !m_options.keepSecrets && Redact::isSecretField(p.first);
                params.append(QJsonObject{{u"name"_s, p.first},
                                          {u"value"_s, hide ? QString::fromLatin1(Redacted) : p.second}});
            }
            post.insert(u"params"_s, params);
        }
        r.insert(u"postData"_s, post);
    }
    r.insert(u"headersSize"_s, -1);
    r.insert(u"bodySize"_s, bodySize);
    return r;
}

QJsonObject HarWriter::response(const Exchange &ex) const
{
    QJsonObject r;
    r.insert(u"status"_s, ex.statusCode);
    r.insert(u"statusText"_s, str(ex.reasonPhrase));
    r.insert(u"httpVersion"_s, str(ex.httpVersion));
    QJsonArray cookies;
    for (const QNetworkCookie &c : *ex.cookiesSet)
        cookies.append(cookieJson(c, m_options.keepSecrets, true));
    r.insert(u"cookies"_s, cookies);
    r.insert(u"headers"_s, headersJson(ex.responseHeaders, *this));

    const QByteArray contentType = Headers::value(ex.responseHeaders, "content-type");
    const BodyText body = readBody(ex.responseBody, ex.mimeType(), m_options.maxBodyBytes);
    QJsonObject content;
    const qint64 size = ex.responseBody ? ex.responseBody->size() : ex.decodedBodySize;
    content.insert(u"size"_s, size);
    if (ex.wireBodySize >= 0 && size >= ex.wireBodySize)
        content.insert(u"compression"_s, size - ex.wireBodySize);
    content.insert(u"mimeType"_s, contentType.isEmpty() ? u"x-unknown"_s : str(contentType));
    if (body.size > 0) {
        content.insert(u"text"_s, body.base64 ? body.text : bodyText(body.text, ex.mimeType()));
        if (body.base64)
            content.insert(u"encoding"_s, u"base64"_s);
    }
    if (!body.comment.isEmpty())
        content.insert(u"comment"_s, body.comment);
    r.insert(u"content"_s, content);
    const QByteArray location = Headers::value(ex.responseHeaders, "location");
    r.insert(u"redirectURL"_s,
             m_options.keepSecrets || location.isEmpty() ? str(location) : Redact::urlText(str(location)));
    r.insert(u"headersSize"_s, ex.statusCode > 0 && ex.wireHeaderSize > 0 ? ex.wireHeaderSize : -1);
    r.insert(u"bodySize"_s, ex.statusCode > 0 ? ex.wireBodySize : -1);
    return r;
}

QJsonObject HarWriter::entry(const Exchange &ex) const
{
    QJsonObject e;
    QDateTime started = ex.startedAt;
    if (!started.isValid())
        started =
            ex.timings.startNs >= 0 ? wallClockAt(ex.timings.startNs) : QDateTime::fromMSecsSinceEpoch(0);
    e.insert(u"startedDateTime"_s, started.toUTC().toString(Qt::ISODateWithMs));
    const HarTimings t = HarTimings::fromTimings(ex.timings, ex.tls->used);
    e.insert(u"time"_s, t.total());
    e.insert(u"request"_s, request(ex));
    e.insert(u"response"_s, response(ex));
    e.insert(u"cache"_s, QJsonObject());
    e.insert(u"timings"_s, t.toJson());

    QJsonObject p{{u"id"_s, qint64(ex.id)},
                  {u"chainId"_s, qint64(ex.chainId)},
                  {u"previousId"_s, qint64(ex.previousId)},
                  {u"hop"_s, ex.hop},
                  {u"reason"_s, reasonName(ex.reason)}};
    if (!ex.group.isEmpty())
        p.insert(u"group"_s, ex.group);
    if (!ex.notes->isEmpty())
        p.insert(u"notes"_s, QJsonArray::fromStringList(*ex.notes));
    if (ex.error.isError())
        p.insert(u"error"_s, QJsonObject{{u"kind"_s, int(ex.error.kind)}, {u"message"_s, ex.error.message}});
    if (ex.tls->used) {
        p.insert(u"tls"_s, QJsonObject{{u"protocol"_s, ex.tls->protocol},
                                       {u"cipher"_s, ex.tls->cipher},
                                       {u"errors"_s, QJsonArray::fromStringList(ex.tls->errors)},
                                       {u"verificationDisabled"_s, ex.tls->verificationDisabled}});
    }
    if (!ex.auth->sentScheme.isEmpty())
        p.insert(u"authScheme"_s, ex.auth->sentScheme);
    e.insert(u"_peephole"_s, p);
    if (ex.error.isError())
        e.insert(u"comment"_s, ex.error.message);
    return e;
}

QJsonObject HarWriter::toJson(const QList<Exchange> &exchanges) const
{
    QJsonArray entries;
    for (const Exchange &ex : exchanges)
        entries.append(entry(ex));
    QJsonObject log{{u"version"_s, u"1.2"_s},
                    {u"creator"_s, QJsonObject{{u"name"_s, u"Peephole"_s},
                                               {u"version"_s, QStringLiteral(PEEPHOLE_VERSION)}}},
                    {u"entries"_s, entries}};
    if (!m_options.keepSecrets)
        log.insert(u"comment"_s, tr("Credentials were redacted by Peephole: the values of Authorization, "
                                    "Proxy-Authorization, Cookie, Set-Cookie and other secret headers, "
                                    "passwords in URLs, secret query parameters and JSON or form fields "
                                    "named like secrets."));
    return QJsonObject{{u"log"_s, log}};
}

QByteArray HarWriter::toBytes(const QList<Exchange> &exchanges) const
{
    return QJsonDocument(toJson(exchanges)).toJson(QJsonDocument::Indented);
}

bool HarWriter::writeFile(const QString &path, const QList<Exchange> &exchanges, QString *error) const
{
    if (!Io::writeFile(path, toBytes(exchanges), error))
        return false;
    qCDebug(lcFormats) << "HAR written:" << path << exchanges.size() << "entries";
    return true;
}

} // namespace Peephole
