#include "collection/environmentfile.h"
#include "io/fileio.h"

#include "collection/collectionlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::EnvironmentFile", text);
}

// QJsonObject sorts keys; the file order of environments is recovered by
// scanning the keys of the outermost object in the text.
QStringList topLevelKeyOrder(const QByteArray &json)
{
    QStringList keys;
    int depth = 0;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == '"') {
            const qsizetype start = i;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i;
            }
            if (depth != 1)
                continue;
            qsizetype j = i + 1;
            while (j < json.size() && QByteArrayView(" \t\r\n").contains(json.at(j)))
                ++j;
            if (j < json.size() && json.at(j) == ':') {
                const QJsonDocument key = QJsonDocument::fromJson("[" + json.mid(start, i - start + 1) + "]");
                const QString name = key.array().first().toString();
                if (!keys.contains(name))
                    keys.append(name);
            }
        }
    }
    return keys;
}
} // namespace

EnvironmentFileResult EnvironmentFile::read(const QByteArray &json)
{
    EnvironmentFileResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        lineAndColumn(json, parseError.offset, &result.error.line, &result.error.column);
        result.error.message =
            tr("The environment file is not valid JSON: %1.").arg(parseError.errorString());
        return result;
    }
    if (!doc.isObject()) {
        result.error.message = tr("The environment file must hold a JSON object of environments "
                                  "({\"dev\": {\"host\": \"...\"}}).");
        return result;
    }
    const QJsonObject root = doc.object();
    for (const QString &envName : topLevelKeyOrder(json)) {
        const QJsonValue envValue = root.value(envName);
        if (!envValue.isObject()) {
            result.error.where = envName;
            result.error.message =
                tr("The environment \"%1\" must be a JSON object of variables.").arg(envName);
            result.environments.clear();
            return result;
        }
        Environment env;
        env.name = envName;
        const QJsonObject vars = envValue.toObject();
        for (auto it = vars.begin(); it != vars.end(); ++it) {
            const QJsonValue v = it.value();
            if (v.isString())
                env.variables.insert(it.key(), v.toString());
            else if (v.isBool())
                env.variables.insert(it.key(), v.toBool() ? u"true"_s : u"false"_s);
            else if (v.isDouble())
                env.variables.insert(it.key(), QString::number(v.toDouble(), 'g', 17));
            else if (v.isNull())
                env.variables.insert(it.key(), QString());
            else
                result.issues.append({envName + u'.' + it.key(),
                                      tr("Not a variable (an object or array, such as SSLConfiguration); "
                                         "Peephole ignores it and will not write it back.")});
        }
        result.environments.append(env);
    }
    result.ok = true;
    return result;
}

EnvironmentFileResult EnvironmentFile::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        EnvironmentFileResult result;
        result.error.message = tr("Cannot read the environment file %1: %2").arg(path, file.errorString());
        return result;
    }
    EnvironmentFileResult result = read(file.readAll());
    if (!result.ok)
        result.error.message = path + u": "_s + result.error.message;
    return result;
}

EnvironmentFileResult EnvironmentFile::readWithPrivate(const QString &publicPath)
{
    EnvironmentFileResult result = readFile(publicPath);
    if (!result.ok)
        return result;
    const QString privatePath = privateFileFor(publicPath);
    if (!QFileInfo::exists(privatePath))
        return result;
    EnvironmentFileResult secret = readFile(privatePath);
    if (!secret.ok)
        return secret;
    result.environments = merge(result.environments, secret.environments);
    result.issues += secret.issues;
    qCDebug(lcCollection) << "merged private environments from" << privatePath;
    return result;
}

QByteArray EnvironmentFile::toJson(const QList<Environment> &environments)
{
    // QJsonObject would sort the environments; write the outer level by hand.
    QByteArray out = "{";
    bool first = true;
    for (const Environment &env : environments) {
        QJsonObject vars;
        for (auto it = env.variables.begin(); it != env.variables.end(); ++it)
            vars.insert(it.key(), it.value());
        QByteArray inner = QJsonDocument(vars).toJson(QJsonDocument::Indented).trimmed();
        inner.replace("\n", "\n  ");
        const QByteArray key = QJsonDocument(QJsonArray{env.name}).toJson(QJsonDocument::Compact);
        out += (first ? "\n  " : ",\n  ") + key.mid(1, key.size() - 2) + ": " + inner;
        first = false;
    }
    out += environments.isEmpty() ? "}\n" : "\n}\n";
    return out;
}

bool EnvironmentFile::writeFile(const QString &path, const QList<Environment> &environments, QString *error)
{
    return Io::writeFile(path, toJson(environments), error);
}

QString EnvironmentFile::privateFileFor(const QString &publicPath)
{
    return QFileInfo(publicPath).absoluteDir().filePath(QString::fromLatin1(PrivateFileName));
}

QList<Environment> EnvironmentFile::merge(const QList<Environment> &base, const QList<Environment> &overrides)
{
    QList<Environment> out = base;
    for (const Environment &over : overrides) {
        auto it =
            std::find_if(out.begin(), out.end(), [&](const Environment &e) { return e.name == over.name; });
        if (it == out.end()) {
            out.append(over);
            continue;
        }
        for (auto v = over.variables.begin(); v != over.variables.end(); ++v)
            it->variables.insert(v.key(), v.value());
    }
    return out;
}

VariableScope EnvironmentFile::scopeFor(const QList<Environment> &environments, const QString &name)
{
    VariableScope scope;
    for (const Environment &env : environments) {
        if (env.name != QLatin1StringView(SharedName))
            continue;
        for (auto v = env.variables.begin(); v != env.variables.end(); ++v)
            scope.insert(v.key(), v.value());
    }
    for (const Environment &env : environments) {
        if (env.name != name)
            continue;
        for (auto v = env.variables.begin(); v != env.variables.end(); ++v)
            scope.insert(v.key(), v.value());
    }
    return scope;
}

} // namespace Peephole
