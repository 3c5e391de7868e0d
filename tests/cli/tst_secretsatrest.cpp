// Acceptance test: whole CLI sessions that type and receive every kind of
// secret, then a scan of every file under the session's HOME (and of what
// was printed) for each secret in every encoding a reviewer would try.

#include "clirun.h"
#include "secretscan.h"
#include "server/authgate.h"
#include "server/httpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
using Run = Test::ProcessResult;

const QByteArray BasicPassword = "Pw-basic-71f3q";
const QByteArray Token = "Tok-bearer-8c2eq";
const QByteArray HeaderToken = "Hdr-auth-5a1dq";
const QByteArray UrlPassword = "Url-pw-9b4cq";
const QByteArray QueryKey = "Qry-key-3e7fq";
const QByteArray SentCookie = "Ck-sent-2d8aq";
const QByteArray SetCookie = "Ck-set-6f0bq";
const QByteArray JsonPassword = "Json-pw-4c9eq";
const QByteArray PostmanPassword = "Pm-pw-7a3dq";
const QByteArray PostmanKey = "Pm-key-1b5eq";
const QByteArray EnvPassword = "Env-pw-2f9cq";
} // namespace

class TestSecretsAtRest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sendMasksTheTerminalAndRedactsHar();
    void showAndIncludeSecretsAreExplicit();
    void controlBytesAreEscaped();
    void runReportsAreRedacted();
    void convertMovesSecretsToThePrivateFile();
    void convertToStandardOutputWritesNoSecret();
    void noSecretAnywhereUnderHome();

private:
    Run cli(const QStringList &args);
    QString home(const QString &path) const { return m_home.filePath(path); }
    QString input(const QString &path) const { return m_inputs.filePath(path); }
    void writeInput(const QString &name, const QByteArray &bytes);
    void check(const Run &r, const QString &what);

    HttpServer m_server;
    QTemporaryDir m_home;   ///< The sessions' HOME: scanned at the end.
    QTemporaryDir m_inputs; ///< Files the user wrote (with secrets), outside HOME.
    QList<SecretScan::Secret> m_secrets;
    QStringList m_outputHits;
};

Run TestSecretsAtRest::cli(const QStringList &args)
{
    Test::ProcessOptions options;
    options.environment = Test::environmentWithHome(m_home.path());
    options.workingDirectory = m_home.path();
    options.closeInput = false;
    // "--" PROGRAM ARGS...: another program (script(1) around the CLI), same environment.
    if (args.value(0) == u"--"_s)
        return Test::runProcess(args.value(1), args.mid(2), options);
    return Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args, options);
}

void TestSecretsAtRest::writeInput(const QString &name, const QByteArray &bytes)
{
    QFile f(input(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void TestSecretsAtRest::check(const Run &r, const QString &what)
{
    m_outputHits += SecretScan::findIn(r.out, what + u" stdout"_s, m_secrets);
    m_outputHits += SecretScan::findIn(r.err, what + u" stderr"_s, m_secrets);
}

void TestSecretsAtRest::initTestCase()
{
    QVERIFY(m_home.isValid() && m_inputs.isValid());
    QFile::setPermissions(m_home.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_secrets = {{BasicPassword, "alice"}, {Token, {}},      {HeaderToken, {}},   {UrlPassword, "bob"},
                 {QueryKey, {}},           {SentCookie, {}}, {SetCookie, {}},     {JsonPassword, {}},
                 {PostmanPassword, "pm"},  {PostmanKey, {}}, {EnvPassword, "env"}};
    QVERIFY(m_server.listen());
    auto basic = std::make_shared<AuthGate>();
    basic->setCredentials("alice", BasicPassword);
    basic->offerBasic();
    m_server.route("/basic", protect(basic, [](const ServerRequest &, ScriptedResponse &r) {
                       r.headers.append({"Set-Cookie", "session=" + SetCookie + "; Path=/; HttpOnly", true});
                       r.body = "welcome alice\n";
                   }));
    auto bearer = std::make_shared<AuthGate>();
    BearerOptions options;
    options.tokens.insert(Token, {});
    bearer->offerBearer(options);
    m_server.route("/bearer", protect(bearer, [](const ServerRequest &, ScriptedResponse &r) {
                       r.headers.append({"Content-Type", "application/json", true});
                       r.body = R"({"ok":true,"access_token":")" + Token + R"("})";
                   }));
    auto env = std::make_shared<AuthGate>();
    env->setCredentials("env", EnvPassword);
    env->offerBasic();
    m_server.route("/env", protect(env, [](const ServerRequest &, ScriptedResponse &r) { r.body = "ok"; }));
    m_server.route("/echo", [](const ServerRequest &, ScriptedResponse &r) {
        r.headers.append({"Set-Cookie", "track=" + SetCookie + "; Path=/", true});
        r.headers.append({"X-Evil",
                          "a\x1b]0;owned\x07"
                          "b\x9b"
                          "2J",
                          true});
        r.headers.append({"Content-Type", "text/plain", true});
        r.body = "line\x1b[31m red\n";
    });
}

void TestSecretsAtRest::sendMasksTheTerminalAndRedactsHar()
{
    QVERIFY(QDir().mkdir(home(u"out"_s)));
    QFile::setPermissions(home(u"out"_s),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    Run r = cli({u"send"_s, u"-v"_s, u"--user"_s, u"alice:"_s + QString::fromLatin1(BasicPassword),
                 u"--save-credentials"_s, u"--har"_s, home(u"out/basic.har"_s),
                 m_server.url(u"/basic"_s).toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("> Authorization: Basic alice:****"), r.err.constData());
    QVERIFY(r.err.contains("< Set-Cookie: session=****; Path=/; HttpOnly"));
    QCOMPARE(r.out, "welcome alice\n"_ba);
    check(r, u"send --user"_s);

    r = cli({u"send"_s, u"-v"_s, u"--token"_s, QString::fromLatin1(Token), u"--har"_s,
             home(u"out/bearer.har"_s), m_server.url(u"/bearer"_s).toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("> Authorization: Bearer ****"), r.err.constData());
    // The body goes to a pipe here, byte for byte: the server's own answer is not ours to mask.
    QVERIFY(r.out.contains(Token));
    r.out.clear();
    check(r, u"send --token"_s);
    const QJsonObject har = QJsonDocument::fromJson([&] {
                                QFile f(home(u"out/bearer.har"_s));
                                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                            }())
                                .object();
    QVERIFY(har.value(u"log"_s).toObject().value(u"comment"_s).toString().contains(u"redacted"_s));

    QUrl url = m_server.url(u"/echo"_s);
    url.setUserName(u"bob"_s);
    url.setPassword(QString::fromLatin1(UrlPassword));
    url.setQuery(u"api_key="_s + QString::fromLatin1(QueryKey) + u"&page=1"_s);
    r = cli({u"send"_s, u"-v"_s, u"-H"_s, u"Authorization: Bearer "_s + QString::fromLatin1(HeaderToken),
             u"-H"_s, u"Cookie: sid="_s + QString::fromLatin1(SentCookie), u"-H"_s,
             u"Content-Type: application/json"_s, u"-d"_s,
             u"{\"user\":\"alice\",\"password\":\""_s + QString::fromLatin1(JsonPassword) + u"\"}"_s,
             u"--har"_s, home(u"out/echo.har"_s), url.toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("api_key=****&page=1"), r.err.constData());
    QVERIFY(r.err.contains("> Cookie: sid=****"));
    check(r, u"send -H"_s);
}

void TestSecretsAtRest::showAndIncludeSecretsAreExplicit()
{
    // Outside HOME: the user asked for the secrets, so they are there.
    const Run r =
        cli({u"send"_s, u"-v"_s, u"--show-secrets"_s, u"--include-secrets"_s, u"-H"_s,
             u"Authorization: Bearer "_s + QString::fromLatin1(HeaderToken), u"--har"_s, input(u"full.har"_s),
             m_server.url(u"/echo"_s).toString() + u"?token="_s + QString::fromLatin1(QueryKey)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains(QByteArray("> Authorization: Bearer " + HeaderToken)));
    QVERIFY(r.err.contains(QByteArray("token=" + QueryKey)));
    QFile har(input(u"full.har"_s));
    QVERIFY(har.open(QIODevice::ReadOnly));
    const QByteArray bytes = har.readAll();
    QVERIFY(bytes.contains(HeaderToken) && bytes.contains(QueryKey) && bytes.contains(SetCookie));
}

void TestSecretsAtRest::controlBytesAreEscaped()
{
    const Run r = cli({u"send"_s, u"--head"_s, m_server.url(u"/echo"_s).toString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("X-Evil: a\\x1b]0;owned\\x07b\\x9b2J"), r.out.constData());
    QVERIFY(!r.out.contains('\x1b') && !r.out.contains('\x07') && !r.out.contains('\x9b'));
    // A body piped to a file stays byte for byte.
    const Run body = cli({u"send"_s, m_server.url(u"/echo"_s).toString()});
    QCOMPARE(body.out, "line\x1b[31m red\n"_ba);
    QVERIFY(!body.err.contains('\x1b'));

    // On a terminal (script(1) gives the CLI a pseudo-terminal), the body is escaped too.
    const QString script = QStandardPaths::findExecutable(u"script"_s);
    if (script.isEmpty())
        QSKIP("script(1) (bsdutils) is not installed: the terminal case is not checked");
    const Run tty = cli({u"--"_s, script, u"-qec"_s,
                         QStringLiteral(PEEPHOLE_CLI) + u" send "_s + m_server.url(u"/echo"_s).toString(),
                         u"/dev/null"_s});
    QVERIFY2(tty.out.contains("line\\x1b[31m red"), tty.out.constData());
    QVERIFY(!tty.out.contains('\x1b'));
}

void TestSecretsAtRest::runReportsAreRedacted()
{
    QVERIFY(QDir().mkpath(input(u"coll"_s)));
    writeInput(u"coll/http-client.env.json"_s, "{\"dev\": {\"base\": \"" +
                                                   m_server.url().toString().toUtf8().chopped(1) +
                                                   "\", \"user\": \"env\"}}");
    writeInput(u"coll/http-client.private.env.json"_s, "{\"dev\": {\"pw\": \"" + EnvPassword + "\"}}");
    writeInput(u"coll/api.http"_s, "### Env login\n"
                                   "# @peephole-auth basic user={{user}} secret={{pw}}\n"
                                   "# @peephole-assert status == 201\n"
                                   "GET {{base}}/env?api_key=" +
                                       QueryKey +
                                       "&page=1\n"
                                       "X-Api-Key: " +
                                       PostmanKey + "\n");
    const Run r = cli({u"run"_s, input(u"coll"_s), u"-e"_s, u"dev"_s, u"--report"_s, u"json"_s,
                       home(u"out/report.json"_s), u"--report"_s, u"junit"_s, home(u"out/report.xml"_s)});
    QCOMPARE(r.exitCode, 30); // the assertion fails: a report with messages
    check(r, u"run"_s);
    QFile json(home(u"out/report.json"_s));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray bytes = json.readAll();
    QVERIFY2(bytes.contains("api_key=[redacted]&page=1"), bytes.constData());
}

void TestSecretsAtRest::convertMovesSecretsToThePrivateFile()
{
    writeInput(u"login.curl"_s, "curl -u alice:" + BasicPassword + " -H 'Authorization: Bearer " +
                                    HeaderToken + "' -H 'Cookie: sid=" + SentCookie + "' 'https://bob:" +
                                    UrlPassword + "@api.example.com/v1?access_token=" + QueryKey +
                                    "&page=2' -H 'Content-Type: application/json' --data '{\"password\":\"" +
                                    JsonPassword + "\"}'\n");
    QVERIFY(QDir().mkdir(home(u"conv"_s)));
    QFile::setPermissions(home(u"conv"_s),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    Run r = cli({u"convert"_s, u"--from"_s, u"curl"_s, u"--to"_s, u"http"_s, input(u"login.curl"_s),
                 home(u"conv/login.http"_s)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QByteArray("moved to " + home(u"conv/http-client.private.env.json"_s).toUtf8())),
             r.err.constData());
    check(r, u"convert curl"_s);

    QFile http(home(u"conv/login.http"_s));
    QVERIFY(http.open(QIODevice::ReadOnly));
    const QByteArray collection = http.readAll();
    QVERIFY2(collection.contains("Authorization: Bearer {{"), collection.constData());
    QVERIFY(collection.contains("access_token={{"));
    QFile env(home(u"conv/http-client.private.env.json"_s));
    QVERIFY(env.open(QIODevice::ReadOnly));
    const QByteArray envBytes = env.readAll();
    for (const QByteArray &s : {BasicPassword, HeaderToken, SentCookie, UrlPassword, QueryKey, JsonPassword})
        QVERIFY2(envBytes.contains(s), s.constData());
    QFile ignore(home(u"conv/.gitignore"_s));
    QVERIFY(ignore.open(QIODevice::ReadOnly));
    QVERIFY(ignore.readAll().split('\n').contains("http-client.private.env.json"));

    // A HAR recorded with secrets, and a Postman collection with literal ones.
    r = cli({u"convert"_s, u"--from"_s, u"har"_s, u"--to"_s, u"http"_s, input(u"full.har"_s),
             home(u"conv/fromhar.http"_s)});
    QCOMPARE(r.exitCode, 0);
    check(r, u"convert har"_s);
    writeInput(
        u"pm.json"_s,
        R"({"info": {"name": "PM", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
 "item": [{"name": "Get user", "request": {"method": "GET",
   "auth": {"type": "basic", "basic": [{"key": "username", "value": "pm"}, {"key": "password", "value": ")" +
            PostmanPassword + R"("}]},
   "header": [{"key": "X-Api-Key", "value": ")" +
            PostmanKey +
            R"("}],
   "url": {"raw": "https://api.example.com/u?page=1"}}}]})");
    r = cli({u"convert"_s, u"--from"_s, u"postman"_s, u"--to"_s, u"http"_s, input(u"pm.json"_s),
             home(u"conv/pm.http"_s)});
    QCOMPARE(r.exitCode, 0);
    check(r, u"convert postman"_s);
    QVERIFY(env.seek(0));
    QFile env2(home(u"conv/http-client.private.env.json"_s));
    QVERIFY(env2.open(QIODevice::ReadOnly));
    const QByteArray after = env2.readAll();
    QVERIFY2(after.contains(PostmanPassword) && after.contains(PostmanKey) && after.contains(BasicPassword),
             after.constData());
}

void TestSecretsAtRest::convertToStandardOutputWritesNoSecret()
{
    const Run r = cli({u"convert"_s, u"--from"_s, u"curl"_s, u"--to"_s, u"http"_s, input(u"login.curl"_s)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("{{"));
    QVERIFY2(r.err.contains("--include-secrets"), r.err.constData());
    check(r, u"convert to stdout"_s);
    for (const char *format : {"curl", "har", "postman"}) {
        const Run o = cli({u"convert"_s, u"--from"_s, u"curl"_s, u"--to"_s, QString::fromLatin1(format),
                           input(u"login.curl"_s)});
        QCOMPARE(o.exitCode, 0);
        check(o, u"convert to "_s + QString::fromLatin1(format));
    }
}

void TestSecretsAtRest::noSecretAnywhereUnderHome()
{
    QVERIFY2(m_outputHits.isEmpty(), qPrintable(m_outputHits.join(u'\n')));
    // The scanner finds what is there: the user's own inputs (outside HOME) hold the secrets.
    const QStringList inputHits = SecretScan::scanTree(m_inputs.path(), m_secrets);
    for (const QByteArray &s : {BasicPassword, HeaderToken, QueryKey, SetCookie, PostmanKey, EnvPassword})
        QVERIFY2(inputHits.join(u'\n').contains(QString::fromLatin1(s)), s.constData());
    const QStringList files = SecretScan::listTree(m_home.path());
    qInfo("files under HOME: %s", qPrintable(files.join(u' ')));
    // The session did write files: the HARs, the reports, the converted collections.
    for (const QString &f : {u"out/basic.har"_s, u"out/bearer.har"_s, u"out/echo.har"_s, u"out/report.json"_s,
                             u"out/report.xml"_s, u"conv/login.http"_s, u"conv/pm.http"_s})
        QVERIFY2(files.contains(f), qPrintable(files.join(u' ')));
    // The private environment file is where moved secrets belong (0600, git-ignored).
    const QStringList hits =
        SecretScan::scanTree(m_home.path(), m_secrets, {u"http-client.private.env.json"_s});
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n') + u"\nfiles: "_s + files.join(u' ')));
    const QStringList modes = SecretScan::permissionProblems(m_home.path());
    QVERIFY2(modes.isEmpty(), qPrintable(modes.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSecretsAtRest)
#include "tst_secretsatrest.moc"
