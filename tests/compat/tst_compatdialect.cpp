#include "collection/dynamicvariables.h"
#include "collection/variables.h"
#include "formats/httpfile.h"
#include "server/httpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "clirun.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

// The JetBrains HTTP Client / httpyac .http dialect: dynamic variables with a
// fixed clock and real files, and requests that use the rest of the dialect
// sent by `peephole-cli run` to a real server (JetBrains forms httpyac does
// not share: Host-relative request lines, GRAPHQL, HTTP/2 (Prior Knowledge)).
class TestCompatDialect : public QObject
{
    Q_OBJECT

    static DynamicVariables::Value eval(const QString &expression, const DynamicVariables::Context &context = {})
    {
        return DynamicVariables::evaluate(expression, context, [](const QString &name) -> std::optional<QString> {
            if (name == u"which")
                return u"COMPAT_DIALECT_VAR"_s;
            return std::nullopt;
        });
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

private Q_SLOTS:
    void datesWithFormatsAndOffsets()
    {
        DynamicVariables::Context c;
        c.now = QDateTime(QDate(2024, 6, 30), QTime(4, 9, 33, 123), Qt::UTC);
        QCOMPARE(*eval(u"$datetime iso8601"_s, c).text, u"2024-06-30T04:09:33.123Z"_s);
        QCOMPARE(*eval(u"$datetime rfc1123"_s, c).text, u"Sun, 30 Jun 2024 04:09:33 GMT"_s);
        QCOMPARE(*eval(u"$datetime \"DD-MM-YYYY\" 1 y"_s, c).text, u"30-06-2025"_s);
        QCOMPARE(*eval(u"$datetime \"YYYY-MM-DD HH:mm:ss.SSS A\" -5 h"_s, c).text, u"2024-06-29 23:09:33.123 PM"_s);
        QCOMPARE(*eval(u"$datetime \"ddd D MMM [at] h:m\" 2 w"_s, c).text, u"Sun 14 Jul at 4:9"_s);
        QCOMPARE(*eval(u"$timestamp"_s, c).text, QString::number(c.now.toSecsSinceEpoch()));
        QCOMPARE(*eval(u"$timestamp -1 d"_s, c).text, QString::number(c.now.toSecsSinceEpoch() - 86400));
        QCOMPARE(*eval(u"$isoTimestamp"_s, c).text, u"2024-06-30T04:09:33.123Z"_s);
        // Local time: the same instant, with this machine's offset written out.
        const QString local = *eval(u"$localDatetime iso8601"_s, c).text;
        QCOMPARE(QDateTime::fromString(local, Qt::ISODate).toSecsSinceEpoch(), c.now.toSecsSinceEpoch());
        QVERIFY2(QRegularExpression(u"[+-]\\d\\d:\\d\\d$"_s).match(local).hasMatch(), qPrintable(local));
        QVERIFY(eval(u"$localDatetime rfc1123 30 m"_s, c).text);
        // Mistakes are errors naming the expression, never a silent value.
        const DynamicVariables::Value bad = eval(u"$datetime iso8601 1 fortnight"_s, c);
        QVERIFY(!bad.text);
        QVERIFY2(bad.error.contains(u"1 fortnight"_s), qPrintable(bad.error));
        QVERIFY(!eval(u"$timestamp 1"_s, c).text);
    }

    void randomFamilies()
    {
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(*eval(u"$random.integer(1, 2)"_s).text, u"1"_s);
            const int n = eval(u"$randomInt 5 8"_s).text->toInt();
            QVERIFY(n >= 5 && n < 8);
            const double f = eval(u"$random.float(0.5, 0.75)"_s).text->toDouble();
            QVERIFY(f >= 0.5 && f < 0.75);
        }
        QVERIFY(QRegularExpression(u"^[A-Za-z]{12}$"_s).match(*eval(u"$random.alphabetic(12)"_s).text).hasMatch());
        QVERIFY(QRegularExpression(u"^[0-9a-f]{8}$"_s).match(*eval(u"$random.hexadecimal(8)"_s).text).hasMatch());
        QVERIFY(QRegularExpression(u"^\\w{6}$"_s).match(*eval(u"$random.alphanumeric(6)"_s).text).hasMatch());
        QVERIFY(eval(u"$random.email"_s).text->endsWith(u"@example.com"_s));
        QCOMPARE(eval(u"$random.uuid"_s).text->size(), 36);
        QVERIFY(!eval(u"$random.alphabetic(100000)"_s).text); // bounded
        const DynamicVariables::Value faker = eval(u"$random.address.city"_s);
        QVERIFY(!faker.text);
        QVERIFY(faker.unsupported); // the request is "not run", naming it
        QVERIFY(faker.error.contains(u"$random.address.city"_s));
    }

    void processEnvAndDotenv()
    {
        qputenv("COMPAT_DIALECT_VAR", "from the process");
        QCOMPARE(*eval(u"$processEnv COMPAT_DIALECT_VAR"_s).text, u"from the process"_s);
        QCOMPARE(*eval(u"$processEnv %which"_s).text, u"from the process"_s); // the name from a variable
        const DynamicVariables::Value unset = eval(u"$processEnv COMPAT_NEVER_SET_VAR"_s);
        QVERIFY(!unset.text);
        QVERIFY(unset.error.contains(u"COMPAT_NEVER_SET_VAR"_s));

        QTemporaryDir dir;
        write(dir.path() + u"/.env"_s, "# a comment\nexport ROOT_KEY=\"root value\"\nAPI=one # inline\n");
        write(dir.path() + u"/api/v1/.env"_s, "API='v1 value'\n");
        DynamicVariables::Context c;
        c.directory = dir.path() + u"/api/v1"_s;
        c.root = dir.path();
        QCOMPARE(*eval(u"$dotenv API"_s, c).text, u"v1 value"_s);          // nearest file first
        QCOMPARE(*eval(u"$dotenv ROOT_KEY"_s, c).text, u"root value"_s);   // then up to the collection
        c.directory = dir.path();
        QCOMPARE(*eval(u"$dotenv API"_s, c).text, u"one"_s);
        const DynamicVariables::Value missing = eval(u"$dotenv NOPE"_s, c);
        QVERIFY(!missing.text);
        QVERIFY2(missing.error.contains(u".env"_s) && missing.error.contains(u"NOPE"_s), qPrintable(missing.error));
        // Through Variables, as the runner uses them.
        Variables vars;
        vars.setDotenvFolders(dir.path() + u"/api/v1"_s, dir.path());
        VariableError error;
        QCOMPARE(vars.resolve(u"k={{$dotenv API}}"_s, u"URL"_s, &error), u"k=v1 value"_s);
    }

    void jetbrainsFormsAreReadAndSent()
    {
        const HttpFileParseResult parsed = HttpFileParser::parse("GET http://127.0.0.1:1/x HTTP/2 (Prior Knowledge)\n\n"
                                                                 "###\nGET http://127.0.0.1:1/y HTTP/1.1\n\n"
                                                                 "###\n# @proxy http://127.0.0.1:3128\n"
                                                                 "GET http://example.invalid/\n");
        QCOMPARE(parsed.file.requests.size(), 3);
        QVERIFY(parsed.file.requests.at(0).request.options.h2cPriorKnowledge);
        QCOMPARE(parsed.file.requests.at(0).request.url, QUrl(u"http://127.0.0.1:1/x"_s));
        QVERIFY(!parsed.file.requests.at(1).request.options.http2Allowed);
        QCOMPARE(parsed.file.requests.at(2).request.options.proxy, QUrl(u"http://127.0.0.1:3128"_s));
        QVERIFY(parsed.file.requests.at(2).unsupported.isEmpty());
        // Written back as read.
        QCOMPARE(HttpFileParser::parse(HttpFileWriter::write(parsed.file)).file.requests.at(0).request.options,
                 parsed.file.requests.at(0).request.options);

        HttpServer server;
        server.route("/graphql", [](const ServerRequest &req, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, req.method + ' ' + req.header("content-type") + ' ' + req.body);
        });
        server.route("/users", [](const ServerRequest &req, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, "host=" + req.header("host"));
        });
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const QByteArray hostPort = "127.0.0.1:" + QByteArray::number(server.port());
        const QString path = dir.path() + u"/jetbrains.http"_s;
        write(path, "### relative to the Host header\n"
                    "GET /users\n"
                    "Host: " + hostPort + "\n"
                    "?? body == host=" + hostPort + "\n"
                    "\n"
                    "### GraphQL keyword\n"
                    "GRAPHQL http://" + hostPort + "/graphql\n"
                    "\n"
                    "query { user(id: {{id}}) { name } }\n"
                    "\n"
                    "{\"n\": 1}\n"
                    "?? body startsWith POST application/json\n"
                    "?? body contains {\"query\":\"query { user(id: 42) { name } }\",\"variables\":{\"n\":1}}\n"
                    "\n"
                    "### a missing template\n"
                    "POST http://" + hostPort + "/graphql\n"
                    "\n"
                    "<@ ./missing.json\n");
        const Test::ProcessResult r = Test::runProcess(QStringLiteral(PEEPHOLE_CLI),
                                                       {u"run"_s, u"--var"_s, u"id=42"_s, path});
        QVERIFY2(r.out.count("PASS") == 2, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("jetbrains.http:16: cannot read the body file"), r.out.constData());
        QVERIFY(r.out.contains("missing.json"));
        QVERIFY(r.exitCode != 0);
    }

    void noLogShowsNoResponseValues()
    {
        HttpServer server;
        server.route("/secret", ScriptedResponse::text(200, "top-secret-body-42"));
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const QByteArray url = "http://127.0.0.1:" + QByteArray::number(server.port()) + "/secret";
        auto run = [&](const QString &name, const QByteArray &directive) {
            const QString path = dir.path() + u'/' + name + u".http"_s;
            write(path, directive + "GET " + url + "\n?? body == something else\n");
            const QString report = dir.path() + u'/' + name + u".json"_s;
            const Test::ProcessResult r = Test::runProcess(QStringLiteral(PEEPHOLE_CLI),
                                                           {u"run"_s, u"--report"_s, u"json"_s, report, path});
            QFile f(report);
            return std::pair{r, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray()};
        };
        const auto [loud, loudReport] = run(u"loud"_s, QByteArray());
        QVERIFY(loud.exitCode != 0);
        QVERIFY2(QByteArray(loud.out + loudReport).contains("top-secret-body-42"), loud.out.constData());
        const auto [quiet, quietReport] = run(u"quiet"_s, "# @no-log\n");
        QVERIFY(quiet.exitCode != 0); // the verdict is the same
        QVERIFY2(quiet.out.contains("FAIL"), quiet.out.constData());
        QVERIFY2(quiet.out.contains("not shown (# @no-log)"), quiet.out.constData());
        QVERIFY(!QByteArray(quiet.out + quiet.err + quietReport).contains("top-secret-body-42"));
        QVERIFY(quietReport.contains("\"passed\": false"));
    }
};

QTEST_GUILESS_MAIN(TestCompatDialect)
#include "tst_compatdialect.moc"
