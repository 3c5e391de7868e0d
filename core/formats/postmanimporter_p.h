#pragma once

// Internal to the Postman importer.

#include "formats/postman.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Peephole::PostmanDetail {

QString tr(const char *text);
QString description(const QJsonValue &v);
/// Postman key/value lists ([{key, value}]) as a map.
QHash<QString, QString> keyValues(const QJsonValue &v);
QByteArray contentTypeForLanguage(const QString &language);
/// The "prerequest" and "test" scripts of an "event" array into @p item (postmanscripts.cpp).
void readEvents(const QJsonArray &events, ImportedItem &item);

class Importer
{
public:
    CollectionImportResult result;

    void readVariables(const QJsonValue &v, ImportedItem &item, const QString &scopeName);
    std::optional<AuthSettings> readAuth(const QJsonValue &v, const QString &path, RequestSpec *spec);
    void readItems(const QJsonArray &items, ImportedItem &parent, const QString &parentPath,
                   const AuthSettings &inherited);
    QSet<QString> taken;

    void readRequest(const QJsonValue &v, ImportedItem &item, const QString &path,
                     const AuthSettings &inherited);
    void readUrl(const QJsonValue &v, ImportedItem &item, const QString &path);
    void readBody(const QJsonObject &body, RequestSpec &spec, const QString &path);
    QString moveSecret(const QString &path, const QString &what, const QString &value);
    void issue(const QString &path, const QString &reason) { result.issues.append({path, reason}); }
};
} // namespace Peephole::PostmanDetail
