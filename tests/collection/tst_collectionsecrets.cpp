#include "collection/autosave.h"
#include "collection/collectionstore.h"
#include "collection/secretvariables.h"
#include "collection/secretvariablestore.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

/// Every encoding a secret could leak in.
QList<QByteArray> encodings(const QString &secret, const QString &user)
{
    QByteArray utf16le(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    QByteArray utf16be;
    for (qsizetype i = 0; i + 1 < utf16le.size(); i += 2)
        utf16be += QByteArray() + utf16le.at(i + 1) + utf16le.at(i);
    return {secret.toUtf8(),
            utf16le,
            utf16be,
            secret.toUtf8().toBase64(),
            QByteArray(user.toUtf8() + ':' + secret.toUtf8()).toBase64(),
            QUrl::toPercentEncoding(secret)};
}

QStringList filesContaining(const QString &dir, const QList<QByteArray> &needles)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        for (const QByteArray &n : needles) {
            if (bytes.contains(n))
                hits.append(path);
        }
    }
    return hits;
}

QString wait(QString *state)
{
    QDeadlineTimer deadline(10000);
    while (*state == u"pending"_s && !deadline.hasExpired())
        QTest::qWait(10);
    return *state;
}
} // namespace

class TestCollectionSecrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noSecretLandsInAnyFile()
    {
        QTemporaryDir dir;
        const QString root = dir.path() + u"/secret-api"_s;
        writeFile(root + u"/login.http"_s,
                  "### basic\nGET https://api.invalid/me\n\n### bearer\nGET https://api.invalid/t\n");
        const QString password = u"S3cr3t-Pässwörd-%1"_s.arg(QCoreApplication::applicationPid());
        const QString token = u"tok_9f8e7d6c5b4a-%1"_s.arg(QCoreApplication::applicationPid());

        CollectionStore store;
        Autosave autosave(&store);
        QString error;
        QVERIFY(store.open(root, &error));
        autosave.discard();

        // What the composer does when the user types credentials: the secret is
        // in the RequestSpec (memory) and the reference says where it lives.
        CollectionRequest basic = *store.collection().request({u"login.http"_s, 0});
        basic.request.auth.scheme = AuthSettings::Scheme::Basic;
        basic.request.auth.user = u"alice"_s;
        basic.request.auth.password = password;
        basic.request.auth.preemptive = true;
        basic.auth = AuthReference::fromSettings(basic.request.auth);
        QCOMPARE(basic.auth.source, AuthReference::SecretSource::Keychain);
        CollectionRequest bearer = *store.collection().request({u"login.http"_s, 1});
        bearer.request.auth.scheme = AuthSettings::Scheme::Bearer;
        bearer.request.auth.token = token;
        // No reference set: the writer must derive one and still drop the token.
        QVERIFY(store.updateRequest({u"login.http"_s, 0}, basic));
        QVERIFY(store.updateRequest({u"login.http"_s, 1}, bearer));
        autosave.flush();
        QVERIFY(store.saveFile(u"login.http"_s, &error));
        // Edit again and leave it unsaved so a journal exists too.
        basic.request.headers.append(HeaderField{"X-Note", "unsaved", true});
        QVERIFY(store.updateRequest({u"login.http"_s, 0}, basic));
        autosave.flush();
        QVERIFY(!QDir(autosave.journalDir()).entryList(QDir::Files).isEmpty());

        QFile f(root + u"/login.http"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("# @peephole-auth basic user=alice secret=keychain preemptive"),
                 text.constData());
        QVERIFY2(text.contains("# @peephole-auth bearer secret=keychain"), text.constData());

        const QList<QByteArray> leaks = encodings(password, u"alice"_s) + encodings(token, QString());
        QCOMPARE(filesContaining(dir.path(), leaks), QStringList());
        QCOMPARE(filesContaining(autosave.journalDir(), leaks), QStringList());
        autosave.discard();
    }

    void secretVariableIsMarkedNotWritten()
    {
        QTemporaryDir dir;
        const QString root = dir.path() + u"/secret-api"_s;
        writeFile(root + u"/http-client.env.json"_s, R"({"dev": {"host": "localhost"}})");
        writeFile(root + u"/a.http"_s, "GET http://{{host}}/\nAuthorization: Bearer {{apiToken}}\n");
        CollectionStore store;
        QString error;
        QVERIFY(store.open(root, &error));
        KeychainSecretStore keychain;
        const QString secret = u"sk-live-%1-Ωmega"_s.arg(QCoreApplication::applicationPid());
        QString state = u"pending"_s;
        SecretVariables::set(&keychain, store.collection(), u"dev"_s, u"apiToken"_s, secret, this,
                             [&](const QString &e) { state = e; });
        const QString e = wait(&state);
        if (!e.isEmpty() && qEnvironmentVariableIsEmpty("PEEPHOLE_REQUIRE_KEYRING"))
            QSKIP(qPrintable(u"no keychain here: "_s + e));
        QVERIFY2(e.isEmpty(), qPrintable(e));
        QCOMPARE(SecretVariables::names(store.collection(), u"dev"_s), QStringList{u"apiToken"_s});
        QFile env(root + u"/http-client.env.json"_s);
        QVERIFY(env.open(QIODevice::ReadOnly));
        const QByteArray json = env.readAll();
        QVERIFY2(json.contains("\"apiToken\": \"$keychain\""), json.constData());
        QCOMPARE(filesContaining(dir.path(), encodings(secret, QString())), QStringList());

        bool found = false;
        QString value;
        state = u"pending"_s;
        keychain.read(SecretVariableStore::variableKey(store.collection().id, u"dev"_s, u"apiToken"_s), this,
                      [&](bool f, const QString &v, const QString &err) {
                          found = f;
                          value = v;
                          state = err;
                      });
        QCOMPARE(wait(&state), QString());
        QVERIFY(found);
        QCOMPARE(value, secret);
        state = u"pending"_s;
        keychain.remove(SecretVariableStore::variableKey(store.collection().id, u"dev"_s, u"apiToken"_s),
                        this, [&](const QString &err) { state = err; });
        QCOMPARE(wait(&state), QString());
    }

    void keychainStoreRoundTrip()
    {
        KeychainSecretStore store;
        const QString key =
            SecretVariableStore::variableKey(Collection::idFor(u"secret-api"_s), u"dev"_s, u"password"_s);
        QVERIFY(key.startsWith(u"env:"_s));
        QVERIFY(key.endsWith(u":dev:password"_s));
        QString written = u"pending"_s;
        store.write(key, u"v@lue ünicode"_s, this, [&](const QString &e) { written = e; });
        const QString e = wait(&written);
        if (!e.isEmpty() && qEnvironmentVariableIsEmpty("PEEPHOLE_REQUIRE_KEYRING"))
            QSKIP(qPrintable(u"no keychain here: "_s + e));
        QVERIFY2(e.isEmpty(), qPrintable(e));

        QString read = u"pending"_s;
        bool found = false;
        QString value;
        store.read(key, this, [&](bool f, const QString &v, const QString &err) {
            found = f;
            value = v;
            read = err;
        });
        QCOMPARE(wait(&read), QString());
        QVERIFY(found);
        QCOMPARE(value, u"v@lue ünicode"_s);

        QString removed = u"pending"_s;
        store.remove(key, this, [&](const QString &err) { removed = err; });
        QCOMPARE(wait(&removed), QString());
        read = u"pending"_s;
        store.read(key, this, [&](bool f, const QString &, const QString &err) {
            found = f;
            read = err;
        });
        QCOMPARE(wait(&read), QString());
        QVERIFY(!found);
    }
};

QTEST_GUILESS_MAIN(TestCollectionSecrets)
#include "tst_collectionsecrets.moc"
