#include "formats/postmanimporter_p.h"

#include "collection/variables.h"
#include "formats/secretnames.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole::PostmanDetail {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::PostmanImporter", text);
}

QString description(const QJsonValue &v)
{
    return v.isObject() ? v.toObject().value(u"content"_s).toString() : v.toString();
}

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
    // Query parameters that carry a secret ("?api_key=..."): the value moves out too.
    const qsizetype question = raw.indexOf(u'?');
    if (question >= 0) {
        QStringList pairs = raw.mid(question + 1).split(u'&');
        for (QString &pair : pairs) {
            const qsizetype eq = pair.indexOf(u'=');
            if (eq <= 0 || !SecretNames::looksSecret(pair.left(eq)))
                continue;
            const QString value = QUrl::fromPercentEncoding(pair.mid(eq + 1).toUtf8());
            pair = pair.left(eq + 1) + moveSecret(path, tr("query parameter %1").arg(pair.left(eq)), value);
        }
        raw = raw.left(question + 1) + pairs.join(u'&');
    }
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
} // namespace Peephole::PostmanDetail
