#include "server/authgate.h"
#include "server/httpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"
#include "npmtools.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

// Postman collections both ways, checked with newman itself: the auth blocks
// of a Postman export (basic, bearer, apikey, digest) are sent by
// `peephole-cli run` after `convert`, and Peephole's own Postman export runs in
// newman unchanged — URL object, auth, and its assertions as pm.test scripts
// with the same verdicts as `peephole-cli run`.
class TestCompatPostman : public QObject
{
    Q_OBJECT

    Test::ProcessResult cli(const QStringList &args)
    {
        Test::ProcessOptions options;
        options.environment = Test::environmentWithHome(m_dir.path() + u"/home"_s);
        return Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args, options);
    }

    Test::ProcessResult newman(const QStringList &args)
    {
        Test::ProcessOptions options;
        options.timeoutMs = 120000;
        return Test::runProcess(m_tools + u"/node_modules/.bin/newman"_s, args, options);
    }

    QString write(const QString &name, QByteArray text)
    {
        text.replace("HOST", host());
        text.replace("\"PORT\"", QByteArray('"' + QByteArray::number(m_server.port()) + '"'));
        const QString path = m_dir.path() + u'/' + name;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text);
        return path;
    }

    static QByteArray fixture(const QString &name)
    {
        return read(qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/compat/fixtures/"_s + name);
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QByteArray host() const { return "127.0.0.1:" + QByteArray::number(m_server.port()); }

    /// "--env-var name=value" for each value of the private environment file next to @p file.
    static QStringList envVars(const QString &file)
    {
        QStringList out;
        const QJsonObject root =
            QJsonDocument::fromJson(read(QFileInfo(file).absolutePath() + u"/http-client.private.env.json"_s))
                .object();
        for (const QJsonValue &env : root) {
            const QJsonObject vars = env.toObject();
            for (auto it = vars.begin(); it != vars.end(); ++it)
                out << u"--env-var"_s << it.key() + u'=' + it.value().toString();
        }
        return out;
    }

    int count(const QByteArray &path) const
    {
        int n = 0;
        for (const ServerRequest &r : m_server.requests())
            n += r.path == path;
        return n;
    }

    QByteArray lastHeader(const QByteArray &path, const QByteArray &name) const
    {
        QByteArray value;
        for (const ServerRequest &r : m_server.requests()) {
            if (r.path == path)
                value = r.header(name);
        }
        return value;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_tools = CompatTest::npmTools(&error);
        QVERIFY2(!m_tools.isEmpty(), qPrintable(error));

        auto basic = std::make_shared<AuthGate>();
        basic->setCredentials("ann", "b4sic pw");
        basic->offerBasic("basic");
        auto digest = std::make_shared<AuthGate>();
        digest->setCredentials("dan", "d1gest pw");
        digest->offerDigest();
        auto bearer = std::make_shared<AuthGate>();
        BearerOptions tokens;
        tokens.tokens.insert("t0ken-42", {});
        bearer->offerBearer(tokens);
        auto guarded = [](std::shared_ptr<AuthGate> gate) {
            return [gate](const ServerRequest &req, ScriptedResponse &r) {
                const AuthGate::Outcome o = gate->check(req);
                r = o.allowed ? ScriptedResponse::text(200, R"({"id":7,"name":"Ann"})", "application/json")
                              : o.rejection;
            };
        };
        m_server.route("/basic", guarded(basic));
        m_server.route("/digest", guarded(digest));
        m_server.route("/bearer", guarded(bearer));
        m_server.route("/open", ScriptedResponse::text(200, R"({"id":7})", "application/json"));
        m_server.route("/key", [](const ServerRequest &req, ScriptedResponse &r) {
            const bool ok = req.header("x-api-key") == "k3y" || req.query.contains("api_key=k3y");
            r = ok ? ScriptedResponse::text(200, R"({"id":7})", "application/json")
                   : ScriptedResponse::text(403, "no key\n");
        });
        QVERIFY(m_server.listen());
    }

    void postmanAuthBlocksAreSentUnderRun()
    {
        const QString collection = write(u"import/api.postman_collection.json"_s, fixture(u"auth.postman_collection.json"_s));
        // newman accepts the collection as it is (the servers are right).
        Test::ProcessResult n = newman({u"run"_s, collection});
        QVERIFY2(n.exitCode == 0, QByteArray(n.out + n.err).constData());

        const QString http = m_dir.path() + u"/import/api.http"_s;
        Test::ProcessResult r = cli({u"convert"_s, collection, http});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray text = read(http);
        for (const char *secret : {"t0ken-42", "b4sic pw", "d1gest pw", "k3y"})
            QVERIFY2(!text.contains(secret), text.constData());
        const int before[] = {count("/bearer"), count("/basic"), count("/digest"), count("/key")};
        r = cli({u"run"_s, http});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QCOMPARE(r.out.count("PASS     200"), 5);
        QVERIFY(count("/bearer") > before[0]);
        QCOMPARE(lastHeader("/bearer", "authorization"), QByteArray("Bearer t0ken-42"));
        QCOMPARE(lastHeader("/basic", "authorization"), QByteArray("Basic " + QByteArray("ann:b4sic pw").toBase64()));
        QVERIFY(count("/basic") == before[1] + 1); // preemptive, as Postman sends it
        QVERIFY(lastHeader("/digest", "authorization").startsWith("Digest "));
        QVERIFY(lastHeader("/digest", "authorization").contains("username=\"dan\""));
        QVERIFY(count("/key") == before[3] + 2);
    }

    void peepholeExportRunsInNewmanWithTheSameVerdicts()
    {
        const QString source = write(u"export/api.http"_s,
                                     "### basic\n"
                                     "# @peephole-auth basic user=ann secret={{basic_pw}} preemptive\n"
                                     "GET http://HOST/basic?lang=en&q=a%20b\n"
                                     "Accept: application/json\n"
                                     "?? status == 200\n"
                                     "?? header content-type contains json\n"
                                     "?? body $.id == 7\n"
                                     "?? body name startsWith A\n"
                                     "?? duration < 30000\n"
                                     "\n"
                                     "### bearer\n"
                                     "# @peephole-auth bearer secret={{token}} preemptive\n"
                                     "GET http://HOST/bearer\n"
                                     "?? status == 200\n"
                                     "?? body $.missing !exists\n"
                                     "\n"
                                     "### digest\n"
                                     "# @peephole-auth digest user=dan secret={{digest_pw}}\n"
                                     "GET http://HOST/digest\n"
                                     "?? status == 200\n"
                                     "\n"
                                     "### key\n"
                                     "GET http://HOST/key\n"
                                     "X-API-Key: {{api_key}}\n"
                                     "?? body $.id isNumber\n");
        write(u"export/http-client.private.env.json"_s,
              R"({"$shared": {"basic_pw": "b4sic pw", "token": "t0ken-42", "digest_pw": "d1gest pw", "api_key": "k3y"}})");
        Test::ProcessResult r = cli({u"run"_s, source});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());

        const QString pm = m_dir.path() + u"/export/out/api.postman_collection.json"_s;
        QDir().mkpath(QFileInfo(pm).absolutePath());
        r = cli({u"convert"_s, source, pm});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(read(pm)).object();
        const QJsonObject first = root.value(u"item"_s).toArray().at(0).toObject();
        const QJsonObject url = first.value(u"request"_s).toObject().value(u"url"_s).toObject();
        QCOMPARE(url.value(u"protocol"_s).toString(), u"http"_s);
        QCOMPARE(url.value(u"host"_s).toArray().size(), 4);
        QCOMPARE(url.value(u"port"_s).toString(), QString::number(m_server.port()));
        QCOMPARE(url.value(u"path"_s).toArray(), QJsonArray{u"basic"_s});
        QCOMPARE(url.value(u"query"_s).toArray().size(), 2);
        QCOMPARE(first.value(u"request"_s).toObject().value(u"auth"_s).toObject().value(u"type"_s).toString(),
                 u"basic"_s);
        QCOMPARE(first.value(u"event"_s).toArray().at(0).toObject().value(u"listen"_s).toString(), u"test"_s);

        const QString report = m_dir.path() + u"/export/newman.json"_s;
        const int basicBefore = count("/basic");
        Test::ProcessResult n = newman(QStringList{u"run"_s, pm, u"--reporters"_s, u"cli,json"_s,
                                                   u"--reporter-json-export"_s, report} +
                                       envVars(source));
        QVERIFY2(n.exitCode == 0, QByteArray(n.out + n.err).constData());
        QCOMPARE(count("/basic"), basicBefore + 1);
        QCOMPARE(lastHeader("/basic", "authorization"), QByteArray("Basic " + QByteArray("ann:b4sic pw").toBase64()));
        QCOMPARE(lastHeader("/bearer", "authorization"), QByteArray("Bearer t0ken-42"));
        QCOMPARE(lastHeader("/key", "x-api-key"), QByteArray("k3y"));
        const QJsonObject stats = QJsonDocument::fromJson(read(report)).object().value(u"run"_s).toObject()
                                      .value(u"stats"_s).toObject();
        QCOMPARE(stats.value(u"assertions"_s).toObject().value(u"total"_s).toInt(), 9);
        QCOMPARE(stats.value(u"assertions"_s).toObject().value(u"failed"_s).toInt(), 0);

        // A failing assertion fails in both, and only that one.
        const QString failing = write(u"fail/api.http"_s, "GET http://HOST/open\n"
                                                          "?? status == 200\n"
                                                          "?? body $.id == 8\n"
                                                          "?? header x-none exists\n");
        r = cli({u"run"_s, failing});
        QVERIFY(r.exitCode != 0);
        const QString pm2 = m_dir.path() + u"/fail/out.postman_collection.json"_s;
        r = cli({u"convert"_s, failing, pm2});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString report2 = m_dir.path() + u"/fail/newman.json"_s;
        n = newman({u"run"_s, pm2, u"--reporters"_s, u"json"_s, u"--reporter-json-export"_s, report2});
        QCOMPARE(n.exitCode, 1);
        const QJsonObject run = QJsonDocument::fromJson(read(report2)).object().value(u"run"_s).toObject();
        QCOMPARE(run.value(u"stats"_s).toObject().value(u"assertions"_s).toObject().value(u"failed"_s).toInt(), 2);
        QStringList failed;
        for (const QJsonValue &f : run.value(u"failures"_s).toArray())
            failed.append(f.toObject().value(u"error"_s).toObject().value(u"test"_s).toString());
        failed.sort();
        QCOMPARE(failed, (QStringList{u"body $.id == 8"_s, u"header x-none exists"_s}));
    }

    void postmanScriptsRoundTripThroughHttp()
    {
        const QString original = write(u"scripts/in.postman_collection.json"_s, fixture(u"scripts.postman_collection.json"_s));
        const QString http = m_dir.path() + u"/scripts/in.http"_s;
        Test::ProcessResult r = cli({u"convert"_s, original, http});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(read(http).contains("> {%"), read(http).constData());
        // Peephole runs the same scripts with the same verdicts (its pm sandbox).
        const qsizetype sent = m_server.requests().size();
        r = cli({u"run"_s, http});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(r.out.contains("ok   test \"status is 200\""));
        QVERIFY(r.out.contains("ok   test \"id is 7\""));
        QCOMPARE(m_server.requests().at(sent).query, QByteArray("who=Ann"));
        const QString back = m_dir.path() + u"/scripts/back.postman_collection.json"_s;
        r = cli({u"convert"_s, http, back});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray events = QJsonDocument::fromJson(read(back)).object().value(u"item"_s).toArray().at(0)
                                      .toObject().value(u"event"_s).toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).toObject().value(u"listen"_s).toString(), u"prerequest"_s);
        QCOMPARE(events.at(1).toObject().value(u"listen"_s).toString(), u"test"_s);
        // newman runs both the original and the round-tripped collection with the same verdicts.
        for (const QString &collection : {original, back}) {
            const QString report = collection + u".report.json"_s;
            const qsizetype before = m_server.requests().size();
            const Test::ProcessResult n =
                newman({u"run"_s, collection, u"--reporters"_s, u"json"_s, u"--reporter-json-export"_s, report});
            QVERIFY2(n.exitCode == 0, QByteArray(n.out + n.err).constData());
            const QJsonObject stats = QJsonDocument::fromJson(read(report)).object().value(u"run"_s).toObject()
                                          .value(u"stats"_s).toObject().value(u"assertions"_s).toObject();
            QCOMPARE(stats.value(u"total"_s).toInt(), 2);
            QCOMPARE(stats.value(u"failed"_s).toInt(), 0);
            QCOMPARE(m_server.requests().size(), before + 1);
            QCOMPARE(m_server.requests().last().query, QByteArray("who=Ann")); // the pre-request script ran
        }
    }

private:
    QTemporaryDir m_dir;
    HttpServer m_server;
    QString m_tools;
};

QTEST_GUILESS_MAIN(TestCompatPostman)
#include "tst_compatpostman.moc"
