#include "formats/httpfile.h"

#include "collection/variables.h"
#include "formats/httpfile_p.h"

#include <QCoreApplication>

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString schemeName(AuthSettings::Scheme scheme)
{
    switch (scheme) {
    case AuthSettings::Scheme::None:
        return u"none"_s;
    case AuthSettings::Scheme::Any:
        return u"any"_s;
    case AuthSettings::Scheme::Basic:
        return u"basic"_s;
    case AuthSettings::Scheme::Digest:
        return u"digest"_s;
    case AuthSettings::Scheme::Bearer:
        return u"bearer"_s;
    case AuthSettings::Scheme::Ntlm:
        return u"ntlm"_s;
    case AuthSettings::Scheme::AwsSigV4:
        return u"aws-sigv4"_s;
    case AuthSettings::Scheme::ApiKey:
        return u"apikey"_s;
    }
    return u"any"_s;
}

QString quoteIfNeeded(const QString &value)
{
    if (!value.isEmpty() && !value.contains(u' ') && !value.contains(u'"') && !value.contains(u'\t'))
        return value;
    QString out = value;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + out + u'"';
}

std::optional<QString> variableName(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(u"{{"_s) && t.endsWith(u"}}"_s) && t.count(u"{{"_s) == 1)
        return t.mid(2, t.size() - 4).trimmed();
    return std::nullopt;
}
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::HttpFileParser", text);
}

// Splits "a=b c="d e" f" into words, honouring double quotes.
QStringList directiveWords(const QString &text)
{
    QStringList words;
    QString word;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < text.size()) {
                word += text.at(++i);
            } else if (c == u'"') {
                quoted = false;
            } else {
                word += c;
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c.isSpace()) {
            if (any || !word.isEmpty())
                words.append(word);
            word.clear();
            any = false;
        } else {
            word += c;
        }
    }
    if (any || !word.isEmpty())
        words.append(word);
    return words;
}

} // namespace

namespace HttpFileDetail {

std::optional<AuthReference> parseAuthDirective(const QString &text, QString *error)
{
    const QStringList words = directiveWords(text);
    if (words.isEmpty()) {
        *error = tr("@peephole-auth needs a scheme: basic, digest, bearer, any or none.");
        return std::nullopt;
    }
    AuthReference ref;
    ref.isSet = true;
    const QString scheme = words.first().toLower();
    if (scheme == u"basic")
        ref.scheme = AuthSettings::Scheme::Basic;
    else if (scheme == u"digest")
        ref.scheme = AuthSettings::Scheme::Digest;
    else if (scheme == u"bearer")
        ref.scheme = AuthSettings::Scheme::Bearer;
    else if (scheme == u"any")
        ref.scheme = AuthSettings::Scheme::Any;
    else if (scheme == u"none")
        ref.scheme = AuthSettings::Scheme::None;
    else {
        *error =
            tr("Unknown auth scheme \"%1\" (use basic, digest, bearer, any or none).").arg(words.first());
        return std::nullopt;
    }
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (w == u"preemptive") {
            ref.preemptive = true;
        } else if (w.startsWith(u"user="_s)) {
            ref.user = w.mid(5);
        } else if (w.startsWith(u"secret="_s)) {
            const QString secret = w.mid(7);
            const QStringList names = Variables::references(secret);
            if (secret == u"keychain") {
                ref.source = AuthReference::SecretSource::Keychain;
            } else if (names.size() == 1 && secret.trimmed() == Variables::reference(names.first())) {
                ref.source = AuthReference::SecretSource::Variable;
                ref.variable = names.first();
            } else {
                *error =
                    tr("secret= must be \"keychain\" or a {{variable}}; a secret is never written in the "
                       "file itself.");
                return std::nullopt;
            }
        } else {
            *error = tr("Unknown @peephole-auth part \"%1\" (expected user=, secret= or preemptive).").arg(w);
            return std::nullopt;
        }
    }
    return ref;
}

QString proxyAuthDirective(const AuthSettings &auth)
{
    QString out = u"user="_s + quoteIfNeeded(auth.proxyUser);
    if (const auto name = variableName(auth.proxyPassword))
        out += u" secret="_s + Variables::reference(*name);
    return out;
}

bool parseProxyAuthDirective(const QString &text, AuthSettings *auth, QString *error)
{
    const QStringList words = directiveWords(text);
    for (const QString &w : words) {
        if (w.startsWith(u"user="_s)) {
            auth->proxyUser = w.mid(5);
        } else if (w.startsWith(u"secret="_s)) {
            const auto name = variableName(w.mid(7));
            if (!name) {
                *error = tr("secret= must be a {{variable}}; a secret is never written in the file itself.");
                return false;
            }
            auth->proxyPassword = Variables::reference(*name);
        } else {
            *error = tr("Unknown @peephole-proxy-auth part \"%1\" (expected user= or secret=).").arg(w);
            return false;
        }
    }
    if (auth->proxyUser.isEmpty()) {
        *error = tr("@peephole-proxy-auth needs user=NAME.");
        return false;
    }
    return true;
}

} // namespace HttpFileDetail

AuthReference AuthReference::fromSettings(const AuthSettings &settings)
{
    AuthReference ref;
    const QString &secret =
        settings.scheme == AuthSettings::Scheme::Bearer ? settings.token : settings.password;
    if (settings.user.isEmpty() && secret.isEmpty())
        return ref;
    ref.isSet = true;
    ref.scheme = settings.scheme;
    ref.user = settings.user;
    ref.preemptive = settings.preemptive;
    if (const auto name = variableName(secret)) {
        ref.source = SecretSource::Variable;
        ref.variable = *name;
    } else if (!secret.isEmpty()) {
        ref.source = SecretSource::Keychain;
    }
    return ref;
}

QString AuthReference::toDirective() const
{
    QString out = schemeName(scheme);
    if (!user.isEmpty())
        out += u" user="_s + quoteIfNeeded(user);
    if (source == SecretSource::Keychain)
        out += u" secret=keychain"_s;
    else if (source == SecretSource::Variable)
        out += u" secret="_s + Variables::reference(variable);
    if (preemptive)
        out += u" preemptive"_s;
    return out;
}

RequestSpec HttpFileRequest::requestWithPathsResolved(const QString &directory) const
{
    RequestSpec spec = request;
    const QDir dir(directory);
    auto resolve = [&](QString &path) {
        if (!path.isEmpty() && QFileInfo(path).isRelative() && !Variables::hasReferences(path))
            path = QDir::cleanPath(dir.absoluteFilePath(path));
    };
    if (spec.body.kind == RequestBody::Kind::File)
        resolve(spec.body.filePath);
    resolve(spec.options.caFile);
    resolve(spec.options.clientCertFile);
    resolve(spec.options.clientKeyFile);
    for (MultipartPart &part : spec.body.parts)
        resolve(part.filePath);
    return spec;
}

} // namespace Peephole
