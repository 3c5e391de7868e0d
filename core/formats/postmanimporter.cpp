#include "formats/postman.h"

#include "formats/postmanimporter_p.h"

#include "collection/variables.h"
#include "formats/formatslog.h"
#include "formats/secretnames.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace PostmanDetail {

QString Importer::moveSecret(const QString &path, const QString &what, const QString &value)
{
    if (SecretNames::isReferenceOrEmpty(value))
        return value;
    const QString itemName = path.section(u'/', -1);
    const QString name =
        SecretNames::variableFor(itemName.isEmpty() ? u"collection"_s : itemName, what, taken);
    result.secrets.append({path + u": "_s + what, what, name, value});
    return Variables::reference(name);
}

void Importer::readVariables(const QJsonValue &v, ImportedItem &item, const QString &scopeName)
{
    const QJsonArray vars = v.toArray();
    for (const QJsonValue &e : vars) {
        const QJsonObject o = e.toObject();
        ImportedVariable var;
        var.name = o.value(u"key"_s).toString(o.value(u"id"_s).toString());
        const QJsonValue value = o.value(u"value"_s);
        var.value = value.isString() ? value.toString() : value.toVariant().toString();
        var.enabled = !o.value(u"disabled"_s).toBool();
        if (var.name.isEmpty())
            continue;
        taken.insert(var.name);
        if ((o.value(u"type"_s).toString() == u"secret" || SecretNames::looksSecret(var.name)) &&
            !SecretNames::isReferenceOrEmpty(var.value)) {
            result.secrets.append(
                {scopeName + u": variable "_s + var.name, tr("variable value"), var.name, var.value});
            var.value.clear();
            var.secret = true;
        }
        item.variables.append(var);
    }
}

std::optional<AuthSettings> Importer::readAuth(const QJsonValue &v, const QString &path, RequestSpec *spec)
{
    if (!v.isObject())
        return std::nullopt; // absent or null: inherit
    const QJsonObject auth = v.toObject();
    const QString type = auth.value(u"type"_s).toString();
    const QHash<QString, QString> kv = keyValues(auth.value(type));
    AuthSettings settings;
    if (type == u"noauth") {
        settings.scheme = AuthSettings::Scheme::None;
    } else if (type == u"basic" || type == u"digest") {
        settings.scheme = type == u"basic" ? AuthSettings::Scheme::Basic : AuthSettings::Scheme::Digest;
        settings.preemptive = type == u"basic";
        settings.user = kv.value(u"username"_s);
        settings.password =
            moveSecret(path, type == u"basic" ? tr("Basic auth password") : tr("Digest auth password"),
                       kv.value(u"password"_s));
        if (type == u"digest" && (kv.contains(u"nonce"_s) || kv.contains(u"realm"_s)))
            issue(path, tr("The saved Digest realm and nonce were not imported; Peephole takes them from the "
                           "server's challenge."));
    } else if (type == u"bearer") {
        settings.scheme = AuthSettings::Scheme::Bearer;
        settings.preemptive = true;
        settings.token = moveSecret(path, tr("Bearer token"), kv.value(u"token"_s));
    } else if (type == u"oauth2" && !kv.value(u"accessToken"_s).isEmpty()) {
        settings.scheme = AuthSettings::Scheme::Bearer;
        settings.preemptive = true;
        settings.token = moveSecret(path, tr("OAuth 2 access token"), kv.value(u"accessToken"_s));
        issue(path,
              tr("The OAuth 2 flow is not supported; its saved access token is sent as a Bearer token."));
    } else if (type == u"apikey") {
        const QString key = kv.value(u"key"_s, u"X-API-Key"_s);
        const QString value = moveSecret(path, tr("API key"), kv.value(u"value"_s));
        if (!spec) {
            issue(path,
                  tr("API key auth on a folder or collection is not supported; add it to the requests."));
            return std::nullopt;
        }
        if (kv.value(u"in"_s) == u"query") {
            const QString url =
                spec->urlTemplate.isEmpty() ? QString::fromUtf8(spec->url.toEncoded()) : spec->urlTemplate;
            spec->urlTemplate = url + (url.contains(u'?') ? u'&' : u'?') + key + u'=' + value;
            spec->url = QUrl();
        } else {
            spec->headers.append({key.toUtf8(), value.toUtf8(), true});
        }
        settings.scheme = AuthSettings::Scheme::None; // the key is in the request; no parent auth
        return settings;
    } else {
        issue(path, tr("The auth type \"%1\" is not supported; the request is sent without it.").arg(type));
        settings.scheme = AuthSettings::Scheme::None;
    }
    return settings;
}
void Importer::readRequest(const QJsonValue &v, ImportedItem &item, const QString &path,
                           const AuthSettings &inherited)
{
    item.request = RequestSpec();
    RequestSpec &spec = *item.request;
    spec.name = item.name;
    if (v.isString()) { // a bare URL
        readUrl(v, item, path);
        spec.auth = inherited;
        return;
    }
    const QJsonObject r = v.toObject();
    spec.method = r.value(u"method"_s).toString(u"GET"_s).toUpper().toUtf8();
    readUrl(r.value(u"url"_s), item, path);
    if (item.description.isEmpty())
        item.description = description(r.value(u"description"_s));

    const QJsonValue header = r.value(u"header"_s);
    QList<QJsonObject> headers;
    if (header.isArray()) {
        const QJsonArray a = header.toArray();
        for (const QJsonValue &h : a)
            headers.append(h.toObject());
    } else if (header.isString()) {
        const QStringList lines = header.toString().split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines)
            headers.append(QJsonObject{{u"key"_s, line.section(u':', 0, 0).trimmed()},
                                       {u"value"_s, line.section(u':', 1).trimmed()}});
    }
    for (const QJsonObject &h : headers) {
        const QString name = h.value(u"key"_s).toString();
        QString value = h.value(u"value"_s).toString();
        if (SecretNames::looksSecret(name) && !Variables::hasReferences(value) && !value.isEmpty()) {
            // Keep an auth scheme word in place: "Bearer abc" -> "Bearer {{...}}".
            const qsizetype space = value.indexOf(u' ');
            const bool schemed = space > 0 && !value.left(space).contains(u'=');
            const QString credential = schemed ? value.mid(space + 1) : value;
            const QString ref = moveSecret(path, tr("%1 header").arg(name), credential);
            value = schemed ? value.left(space + 1) + ref : ref;
        }
        spec.headers.append({name.toUtf8(), value.toUtf8(), !h.value(u"disabled"_s).toBool()});
    }
    readBody(r.value(u"body"_s).toObject(), spec, path);
    if (spec.body.kind == RequestBody::Kind::Multipart &&
        Headers::value(spec.headers, "content-type").trimmed().toLower().startsWith("multipart/form-data")) {
        // Postman replaces it with one that carries the boundary; so does Peephole.
        Headers::remove(spec.headers, "content-type");
        issue(path, tr("The typed multipart Content-Type header was dropped; Peephole sends one with its "
                       "boundary."));
    }

    const std::optional<AuthSettings> own = readAuth(r.value(u"auth"_s), path, &spec);
    item.auth = own;
    spec.auth = own ? *own : inherited;
}

void Importer::readItems(const QJsonArray &items, ImportedItem &parent, const QString &parentPath,
                         const AuthSettings &inherited)
{
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        ImportedItem item;
        item.name = o.value(u"name"_s).toString();
        const QString path = parentPath.isEmpty() ? item.name : parentPath + u'/' + item.name;
        item.description = description(o.value(u"description"_s));
        readVariables(o.value(u"variable"_s), item, path);
        readEvents(o.value(u"event"_s).toArray(), item);
        if (o.contains(u"item"_s)) { // a folder
            item.auth = readAuth(o.value(u"auth"_s), path, nullptr);
            readItems(o.value(u"item"_s).toArray(), item, path, item.auth ? *item.auth : inherited);
        } else if (o.contains(u"request"_s)) {
            readRequest(o.value(u"request"_s), item, path, inherited);
            if (!o.value(u"response"_s).toArray().isEmpty())
                issue(path, tr("Saved example responses were not imported."));
        } else {
            issue(path, tr("Neither a folder nor a request; skipped."));
            continue;
        }
        parent.children.append(item);
    }
}
} // namespace PostmanDetail

using namespace PostmanDetail;

int ImportedItem::requestCount() const
{
    int n = request ? 1 : 0;
    for (const ImportedItem &child : children)
        n += child.requestCount();
    return n;
}

CollectionImportResult PostmanImporter::read(const QByteArray &json)
{
    Importer importer;
    CollectionImportResult &result = importer.result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        lineAndColumn(json, parseError.offset, &result.error.line, &result.error.column);
        result.error.message =
            tr("This is not a Postman collection: the JSON is invalid (%1).").arg(parseError.errorString());
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.contains(u"requests"_s) && root.contains(u"order"_s)) {
        result.error.message =
            tr("This is a Postman v1 collection. Export it from Postman as Collection v2.1 "
               "and import that file.");
        return result;
    }
    const QJsonObject info = root.value(u"info"_s).toObject();
    if (info.isEmpty() || !root.value(u"item"_s).isArray()) {
        result.error.where = info.isEmpty() ? u"info"_s : u"item"_s;
        result.error.message = tr("This is not a Postman collection v2.1: \"info\" or \"item\" is missing.");
        return result;
    }
    const QString schema = info.value(u"schema"_s).toString();
    if (!schema.contains(u"v2.1"_s) && !schema.contains(u"v2.0"_s))
        result.issues.append({u"info.schema"_s, tr("Unknown schema \"%1\"; read as v2.1.").arg(schema)});

    // Every variable name in the file, so names made up for secrets do not clash with them.
    std::function<void(const QJsonObject &)> collectNames = [&](const QJsonObject &o) {
        const QJsonArray vars = o.value(u"variable"_s).toArray();
        for (const QJsonValue &v : vars)
            importer.taken.insert(v.toObject().value(u"key"_s).toString());
        const QJsonArray items = o.value(u"item"_s).toArray();
        for (const QJsonValue &v : items)
            collectNames(v.toObject());
    };
    collectNames(root);

    ImportedItem &collection = result.root;
    collection.name = info.value(u"name"_s).toString();
    collection.description = description(info.value(u"description"_s));
    importer.readVariables(root.value(u"variable"_s), collection, tr("collection"));
    collection.auth = importer.readAuth(
        root.value(u"auth"_s), collection.name.isEmpty() ? tr("collection") : collection.name, nullptr);
    readEvents(root.value(u"event"_s).toArray(), collection);
    importer.readItems(root.value(u"item"_s).toArray(), collection, QString(),
                       collection.auth ? *collection.auth : AuthSettings());
    result.ok = true;
    qCDebug(lcFormats) << "Postman collection" << collection.name << ":" << collection.requestCount()
                       << "requests," << result.secrets.size() << "secrets," << result.issues.size()
                       << "issues";
    return result;
}

CollectionImportResult PostmanImporter::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CollectionImportResult result;
        result.error.message = tr("Cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    return read(file.readAll());
}

} // namespace Peephole