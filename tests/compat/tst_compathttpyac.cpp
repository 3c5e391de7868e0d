#include "server/httpserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"
#include "npmtools.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

// The corpus of tests/compat/corpus: .http files written from the httpyac,
// JetBrains HTTP Client and VS Code REST Client documentation, with the verdict
// httpyac gives each assertion (verdicts.json). Both httpyac itself and
// `peephole-cli run` run every file against the same server here; each must
// give exactly the checked-in verdicts: same per file, per request, per
// assertion. A collection that passes in httpyac passes in Peephole, one that
// fails there fails here.
class TestCompatHttpyac : public QObject
{
    Q_OBJECT

    using Verdicts = QList<QStringList>; // per request, per assertion: "pass" / "fail"

    Test::ProcessOptions options() const
    {
        Test::ProcessOptions o;
        QProcessEnvironment env = Test::environmentWithHome(m_dir.path() + u"/home"_s);
        env.insert(u"COMPAT_MARK"_s, u"peephole-corpus"_s);
        o.environment = env;
        o.workingDirectory = m_corpus;
        o.timeoutMs = 120000;
        return o;
    }

    QString base() const { return u"http://127.0.0.1:%1"_s.arg(m_server.port()); }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QString describe(const Verdicts &v)
    {
        QStringList parts;
        for (const QStringList &r : v)
            parts.append(u'[' + r.join(u", "_s) + u']');
        return parts.join(u' ');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_tools = CompatTest::npmTools(&error);
        QVERIFY2(!m_tools.isEmpty(), qPrintable(error));
        // The corpus is copied: a run must never modify the collection, which is checked too.
        const QString src = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/compat/corpus"_s;
        m_corpus = m_dir.path() + u"/corpus"_s;
        QVERIFY(QDir().mkpath(m_corpus));
        for (const QFileInfo &fi : QDir(src).entryInfoList(QDir::Files | QDir::Hidden)) {
            QVERIFY(QFile::copy(fi.absoluteFilePath(), m_corpus + u'/' + fi.fileName()));
            if (fi.suffix() == u"http")
                m_files.append(fi.fileName());
        }
        QVERIFY(m_files.size() >= 7);
        const QJsonObject verdicts = QJsonDocument::fromJson(read(m_corpus + u"/verdicts.json"_s)).object();
        for (const QString &file : std::as_const(m_files)) {
            QVERIFY2(verdicts.contains(file), qPrintable(file + u" has no verdict in verdicts.json"_s));
            Verdicts v;
            for (const QJsonValue &request : verdicts.value(file).toArray()) {
                QStringList a;
                for (const QJsonValue &x : request.toArray())
                    a.append(x.toString());
                v.append(a);
            }
            m_expected.insert(file, v);
        }

        auto json = [](int status, const QJsonObject &o) {
            return ScriptedResponse::text(status, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json");
        };
        m_server.route("/user", [json](const ServerRequest &, ScriptedResponse &r) {
            r = json(200, {{u"id"_s, 7}, {u"name"_s, u"Ann"_s}, {u"tags"_s, QJsonArray{u"a"_s, u"b"_s}}, {u"ok"_s, true}});
        });
        m_server.route("/echo", [json](const ServerRequest &req, ScriptedResponse &r) {
            r = json(200, {{u"method"_s, QString::fromLatin1(req.method)},
                           {u"query"_s, QString::fromUtf8(req.query)},
                           {u"body"_s, QString::fromUtf8(req.body)},
                           {u"contentType"_s, QString::fromUtf8(req.header("content-type"))}});
        });
        m_server.route("/login", [json](const ServerRequest &, ScriptedResponse &r) {
            r = json(201, {{u"token"_s, u"t-123"_s}, {u"user"_s, QJsonObject{{u"id"_s, 9}}}});
        });
        m_server.route("/me", [json](const ServerRequest &req, ScriptedResponse &r) {
            r = req.header("authorization") == "Bearer t-123" ? json(200, {{u"me"_s, 9}})
                                                                : json(401, {{u"error"_s, u"no"_s}});
        });
        m_server.route("/basic", [json](const ServerRequest &req, ScriptedResponse &r) {
            if (req.header("authorization") == "Basic " + QByteArray("ann:pw1").toBase64()) {
                r = json(200, {{u"in"_s, true}});
            } else {
                r = json(401, {{u"in"_s, false}});
                r.headers.append({"WWW-Authenticate", "Basic realm=\"r\"", true});
            }
        });
        m_server.route("/redirect", [](const ServerRequest &, ScriptedResponse &r) {
            r = ScriptedResponse::text(302, QByteArray());
            r.headers.append({"Location", "/user", true});
        });
        QVERIFY(m_server.listen());
    }

    void httpyacGivesTheCheckedInVerdicts_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : std::as_const(m_files))
            QTest::newRow(qPrintable(f)) << f;
    }

    void httpyacGivesTheCheckedInVerdicts()
    {
        QFETCH(QString, file);
        const Test::ProcessResult r =
            Test::runProcess(m_tools + u"/node_modules/.bin/httpyac"_s,
                             {u"send"_s, file, u"--all"_s, u"--json"_s, u"--var"_s, u"base="_s + base(), u"who=Ann"_s},
                             options());
        QVERIFY2(r.exitCode >= 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(root.contains(u"requests"_s), QByteArray(r.out + r.err).constData());
        Verdicts got;
        for (const QJsonValue &request : root.value(u"requests"_s).toArray()) {
            QStringList a;
            for (const QJsonValue &t : request.toObject().value(u"testResults"_s).toArray())
                a.append(t.toObject().value(u"status"_s).toString() == u"SUCCESS" ? u"pass"_s : u"fail"_s);
            got.append(a);
        }
        QCOMPARE(describe(got), describe(m_expected.value(file)));
    }

    void peepholeGivesTheSameVerdicts_data() { httpyacGivesTheCheckedInVerdicts_data(); }

    void peepholeGivesTheSameVerdicts()
    {
        QFETCH(QString, file);
        const QByteArray before = read(m_corpus + u'/' + file);
        const Test::ProcessResult r =
            Test::runProcess(QStringLiteral(PEEPHOLE_CLI),
                             {u"run"_s, u"--json"_s, u"--var"_s, u"base="_s + base(), u"--var"_s, u"who=Ann"_s,
                              m_corpus + u'/' + file},
                             options());
        QVERIFY2(r.exitCode >= 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(root.contains(u"results"_s), QByteArray(r.out + r.err).constData());
        Verdicts got;
        bool anyFailed = false;
        for (const QJsonValue &result : root.value(u"results"_s).toArray()) {
            const QJsonObject o = result.toObject();
            QVERIFY2(o.value(u"outcome"_s).toString() != u"NOT RUN"_s && o.value(u"outcome"_s).toString() != u"ERROR"_s,
                     QJsonDocument(o).toJson().constData());
            QStringList a;
            for (const QJsonValue &t : o.value(u"assertions"_s).toArray()) {
                a.append(t.toObject().value(u"passed"_s).toBool() ? u"pass"_s : u"fail"_s);
                anyFailed = anyFailed || !t.toObject().value(u"passed"_s).toBool();
            }
            got.append(a);
        }
        QCOMPARE(describe(got), describe(m_expected.value(file)));
        // The exit code says the same: non-zero exactly when an assertion failed.
        QCOMPARE(r.exitCode != 0, anyFailed);
        QCOMPARE(read(m_corpus + u'/' + file), before);
    }

private:
    QTemporaryDir m_dir;
    HttpServer m_server;
    QString m_tools;
    QString m_corpus;
    QStringList m_files;
    QHash<QString, Verdicts> m_expected;
};

QTEST_GUILESS_MAIN(TestCompatHttpyac)
#include "tst_compathttpyac.moc"
