#include "formats/httpfile.h"

#include "collection/variables.h"

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
} // namespace

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
    for (MultipartPart &part : spec.body.parts)
        resolve(part.filePath);
    return spec;
}

} // namespace Peephole
