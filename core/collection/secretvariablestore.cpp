#include "collection/secretvariablestore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Peephole {

QString SecretVariableStore::variableKey(const QString &collectionId, const QString &environment,
                                         const QString &name)
{
    return u"env:"_s + collectionId + u':' + environment + u':' + name;
}

QString SecretVariableStore::requestKey(const QString &collectionId, const QString &file,
                                        const QString &requestName)
{
    return u"auth:"_s + collectionId + u':' + file + u'#' + requestName;
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(Service), this);
    job->setKey(key);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (rj->error() == QKeychain::EntryNotFound)
            done(false, QString(), QString());
        else if (rj->error() != QKeychain::NoError)
            done(false, QString(), rj->errorString());
        else
            done(true, rj->textData(), QString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(Service), this);
    job->setKey(key);
    job->setTextData(value);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? QString() : j->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(Service), this);
    job->setKey(key);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound ? QString()
                                                                                        : j->errorString());
    });
    job->start();
}

} // namespace Peephole
