#include "replayfixture.h"

#include "auth/authnegotiator.h"
#include "collection/collectionstore.h"
#include "collection/secretvariablestore.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "replay/reports.h"
#include "replay/runner.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::TestSupport;

class TestRunner : public QObject
{
    Q_OBJECT

    struct Run
    {
        RunSummary summary;
        QList<int> finishedOrder;
        QString error;
    };

    Run run(const QString &root, const RunOptions &options, const QString &folder = {},
            SecretVariableStore *secrets = nullptr)
    {
        Run out;
        CollectionStore store;
        if (!store.open(root, &out.error))
            return out;
        Runner runner(m_session);
        runner.setSecretStore(secrets);
        QSignalSpy finished(&runner, &Runner::finished);
        connect(&runner, &Runner::requestFinished, this, [&](int index) { out.finishedOrder.append(index); });
        if (!runner.start(store.collection(), store.collection().requestsUnder(folder), options, &out.error))
            return out;
        if (!finished.wait(20000) && finished.isEmpty())
            out.error = u"run did not finish"_s;
        out.summary = runner.summary();
        return out;
    }

    QString makeCollection()
    {
        const QString root = m_dir->path() + u"/shop-api"_s;
        QDir(root).removeRecursively();
        writeFile(root + u"/http-client.env.json"_s,
                  R"({"local": {"host": ")" + m_server->hostPort() + R"("}, "$shared": {"api": "/user"}})");
        writeFile(root + u"/users.http"_s, "### get user\n"
                                           "GET http://{{host}}{{api}}\n"
                                           "?? status == 200\n"
                                           "?? body $.name == Ann\n"
                                           "\n"
                                           "### text\n"
                                           "GET http://{{host}}/text\n");
        writeFile(root + u"/errors/missing.http"_s, "GET http://{{host}}/missing\n");
        writeFile(root + u"/errors/undefined.http"_s, "GET http://{{host}}/x?key={{apiKey}}\n");
        return root;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<ReplayServer>();
        QVERIFY(m_server->server.isListening());
        m_log = new ExchangeLog(this);
        m_session = new HttpSession(m_log, this);
        m_negotiator = new AuthNegotiator(this);
        m_session->setAuthHook(m_negotiator);
    }
    void cleanup()
    {
        delete m_session;
        delete m_negotiator;
        delete m_log;
        m_server.reset();
        m_dir.reset();
    }

    void runsInOrderAndJudgesEachRequest()
    {
        const QString root = makeCollection();
        RunOptions options;
        options.environment = u"local"_s;
        const Run r = run(root, options);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const RunSummary &s = r.summary;
        QCOMPARE(s.total(), 4);
        // Tree order: errors/missing, errors/undefined, users (2).
        QCOMPARE(s.results.at(0).ref.file, u"errors/missing.http"_s);
        QCOMPARE(s.results.at(0).outcome, RequestResult::Outcome::Failed);
        QCOMPARE(s.results.at(0).status, 404);
        QCOMPARE(s.results.at(1).outcome, RequestResult::Outcome::Error);
        QVERIFY2(s.results.at(1).messages.join(u' ').contains(u"{{apiKey}}"_s),
                 qPrintable(s.results.at(1).messages.join(u' ')));
        QCOMPARE(s.results.at(2).name, u"get user"_s);
        QCOMPARE(s.results.at(2).outcome, RequestResult::Outcome::Passed);
        QCOMPARE(s.results.at(2).assertions.size(), 2);
        QCOMPARE(s.results.at(3).outcome, RequestResult::Outcome::Passed);
        QCOMPARE(r.finishedOrder, (QList<int>{0, 1, 2, 3}));
        QCOMPARE(s.passed, 2);
        QCOMPARE(s.failed, 1);
        QCOMPARE(s.errors, 1);

        // Braces never reach the server; the undefined request was never sent.
        QCOMPARE(m_server->server.requestCount(), 3);
        for (const ServerRequest &req : m_server->server.requests())
            QVERIFY2(!req.target.contains("{{") && !req.target.contains("%7B"), req.target.constData());
        // Every exchange is in the log under the run's group.
        QCOMPARE(m_log->count(), 3);
        for (qsizetype i = 0; i < m_log->count(); ++i)
            QCOMPARE(m_log->at(i).group, s.group);
        QVERIFY(!s.group.isEmpty());
    }

    void folderAndConcurrency()
    {
        const QString root = makeCollection();
        for (int i = 0; i < 12; ++i)
            writeFile(root + u"/many/r%1.http"_s.arg(QString::number(i).rightJustified(2, u'0')),
                      "GET http://{{host}}/user?n=" + QByteArray::number(i) + "\n?? status == 200\n");
        RunOptions options;
        options.environment = u"local"_s;
        options.concurrency = 4;
        const Run r = run(root, options, u"many"_s);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.summary.total(), 12);
        QCOMPARE(r.summary.passed, 12);
        QCOMPARE(m_server->server.requestCount(), 12);
        // Results stay in selection order whatever the completion order.
        for (int i = 0; i < 12; ++i)
            QCOMPARE(r.summary.results.at(i).ref.file,
                     u"many/r%1.http"_s.arg(QString::number(i).rightJustified(2, u'0')));
        QSet<QByteArray> queries;
        for (const ServerRequest &req : m_server->server.requests())
            queries.insert(req.query);
        QCOMPARE(queries.size(), 12);
    }

    void bailStopsAtTheFirstFailure()
    {
        const QString root = makeCollection();
        RunOptions options;
        options.environment = u"local"_s;
        options.bail = true;
        const Run r = run(root, options);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.summary.bailed);
        QCOMPARE(r.summary.results.at(0).outcome, RequestResult::Outcome::Failed);
        QCOMPARE(r.summary.skipped, 3);
        QCOMPARE(m_server->server.requestCount(), 1);
    }

    void expectedResponsesDetectChanges()
    {
        const QString root = makeCollection();
        RunOptions record;
        record.environment = u"local"_s;
        record.updateExpected = true;
        Run r = run(root, record, QString());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const QString expectedFile = root + u"/.peephole/expected/users/get-user.response"_s;
        const QByteArray saved = readFile(expectedFile);
        QVERIFY2(saved.startsWith("HTTP/1.1 200 OK\n"), saved.constData());
        QVERIFY(!saved.contains("Date:")); // volatile headers are not recorded
        QVERIFY(saved.endsWith(R"({"id":7,"name":"Ann","version":1})"));
        QVERIFY(QFileInfo::exists(root + u"/.peephole/expected/users/text.response"_s));

        // Same responses (only Date differs): everything that passed still passes.
        RunOptions compare;
        compare.environment = u"local"_s;
        r = run(root, compare, QString());
        QCOMPARE(r.summary.results.at(2).outcome, RequestResult::Outcome::Passed);
        QVERIFY(r.summary.results.at(2).compared);
        QVERIFY(r.summary.results.at(2).diff.isEmpty());

        // The server changes: CHANGED with the JSON path that moved.
        m_server->version = 2;
        r = run(root, compare, QString());
        const RequestResult &changed = r.summary.results.at(2);
        QCOMPARE(changed.outcome, RequestResult::Outcome::Changed);
        QCOMPARE(changed.diff.bodyKind, ResponseDiffResult::BodyKind::Json);
        QCOMPARE(changed.diff.json.changes.size(), 1);
        QCOMPARE(changed.diff.json.changes.first().path, u"$.version"_s);
        QCOMPARE(r.summary.changed, 1);

        // Reports carry it.
        const QJsonObject json = QJsonDocument::fromJson(Reports::json(r.summary)).object();
        QCOMPARE(json.value(u"summary"_s).toObject().value(u"changed"_s).toInt(), 1);
        const QJsonObject third = json.value(u"results"_s).toArray().at(2).toObject();
        QCOMPARE(third.value(u"outcome"_s).toString(), u"CHANGED"_s);
        QCOMPARE(third.value(u"diff"_s)
                     .toObject()
                     .value(u"json"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"path"_s)
                     .toString(),
                 u"$.version"_s);
        const QByteArray xml = Reports::junit(r.summary);
        QVERIFY(xml.contains("<failure type=\"changed\""));
    }

    void cancelStopsTheRun()
    {
        const QString root = makeCollection();
        ScriptedResponse slow = ScriptedResponse::text(200, "late\n");
        slow.headDelayMs = 5000;
        m_server->server.route("/slow", slow);
        for (int i = 0; i < 3; ++i)
            writeFile(root + u"/slow/s%1.http"_s.arg(i), "GET http://{{host}}/slow\n");
        CollectionStore store;
        QString error;
        QVERIFY(store.open(root, &error));
        Runner runner(m_session);
        QSignalSpy started(&runner, &Runner::requestStarted);
        QSignalSpy finished(&runner, &Runner::finished);
        RunOptions options;
        options.environment = u"local"_s;
        QVERIFY(
            runner.start(store.collection(), store.collection().requestsUnder(u"slow"_s), options, &error));
        QVERIFY(runner.isRunning());
        QVERIFY(started.wait(10000));
        QTRY_COMPARE(m_server->server.requestCount(), 1);
        runner.cancel(); // finished() may come before cancel() returns
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(!runner.isRunning());
        const RunSummary s = runner.summary();
        QVERIFY(s.cancelled);
        QCOMPARE(s.results.at(0).outcome, RequestResult::Outcome::Error);
        QCOMPARE(s.skipped, 2);
        QCOMPARE(m_server->server.requestCount(), 1);
    }

    void unknownEnvironmentDoesNotStart()
    {
        const QString root = makeCollection();
        RunOptions options;
        options.environment = u"staging"_s;
        const Run r = run(root, options);
        QVERIFY(r.error.contains(u"unknown environment \"staging\""_s));
        QVERIFY(r.error.contains(u"local"_s));
        QCOMPARE(m_server->server.requestCount(), 0);
    }

    void secretsComeFromTheKeychain()
    {
        const QString root = makeCollection();
        writeFile(root + u"/http-client.env.json"_s,
                  R"({"local": {"host": ")" + m_server->hostPort() + R"(", "token": "$keychain"}})");
        writeFile(root + u"/secure.http"_s, "### login\n"
                                            "# @peephole-auth basic user=alice secret=keychain preemptive\n"
                                            "GET http://{{host}}/auth\n"
                                            "?? status == 200\n"
                                            "\n"
                                            "### token\n"
                                            "GET http://{{host}}/echo-header\n"
                                            "X-Token: {{token}}\n"
                                            "?? body == tok-{{host}}\n");
        KeychainSecretStore secrets;
        const QString id = Collection::idFor(u"shop-api"_s);
        const QString password = u"pässwörd-%1"_s.arg(QCoreApplication::applicationPid());
        const QString token = u"tok-"_s + QString::fromLatin1(m_server->hostPort());
        m_server->expectedAuthorization =
            "Basic " + QByteArray(QByteArray("alice:") + password.toUtf8()).toBase64();
        auto store = [&](const QString &key, const QString &value) {
            QString error = u"pending"_s;
            secrets.write(key, value, this, [&](const QString &e) { error = e; });
            QDeadlineTimer deadline(10000);
            while (error == u"pending"_s && !deadline.hasExpired())
                QTest::qWait(10);
            return error;
        };
        const QString e1 = store(SecretVariableStore::requestKey(id, u"secure.http"_s, u"login"_s), password);
        if (!e1.isEmpty() && qEnvironmentVariableIsEmpty("PEEPHOLE_REQUIRE_KEYRING"))
            QSKIP(qPrintable(u"no keychain here: "_s + e1));
        QVERIFY2(e1.isEmpty(), qPrintable(e1));
        QCOMPARE(store(SecretVariableStore::variableKey(id, u"local"_s, u"token"_s), token), QString());

        RunOptions options;
        options.environment = u"local"_s;
        CollectionStore cs;
        QString error;
        QVERIFY(cs.open(root, &error));
        const int fi = cs.collection().fileIndex(u"secure.http"_s);
        QVERIFY(fi >= 0);
        Runner runner(m_session);
        runner.setSecretStore(&secrets);
        QSignalSpy finished(&runner, &Runner::finished);
        QVERIFY(runner.start(cs.collection(),
                             {RequestRef{u"secure.http"_s, 0}, RequestRef{u"secure.http"_s, 1}}, options,
                             &error));
        QVERIFY(finished.wait(20000));
        const RunSummary s = runner.summary();
        QCOMPARE(s.total(), 2);
        // The keychain password was found and sent up front.
        QVERIFY2(s.results.at(0).outcome == RequestResult::Outcome::Passed,
                 qPrintable(s.results.at(0).messages.join(u" "_s)));
        QCOMPARE(m_server->server.requests().first().path, "/auth"_ba);
        QCOMPARE(s.results.at(1).outcome, RequestResult::Outcome::Passed);
        QCOMPARE(m_server->server.lastRequest().header("x-token"), token.toUtf8());

        // Without the secret the request is an error that names it, and nothing is sent.
        QString removed = u"pending"_s;
        secrets.remove(SecretVariableStore::variableKey(id, u"local"_s, u"token"_s), this,
                       [&](const QString &e) { removed = e; });
        QTRY_VERIFY(removed != u"pending"_s);
        const qsizetype before = m_server->server.requestCount();
        Runner again(m_session);
        again.setSecretStore(&secrets);
        QSignalSpy finished2(&again, &Runner::finished);
        QVERIFY(again.start(cs.collection(), {RequestRef{u"secure.http"_s, 1}}, options, &error));
        QVERIFY(finished2.wait(20000));
        QCOMPARE(again.summary().results.at(0).outcome, RequestResult::Outcome::Error);
        QVERIFY2(again.summary().results.at(0).messages.join(u' ').contains(u"secret variable \"token\""_s),
                 qPrintable(again.summary().results.at(0).messages.join(u' ')));
        QCOMPARE(m_server->server.requestCount(), before);
        secrets.remove(SecretVariableStore::requestKey(id, u"secure.http"_s, u"login"_s), this,
                       [](const QString &) {});
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReplayServer> m_server;
    ExchangeLog *m_log = nullptr;
    HttpSession *m_session = nullptr;
    AuthNegotiator *m_negotiator = nullptr;
};

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
