#include "collection/autosave.h"
#include "collection/collectionstore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
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
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(f.errorString()));
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Hand-written, not in Peephole's canonical layout: comments, odd spacing,
// a request named by its separator, a body, assertions, file variables.
const QByteArray usersFile = "# Users API, hand written\n"
                             "@base = http://{{host}}/api\n"
                             "\n"
                             "### list users\n"
                             "GET {{base}}/users   HTTP/1.1\n"
                             "Accept:   application/json\n"
                             "?? status == 200\n"
                             "\n"
                             "\n"
                             "###   create\n"
                             "// @name create-user\n"
                             "POST {{base}}/users\n"
                             "Content-Type: application/json\n"
                             "\n"
                             "{\"name\": \"Ann\",\n"
                             "  \"age\": 31}\n"
                             "\n"
                             "###\n"
                             "# last one, no name\n"
                             "DELETE {{base}}/users/7\n";

const QByteArray healthFile = "GET http://{{host}}/health\n";

class Fixture
{
public:
    Fixture()
    {
        root = dir.path() + u"/api-collection"_s;
        writeFile(root + u"/users.http"_s, usersFile);
        writeFile(root + u"/health.http"_s, healthFile);
        writeFile(root + u"/admin/settings/flags.http"_s, "PATCH http://{{host}}/flags\n\nx=1\n");
        writeFile(root + u"/admin/empty/.keep"_s, "");
        writeFile(root + u"/.peephole/expected/health/GET.response"_s, "HTTP/1.1 200 OK\n\n");
        writeFile(root + u"/http-client.env.json"_s,
                  R"({"dev": {"host": "localhost"}, "prod": {"host": "x"}})");
    }
    QTemporaryDir dir;
    QString root;
};
} // namespace

class TestCollectionStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loadsTheFolderTree()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY2(store.open(fx.root, &error), qPrintable(error));
        const Collection &c = store.collection();
        QCOMPARE(c.folders.first().name, u"api-collection"_s);
        QStringList folders;
        for (const CollectionFolder &f : c.folders)
            folders.append(f.path);
        QCOMPARE(folders, (QStringList{QString(), u"admin"_s, u"admin/empty"_s, u"admin/settings"_s}));
        QStringList files;
        for (const CollectionFile &f : c.files)
            files.append(f.path);
        QCOMPARE(files, (QStringList{u"admin/settings/flags.http"_s, u"health.http"_s, u"users.http"_s}));
        QCOMPARE(c.requestCount(), 5);
        const CollectionFile &users = c.files.at(c.fileIndex(u"users.http"_s));
        QCOMPARE(users.requests.size(), 3);
        QCOMPARE(users.requests.at(0).name, u"list users"_s);
        QCOMPARE(users.requests.at(0).assertions, QStringList{u"status == 200"_s});
        QCOMPARE(users.requests.at(1).name, u"create-user"_s);
        QCOMPARE(users.requests.at(1).request.method, "POST"_ba);
        QCOMPARE(users.requests.at(2).request.method, "DELETE"_ba);
        QCOMPARE(users.requests.at(2).line, 20);
        QCOMPARE(users.variables.size(), 1);
        QCOMPARE(c.requestsUnder(u"admin"_s).size(), 1);
        QCOMPARE(c.environmentNames, (QStringList{u"dev"_s, u"prod"_s}));
        QVERIFY(c.problems().isEmpty());
        QCOMPARE(c.folders.at(c.folderIndex(u"admin/settings"_s)).files.size(), 1);
    }

    void idDoesNotDependOnLocation()
    {
        QCOMPARE(Collection::idFor(u"api-collection"_s), Collection::idFor(u"api-collection"_s));
        QVERIFY(Collection::idFor(u"api-collection"_s) != Collection::idFor(u"other"_s));
        Fixture a, b;
        CollectionStore sa, sb;
        QString error;
        QVERIFY(sa.open(a.root, &error) && sb.open(b.root, &error));
        QCOMPARE(sa.collection().id, sb.collection().id);
        QVERIFY(!sa.collection().id.contains(a.dir.path()));
    }

    void openAndSaveWithoutChangeIsByteStable()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        const QList<RequestRef> refs = store.collection().allRequests();
        for (const RequestRef &ref : refs) {
            QVERIFY(store.updateRequest(ref, *store.collection().request(ref)));
            QVERIFY(!store.isDirty(ref));
            QVERIFY2(store.saveRequest(ref, &error), qPrintable(error));
        }
        QVERIFY(store.saveFile(u"users.http"_s, &error));
        QCOMPARE(readFile(fx.root + u"/users.http"_s), usersFile);
        QCOMPARE(readFile(fx.root + u"/health.http"_s), healthFile);
    }

    void savingOneRequestRewritesOnlyItsBlock()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        const RequestRef ref{u"users.http"_s, 1};
        CollectionRequest edited = *store.collection().request(ref);
        edited.request.headers.append(HeaderField{"X-Trace", "on", true});
        QSignalSpy edits(&store, &CollectionStore::requestEdited);
        QVERIFY(store.updateRequest(ref, edited));
        QCOMPARE(edits.size(), 1);
        QVERIFY(store.isDirty(ref));
        QCOMPARE(store.dirtyFiles(), QStringList{u"users.http"_s});
        // Nothing on disk changed yet.
        QCOMPARE(readFile(fx.root + u"/users.http"_s), usersFile);

        QVERIFY2(store.saveRequest(ref, &error), qPrintable(error));
        QVERIFY(!store.isDirty(ref));
        const QByteArray after = readFile(fx.root + u"/users.http"_s);
        QVERIFY(after != usersFile);
        // The first and last blocks keep their exact bytes.
        const qsizetype create = usersFile.indexOf("###   create");
        const qsizetype last = usersFile.lastIndexOf("###\n");
        QVERIFY(after.startsWith(usersFile.left(create)));
        QVERIFY(after.endsWith(usersFile.mid(last)));
        QVERIFY(after.contains("X-Trace: on\n"));
        QCOMPARE(readFile(fx.root + u"/health.http"_s), healthFile);

        // A fresh open sees the edit, and saving again changes nothing.
        CollectionStore again;
        QVERIFY(again.open(fx.root, &error));
        const CollectionRequest *r = again.collection().request(ref);
        QVERIFY(r);
        QCOMPARE(Headers::value(r->request.headers, "x-trace"), "on"_ba);
        QCOMPARE(r->name, u"create-user"_s);
        QVERIFY(again.saveFile(u"users.http"_s, &error));
        QCOMPARE(readFile(fx.root + u"/users.http"_s), after);
        // No absolute path of the machine ends up in the file.
        QVERIFY(!after.contains(fx.dir.path().toUtf8()));
    }

    void otherEditsOfTheFileStayUnsaved()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        CollectionRequest a = *store.collection().request({u"users.http"_s, 0});
        CollectionRequest c = *store.collection().request({u"users.http"_s, 2});
        a.request.method = "HEAD";
        c.request.method = "PUT";
        QVERIFY(store.updateRequest({u"users.http"_s, 0}, a));
        QVERIFY(store.updateRequest({u"users.http"_s, 2}, c));
        QVERIFY(store.saveRequest({u"users.http"_s, 2}, &error));
        const QByteArray disk = readFile(fx.root + u"/users.http"_s);
        QVERIFY(disk.contains("PUT "));
        QVERIFY(!disk.contains("HEAD "));
        QVERIFY(store.isDirty({u"users.http"_s, 0}));
        QCOMPARE(store.collection().request({u"users.http"_s, 0})->request.method, "HEAD"_ba);
        store.discardEdits(u"users.http"_s);
        QCOMPARE(store.collection().request({u"users.http"_s, 0})->request.method, "GET"_ba);
    }

    void parseErrorIsFlaggedAndTheRestLoads()
    {
        Fixture fx;
        writeFile(fx.root + u"/broken.http"_s,
                  "GET http://a/ok\n\n###\n# @peephole-auth basic secret=hunter2\n"
                  "GET http://a/bad\n\n###\nGET http://a/fine\n");
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        const Collection &c = store.collection();
        QCOMPARE(c.problems().size(), 1);
        const CollectionFile *broken = c.problems().first();
        QCOMPARE(broken->path, u"broken.http"_s);
        QCOMPARE(broken->problems.size(), 1);
        QCOMPARE(broken->problems.first().line, 4);
        QVERIFY2(broken->problems.first().message.contains(u"keychain"_s),
                 qPrintable(broken->problems.first().message));
        QCOMPARE(broken->requests.size(), 2); // the two good ones
        QCOMPARE(c.requestCount(), 7);
    }

    void unreadableFolderIsAnError()
    {
        CollectionStore store;
        QString error;
        QVERIFY(!store.open(u"/nonexistent/peephole/collection"_s, &error));
        QVERIFY(error.contains(u"not a readable folder"_s));
    }

    void externalChangeIsReloaded()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        QSignalSpy reloaded(&store, &CollectionStore::fileReloaded);
        writeFile(fx.root + u"/health.http"_s,
                  "GET http://{{host}}/health\n\n###\nGET http://{{host}}/ready\n");
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 15000);
        QCOMPARE(reloaded.first().first().toString(), u"health.http"_s);
        QCOMPARE(store.collection().files.at(store.collection().fileIndex(u"health.http"_s)).requests.size(),
                 2);

        // A new file appears in the tree.
        QSignalSpy structure(&store, &CollectionStore::structureChanged);
        writeFile(fx.root + u"/admin/new.http"_s, "GET http://x/new\n");
        QTRY_VERIFY_WITH_TIMEOUT(!structure.isEmpty(), 15000);
        QVERIFY(store.collection().fileIndex(u"admin/new.http"_s) >= 0);
    }

    void atomicReplaceByAnEditorIsReloaded()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        QSignalSpy reloaded(&store, &CollectionStore::fileReloaded);
        QSaveFile out(fx.root + u"/users.http"_s); // write to a temporary file, then rename over
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("GET http://{{host}}/only-one\n");
        QVERIFY(out.commit());
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 15000);
        QCOMPARE(reloaded.last().first().toString(), u"users.http"_s);
        QCOMPARE(store.collection().files.at(store.collection().fileIndex(u"users.http"_s)).requests.size(),
                 1);

        // And the new file is watched: a second change is seen too.
        reloaded.clear();
        writeFile(fx.root + u"/users.http"_s, "GET http://{{host}}/a\n\n###\nGET http://{{host}}/b\n");
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 15000);
        QCOMPARE(store.collection().files.at(store.collection().fileIndex(u"users.http"_s)).requests.size(),
                 2);
    }

    void aWriterCaughtHalfWayIsNotReloadedHalfWay()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        QSignalSpy reloaded(&store, &CollectionStore::fileReloaded);
        // A script that truncates the file, then writes it in two steps with a pause between.
        QFile f(fx.root + u"/users.http"_s);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("GET http://{{host}}/a\n\n###\n");
        f.flush();
        QTest::qWait(20);
        f.write("GET http://{{host}}/b\n\n###\nGET http://{{host}}/c\n");
        f.close();
        QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 15000);
        QTest::qWait(300); // nothing more arrives: the change was read once, whole
        QCOMPARE(reloaded.size(), 1);
        QCOMPARE(store.collection().files.at(store.collection().fileIndex(u"users.http"_s)).requests.size(),
                 3);
    }

    void openAsyncLoadsOffTheGuiThread()
    {
        Fixture fx;
        CollectionStore store;
        QSignalSpy opened(&store, &CollectionStore::opened);
        store.openAsync(fx.root);
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.first().at(0).toBool(), true);
        QCOMPARE(store.collection().requestCount(), 5);
        store.openAsync(fx.dir.path() + u"/nope"_s);
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.last().at(0).toBool(), false);
        QVERIFY(opened.last().at(1).toString().contains(u"not a readable folder"_s));
    }

    void externalChangeWithUnsavedEditsIsAConflict()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        CollectionRequest h = *store.collection().request({u"health.http"_s, 0});
        h.request.headers.append(HeaderField{"Accept", "text/plain", true});
        QVERIFY(store.updateRequest({u"health.http"_s, 0}, h));
        QSignalSpy conflicts(&store, &CollectionStore::conflict);
        QSignalSpy reloaded(&store, &CollectionStore::fileReloaded);
        const QByteArray theirs = "GET http://{{host}}/healthz\n";
        writeFile(fx.root + u"/health.http"_s, theirs);
        QTRY_VERIFY_WITH_TIMEOUT(!conflicts.isEmpty(), 15000);
        QCOMPARE(conflicts.first().at(0).toString(), u"health.http"_s);
        QVERIFY(conflicts.first().at(1).toByteArray().contains("Accept: text/plain"));
        QCOMPARE(conflicts.first().at(2).toByteArray(), theirs);
        QVERIFY(reloaded.isEmpty());
        // Still my version in memory until I decide.
        QVERIFY(store.isDirty({u"health.http"_s, 0}));
        QCOMPARE(store.conflicts(), QStringList{u"health.http"_s});

        store.resolveConflict(u"health.http"_s, CollectionStore::Resolution::TakeTheirs);
        QVERIFY(!store.isDirty({u"health.http"_s, 0}));
        QCOMPARE(store.collection().request({u"health.http"_s, 0})->request.urlTemplate,
                 u"http://{{host}}/healthz"_s);
        QCOMPARE(readFile(fx.root + u"/health.http"_s), theirs);
    }

    void conflictKeepMineWritesMine()
    {
        Fixture fx;
        CollectionStore store;
        QString error;
        QVERIFY(store.open(fx.root, &error));
        CollectionRequest h = *store.collection().request({u"health.http"_s, 0});
        h.request.method = "OPTIONS";
        QVERIFY(store.updateRequest({u"health.http"_s, 0}, h));
        QSignalSpy conflicts(&store, &CollectionStore::conflict);
        writeFile(fx.root + u"/health.http"_s, "GET http://{{host}}/other\n");
        QTRY_VERIFY_WITH_TIMEOUT(!conflicts.isEmpty(), 15000);
        store.resolveConflict(u"health.http"_s, CollectionStore::Resolution::KeepMine);
        QVERIFY(readFile(fx.root + u"/health.http"_s).contains("OPTIONS http://{{host}}/health"));
        QVERIFY(store.dirtyFiles().isEmpty());
    }

    void autosaveJournalsAndRecoversAfterACrash()
    {
        Fixture fx;
        QString error;
        QString journalDir;
        {
            auto *store = new CollectionStore;
            auto *autosave = new Autosave(store, store);
            QVERIFY(store->open(fx.root, &error));
            autosave->discard();
            journalDir = autosave->journalDir();
            QVERIFY(!journalDir.startsWith(fx.root));
            CollectionRequest r = *store->collection().request({u"users.http"_s, 1});
            r.request.body.raw = "{\"name\": \"Bob\"}";
            QSignalSpy written(autosave, &Autosave::journalWritten);
            QVERIFY(store->updateRequest({u"users.http"_s, 1}, r));
            QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty(), 15000);
            // "Crash": the store goes away without saving.
            delete store;
        }
        QCOMPARE(readFile(fx.root + u"/users.http"_s), usersFile);
        QVERIFY(!QDir(journalDir).entryList(QDir::Files).isEmpty());

        CollectionStore store;
        Autosave autosave(&store);
        QVERIFY(store.open(fx.root, &error));
        const QList<RecoveryItem> pending = autosave.pendingRecovery();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().file, u"users.http"_s);
        QCOMPARE(pending.first().requests, QList<int>{1});
        QVERIFY(!pending.first().diskChanged);
        QVERIFY(autosave.restore());
        QVERIFY(store.isDirty({u"users.http"_s, 1}));
        QCOMPARE(store.collection().request({u"users.http"_s, 1})->request.body.raw,
                 "{\"name\": \"Bob\"}"_ba);
        // Saving settles the journal.
        QVERIFY(store.saveFile(u"users.http"_s, &error));
        QVERIFY(autosave.pendingRecovery().isEmpty());
        QVERIFY(readFile(fx.root + u"/users.http"_s).contains("Bob"));
    }

    void discardedRecoveryIsGone()
    {
        Fixture fx;
        QString error;
        {
            CollectionStore store;
            Autosave autosave(&store);
            QVERIFY(store.open(fx.root, &error));
            autosave.discard();
            CollectionRequest r = *store.collection().request({u"health.http"_s, 0});
            r.request.method = "HEAD";
            QVERIFY(store.updateRequest({u"health.http"_s, 0}, r));
            autosave.flush();
        }
        CollectionStore store;
        Autosave autosave(&store);
        QVERIFY(store.open(fx.root, &error));
        QCOMPARE(autosave.pendingRecovery().size(), 1);
        autosave.discard();
        QVERIFY(autosave.pendingRecovery().isEmpty());
        QVERIFY(store.dirtyFiles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCollectionStore)
#include "tst_collectionstore.moc"
