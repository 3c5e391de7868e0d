#include "formats/postman.h"

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

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::PostmanImporter", text);
}

QString description(const QJsonValue &v)
{
    return v.isObject() ? v.toObject().value(u"content"_s).toString() : v.toString();
}

/// Postman key/value lists ([{key, value}]) as a map.
QHash<QString, QString> keyValues(const QJsonValue &v)
{
    QHash<QString, QString> out;
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a) {
            const QJsonValue value = e.toObject().value(u"value"_s);
            out.insert(e.toObject().value(u"key"_s).toString(),
                       value.isString() ? value.toString() : value.toVariant().toString());
        }
    } else if (v.isObject()) { // v2.0 style: {"username": "...", "password": "..."}
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), it.value().toVariant().toString());
    }
    return out;
}

QByteArray contentTypeForLanguage(const QString &language)
{
    if (language == u"json")
        return "application/json";
    if (language == u"xml")
        return "application/xml";
    if (language == u"html")
        return "text/html";
    if (language == u"javascript")
        return "application/javascript";
    if (language == u"text")
        return "text/plain";
    return {};
}

class Importer
{
public:
    CollectionImportResult result;

    void readVariables(const QJsonValue &v, ImportedItem &item, const QString &scopeName);
    std::optional<AuthSettings> readAuth(const QJsonValue &v, const QString &path, RequestSpec *spec);
    void readItems(const QJsonArray &items, ImportedItem &parent, const QString &parentPath,
                   const AuthSettings &inherited);
    QSet<QString> taken;

private:
    void readRequest(const QJsonValue &v, ImportedItem &item, const QString &path,
                     const AuthSettings &inherited);
    void readUrl(const QJsonValue &v, ImportedItem &item, const QString &path);
    void readBody(const QJsonObject &body, RequestSpec &spec, const QString &path);
    QString moveSecret(const QString &path, const QString &what, const QString &value);
    void issue(const QString &path, const QString &reason) { result.issues.append({path, reason}); }
};

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

void Importer::readUrl(const QJsonValue &v, ImportedItem &item, const QString &path)
{
    RequestSpec &spec = *item.request;
    QString raw;
    if (v.isString()) {
        raw = v.toString();
    } else {
        const QJsonObject o = v.toObject();
        raw = o.value(u"raw"_s).toString();
        if (raw.isEmpty()) {
            QStringList hostParts;
            const QJsonValue host = o.value(u"host"_s);
            if (host.isArray()) {
                const QJsonArray a = host.toArray();
                for (const QJsonValue &h : a)
                    hostParts.append(h.toString());
            } else {
                hostParts.append(host.toString());
            }
            QStringList pathParts;
            const QJsonValue p = o.value(u"path"_s);
            if (p.isArray()) {
                const QJsonArray a = p.toArray();
                for (const QJsonValue &s : a)
                    pathParts.append(s.isObject() ? s.toObject().value(u"value"_s).toString() : s.toString());
            } else if (!p.toString().isEmpty()) {
                pathParts.append(p.toString());
            }
            raw = o.value(u"protocol"_s).toString(u"https"_s) + u"://"_s + hostParts.join(u'.');
            if (!o.value(u"port"_s).toString().isEmpty())
                raw += u':' + o.value(u"port"_s).toString();
            if (!pathParts.isEmpty())
                raw += u'/' + pathParts.join(u'/');
            QStringList query;
            const QJsonArray q = o.value(u"query"_s).toArray();
            for (const QJsonValue &e : q) {
                const QJsonObject qo = e.toObject();
                if (!qo.value(u"disabled"_s).toBool())
                    query.append(qo.value(u"key"_s).toString() + u'=' + qo.value(u"value"_s).toString());
            }
            if (!query.isEmpty())
                raw += u'?' + query.join(u'&');
        }
        // Path variables ":id" with their values.
        const QJsonArray pathVars = o.value(u"variable"_s).toArray();
        for (const QJsonValue &e : pathVars) {
            const QJsonObject po = e.toObject();
            const QString key = po.value(u"key"_s).toString();
            if (key.isEmpty())
                continue;
            const QRegularExpression segment(u"/:"_s + QRegularExpression::escape(key) + u"(?=[/?#]|$)"_s);
            raw.replace(segment, u"/{{"_s + key + u"}}"_s);
            item.variables.append({key, po.value(u"value"_s).toVariant().toString(), true, false});
        }
    }
    raw = raw.trimmed();
    if (!raw.isEmpty() && !raw.contains(u"://"_s) && !raw.startsWith(u"{{"_s))
        raw.prepend(u"http://"_s); // what Postman assumes
    if (Variables::hasReferences(raw)) {
        spec.urlTemplate = raw;
        return;
    }
    spec.url = QUrl(raw);
    if (!spec.url.isValid() || spec.url.host().isEmpty()) {
        issue(path, tr("The URL \"%1\" is not valid; it was kept as text.").arg(raw));
        spec.url = QUrl();
        spec.urlTemplate = raw;
    }
}

void Importer::readBody(const QJsonObject &body, RequestSpec &spec, const QString &path)
{
    if (body.isEmpty() || body.value(u"disabled"_s).toBool())
        return;
    const QString mode = body.value(u"mode"_s).toString();
    RequestBody &b = spec.body;
    if (mode == u"raw") {
        b.kind = RequestBody::Kind::Raw;
        b.raw = body.value(u"raw"_s).toString().toUtf8();
        const QString language =
            body.value(u"options"_s).toObject().value(u"raw"_s).toObject().value(u"language"_s).toString();
        b.contentType = contentTypeForLanguage(language);
        if (b.contentType.isEmpty())
            b.contentType = "text/plain";
    } else if (mode == u"urlencoded") {
        b.kind = RequestBody::Kind::FormUrlEncoded;
        b.contentType = "application/x-www-form-urlencoded";
        const QJsonArray fields = body.value(u"urlencoded"_s).toArray();
        for (const QJsonValue &e : fields) {
            const QJsonObject f = e.toObject();
            if (f.value(u"disabled"_s).toBool()) {
                issue(path,
                      tr("The disabled form field \"%1\" was left out.").arg(f.value(u"key"_s).toString()));
                continue;
            }
            b.form.append({f.value(u"key"_s).toString().toUtf8(), f.value(u"value"_s).toString().toUtf8()});
        }
    } else if (mode == u"formdata") {
        b.kind = RequestBody::Kind::Multipart;
        const QJsonArray fields = body.value(u"formdata"_s).toArray();
        for (const QJsonValue &e : fields) {
            const QJsonObject f = e.toObject();
            const QString key = f.value(u"key"_s).toString();
            if (f.value(u"disabled"_s).toBool()) {
                issue(path, tr("The disabled form field \"%1\" was left out.").arg(key));
                continue;
            }
            MultipartPart part;
            part.name = key.toUtf8();
            part.contentType = f.value(u"contentType"_s).toString().toUtf8();
            if (f.value(u"type"_s).toString() == u"file") {
                const QJsonValue src = f.value(u"src"_s);
                QString file = src.isArray() ? src.toArray().at(0).toString() : src.toString();
                if (src.isArray() && src.toArray().size() > 1)
                    issue(path,
                          tr("The form field \"%1\" lists several files; only the first was kept.").arg(key));
                if (file.isEmpty()) {
                    issue(
                        path,
                        tr("The file of the form field \"%1\" is not set; the field was left out.").arg(key));
                    continue;
                }
                part.filePath = file;
            } else {
                part.value = f.value(u"value"_s).toString().toUtf8();
            }
            b.parts.append(part);
        }
    } else if (mode == u"file") {
        const QString src = body.value(u"file"_s).toObject().value(u"src"_s).toString();
        if (src.isEmpty()) {
            issue(path, tr("The body file is not set; the request has no body."));
            return;
        }
        b.kind = RequestBody::Kind::File;
        b.filePath = src;
    } else if (mode == u"graphql") {
        const QJsonObject gql = body.value(u"graphql"_s).toObject();
        QJsonObject payload{{u"query"_s, gql.value(u"query"_s).toString()}};
        const QString vars = gql.value(u"variables"_s).toString();
        if (!vars.trimmed().isEmpty()) {
            const QJsonDocument varDoc = QJsonDocument::fromJson(vars.toUtf8());
            if (varDoc.isObject())
                payload.insert(u"variables"_s, varDoc.object());
            else
                issue(path, tr("The GraphQL variables are not a JSON object; they were left out."));
        }
        b.kind = RequestBody::Kind::Raw;
        b.raw = QJsonDocument(payload).toJson(QJsonDocument::Compact);
        b.contentType = "application/json";
    } else if (!mode.isEmpty()) {
        issue(path, tr("The body mode \"%1\" is not supported; the request has no body.").arg(mode));
    }
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
        if (!o.value(u"event"_s).toArray().isEmpty())
            issue(path, tr("Pre-request and test scripts are not run by Peephole; they were left out."));
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

} // namespace

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
    if (!root.value(u"event"_s).toArray().isEmpty())
        result.issues.append(
            {collection.name, tr("Collection scripts are not run by Peephole; they were left out.")});
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
