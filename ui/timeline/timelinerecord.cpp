#include "timeline/timelinerecord.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString trRecord(const char *text)
{
    return QCoreApplication::translate("Peephole::TimelineRecord", text);
}
} // namespace

StatusClass TimelineRecord::statusClass() const
{
    if (errorKind != ExchangeError::Kind::None)
        return StatusClass::Error;
    if (statusCode <= 0)
        return finished ? StatusClass::Error : StatusClass::Pending;
    switch (statusCode / 100) {
    case 1:
        return StatusClass::Informational;
    case 2:
        return StatusClass::Success;
    case 3:
        return StatusClass::Redirect;
    case 4:
        return StatusClass::ClientError;
    case 5:
        return StatusClass::ServerError;
    default:
        return StatusClass::Error;
    }
}

QString TimelineRecord::path() const
{
    if (pathAndQuery.isEmpty())
        return u"/"_s;
    return pathIsLatin1 ? QString::fromLatin1(pathAndQuery) : QString::fromUtf8(pathAndQuery);
}

bool TimelineRecord::pathLessThan(const TimelineRecord &a, const TimelineRecord &b)
{
    if (a.pathIsLatin1 && b.pathIsLatin1) {
        // Latin-1 bytes compare like their code points; an empty path reads "/".
        const QByteArrayView pa =
            a.pathAndQuery.isEmpty() ? QByteArrayView("/") : QByteArrayView(a.pathAndQuery);
        const QByteArrayView pb =
            b.pathAndQuery.isEmpty() ? QByteArrayView("/") : QByteArrayView(b.pathAndQuery);
        return std::lexicographical_compare(pa.begin(), pa.end(), pb.begin(), pb.end(),
                                            [](char x, char y) { return uchar(x) < uchar(y); });
    }
    return a.path() < b.path();
}

QString TimelineRecord::url() const
{
    if (pathAndQuery.isEmpty())
        return texts->origin;
    return texts->origin +
           (pathIsLatin1 ? QString::fromLatin1(pathAndQuery) : QString::fromUtf8(pathAndQuery));
}

qint64 lastKnownNs(const Timings &t)
{
    for (qint64 v : {t.finishedNs, t.headersNs, t.requestSentNs, t.tlsDoneNs, t.connectStartNs, t.startNs}) {
        if (v >= 0)
            return v;
    }
    return -1;
}

QString errorKindText(ExchangeError::Kind kind)
{
    using K = ExchangeError::Kind;
    switch (kind) {
    case K::None:
        return {};
    case K::ConnectionRefused:
        return trRecord("Connection refused");
    case K::HostNotFound:
        return trRecord("Host not found");
    case K::Timeout:
        return trRecord("Timed out");
    case K::Tls:
        return trRecord("TLS error");
    case K::ConnectionReset:
        return trRecord("Connection reset");
    case K::MalformedResponse:
        return trRecord("Malformed response");
    case K::Proxy:
        return trRecord("Proxy error");
    case K::TooManyRedirects:
        return trRecord("Too many redirects");
    case K::RedirectLoop:
        return trRecord("Redirect loop");
    case K::Cancelled:
        return trRecord("Cancelled");
    case K::RequestBody:
        return trRecord("Request body unreadable");
    case K::Output:
        return trRecord("Output not writable");
    case K::BodyTooLarge:
        return trRecord("Body too large");
    case K::Other:
        return trRecord("Failed");
    }
    return trRecord("Failed");
}

QString standardReasonPhrase(int code)
{
    // Reason phrases are protocol text (RFC 9110), shown as received: not translated.
    switch (code) {
    case 100:
        return u"Continue"_s;
    case 101:
        return u"Switching Protocols"_s;
    case 200:
        return u"OK"_s;
    case 201:
        return u"Created"_s;
    case 202:
        return u"Accepted"_s;
    case 203:
        return u"Non-Authoritative Information"_s;
    case 204:
        return u"No Content"_s;
    case 206:
        return u"Partial Content"_s;
    case 301:
        return u"Moved Permanently"_s;
    case 302:
        return u"Found"_s;
    case 303:
        return u"See Other"_s;
    case 304:
        return u"Not Modified"_s;
    case 307:
        return u"Temporary Redirect"_s;
    case 308:
        return u"Permanent Redirect"_s;
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 406:
        return u"Not Acceptable"_s;
    case 407:
        return u"Proxy Authentication Required"_s;
    case 408:
        return u"Request Timeout"_s;
    case 409:
        return u"Conflict"_s;
    case 410:
        return u"Gone"_s;
    case 411:
        return u"Length Required"_s;
    case 412:
        return u"Precondition Failed"_s;
    case 413:
        return u"Content Too Large"_s;
    case 414:
        return u"URI Too Long"_s;
    case 415:
        return u"Unsupported Media Type"_s;
    case 416:
        return u"Range Not Satisfiable"_s;
    case 418:
        return u"I'm a teapot"_s;
    case 422:
        return u"Unprocessable Content"_s;
    case 425:
        return u"Too Early"_s;
    case 426:
        return u"Upgrade Required"_s;
    case 428:
        return u"Precondition Required"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 431:
        return u"Request Header Fields Too Large"_s;
    case 451:
        return u"Unavailable For Legal Reasons"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 501:
        return u"Not Implemented"_s;
    case 502:
        return u"Bad Gateway"_s;
    case 503:
        return u"Service Unavailable"_s;
    case 504:
        return u"Gateway Timeout"_s;
    case 505:
        return u"HTTP Version Not Supported"_s;
    default:
        return {};
    }
}

QString shortMimeType(const QString &mime)
{
    if (mime.isEmpty())
        return {};
    qsizetype slash = mime.indexOf(u'/');
    QString sub = slash >= 0 ? mime.mid(slash + 1) : mime;
    // application/problem+json -> json; image/svg+xml -> svg
    const qsizetype plus = sub.lastIndexOf(u'+');
    if (plus >= 0) {
        const QString suffix = sub.mid(plus + 1);
        if (suffix == u"json" || suffix == u"xml")
            return mime.startsWith(u"image/") ? sub.left(plus) : suffix;
    }
    if (sub.startsWith(u"x-"))
        sub = sub.mid(2);
    if (sub == u"javascript" || sub == u"ecmascript")
        return u"js"_s;
    if (sub == u"plain")
        return u"text"_s;
    if (sub == u"octet-stream")
        return u"binary"_s;
    if (sub == u"jpeg")
        return u"jpg"_s;
    return sub;
}

QString TimelineRecordFactory::methodText(const QByteArray &method)
{
    auto it = m_methods.constFind(method);
    if (it != m_methods.constEnd())
        return it.value();
    const QString text = QString::fromLatin1(method);
    m_methods.insert(method, text);
    return text;
}

QString TimelineRecordFactory::statusText(const Exchange &e)
{
    if (e.statusCode > 0 && !e.error.isError()) {
        const QString standard = standardReasonPhrase(e.statusCode);
        const QByteArray reason = e.reasonPhrase.trimmed();
        if (reason.isEmpty() || QLatin1StringView(reason) == standard) {
            auto it = m_standardStatus.constFind(e.statusCode);
            if (it != m_standardStatus.constEnd())
                return it.value();
            const QString text = standard.isEmpty() ? QString::number(e.statusCode)
                                                    : QString::number(e.statusCode) + u' ' + standard;
            m_standardStatus.insert(e.statusCode, text);
            return text;
        }
        return intern(QString::number(e.statusCode) + u' ' + QString::fromLatin1(reason));
    }
    QString status;
    if (e.statusCode > 0) {
        QString reason = QString::fromLatin1(e.reasonPhrase).trimmed();
        if (reason.isEmpty())
            reason = standardReasonPhrase(e.statusCode);
        status = QString::number(e.statusCode) + u' ' + reason + u" · " + errorKindText(e.error.kind);
    } else if (e.error.isError()) {
        status = errorKindText(e.error.kind);
    } else if (!e.finished) {
        status = trRecord("Pending");
    } else {
        status = trRecord("No response");
    }
    return intern(status);
}

std::pair<QString, QString> TimelineRecordFactory::mimeTexts(const HeaderList &responseHeaders)
{
    const QByteArray contentType = Headers::value(responseHeaders, "content-type");
    auto it = m_mimes.constFind(contentType);
    if (it != m_mimes.constEnd())
        return it.value();
    QByteArray type = contentType;
    const qsizetype semi = type.indexOf(';');
    if (semi >= 0)
        type.truncate(semi);
    const QString mime = intern(QString::fromLatin1(type.trimmed().toLower()));
    const std::pair<QString, QString> texts{mime, intern(shortMimeType(mime))};
    m_mimes.insert(contentType, texts);
    return texts;
}

TimelineRecordFactory::TimelineRecordFactory() = default;
TimelineRecordFactory::~TimelineRecordFactory() = default;

TimelineRecord TimelineRecordFactory::make(const Exchange &e)
{
    TimelineRecord r;
    r.id = e.id;
    r.hop = e.hop;
    r.statusCode = e.statusCode;
    r.errorKind = e.error.kind;
    r.finished = e.finished;

    // One QUrl call, then split into the origin (shared between rows) and the path and query.
    const QString url = e.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    const qsizetype schemeEnd = url.indexOf(u"://");
    const qsizetype authority = schemeEnd >= 0 ? schemeEnd + 3 : 0;
    qsizetype pathPos = url.size();
    for (qsizetype i = authority; i < url.size(); ++i) {
        const QChar c = url.at(i);
        if (c == u'/' || c == u'?' || c == u'#') {
            pathPos = i;
            break;
        }
    }
    qsizetype hostEnd = pathPos;
    if (authority < pathPos && url.at(authority) == u'[') {
        const qsizetype close = url.indexOf(u']', authority);
        if (close >= 0 && close < pathPos)
            hostEnd = close + 1;
    } else {
        const qsizetype colon = url.lastIndexOf(u':', pathPos - 1);
        if (colon >= authority)
            hostEnd = colon;
    }
    if (pathPos < url.size()) {
        const QStringView path = QStringView(url).mid(pathPos);
        r.pathIsLatin1 = std::all_of(path.begin(), path.end(), [](QChar c) { return c.unicode() < 256; });
        if (r.pathIsLatin1) {
            r.pathAndQuery = path.toLatin1();
        } else {
            r.pathAndQuery = path.toUtf8();
            r.pathAndQuery.squeeze(); // the conversion reserves three bytes a character
        }
    }
    const QString origin = originText(QStringView(url).left(pathPos));
    const QString method = methodText(e.method);
    const QString status = statusText(e);
    const auto mimes = mimeTexts(e.responseHeaders);

    const TextsKey key{method.constData(), status.constData(), mimes.first.constData(), origin.constData(),
                       e.error.message};
    auto it = m_textsIndex.constFind(key);
    if (it == m_textsIndex.constEnd()) {
        TimelineTexts &t = m_texts.emplace_back();
        t.method = method;
        t.statusText = status;
        t.mime = mimes.first;
        t.mimeShort = mimes.second;
        t.origin = origin;
        t.errorMessage = e.error.message;
        t.hostPos = qint32(authority);
        t.hostLen = qint32(hostEnd - authority);
        it = m_textsIndex.insert(key, &t);
    }
    r.texts = it.value();
    return r;
}

qint64 displaySize(const Exchange &e)
{
    if (e.decodedBodySize > 0)
        return e.decodedBodySize;
    if (e.responseBody)
        return e.responseBody->size();
    return e.finished ? 0 : -1;
}

void TimelineRecordFactory::clear()
{
    m_strings.clear();
    m_methods.clear();
    m_standardStatus.clear();
    m_mimes.clear();
    m_origins.clear();
    m_textsIndex.clear();
    m_texts.clear();
    m_texts.shrink_to_fit();
}

QString TimelineRecordFactory::originText(QStringView origin)
{
    // Looked up by hash first: no string is built for an origin already known (nearly every row).
    const size_t key = qHash(origin);
    const auto it = m_origins.constFind(key);
    if (it != m_origins.constEnd() && it.value() == origin)
        return it.value();
    const QString text = origin.toString();
    if (it == m_origins.constEnd())
        m_origins.insert(key, text);
    return text;
}

QString TimelineRecordFactory::intern(const QString &s)
{
    if (s.isEmpty())
        return {};
    auto it = m_strings.constFind(s);
    if (it != m_strings.constEnd())
        return it.value();
    m_strings.insert(s, s);
    return s;
}

} // namespace Peephole
