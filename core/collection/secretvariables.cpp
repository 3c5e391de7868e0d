#include "collection/secretvariables.h"

#include "collection/environmentfile.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Peephole::SecretVariables {

namespace {
QString envPath(const Collection &collection)
{
    return collection.rootPath + u'/' + QString::fromLatin1(EnvironmentFile::PublicFileName);
}
} // namespace

QStringList names(const Collection &collection, const QString &environment)
{
    const QString path = envPath(collection);
    if (!QFileInfo::exists(path))
        return {};
    const EnvironmentFileResult r = EnvironmentFile::readWithPrivate(path);
    QStringList out;
    const VariableScope scope = EnvironmentFile::scopeFor(r.environments, environment);
    for (auto it = scope.begin(); it != scope.end(); ++it) {
        if (it.value() == QLatin1StringView(Marker))
            out.append(it.key());
    }
    out.sort();
    return out;
}

void set(SecretVariableStore *store, const Collection &collection, const QString &environment,
         const QString &name, const QString &value, QObject *context, SecretVariableStore::DoneCallback done)
{
    const QString path = envPath(collection);
    QList<Environment> environments;
    if (QFileInfo::exists(path)) {
        const EnvironmentFileResult r = EnvironmentFile::readFile(path);
        if (!r.ok) {
            done(QCoreApplication::translate("Peephole::SecretVariables", "cannot read %1: %2")
                     .arg(path, r.error.toString()));
            return;
        }
        environments = r.environments;
    }
    auto it = std::find_if(environments.begin(), environments.end(),
                           [&](const Environment &e) { return e.name == environment; });
    if (it == environments.end()) {
        environments.append(Environment{environment, {}});
        it = environments.end() - 1;
    }
    if (it->variables.value(name) != QLatin1StringView(Marker)) {
        it->variables.insert(name, QString::fromLatin1(Marker));
        QString error;
        if (!EnvironmentFile::writeFile(path, environments, &error)) {
            done(error);
            return;
        }
    }
    store->write(SecretVariableStore::variableKey(collection.id, environment, name), value, context,
                 std::move(done));
}

} // namespace Peephole::SecretVariables
