#include "formats/postman.h"
#include "io/fileio.h"

#include "formats/postmanevents.h"
#include "formats/secretnames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::PostmanExporter", text);
}

QString str(const QByteArray &b)
{
    return QString::fromUtf8(b);
}

QString languageFor(const QByteArray &contentType)
{
    const QByteArray t = contentType.toLower();
    if (t.contains("json"))
        return u"json"_s;
    if (t.contains("xml"))
        return u"xml"_s;
    if (t.contains("html"))
        return u"html"_s;
    if (t.contains("javascript"))
        return u"javascript"_s;
    return u"text"_s;
}

class Exporter
{
public:
    QStringList *warnings = nullptr;

    QJsonObject item(const ImportedItem &item, const QString &path);
    QJsonArray variables(const QList<ImportedVariable> &vars, const QString &path);
    QJsonObject auth(const AuthSettings &auth, const QString &path);

private:
    QJsonObject request(const RequestSpec &spec, const QString &path);
    QString secretOrNothing(const QString &value, const QString &path, const QString &what)
    {
        if (SecretNames::isReferenceOrEmpty(value))
            return value;
        warn(path, tr("the %1 is not written (no secrets in exported files); set it again after importing.")
                       .arg(what));
        return QString();
    }
    void warn(const QString &path, const QString &message)
    {
        if (warnings)
            warnings->append(path + u": "_s + message);
    }
};

QJsonArray Exporter::variables(const QList<ImportedVariable> &vars, const QString &path)
{
    QJsonArray out;
    for (const ImportedVariable &v : vars) {
        QJsonObject o{
            {u"key"_s, v.name}, {u"value"_s, v.secret ? QString() : v.value}, {u"type"_s, u"string"_s}};
        if (!v.secret && SecretNames::looksSecret(v.name) && !SecretNames::isReferenceOrEmpty(v.value)) {
            o.insert(u"value"_s, QString());
            warn(path, tr("the value of the variable %1 looks secret and is not written.").arg(v.name));
        }
        if (!v.enabled)
            o.insert(u"disabled"_s, true);
        out.append(o);
    }
    return out;
}

QJsonObject Exporter::auth(const AuthSettings &auth, const QString &path)
{
    auto kv = [](const QString &key, const QString &value) {
        return QJsonObject{{u"key"_s, key}, {u"value"_s, value}, {u"type"_s, u"string"_s}};
    };
    switch (auth.scheme) {
    case AuthSettings::Scheme::None:
        return QJsonObject{{u"type"_s, u"noauth"_s}};
    case AuthSettings::Scheme::Basic:
    case AuthSettings::Scheme::Any:
    case AuthSettings::Scheme::Digest: {
        if (auth.scheme == AuthSettings::Scheme::Any && !auth.hasUserCredentials())
            return {};
        const QString type = auth.scheme == AuthSettings::Scheme::Digest ? u"digest"_s : u"basic"_s;
        if (auth.scheme == AuthSettings::Scheme::Any)
            warn(path, tr("\"any scheme\" auth is written as basic."));
        return QJsonObject{
            {u"type"_s, type},
            {type, QJsonArray{kv(u"username"_s, auth.user),
                              kv(u"password"_s, secretOrNothing(auth.password, path, tr("password")))}}};
    }
    case AuthSettings::Scheme::Bearer:
        return QJsonObject{
            {u"type"_s, u"bearer"_s},
            {u"bearer"_s, QJsonArray{kv(u"token"_s, secretOrNothing(auth.token, path, tr("token")))}}};
    case AuthSettings::Scheme::Ntlm:
        return QJsonObject{
            {u"type"_s, u"ntlm"_s},
            {u"ntlm"_s, QJsonArray{kv(u"username"_s, auth.user),
                                   kv(u"password"_s, secretOrNothing(auth.password, path, tr("password")))}}};
    case AuthSettings::Scheme::AwsSigV4:
    case AuthSettings::Scheme::ApiKey:
        warn(path, tr("AWS Signature V4 and API key auth are not exported to Postman."));
        return {};
    }
    return {};
}

QJsonObject Exporter::request(const RequestSpec &spec, const QString &path)
{
    QJsonObject r;
    r.insert(u"method"_s, str(spec.method));
    QJsonArray headers;
    for (const HeaderField &h : spec.headers) {
        QString value = str(h.value);
        if (SecretNames::looksSecret(str(h.name)) && !value.contains(u"{{"_s) && !value.isEmpty()) {
            warn(path, tr("the value of the header %1 is not written.").arg(str(h.name)));
            value.clear();
        }
        QJsonObject o{{u"key"_s, str(h.name)}, {u"value"_s, value}, {u"type"_s, u"text"_s}};
        if (!h.enabled)
            o.insert(u"disabled"_s, true);
        headers.append(o);
    }
    r.insert(u"header"_s, headers);

    const RequestBody &b = spec.body;
    switch (b.kind) {
    case RequestBody::Kind::None:
        break;
    case RequestBody::Kind::Raw: {
        QByteArray type = Headers::value(spec.headers, "content-type");
        if (type.isEmpty())
            type = b.contentType;
        r.insert(u"body"_s,
                 QJsonObject{{u"mode"_s, u"raw"_s},
                             {u"raw"_s, str(b.raw)},
                             {u"options"_s,
                              QJsonObject{{u"raw"_s, QJsonObject{{u"language"_s, languageFor(type)}}}}}});
        break;
    }
    case RequestBody::Kind::File:
        r.insert(u"body"_s,
                 QJsonObject{{u"mode"_s, u"file"_s}, {u"file"_s, QJsonObject{{u"src"_s, b.filePath}}}});
        break;
    case RequestBody::Kind::FormUrlEncoded: {
        QJsonArray fields;
        for (const auto &p : b.form)
            fields.append(
                QJsonObject{{u"key"_s, str(p.first)}, {u"value"_s, str(p.second)}, {u"type"_s, u"text"_s}});
        r.insert(u"body"_s, QJsonObject{{u"mode"_s, u"urlencoded"_s}, {u"urlencoded"_s, fields}});
        break;
    }
    case RequestBody::Kind::Multipart: {
        QJsonArray fields;
        for (const MultipartPart &p : b.parts) {
            QJsonObject o{{u"key"_s, str(p.name)}};
            if (p.filePath.isEmpty()) {
                o.insert(u"type"_s, u"text"_s);
                o.insert(u"value"_s, str(p.value));
            } else {
                o.insert(u"type"_s, u"file"_s);
                o.insert(u"src"_s, p.filePath);
            }
            if (!p.contentType.isEmpty())
                o.insert(u"contentType"_s, str(p.contentType));
            fields.append(o);
        }
        r.insert(u"body"_s, QJsonObject{{u"mode"_s, u"formdata"_s}, {u"formdata"_s, fields}});
        break;
    }
    }
    const QString url = spec.urlTemplate.isEmpty() ? str(spec.url.toEncoded()) : spec.urlTemplate;
    r.insert(u"url"_s, PostmanEvents::urlObject(url));
    return r;
}

QJsonObject Exporter::item(const ImportedItem &item, const QString &path)
{
    QJsonObject o{{u"name"_s, item.name}};
    if (!item.description.isEmpty())
        o.insert(u"description"_s, item.description);
    if (!item.variables.isEmpty())
        o.insert(u"variable"_s, variables(item.variables, path));
    if (item.auth) {
        const QJsonObject a = auth(*item.auth, path);
        if (!a.isEmpty()) {
            if (item.isFolder())
                o.insert(u"auth"_s, a);
        }
    }
    if (item.isFolder()) {
        QJsonArray children;
        for (const ImportedItem &child : item.children)
            children.append(this->item(child, path + u'/' + child.name));
        o.insert(u"item"_s, children);
        return o;
    }
    QJsonObject r = request(*item.request, path);
    if (item.auth) {
        const QJsonObject a = auth(*item.auth, path);
        if (!a.isEmpty())
            r.insert(u"auth"_s, a);
    }
    o.insert(u"request"_s, r);
    if (const QJsonArray events = PostmanEvents::events(item.preRequestScript, item.testScript, item.assertions);
        !events.isEmpty())
        o.insert(u"event"_s, events);
    o.insert(u"response"_s, QJsonArray());
    return o;
}

} // namespace

QByteArray PostmanExporter::write(const ImportedItem &collection, QStringList *warnings)
{
    Exporter exporter;
    exporter.warnings = warnings;
    QJsonObject info{
        {u"_postman_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {u"name"_s, collection.name},
        {u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s}};
    if (!collection.description.isEmpty())
        info.insert(u"description"_s, collection.description);
    QJsonArray items;
    for (const ImportedItem &child : collection.children)
        items.append(exporter.item(child, child.name));
    QJsonObject root{{u"info"_s, info}, {u"item"_s, items}};
    if (collection.auth) {
        const QJsonObject a = exporter.auth(*collection.auth, collection.name);
        if (!a.isEmpty())
            root.insert(u"auth"_s, a);
    }
    if (!collection.variables.isEmpty())
        root.insert(u"variable"_s, exporter.variables(collection.variables, collection.name));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool PostmanExporter::writeFile(const QString &path, const ImportedItem &collection, QString *error,
                                QStringList *warnings)
{
    return Io::writeFile(path, write(collection, warnings), error);
}

} // namespace Peephole
