#include "replay/jsondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Peephole::JsonDiff {

namespace {
bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    for (const QChar c : key) {
        if (!c.isLetterOrNumber() && c != u'_' && c != u'$')
            return false;
    }
    return true;
}

void walk(const QJsonValue &e, const QJsonValue &a, const QString &path, Result &out, int max)
{
    if (out.changes.size() >= max) {
        out.truncated = true;
        return;
    }
    if (e.type() != a.type() || (!e.isObject() && !e.isArray())) {
        if (e != a)
            out.changes.append(Change{Change::Kind::Changed, path, toText(e), toText(a)});
        return;
    }
    if (e.isObject()) {
        const QJsonObject eo = e.toObject(), ao = a.toObject();
        for (auto it = eo.begin(); it != eo.end(); ++it) {
            const QString p = childPath(path, it.key());
            if (!ao.contains(it.key()))
                out.changes.append(Change{Change::Kind::Removed, p, toText(it.value()), QString()});
            else
                walk(it.value(), ao.value(it.key()), p, out, max);
        }
        for (auto it = ao.begin(); it != ao.end(); ++it) {
            if (!eo.contains(it.key()))
                out.changes.append(
                    Change{Change::Kind::Added, childPath(path, it.key()), QString(), toText(it.value())});
        }
        return;
    }
    const QJsonArray ea = e.toArray(), aa = a.toArray();
    const qsizetype common = std::min(ea.size(), aa.size());
    for (qsizetype i = 0; i < common; ++i)
        walk(ea.at(i), aa.at(i), path + u'[' + QString::number(i) + u']', out, max);
    for (qsizetype i = common; i < ea.size(); ++i)
        out.changes.append(Change{Change::Kind::Removed, path + u'[' + QString::number(i) + u']',
                                  toText(ea.at(i)), QString()});
    for (qsizetype i = common; i < aa.size(); ++i)
        out.changes.append(Change{Change::Kind::Added, path + u'[' + QString::number(i) + u']', QString(),
                                  toText(aa.at(i))});
}
} // namespace

QString childPath(const QString &parent, const QString &key)
{
    if (isIdentifier(key))
        return parent + u'.' + key;
    QString k = key;
    k.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return parent + u"['"_s + k + u"']"_s;
}

QString toText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // Wrap in an array to get JSON's own spelling of scalars.
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
    }
}

Result diff(const QJsonValue &expected, const QJsonValue &actual, int maxChanges)
{
    Result out;
    walk(expected, actual, u"$"_s, out, maxChanges);
    if (out.changes.size() > maxChanges) {
        out.changes.resize(maxChanges);
        out.truncated = true;
    }
    return out;
}

} // namespace Peephole::JsonDiff
