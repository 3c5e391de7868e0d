#include "http/requestbuilder.h"

#include "http/bodystore.h"
#include "http/contentdecoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkCookieJar>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::RequestBuilder", text);
}

QByteArray formEncode(const QList<QPair<QByteArray, QByteArray>> &form)
{
    QByteArray out;
    for (const auto &[name, value] : form) {
        if (!out.isEmpty())
            out += '&';
        out += name.toPercentEncoding("*-._") + '=' + value.toPercentEncoding("*-._");
    }
    return out.replace("%20", "+");
}

bool appendFile(BodyStore &store, const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the multipart file %1: %2").arg(path, f.errorString());
        return false;
    }
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(1 << 20);
        if (!store.append(chunk)) {
            *error = store.errorString();
            return false;
        }
    }
    return true;
}

std::shared_ptr<BodyStore> buildMultipart(const QList<MultipartPart> &parts, QByteArray *contentType,
                                          QString *error)
{
    const QByteArray boundary =
        "----PeepholeBoundary" + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    auto store = std::make_shared<BodyStore>();
    for (const MultipartPart &part : parts) {
        QByteArray head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        QByteArray type = part.contentType;
        if (!part.filePath.isEmpty()) {
            const QByteArray fileName =
                part.fileName.isEmpty() ? QFileInfo(part.filePath).fileName().toUtf8() : part.fileName;
            head += "; filename=\"" + fileName + '"';
            if (type.isEmpty())
                type = QMimeDatabase().mimeTypeForFile(part.filePath).name().toUtf8();
        }
        head += "\r\n";
        if (!type.isEmpty())
            head += "Content-Type: " + type + "\r\n";
        head += "\r\n";
        store->append(head);
        if (!part.filePath.isEmpty()) {
            if (!appendFile(*store, part.filePath, error))
                return nullptr;
        } else {
            store->append(part.value);
        }
        store->append("\r\n"_ba);
    }
    store->append("--" + boundary + "--\r\n");
    store->finish();
    *contentType = "multipart/form-data; boundary=" + boundary;
    return store;
}

QByteArray acceptLanguage()
{
    // The value Qt's HTTP stack would add on its own; set explicitly so the
    // record shows exactly what is sent.
    QString locale = QLocale::system().name().replace(u'_', u'-');
    if (locale == u"C"_s)
        return "en,*";
    if (locale.startsWith(u"en-"_s))
        return (locale + u",*"_s).toLatin1();
    return (locale + u",en,*"_s).toLatin1();
}

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port();
    const bool defaultPort =
        port < 0 || (url.scheme() == u"http"_s && port == 80) || (url.scheme() == u"https"_s && port == 443);
    if (!defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}
QNetworkRequest qtRequest(const QUrl &url, const RequestOptions &options, const HeaderList &fields)
{
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute,
                     options.http2Allowed || options.h2cPriorKnowledge);
    req.setAttribute(QNetworkRequest::Http2DirectAttribute, options.h2cPriorKnowledge);
    req.setTransferTimeout(0); // The transfer enforces its own inactivity timeout.
    for (const HeaderField &h : fields)
        req.setRawHeader(h.name, h.value);
    return req;
}
} // namespace

QByteArray defaultUserAgent()
{
    return "Peephole/" + QCoreApplication::applicationVersion().toLatin1();
}

std::shared_ptr<BodyStore> materializeBody(const RequestBody &body, QByteArray *contentType, QString *error)
{
    switch (body.kind) {
    case RequestBody::Kind::None:
        return nullptr;
    case RequestBody::Kind::Raw:
        *contentType = body.contentType;
        return BodyStore::fromBytes(body.raw);
    case RequestBody::Kind::File:
        *contentType = body.contentType.isEmpty()
                           ? QMimeDatabase().mimeTypeForFile(body.filePath).name().toUtf8()
                           : body.contentType;
        return BodyStore::fromFile(body.filePath, error);
    case RequestBody::Kind::FormUrlEncoded:
        *contentType = "application/x-www-form-urlencoded";
        return BodyStore::fromBytes(formEncode(body.form));
    case RequestBody::Kind::Multipart:
        return buildMultipart(body.parts, contentType, error);
    }
    return nullptr;
}

BuiltRequest buildRequest(const Hop &hop, const RequestOptions &options, QNetworkCookieJar *jar, Stack stack)
{
    BuiltRequest out;
    // The user's fields, then the auth layer's, then what the stack needs.
    HeaderList fields;
    for (const HeaderField &h : hop.headers) {
        if (h.enabled)
            fields.append(h);
    }
    for (const HeaderField &h : hop.authHeaders) {
        Headers::remove(fields, h.name);
        fields.append(h);
    }
    // Cookies from the session's jar join a Cookie header the user typed.
    if (jar) {
        out.cookiesSent = jar->cookiesForUrl(hop.url);
        if (!out.cookiesSent.isEmpty()) {
            QByteArray jarCookies;
            for (const QNetworkCookie &c : std::as_const(out.cookiesSent)) {
                if (!jarCookies.isEmpty())
                    jarCookies += "; ";
                jarCookies += c.toRawForm(QNetworkCookie::NameAndValueOnly);
            }
            QByteArray typed = Headers::value(fields, "Cookie");
            Headers::remove(fields, "Cookie");
            fields.append({"Cookie", typed.isEmpty() ? jarCookies : typed + "; " + jarCookies, true});
        }
    }
    if (hop.body) {
        if (!Headers::contains(fields, "Content-Type") && !hop.contentType.isEmpty())
            fields.append({"Content-Type", hop.contentType, true});
        if (!Headers::contains(fields, "Content-Length"))
            fields.append({"Content-Length", QByteArray::number(hop.body->size()), true});
    }
    if (!Headers::contains(fields, "User-Agent"))
        fields.append({"User-Agent", defaultUserAgent(), true});
    if (!Headers::contains(fields, "Accept-Language"))
        fields.append({"Accept-Language", acceptLanguage(), true});
    // Peephole decodes bodies itself (ContentDecoder), so Qt leaves the head as received.
    if (!Headers::contains(fields, "Accept-Encoding"))
        fields.append({"Accept-Encoding", defaultAcceptEncoding(), true});
    if (!Headers::contains(fields, "Host"))
        fields.append({"Host", hostHeader(hop.url), true});

    // QNetworkRequest keeps one value per name: repeated fields are joined as
    // RFC 9110 allows, under the first field's spelling, and recorded that way.
    for (const HeaderField &h : std::as_const(fields)) {
        if (stack == Stack::Http1) {
            out.sentHeaders.append(h);
            continue;
        }
        const auto first =
            std::find_if(out.sentHeaders.begin(), out.sentHeaders.end(), [&h](const HeaderField &s) {
                return s.name.compare(h.name, Qt::CaseInsensitive) == 0;
            });
        if (first == out.sentHeaders.end()) {
            out.sentHeaders.append(h);
        } else {
            first->value += ", " + h.value;
        }
    }
    if (stack == Stack::Qt)
        out.request = qtRequest(hop.url, options, out.sentHeaders);
    // What Qt's HTTP/1 stack appends itself (and the HTTP/1.1 client sends), unless the user set one.
    if (!options.h2cPriorKnowledge && !Headers::contains(out.sentHeaders, "Connection"))
        out.sentHeaders.append({"Connection", "Keep-Alive", true});
    return out;
}

} // namespace Peephole
