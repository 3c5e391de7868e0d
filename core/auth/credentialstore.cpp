#include "auth/credentialstore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QUrl>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCredentialStore, "peephole.auth.keychain")

namespace Peephole {

namespace {

const QString IndexGroup = u"credentialIndex"_s;

QString describe(const StoredAccount &a)
{
    if (a.user.isEmpty())
        return CredentialStore::tr("%1 token for %2 (realm “%3”)").arg(a.scheme, a.origin, a.realm);
    return CredentialStore::tr("%1 credential of “%2” for %3 (realm “%4”)")
        .arg(a.scheme, a.user, a.origin, a.realm);
}

/// The cause of a keychain failure, in words.
QString causeOf(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
        return CredentialStore::tr(
            "no keychain service is running (no Secret Service such as gnome-keyring or "
            "KWallet on the session bus)");
    case QKeychain::AccessDeniedByUser:
        return CredentialStore::tr("access to the keychain was denied");
    case QKeychain::AccessDenied:
        return CredentialStore::tr("the keychain refused access (it may be locked): %1").arg(detail);
    case QKeychain::NotImplemented:
        return CredentialStore::tr("this platform has no supported keychain");
    case QKeychain::CouldNotDeleteEntry:
        return CredentialStore::tr("the keychain could not delete the entry: %1").arg(detail);
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::OtherError:
        break;
    }
    // QtKeychain reports most Secret Service failures as OtherError; name the usual causes.
    const QString d = detail.toLower();
    if (d.contains(u"locked"_s))
        return CredentialStore::tr("the keyring is locked (unlock it in your keyring manager): %1")
            .arg(detail);
    if (d.contains(u"could not connect"_s) || d.contains(u"serviceunknown"_s) ||
        d.contains(u"not provided by any"_s) || d.contains(u"org.freedesktop.secrets"_s) ||
        d.contains(u"dbus"_s) || d.contains(u"d-bus"_s))
        return CredentialStore::tr(
                   "no Secret Service is reachable (no D-Bus session bus, or no gnome-keyring or "
                   "KWallet running): %1")
            .arg(detail);
    if (d.contains(u"denied"_s) || d.contains(u"dismissed"_s))
        return CredentialStore::tr("access to the keychain was denied: %1").arg(detail);
    return CredentialStore::tr("the keychain failed: %1").arg(detail);
}

} // namespace

CredentialStore::CredentialStore(QObject *parent) : CredentialStore(QString(), parent) {}

CredentialStore::CredentialStore(const QString &indexFile, QObject *parent)
    : QObject(parent), m_indexFile(indexFile)
{
}

CredentialStore::~CredentialStore()
{
    // A keychain job deleted while the Secret Service is still answering it is used after it was freed
    // (libsecret's callback reaches into it). Let running jobs finish on their own: they delete
    // themselves when done (autoDelete), and nothing of this store is called any more.
    const QList<QKeychain::Job *> jobs = findChildren<QKeychain::Job *>(Qt::FindDirectChildrenOnly);
    for (QKeychain::Job *job : jobs) {
        disconnect(job, nullptr, this, nullptr);
        job->setParent(nullptr);
    }
}

QString CredentialStore::keychainKey(const StoredAccount &a)
{
    // Each part percent-encoded so the separators cannot be forged.
    auto enc = [](const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); };
    return enc(a.scheme) + u' ' + enc(a.origin) + u' ' + enc(a.realm) + u' ' + enc(a.user);
}

QList<StoredAccount> CredentialStore::readIndex() const
{
    std::unique_ptr<QSettings> settings =
        m_indexFile.isEmpty() ? std::make_unique<QSettings>()
                              : std::make_unique<QSettings>(m_indexFile, QSettings::IniFormat);
    QList<StoredAccount> out;
    const int n = settings->beginReadArray(IndexGroup);
    for (int i = 0; i < n; ++i) {
        settings->setArrayIndex(i);
        StoredAccount a;
        a.scheme = settings->value(u"scheme"_s).toString();
        a.origin = settings->value(u"origin"_s).toString();
        a.realm = settings->value(u"realm"_s).toString();
        a.user = settings->value(u"user"_s).toString();
        if (!a.scheme.isEmpty() && !a.origin.isEmpty())
            out.append(a);
    }
    settings->endArray();
    return out;
}

void CredentialStore::writeIndex(const QList<StoredAccount> &accounts)
{
    std::unique_ptr<QSettings> settings =
        m_indexFile.isEmpty() ? std::make_unique<QSettings>()
                              : std::make_unique<QSettings>(m_indexFile, QSettings::IniFormat);
    settings->remove(IndexGroup);
    settings->beginWriteArray(IndexGroup, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        settings->setArrayIndex(i);
        settings->setValue(u"scheme"_s, accounts.at(i).scheme);
        settings->setValue(u"origin"_s, accounts.at(i).origin);
        settings->setValue(u"realm"_s, accounts.at(i).realm);
        settings->setValue(u"user"_s, accounts.at(i).user);
    }
    settings->endArray();
    settings->sync();
    if (settings->status() != QSettings::NoError)
        qCWarning(lcCredentialStore) << "could not write the credential index" << settings->fileName();
}

void CredentialStore::addToIndex(const StoredAccount &account)
{
    QList<StoredAccount> index = readIndex();
    for (const StoredAccount &a : std::as_const(index)) {
        if (a.sameKey(account))
            return;
    }
    StoredAccount copy = account;
    copy.sessionOnly = false;
    index.append(copy);
    writeIndex(index);
}

void CredentialStore::removeFromIndex(const StoredAccount &account)
{
    QList<StoredAccount> index = readIndex();
    if (index.removeIf([&](const StoredAccount &a) { return a.sameKey(account); }) > 0)
        writeIndex(index);
}

QList<StoredAccount> CredentialStore::accounts() const
{
    QList<StoredAccount> out = readIndex();
    for (const StoredAccount &s : m_sessionAccounts) {
        out.removeIf([&](const StoredAccount &a) { return a.sameKey(s); });
        out.append(s);
    }
    return out;
}

QList<StoredAccount> CredentialStore::accountsFor(const QString &origin, const QString &realm) const
{
    QList<StoredAccount> out = accounts();
    out.removeIf([&](const StoredAccount &a) { return a.origin != origin || a.realm != realm; });
    return out;
}

void CredentialStore::track(QObject *job)
{
    ++m_pending;
    connect(job, &QObject::destroyed, this, [this] {
        if (--m_pending == 0)
            Q_EMIT idle();
    });
}

void CredentialStore::store(const StoredAccount &account, const QString &secret, Callback done)
{
    const QString key = keychainKey(account);
    auto *job = new QKeychain::WritePasswordJob(ServiceName.toString(), this);
    job->setKey(key);
    job->setInsecureFallback(false); // never a plain-text file
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, account, secret, key, done](QKeychain::Job *j) {
        CredentialStoreResult r;
        if (j->error() == QKeychain::NoError) {
            m_sessionSecrets.remove(key);
            m_sessionAccounts.removeIf([&](const StoredAccount &a) { return a.sameKey(account); });
            addToIndex(account);
            r.ok = true;
            r.message = tr("Saved the %1 in the keychain.").arg(describe(account));
            qCDebug(lcCredentialStore) << "stored" << key;
        } else {
            m_sessionSecrets.insert(key, secret);
            StoredAccount session = account;
            session.sessionOnly = true;
            m_sessionAccounts.removeIf([&](const StoredAccount &a) { return a.sameKey(account); });
            m_sessionAccounts.append(session);
            r.ok = true;
            r.sessionOnly = true;
            r.message = tr("Could not save the %1 in the keychain: %2. It is kept in memory for this session "
                           "only and will be asked for again after Peephole restarts.")
                            .arg(describe(account), causeOf(j->error(), j->errorString()));
            m_lastError = r.message;
            qCWarning(lcCredentialStore) << "keychain write failed:" << j->error() << j->errorString();
            Q_EMIT keychainUnavailable(r.message);
        }
        Q_EMIT accountsChanged();
        if (done)
            done(r);
    });
    track(job);
    job->start();
}

void CredentialStore::read(const StoredAccount &account, Callback done)
{
    const QString key = keychainKey(account);
    const auto session = m_sessionSecrets.constFind(key);
    if (session != m_sessionSecrets.constEnd()) {
        CredentialStoreResult r;
        r.ok = true;
        r.sessionOnly = true;
        r.secret = session.value();
        // Answer asynchronously, like the keychain does.
        QMetaObject::invokeMethod(
            this, [r, done] { done(r); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(ServiceName.toString(), this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, account, done](QKeychain::Job *j) {
        CredentialStoreResult r;
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError) {
            r.ok = true;
            r.secret = readJob->textData();
        } else if (j->error() == QKeychain::EntryNotFound) {
            r.notFound = true;
            r.message = tr("No %1 is saved in the keychain.").arg(describe(account));
        } else {
            r.message = tr("Could not read the %1 from the keychain: %2.")
                            .arg(describe(account), causeOf(j->error(), j->errorString()));
            m_lastError = r.message;
            Q_EMIT keychainUnavailable(r.message);
        }
        if (done)
            done(r);
    });
    track(job);
    job->start();
}

void CredentialStore::forget(const StoredAccount &account, Callback done)
{
    const QString key = keychainKey(account);
    const bool hadSession = m_sessionSecrets.remove(key) > 0;
    m_sessionAccounts.removeIf([&](const StoredAccount &a) { return a.sameKey(account); });
    removeFromIndex(account);
    Q_EMIT accountsChanged();
    auto *job = new QKeychain::DeletePasswordJob(ServiceName.toString(), this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, account, hadSession, done](QKeychain::Job *j) {
        CredentialStoreResult r;
        if (j->error() == QKeychain::NoError || (hadSession && j->error() != QKeychain::EntryNotFound)) {
            r.ok = true;
            r.message = tr("Forgot the %1.").arg(describe(account));
        } else if (j->error() == QKeychain::EntryNotFound) {
            r.ok = hadSession;
            r.notFound = !hadSession;
            r.message = hadSession ? tr("Forgot the %1.").arg(describe(account))
                                   : tr("No %1 was saved.").arg(describe(account));
        } else {
            r.message = tr("Could not delete the %1 from the keychain: %2.")
                            .arg(describe(account), causeOf(j->error(), j->errorString()));
            m_lastError = r.message;
        }
        if (done)
            done(r);
    });
    track(job);
    job->start();
}

} // namespace Peephole
