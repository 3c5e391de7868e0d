#include "mainwindow/windowsettings.h"

#include "redact/redact.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Peephole::WindowSettings {

namespace {
constexpr qsizetype MaxRememberedBody = 256 * 1024;

bool isReference(QStringView v)
{
    v = v.trimmed();
    return v.isEmpty() || (v.startsWith(u"{{") && v.endsWith(u"}}") && v.indexOf(u"}}") == v.size() - 2);
}

QString urlWithoutSecrets(const QString &url, QStringList *leftOut)
{
    return Redact::replaceUrlSecrets(url, [leftOut](const QString &what, const QString &) {
        leftOut->append(what == u"password"_s ? u"URL password"_s : u"URL parameter "_s + what);
        return QString::fromLatin1(Redact::NotSaved);
    });
}
} // namespace

QJsonObject requestToJson(const RequestSpec &spec)
{
    QStringList leftOut;
    const QString mark = QString::fromLatin1(Redact::NotSaved);
    QJsonArray headers;
    for (const HeaderField &h : spec.headers) {
        QString value = QString::fromUtf8(h.value);
        const QString name = QString::fromLatin1(h.name);
        if ((Redact::isSecretHeader(h.name) || Redact::looksSecret(name)) && !isReference(value)) {
            const qsizetype space = value.trimmed().indexOf(u' ');
            const bool authorization = name.compare(u"authorization", Qt::CaseInsensitive) == 0 ||
                                       name.compare(u"proxy-authorization", Qt::CaseInsensitive) == 0;
            const QString scheme = authorization && space > 0 ? value.trimmed().left(space + 1) : QString();
            if (!authorization || !isReference(value.trimmed().mid(space + 1))) {
                value = scheme + mark;
                leftOut.append(u"header "_s + name);
            }
        }
        headers.append(QJsonObject{{u"name"_s, name}, {u"value"_s, value}, {u"enabled"_s, h.enabled}});
    }
    const QString url =
        urlWithoutSecrets(spec.urlTemplate.isEmpty() ? spec.url.toString() : spec.urlTemplate, &leftOut);
    QUrl proxy = spec.options.proxy;
    if (!proxy.password().isEmpty()) {
        proxy.setPassword({});
        leftOut.append(u"proxy password"_s);
    }
    QJsonObject json{
        {u"method"_s, QString::fromLatin1(spec.method)},
        {u"url"_s, url},
        {u"headers"_s, headers},
        {u"authScheme"_s, int(spec.auth.scheme)},
        {u"authUser"_s, spec.auth.user},
        // Every box of the Auth and Options tabs comes back (none of these is a secret).
        {u"authPreemptive"_s, spec.auth.preemptive},
        {u"authLatin1"_s, spec.auth.basicCharset == AuthSettings::BasicCharset::Latin1},
        {u"authRemember"_s, spec.auth.saveToKeychain},
        {u"authLocationTrusted"_s, spec.auth.locationTrusted},
        {u"authFromKeychain"_s, spec.auth.fromKeychain},
        {u"h2c"_s, spec.options.h2cPriorKnowledge},
        {u"timeoutMs"_s, spec.options.timeoutMs},
        {u"follow"_s, spec.options.followRedirects},
        {u"maxRedirects"_s, spec.options.maxRedirects},
        {u"verifyTls"_s, spec.options.verifyTls},
        {u"http2"_s, spec.options.http2Allowed},
        {u"proxy"_s, proxy.toString()},
    };
    if (spec.body.kind == RequestBody::Kind::Raw && spec.body.raw.size() <= MaxRememberedBody) {
        bool changed = false;
        QByteArray body = Redact::jsonBody(spec.body.raw, &changed, mark);
        if (!changed) {
            body = Redact::formBody(spec.body.raw, Redact::NotSaved);
            changed = body != spec.body.raw;
        }
        if (changed)
            leftOut.append(u"body fields named like secrets"_s);
        json.insert(u"body"_s, QString::fromUtf8(body));
        json.insert(u"contentType"_s, QString::fromUtf8(spec.body.contentType));
    } else if (spec.body.kind == RequestBody::Kind::File) {
        json.insert(u"bodyFile"_s, spec.body.filePath);
    }
    if (!leftOut.isEmpty())
        json.insert(u"secretsLeftOut"_s, QJsonArray::fromStringList(leftOut));
    return json;
}

QStringList secretsLeftOut(const QJsonObject &json)
{
    QStringList out;
    const QJsonArray list = json.value(u"secretsLeftOut"_s).toArray();
    for (const QJsonValue &v : list)
        out.append(v.toString());
    return out;
}

QStringList historyForSettings(const QStringList &urls)
{
    QStringList out;
    for (const QString &url : urls) {
        QStringList ignored;
        const QString kept = urlWithoutSecrets(url, &ignored);
        if (!out.contains(kept))
            out.append(kept);
    }
    return out;
}

void makePrivate(const QSettings &settings)
{
    const QString path = settings.fileName();
    if (QFileInfo::exists(path))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString dir = QFileInfo(path).absolutePath();
    // Only Peephole's own folder (…/Peephole), never ~/.config itself.
    if (QFileInfo(dir).fileName() == QCoreApplication::organizationName() && QFileInfo(dir).isDir())
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

RequestSpec requestFromJson(const QJsonObject &json)
{
    RequestSpec spec;
    spec.method = json.value(u"method"_s).toString(u"GET"_s).toLatin1();
    const QString url = json.value(u"url"_s).toString();
    spec.url = QUrl(url);
    if (url.contains(u"{{"_s))
        spec.urlTemplate = url;
    const QJsonArray headers = json.value(u"headers"_s).toArray();
    for (const QJsonValue &v : headers) {
        const QJsonObject h = v.toObject();
        spec.headers.append({h.value(u"name"_s).toString().toLatin1(),
                             h.value(u"value"_s).toString().toUtf8(), h.value(u"enabled"_s).toBool(true)});
    }
    spec.auth.scheme =
        AuthSettings::Scheme(json.value(u"authScheme"_s).toInt(int(AuthSettings::Scheme::None)));
    spec.auth.user = json.value(u"authUser"_s).toString();
    spec.auth.preemptive = json.value(u"authPreemptive"_s).toBool(false);
    spec.auth.basicCharset = json.value(u"authLatin1"_s).toBool(false) ? AuthSettings::BasicCharset::Latin1
                                                                       : AuthSettings::BasicCharset::Utf8;
    spec.auth.saveToKeychain = json.value(u"authRemember"_s).toBool(false);
    spec.auth.locationTrusted = json.value(u"authLocationTrusted"_s).toBool(false);
    spec.auth.fromKeychain = json.value(u"authFromKeychain"_s).toBool(false);
    spec.options.h2cPriorKnowledge = json.value(u"h2c"_s).toBool(false);
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
