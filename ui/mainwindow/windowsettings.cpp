#include "mainwindow/windowsettings.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Peephole::WindowSettings {

namespace {
constexpr qsizetype MaxRememberedBody = 256 * 1024;
}

QJsonObject requestToJson(const RequestSpec &spec)
{
    QJsonArray headers;
    for (const HeaderField &h : spec.headers)
        headers.append(QJsonObject{{u"name"_s, QString::fromLatin1(h.name)},
                                   {u"value"_s, QString::fromUtf8(h.value)},
                                   {u"enabled"_s, h.enabled}});
    QJsonObject json{
        {u"method"_s, QString::fromLatin1(spec.method)},
        {u"url"_s, spec.url.toString()},
        {u"headers"_s, headers},
        {u"authScheme"_s, int(spec.auth.scheme)},
        {u"authUser"_s, spec.auth.user},
        {u"timeoutMs"_s, spec.options.timeoutMs},
        {u"follow"_s, spec.options.followRedirects},
        {u"maxRedirects"_s, spec.options.maxRedirects},
        {u"verifyTls"_s, spec.options.verifyTls},
        {u"http2"_s, spec.options.http2Allowed},
        {u"proxy"_s, spec.options.proxy.toString()},
    };
    if (spec.body.kind == RequestBody::Kind::Raw && spec.body.raw.size() <= MaxRememberedBody) {
        json.insert(u"body"_s, QString::fromUtf8(spec.body.raw));
        json.insert(u"contentType"_s, QString::fromUtf8(spec.body.contentType));
    } else if (spec.body.kind == RequestBody::Kind::File) {
        json.insert(u"bodyFile"_s, spec.body.filePath);
    }
    return json;
}

RequestSpec requestFromJson(const QJsonObject &json)
{
    RequestSpec spec;
    spec.method = json.value(u"method"_s).toString(u"GET"_s).toLatin1();
    spec.url = QUrl(json.value(u"url"_s).toString());
    const QJsonArray headers = json.value(u"headers"_s).toArray();
    for (const QJsonValue &v : headers) {
        const QJsonObject h = v.toObject();
        spec.headers.append({h.value(u"name"_s).toString().toLatin1(),
                             h.value(u"value"_s).toString().toUtf8(), h.value(u"enabled"_s).toBool(true)});
    }
    spec.auth.scheme =
        AuthSettings::Scheme(json.value(u"authScheme"_s).toInt(int(AuthSettings::Scheme::None)));
    spec.auth.user = json.value(u"authUser"_s).toString();
    spec.options.timeoutMs = json.value(u"timeoutMs"_s).toInt(0);
    spec.options.followRedirects = json.value(u"follow"_s).toBool(true);
    spec.options.maxRedirects = json.value(u"maxRedirects"_s).toInt(10);
    spec.options.verifyTls = json.value(u"verifyTls"_s).toBool(true);
    spec.options.http2Allowed = json.value(u"http2"_s).toBool(true);
    spec.options.proxy = QUrl(json.value(u"proxy"_s).toString());
    if (json.contains(u"body"_s)) {
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.raw = json.value(u"body"_s).toString().toUtf8();
        spec.body.contentType = json.value(u"contentType"_s).toString().toUtf8();
    } else if (json.contains(u"bodyFile"_s)) {
        spec.body.kind = RequestBody::Kind::File;
        spec.body.filePath = json.value(u"bodyFile"_s).toString();
    }
    return spec;
}

} // namespace Peephole::WindowSettings
