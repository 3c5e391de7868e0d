#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Peephole {

/// Who a stored secret belongs to. Never holds the secret itself.
struct StoredAccount
{
    QString scheme; ///< "Basic", "Digest" (password) or "Bearer" (token).
    QString origin; ///< "https://example.org:443", or "proxy http://proxy:3128" for a proxy.
    QString realm;
    QString user;             ///< Empty for a Bearer token.
    bool sessionOnly = false; ///< Kept in memory only: the keychain could not store it.

    bool sameKey(const StoredAccount &other) const
    {
        return scheme == other.scheme && origin == other.origin && realm == other.realm && user == other.user;
    }
};

struct CredentialStoreResult
{
    bool ok = false;
    bool notFound = false;    ///< read/forget: nothing is stored under that key.
    bool sessionOnly = false; ///< store: kept in memory for this session only.
    QString secret;           ///< read: the password or token.
    QString message;          ///< Why it failed, or what was done, in words.
};

/// Saves passwords and tokens in the OS keychain (Secret Service, KWallet,
/// macOS Keychain, Windows Credential Manager) through QtKeychain, service
/// name "Peephole", key = scheme + origin + realm + user. A non-secret index of
/// the accounts (scheme, origin, realm, user) is kept in QSettings so they can
/// be listed; it never holds a secret or a hash of one. When the keychain is
/// unavailable (no Secret Service, locked, access denied) the credential is
/// kept in memory for this session only and keychainUnavailable() says why.
/// All operations are asynchronous and never block the caller's thread.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialStoreResult &)>;
    static constexpr QStringView ServiceName = u"Peephole";

    /// Keeps the account index in the application's default QSettings.
    explicit CredentialStore(QObject *parent = nullptr);
    /// Keeps the account index in the INI file @p indexFile (tests, portable mode).
    explicit CredentialStore(const QString &indexFile, QObject *parent = nullptr);
    ~CredentialStore() override;

    void store(const StoredAccount &account, const QString &secret, Callback done = {});
    void read(const StoredAccount &account, Callback done);
    void forget(const StoredAccount &account, Callback done = {});

    /// Every known account: the keychain index plus the session-only ones.
    QList<StoredAccount> accounts() const;
    /// Accounts for @p origin and @p realm only (never another origin's).
    QList<StoredAccount> accountsFor(const QString &origin, const QString &realm) const;

    /// The keychain key of @p account.
    static QString keychainKey(const StoredAccount &account);
    /// The last keychain problem, or empty.
    QString lastError() const { return m_lastError; }
    /// Keychain jobs started and not finished yet (a command line tool waits for them before it exits).
    int pendingJobs() const { return m_pending; }

Q_SIGNALS:
    /// The keychain could not be used; @p message names the cause and says
    /// that the credential stays in memory for this session only.
    void keychainUnavailable(const QString &message);
    void accountsChanged();
    /// The last pending keychain job finished.
    void idle();

private:
    QList<StoredAccount> readIndex() const;
    void writeIndex(const QList<StoredAccount> &accounts);
    void addToIndex(const StoredAccount &account);
    void removeFromIndex(const StoredAccount &account);
    void track(QObject *job);

    QString m_indexFile;
    QHash<QString, QString> m_sessionSecrets; ///< keychainKey -> secret, for session-only credentials.
    QList<StoredAccount> m_sessionAccounts;
    QString m_lastError;
    int m_pending = 0;
};

} // namespace Peephole
