#include "formats/secretmover.h"

#include "collection/environmentfile.h"
#include "collection/variables.h"
#include "formats/secretnames.h"
#include "io/fileio.h"
#include "redact/redact.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Peephole::SecretMover {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Peephole::SecretMover", text, disambiguation, n);
}

struct Mover
{
    QSet<QString> taken;
    QList<ImportedSecret> moved;
    QString item;

    /// The reference that replaces @p value, which is recorded.
    QString take(const QString &what, const QString &value, const QString &where)
    {
        // The same secret in several places gets one variable.
        for (const ImportedSecret &s : std::as_const(moved))
            if (s.value == value && s.what == what)
                return Variables::reference(s.variable);
        const QString name = SecretNames::variableFor(item.isEmpty() ? u"request"_s : item, what, taken);
        moved.append(ImportedSecret{where, what, name, value});
        return Variables::reference(name);
    }

    QJsonValue json(const QJsonValue &v, const QString &where)
    {
        if (v.isObject()) {
            QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QJsonValue child = it.value();
                if (child.isString() && Redact::isSecretField(it.key()) &&
                    !SecretNames::isReferenceOrEmpty(child.toString()))
                    it.value() = take(it.key(), child.toString(), where + u" field \""_s + it.key() + u'"');
                else if (child.isObject() || child.isArray())
                    it.value() = json(child, where);
            }
            return o;
        }
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                a[i] = json(a.at(i), where);
            return a;
        }
        return v;
    }

    void request(HttpFileRequest &r, qsizetype index)
    {
        item = r.name.isEmpty() ? u"request %1"_s.arg(index + 1) : r.name;
        const QString label = r.name.isEmpty() ? tr("request %1").arg(index + 1) : r.name;
        RequestSpec &spec = r.request;

        // URL: userinfo password and secret query parameters.
        const QString urlText =
            spec.urlTemplate.isEmpty() ? QString::fromUtf8(spec.url.toEncoded()) : spec.urlTemplate;
        bool urlChanged = false;
        const QString newUrl =
            Redact::replaceUrlSecrets(urlText, [&](const QString &what, const QString &value) {
                urlChanged = true;
                return take(what, value, tr("%1: URL %2").arg(label, what));
            });
        if (urlChanged) {
            spec.urlTemplate = newUrl;
            spec.url = QUrl(newUrl, QUrl::TolerantMode);
        }

        // Headers.
        for (HeaderField &h : spec.headers) {
            const QString name = QString::fromLatin1(h.name);
            if (!Redact::isSecretHeader(h.name) && !Redact::looksSecret(name))
                continue;
            QString value = QString::fromUtf8(h.value);
            if (SecretNames::isReferenceOrEmpty(value) || Variables::hasReferences(value))
                continue;
            QString prefix;
            const bool authorization = name.compare(u"authorization", Qt::CaseInsensitive) == 0 ||
                                       name.compare(u"proxy-authorization", Qt::CaseInsensitive) == 0;
            const qsizetype space = value.indexOf(u' ');
            if (authorization && space > 0) {
                prefix = value.left(space + 1);
                value = value.mid(space + 1).trimmed();
            }
            h.value = (prefix + take(name.toLower(), value, tr("%1: header %2").arg(label, name))).toUtf8();
        }

        // Credentials given to --user / --token / --proxy-user.
        AuthSettings &a = spec.auth;
        if (!SecretNames::isReferenceOrEmpty(a.password))
            a.password = take(u"password"_s, a.password, tr("%1: password of %2").arg(label, a.user));
        if (!SecretNames::isReferenceOrEmpty(a.token))
            a.token = take(u"token"_s, a.token, tr("%1: bearer token").arg(label));
        if (!SecretNames::isReferenceOrEmpty(a.proxyPassword))
            a.proxyPassword = take(u"proxy_password"_s, a.proxyPassword,
                                   tr("%1: proxy password of %2").arg(label, a.proxyUser));
        if (r.auth.isSet && r.auth.source == AuthReference::SecretSource::Keychain &&
            !AuthReference::fromSettings(a).variable.isEmpty())
            r.auth = AuthReference::fromSettings(a);

        // Bodies.
        RequestBody &b = spec.body;
        if (b.kind == RequestBody::Kind::FormUrlEncoded) {
            for (auto &pair : b.form) {
                const QString n = QString::fromUtf8(pair.first);
                const QString v = QString::fromUtf8(pair.second);
                if (Redact::isSecretField(n) && !SecretNames::isReferenceOrEmpty(v))
                    pair.second = take(n, v, tr("%1: form field \"%2\"").arg(label, n)).toUtf8();
            }
        } else if (b.kind == RequestBody::Kind::Raw) {
            const QByteArray contentType =
                Headers::value(spec.headers, "content-type").toLower() + b.contentType.toLower();
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(b.raw, &error);
            if (error.error == QJsonParseError::NoError && !doc.isNull()) {
                const qsizetype before = moved.size();
                const QJsonValue v = json(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()),
                                          tr("%1: body").arg(label));
                if (moved.size() != before)
                    b.raw = v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
            } else if (contentType.contains("x-www-form-urlencoded")) {
                QList<QByteArray> parts = b.raw.split('&');
                bool changed = false;
                for (QByteArray &part : parts) {
                    const qsizetype eq = part.indexOf('=');
                    if (eq <= 0)
                        continue;
                    const QString n = QUrl::fromPercentEncoding(part.left(eq)).replace(u'+', u' ');
                    const QString v = QString::fromUtf8(part.mid(eq + 1));
                    if (Redact::isSecretField(n) && !SecretNames::isReferenceOrEmpty(v)) {
                        part = part.left(eq + 1) +
                               take(n, v, tr("%1: form field \"%2\"").arg(label, n)).toUtf8();
                        changed = true;
                    }
                }
                if (changed)
                    b.raw = parts.join('&');
            }
        }
    }
};

} // namespace

QList<ImportedSecret> moveOut(HttpFile *file)
{
    QSet<QString> taken;
    return moveOut(file, &taken);
}

QList<ImportedSecret> moveOut(HttpFile *file, QSet<QString> *taken)
{
    Mover m;
    m.taken = *taken;
    for (const HttpFileVariable &v : std::as_const(file->variables))
        m.taken.insert(v.name);
    // File variables named like secrets move too.
    for (qsizetype i = file->variables.size() - 1; i >= 0; --i) {
        const HttpFileVariable v = file->variables.at(i);
        if (Redact::looksSecret(v.name) && !SecretNames::isReferenceOrEmpty(v.value)) {
            m.moved.append(
                ImportedSecret{tr("file variable %1").arg(v.name), u"variable value"_s, v.name, v.value});
            file->variables.removeAt(i);
        }
    }
    for (qsizetype i = 0; i < file->requests.size(); ++i)
        m.request(file->requests[i], i);
    *taken = m.taken;
    return m.moved;
}

bool storePrivate(const QList<ImportedSecret> &secrets, const QString &directory, QStringList *report,
                  QString *error)
{
    if (secrets.isEmpty())
        return true;
    const QString envPath = QDir(directory).filePath(QString::fromLatin1(EnvironmentFile::PrivateFileName));
    QList<Environment> environments;
    if (QFileInfo::exists(envPath)) {
        const EnvironmentFileResult existing = EnvironmentFile::readFile(envPath);
        if (!existing.ok) {
            *error = tr("cannot add the secrets to %1: %2").arg(envPath, existing.error.toString());
            return false;
        }
        environments = existing.environments;
    }
    Environment *shared = nullptr;
    for (Environment &e : environments)
        if (e.name == QLatin1StringView(EnvironmentFile::SharedName))
            shared = &e;
    if (!shared) {
        environments.append(Environment{QString::fromLatin1(EnvironmentFile::SharedName), {}});
        shared = &environments.last();
    }
    for (const ImportedSecret &s : secrets)
        shared->variables.insert(s.variable, s.value);
    if (!Io::writeFile(envPath, EnvironmentFile::toJson(environments), error))
        return false;
    // An existing file keeps its permissions: make sure this one is private.
    QFile::setPermissions(envPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    report->append(tr("%n secret(s) moved to %1 (mode 0600):", nullptr, int(secrets.size())).arg(envPath));
    for (const ImportedSecret &s : secrets)
        report->append(u"  {{"_s + s.variable + u"}}  "_s + s.where);

    const QString ignorePath = QDir(directory).filePath(u".gitignore"_s);
    QByteArray ignore;
    QFile in(ignorePath);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read %1: %2").arg(ignorePath, in.errorString());
            return false;
        }
        ignore = in.readAll();
    }
    const QList<QByteArray> lines = ignore.split('\n');
    bool named = false;
    for (const QByteArray &line : lines) {
        const QByteArray l = line.trimmed();
        named = named || l == EnvironmentFile::PrivateFileName ||
                l == "/" + QByteArray(EnvironmentFile::PrivateFileName) || l == "*.private.env.json";
    }
    if (!named) {
        if (!ignore.isEmpty() && !ignore.endsWith('\n'))
            ignore += '\n';
        ignore += QByteArray(EnvironmentFile::PrivateFileName) + '\n';
        Io::OutputFile::Options options;
        options.permissions = Io::OutputFile::Permissions::Default;
        if (!Io::writeFile(ignorePath, ignore, error, options))
            return false;
        report->append(tr("%1 names %2, so git does not pick it up.")
                           .arg(ignorePath, QString::fromLatin1(EnvironmentFile::PrivateFileName)));
    }
    return true;
}

} // namespace Peephole::SecretMover
