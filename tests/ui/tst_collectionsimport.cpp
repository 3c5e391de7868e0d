// "Import Postman collection…" without its dialogs: the collection becomes
// .http files in a new folder, secrets go to the (real) keychain and never
// into the files, and a failed import leaves the disk as it was.
#include "collection/collectionstore.h"
#include "collection/environmentfile.h"
#include "collection/secretvariablestore.h"
#include "collections/importwriter.h"
#include "collections/postmanimportflow.h"
#include "formats/postman.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestCollectionsImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importWritesHttpFilesAndKeepsSecretsOut();
    void failedImportChangesNothing();

private:
    QString fixture() const
    {
        return qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") +
               u"/tests/formats/fixtures/postman_collection.json"_s;
    }
    static QStringList listing(const QString &dir)
    {
        QStringList out;
        QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            out.append(it.next());
        out.sort();
        return out;
    }
    QWidget m_parent;
};

void TestCollectionsImport::initTestCase()
{
    QVERIFY(QFile::exists(fixture()));
}

void TestCollectionsImport::importWritesHttpFilesAndKeepsSecretsOut()
{
    QTemporaryDir dir;
    KeychainSecretStore keychain;
    PostmanImportFlow flow(&keychain, &m_parent);
    // Pick the secrets to move: all of them, like the dialog's default.
    const CollectionImportResult preview = PostmanImporter::readFile(fixture());
    QVERIFY(preview.ok);
    QVERIFY(!preview.secrets.isEmpty());
    QSet<QString> toKeychain;
    for (const ImportedSecret &s : preview.secrets)
        toKeychain.insert(s.variable);

    QString error;
    const QString folder = flow.importFile(fixture(), dir.path(), toKeychain, &error);
    QVERIFY2(!folder.isEmpty(), qPrintable(error));
    QCOMPARE(QFileInfo(folder).fileName(), u"Pet Store"_s);

    // No secret value in any written file.
    const QStringList files = listing(folder);
    QVERIFY(!files.isEmpty());
    for (const QString &path : files) {
        QFile f(path);
        if (!QFileInfo(path).isFile())
            continue;
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const ImportedSecret &s : preview.secrets)
            QVERIFY2(!bytes.contains(s.value.toUtf8()),
                     qPrintable(path + u" holds the secret of "_s + s.variable));
    }

    // The folder opens as a collection with every request.
    CollectionStore store;
    QVERIFY2(store.open(folder, &error), qPrintable(error));
    QCOMPARE(store.collection().requestCount(), preview.root.requestCount());
    QVERIFY(store.collection().problems().isEmpty());
    QVERIFY(store.collection().environmentNames.contains(u"default"_s));

    // The environment marks the secrets as keychain variables, and the keychain holds them.
    const EnvironmentFileResult env = EnvironmentFile::readFile(folder + u"/http-client.env.json"_s);
    QVERIFY(env.ok);
    const ImportedSecret &first = preview.secrets.first();
    QCOMPARE(env.environments.first().variables.value(first.variable), u"$keychain"_s);
    const QString key = SecretVariableStore::variableKey(store.collection().id, u"default"_s, first.variable);
    bool done = false;
    QString value;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 if (!done) {
                                     keychain.read(key, this,
                                                   [&](bool found, const QString &v, const QString &) {
                                                       if (found) {
                                                           value = v;
                                                           done = true;
                                                       }
                                                   });
                                     QTest::qWait(100);
                                 }
                                 return done;
                             }()),
                             10000);
    QCOMPARE(value, first.value);
    QVERIFY(!flow.report().isEmpty()); // the fixture has things Postman-only (test scripts)
}

void TestCollectionsImport::failedImportChangesNothing()
{
    QTemporaryDir dir;
    QFile bad(dir.filePath(u"broken.json"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"info\": {\"name\": \"Broken\"}, \"item\": [ {\"name\": ");
    bad.close();
    const QStringList before = listing(dir.path());
    PostmanImportFlow flow(nullptr, &m_parent);
    QString error;
    QVERIFY(flow.importFile(bad.fileName(), dir.path(), {}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(listing(dir.path()), before);

    // An existing target folder is never overwritten.
    QVERIFY(QDir(dir.path()).mkdir(u"Pet Store"_s));
    const QStringList withTarget = listing(dir.path());
    QVERIFY(flow.importFile(fixture(), dir.path(), {}, &error).isEmpty());
    QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));
    QCOMPARE(listing(dir.path()), withTarget);
}

QTEST_MAIN(TestCollectionsImport)
#include "tst_collectionsimport.moc"
