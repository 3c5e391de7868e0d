#include "formats/harreader.h"

#include "formats/formatslog.h"
#include "formats/harreader_p.h"
#include "formats/hartimings.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace HarDetail {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::HarReader", text);
}

QDateTime parseDate(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (dt.isValid())
        return dt;
    // More than three fraction digits ("2024-03-05T10:15:30.123456Z"): keep milliseconds.
    static const QRegularExpression longFraction(u"(\\.\\d{3})\\d+"_s);
    QString shortened = text;
    shortened.replace(longFraction, u"\\1"_s);
    return QDateTime::fromString(shortened, Qt::ISODateWithMs);
}

HeaderList headerList(const QJsonValue &value)
{
    HeaderList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"name"_s).toString().toUtf8(), o.value(u"value"_s).toString().toUtf8(), true});
    }
    return out;
}

QList<QNetworkCookie> cookieList(const QJsonValue &value)
{
    QList<QNetworkCookie> out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        QNetworkCookie c(o.value(u"name"_s).toString().toUtf8(), o.value(u"value"_s).toString().toUtf8());
        c.setPath(o.value(u"path"_s).toString());
        c.setDomain(o.value(u"domain"_s).toString());
        const QDateTime expires = parseDate(o.value(u"expires"_s).toString());
        if (expires.isValid())
            c.setExpirationDate(expires);
        c.setHttpOnly(o.value(u"httpOnly"_s).toBool());
        c.setSecure(o.value(u"secure"_s).toBool());
        out.append(c);
    }
    return out;
}

HopReason reasonFromName(const QString &name)
{
    if (name == u"redirect")
        return HopReason::Redirect;
    if (name == u"authRetry")
        return HopReason::AuthRetry;
    if (name == u"proxyAuthRetry")
        return HopReason::ProxyAuthRetry;
    return HopReason::Initial;
}

QByteArray postDataBytes(const QJsonObject &post)
{
    if (post.contains(u"text"_s)) {
        const QString text = post.value(u"text"_s).toString();
        if (post.value(u"_encoding"_s).toString() == u"base64" ||
            post.value(u"encoding"_s).toString() == u"base64")
            return QByteArray::fromBase64(text.toLatin1());
        return text.toUtf8();
    }
    // Only params: rebuild an urlencoded body.
    QByteArrayList pairs;
    const QJsonArray params = post.value(u"params"_s).toArray();
    for (const QJsonValue &v : params) {
        const QJsonObject p = v.toObject();
        pairs.append(p.value(u"name"_s).toString().toUtf8().toPercentEncoding() + '=' +
                     p.value(u"value"_s).toString().toUtf8().toPercentEncoding());
    }
    return pairs.join('&');
}

// Years 1 and 9999 in one file must not overflow the nanosecond clock: at most 3e12 ms (~95 years).
qint64 startNsFor(const QDateTime &startedAt, qint64 baseMs)
{
    return startedAt.isValid() ? qBound<qint64>(0, startedAt.toMSecsSinceEpoch() - baseMs, Q_INT64_C(3'000'000'000'000)) * 1000000
                               : 0;
}

bool EntryReader::read(const QJsonObject &entry, int index, Exchange *out)
{
    const QJsonObject req = entry.value(u"request"_s).toObject();
    const QJsonObject resp = entry.value(u"response"_s).toObject();
    const QString urlText = req.value(u"url"_s).toString();
    const QString itemName =
        tr("entry %1 (%2)").arg(index + 1).arg(urlText.isEmpty() ? tr("no URL") : urlText);
    const QUrl url(urlText, QUrl::StrictMode);
    if (req.isEmpty() || !req.value(u"method"_s).isString() || urlText.isEmpty() || !url.isValid()) {
        result.issues.append({itemName, tr("Skipped: the entry has no request method or no valid URL.")});
        return false;
    }

    Exchange &ex = *out;
    ex = Exchange();
    ex.finished = true;
    ex.method = req.value(u"method"_s).toString().toUtf8();
    ex.url = url;
    ex.requestHeaders = headerList(req.value(u"headers"_s));
    ex.cookiesSent = cookieList(req.value(u"cookies"_s));
    const QJsonObject post = req.value(u"postData"_s).toObject();
    if (!post.isEmpty()) {
        ex.requestBody = BodyStore::fromBytes(postDataBytes(post));
        const QJsonArray params = post.value(u"params"_s).toArray();
        for (const QJsonValue &v : params) {
            if (v.toObject().contains(u"fileName"_s)) {
                result.issues.append({itemName, tr("An uploaded file's content is not in the HAR; the "
                                                   "request body is incomplete.")});
                break;
            }
        }
    }

    ex.statusCode = resp.value(u"status"_s).toInt();
    ex.reasonPhrase = resp.value(u"statusText"_s).toString().toUtf8();
    QString version = resp.value(u"httpVersion"_s).toString();
    if (version.isEmpty())
        version = req.value(u"httpVersion"_s).toString();
    if (version.compare(u"h2"_s, Qt::CaseInsensitive) == 0 ||
        version.compare(u"http/2.0"_s, Qt::CaseInsensitive) == 0)
        version = u"HTTP/2"_s;
    else if (version.compare(u"h3"_s, Qt::CaseInsensitive) == 0)
        version = u"HTTP/3"_s;
    ex.httpVersion = version.toUpper().toUtf8();
    ex.responseHeaders = headerList(resp.value(u"headers"_s));
    ex.cookiesSet = cookieList(resp.value(u"cookies"_s));
    const QJsonObject content = resp.value(u"content"_s).toObject();
    const qint64 contentSize = content.value(u"size"_s).toInteger(-1);
    if (content.contains(u"text"_s)) {
        const QString text = content.value(u"text"_s).toString();
        const QByteArray bytes = content.value(u"encoding"_s).toString() == u"base64"
                                     ? QByteArray::fromBase64(text.toLatin1())
                                     : text.toUtf8();
        ex.responseBody = BodyStore::fromBytes(bytes);
        ex.decodedBodySize = bytes.size();
        if (contentSize > bytes.size())
            result.issues.append({itemName, tr("The response body in the HAR is shorter than the original "
                                               "(%1 of %2 bytes).")
                                                .arg(bytes.size())
                                                .arg(contentSize)});
    } else {
        ex.responseBody = BodyStore::fromBytes(QByteArray());
        ex.decodedBodySize = 0;
        if (contentSize > 0)
            result.issues.append(
                {itemName, tr("The response body (%1 bytes) was not saved in the HAR.").arg(contentSize)});
    }
    ex.wireBodySize = resp.value(u"bodySize"_s).toInteger(-1);
    ex.wireHeaderSize = qMax<qint64>(0, resp.value(u"headersSize"_s).toInteger(0));

    ex.startedAt = parseDate(entry.value(u"startedDateTime"_s).toString());
    if (!ex.startedAt.isValid())
        result.issues.append(
            {itemName, tr("The start time is missing or not ISO 8601; the timeline shows it at 0.")});
    const qint64 startNs = startNsFor(ex.startedAt, baseMs);
    const HarTimings t = HarTimings::fromJson(entry.value(u"timings"_s).toObject());
    ex.timings = t.toTimings(startNs, url.scheme() == u"https", ex.statusCode > 0);
    if (url.scheme() == u"https")
        ex.tls.edit().used = true;

    const QJsonObject p = entry.value(u"_peephole"_s).toObject();
    if (!p.isEmpty()) {
        ex.id = quint64(p.value(u"id"_s).toInteger());
        ex.chainId = quint64(p.value(u"chainId"_s).toInteger());
        ex.previousId = quint64(p.value(u"previousId"_s).toInteger());
        ex.hop = p.value(u"hop"_s).toInt();
        ex.reason = reasonFromName(p.value(u"reason"_s).toString());
        ex.group = p.value(u"group"_s).toString();
        const QJsonArray notes = p.value(u"notes"_s).toArray();
        for (const QJsonValue &n : notes)
            ex.notes.edit().append(n.toString());
        const QJsonObject error = p.value(u"error"_s).toObject();
        if (!error.isEmpty()) {
            ex.error.kind = ExchangeError::Kind(
                qBound(0, error.value(u"kind"_s).toInt(), int(ExchangeError::Kind::Other)));
            ex.error.message = error.value(u"message"_s).toString();
        }
        const QJsonObject tls = p.value(u"tls"_s).toObject();
        if (!tls.isEmpty()) {
            TlsInfo &info = ex.tls.edit();
            info.protocol = tls.value(u"protocol"_s).toString();
            info.cipher = tls.value(u"cipher"_s).toString();
            const QJsonArray errors = tls.value(u"errors"_s).toArray();
            for (const QJsonValue &e : errors)
                info.errors.append(e.toString());
            info.verificationDisabled = tls.value(u"verificationDisabled"_s).toBool();
        }
        if (const QString scheme = p.value(u"authScheme"_s).toString(); !scheme.isEmpty())
            ex.auth.edit().sentScheme = scheme;
    } else {
        ex.id = quint64(index + 1);
        ex.chainId = ex.id;
    }
    // Chrome writes failures as status 0 with "_error" ("net::ERR_CONNECTION_REFUSED").
    const QString chromeError = resp.value(u"_error"_s).toString();
    if (ex.statusCode == 0 && !ex.error.isError()) {
        ex.error.kind = ExchangeError::Kind::Other;
        ex.error.message =
            chromeError.isEmpty() ? tr("No response was recorded in the HAR file.") : chromeError;
    }

    *out = std::move(ex);
    return true;
}

void readVersion(const QString &version, HarImportResult *result)
{
    if (!version.isEmpty() && version != u"1.2" && version != u"1.1")
        result->issues.prepend(
            {u"log.version"_s, tr("HAR version %1 is not 1.2; reading it as 1.2.").arg(version)});
}

QString creatorName(const QJsonObject &creator)
{
    return QString(creator.value(u"name"_s).toString() + u' ' + creator.value(u"version"_s).toString())
        .trimmed();
}

void notJson(const ParseError &where, HarImportResult *result)
{
    *result = HarImportResult();
    result->error.line = where.line;
    result->error.column = where.column;
    result->error.message = tr("This is not a HAR file: the JSON is invalid (%1).").arg(where.message);
}

void noLog(HarImportResult *result)
{
    result->error.where = u"log"_s;
    result->error.message = tr("This is not a HAR file: it has no \"log\" object.");
}

void noEntries(HarImportResult *result)
{
    result->error.where = u"log.entries"_s;
    result->error.message = tr("This is not a HAR file: \"log.entries\" is missing or not a list.");
}

} // namespace HarDetail

using namespace HarDetail;

RequestSpec HarReader::toRequest(const Exchange &ex)
{
    RequestSpec spec;
    spec.method = ex.method;
    spec.url = ex.url;
    spec.name = QString::fromUtf8(ex.method) + u' ' + ex.url.path();
    for (const HeaderField &field : ex.requestHeaders) {
        if (field.name.startsWith(':') || field.name.compare("host", Qt::CaseInsensitive) == 0 ||
            field.name.compare("content-length", Qt::CaseInsensitive) == 0)
            continue;
        spec.headers.append(field);
    }
    if (ex.requestBody && ex.requestBody->size() > 0) {
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.raw = ex.requestBody->read(0, ex.requestBody->size());
    }
    spec.auth.scheme = AuthSettings::Scheme::None; // any Authorization is among the headers
    return spec;
}

HarImportResult HarReader::readDocument(const QByteArray &json)
{
    HarImportResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        ParseError where;
        lineAndColumn(json, parseError.offset, &where.line, &where.column);
        where.message = parseError.errorString();
        notJson(where, &result);
        return result;
    }
    const QJsonObject log = doc.object().value(u"log"_s).toObject();
    if (log.isEmpty()) {
        noLog(&result);
        return result;
    }
    if (!log.value(u"entries"_s).isArray()) {
        noEntries(&result);
        return result;
    }
    readVersion(log.value(u"version"_s).toString(), &result);
    result.creator = creatorName(log.value(u"creator"_s).toObject());

    const QJsonArray entries = log.value(u"entries"_s).toArray();
    EntryReader reader{result};
    reader.baseMs = std::numeric_limits<qint64>::max();
    for (const QJsonValue &v : entries) {
        const QDateTime dt = parseDate(v.toObject().value(u"startedDateTime"_s).toString());
        if (dt.isValid())
            reader.baseMs = qMin(reader.baseMs, dt.toMSecsSinceEpoch());
    }
    if (reader.baseMs == std::numeric_limits<qint64>::max())
        reader.baseMs = 0;
    for (int i = 0; i < entries.size(); ++i) {
        Exchange ex;
        if (reader.read(entries.at(i).toObject(), i, &ex)) {
            result.requests.append(HarReader::toRequest(ex));
            result.exchanges.append(std::move(ex));
        }
    }
    result.ok = true;
    return result;
}

HarImportResult HarReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        HarImportResult result;
        result.error.message = tr("Cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    return read(&file);
}

} // namespace Peephole
