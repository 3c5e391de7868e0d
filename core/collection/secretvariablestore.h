#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Peephole {

/// Where secret variables and auth secrets of a collection live: never in
/// the collection's files. Asynchronous: callbacks run on the caller's
/// thread, through @p context (dropped when the context is destroyed).
class SecretVariableStore : public QObject
{
    Q_OBJECT
public:
    /// @p found false when there is no such entry; @p error set on a keychain failure.
    using ReadCallback = std::function<void(bool found, const QString &value, const QString &error)>;
    using DoneCallback = std::function<void(const QString &error)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, DoneCallback done) = 0;
    virtual void remove(const QString &key, QObject *context, DoneCallback done) = 0;

    /// "env:<collection-id>:<environment>:<name>" for a secret variable.
    static QString variableKey(const QString &collectionId, const QString &environment, const QString &name);
    /// "auth:<collection-id>:<file>#<request name>" for an auth reference whose secret is in the keychain.
    static QString requestKey(const QString &collectionId, const QString &file, const QString &requestName);
};

/// SecretVariableStore on the OS keychain (QtKeychain, service "Peephole").
class KeychainSecretStore : public SecretVariableStore
{
    Q_OBJECT
public:
    static constexpr auto Service = "Peephole";
    using SecretVariableStore::SecretVariableStore;

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &value, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;
};

} // namespace Peephole
