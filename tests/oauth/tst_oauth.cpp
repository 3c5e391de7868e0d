// OAuth 2 / OpenID Connect against a real authorization server no one here
// wrote: oidc-provider (npm, the certified implementation) on a free loopback
// port (oidc-server.mjs). peephole-cli runs in a HOME of its own; the test's
// TestBrowser follows the provider's login, consent and device pages.

#include "clirun.h"
#include "secretscan.h"
#include "server/httpserver.h"
#include "server/router.h"
#include "testbrowser.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using Peephole::Test::ProcessResult;

class TestOAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void discoveryAndClientCredentials();
    void clientSecretInBody();
    void privateKeyJwt();
    void runWithOAuthVariables();
    void tokenErrorsExplained_data();
    void tokenErrorsExplained();
    void codeWithPkce();
    void refreshGrant();
    void invalidTokenRefreshRetry();
    void expiredTokenRefreshedFirst();
    void deviceFlowSlowDown();
    void redirectErrors_data();
    void redirectErrors();
    void redirectUriMismatch();
    void jwtDecodeAndVerify();
    void refreshFailsSaysWhy();
    void garbageJwt_data();
    void garbageJwt();
    void malformedTokenResponse();
    void providerNeverAnswers();
    void nothingSecretUnderHome();

private:
    ProcessResult cli(const QStringList &args, int timeoutMs = 60000);
    /// Starts the CLI and returns once a stderr line matches @p re (the match in *captured).
    bool startCli(QProcess &p, const QStringList &args, const QRegularExpression &re, QString *captured);
    /// Reads more of the CLI's stderr until @p re matches it.
    bool waitStderr(QProcess &p, const QRegularExpression &re, QString *captured, int timeoutMs = 30000);
    ProcessResult finishCli(QProcess &p);
    /// Runs the code flow for @p name (stored config) with @p client; returns the CLI's result.
    ProcessResult codeFlow(const QStringList &args, const QString &login = u"alice"_s);
    QString storedAccessToken(const QString &name);
    QString issuer() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }
    QString api() const { return u"http://127.0.0.1:%1/api/me"_s.arg(m_apiPort); }

    QProcess m_server;
    int m_port = 0;
    int m_apiPort = 0;
    QTemporaryDir m_home;
    QTemporaryDir m_outside; ///< Files given to the CLI that are not its own (client secrets).
    QStringList m_secrets;   ///< Every token and secret seen, for the final scan.
};

void TestOAuth::initTestCase()
{
    const QString src = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/oauth/"_s;
    const QString dir = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/npm/oauth"_s;
    QVERIFY(QDir().mkpath(dir));
    for (const QString &name : {u"package.json"_s, u"package-lock.json"_s, u"oidc-server.mjs"_s}) {
        QFile::remove(dir + u'/' + name);
        QVERIFY2(QFile::copy(src + name, dir + u'/' + name), qPrintable(name));
    }
    if (!QFile::exists(dir + u"/node_modules/oidc-provider/package.json"_s)) {
        QProcess npm;
        npm.setWorkingDirectory(dir);
        npm.start(u"npm"_s, {u"ci"_s, u"--no-audit"_s, u"--no-fund"_s});
        QVERIFY2(npm.waitForFinished(300000), "npm ci did not finish");
        QVERIFY2(npm.exitCode() == 0, npm.readAllStandardError().constData());
    }
    m_server.setWorkingDirectory(dir);
    m_server.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"OIDC_JWT_CLIENT_KEY"_s, m_outside.filePath(u"jwt-client.pem"_s));
    m_server.setProcessEnvironment(env);
    m_server.start(u"node"_s, {u"oidc-server.mjs"_s});
    QVERIFY2(m_server.waitForStarted(), "node is not installed");
    QByteArray out;
    while (!out.contains("APIPORT ") || !out.endsWith('\n')) {
        QVERIFY2(m_server.waitForReadyRead(30000), m_server.readAllStandardError().constData());
        out += m_server.readAllStandardOutput();
    }
    const auto port = QRegularExpression(u"PORT (\\d+)\\nAPIPORT (\\d+)"_s).match(QString::fromLatin1(out));
    QVERIFY2(port.hasMatch(), out.constData());
    m_port = port.captured(1).toInt();
    m_apiPort = port.captured(2).toInt();
    QVERIFY(m_home.isValid() && m_outside.isValid());
    m_secrets << u"conf-secret-7f3a9c"_s << u"post-secret-51b2e8"_s;
}

void TestOAuth::cleanupTestCase()
{
    // Forget every configuration (tokens and client secrets) so the shared test keyring stays clean.
    const ProcessResult listed = cli({u"oauth"_s, u"list"_s});
    for (const QByteArray &line : listed.out.split('\n'))
        if (line.contains('\t'))
            cli({u"oauth"_s, u"forget"_s, QString::fromUtf8(line.left(line.indexOf('\t')))});
    QVERIFY(cli({u"oauth"_s, u"list"_s}).out.contains("No OAuth configurations."));
    const ProcessResult gone = cli({u"send"_s, u"--oauth"_s, u"cc"_s, api()});
    QCOMPARE(gone.exitCode, 25);
    QVERIFY2(gone.err.contains("there is no OAuth configuration named \"cc\""), gone.err.constData());
    m_server.kill();
    m_server.waitForFinished();
}

ProcessResult TestOAuth::cli(const QStringList &args, int timeoutMs)
{
    Peephole::Test::ProcessOptions o;
    o.environment = Peephole::Test::environmentWithHome(m_home.path());
    o.timeoutMs = timeoutMs;
    return Peephole::Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args, o);
}

bool TestOAuth::startCli(QProcess &p, const QStringList &args, const QRegularExpression &re, QString *captured)
{
    p.setProcessEnvironment(Peephole::Test::environmentWithHome(m_home.path()));
    p.start(QStringLiteral(PEEPHOLE_CLI), args);
    if (!p.waitForStarted())
        return false;
    p.closeWriteChannel();
    return waitStderr(p, re, captured);
}

bool TestOAuth::waitStderr(QProcess &p, const QRegularExpression &re, QString *captured, int timeoutMs)
{
    QByteArray err = p.property("stderrSoFar").toByteArray();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        const auto m = re.match(QString::fromUtf8(err));
        if (m.hasMatch()) {
            *captured = m.captured(1);
            p.setProperty("stderrSoFar", err);
            return true;
        }
        if (p.state() != QProcess::Running && p.bytesAvailable() == 0)
            break;
        p.waitForReadyRead(500);
        err += p.readAllStandardError();
    }
    p.setProperty("stderrSoFar", err);
    qWarning().noquote() << "CLI stderr:" << QString::fromUtf8(err);
    return false;
}

ProcessResult TestOAuth::finishCli(QProcess &p)
{
    ProcessResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.property("stderrSoFar").toByteArray() + p.readAllStandardError();
    return r;
}

ProcessResult TestOAuth::codeFlow(const QStringList &args, const QString &login)
{
    QProcess p;
    QString url;
    if (!startCli(p, QStringList{u"oauth"_s, u"token"_s, u"--no-browser"_s} + args,
                  QRegularExpression(u"sign in:\\n(http\\S+)\\n"_s), &url))
        return {};
    const QUrl authorize(url);
    const QUrlQuery q(authorize);
    const QString redirect = q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
    TestBrowser browser;
    const TestBrowser::Page end =
        browser.walk(authorize, redirect, {{u"login"_s, login}, {u"password"_s, u"any"_s}});
    if (end.location.isValid())
        browser.request("GET", end.location);
    else
        qWarning() << "the browser did not come back:" << end.status << end.body.left(300) << end.error;
    return finishCli(p);
}

QString TestOAuth::storedAccessToken(const QString &name)
{
    const ProcessResult r = cli({u"oauth"_s, u"show"_s, name, u"--show-secrets"_s});
    const auto m = QRegularExpression(u"access_token: (\\S+)"_s).match(QString::fromUtf8(r.out));
    const QString token = m.captured(1);
    if (!token.isEmpty())
        m_secrets << token;
    const auto refresh = QRegularExpression(u"refresh_token: (\\S+)"_s).match(QString::fromUtf8(r.out));
    if (refresh.hasMatch() && refresh.captured(1) != u"none"_s)
        m_secrets << refresh.captured(1);
    return token;
}

void TestOAuth::discoveryAndClientCredentials()
{
    const QString secretFile = m_outside.filePath(u"conf-secret"_s);
    QFile f(secretFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("conf-secret-7f3a9c\n");
    f.close();
    const ProcessResult r = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"cc"_s, u"--issuer"_s, issuer(),
                                 u"--client-id"_s, u"conf-client"_s, u"--client-secret-file"_s, secretFile,
                                 u"--grant"_s, u"client_credentials"_s, u"--scope"_s, u"api:read"_s});
    const QString err = QString::fromUtf8(r.err), out = QString::fromUtf8(r.out);
    QVERIFY2(r.exitCode == 0, qPrintable(err + out));
    // Discovery and the token request are exchanges of their own.
    QVERIFY2(err.contains(u"GET %1/.well-known/openid-configuration → 200"_s.arg(issuer())), qPrintable(err));
    QVERIFY2(err.contains(u"POST %1/token → 200"_s.arg(issuer())), qPrintable(err));
    QVERIFY2(err.contains(u"OAuth: token request (client_credentials) — configuration \"cc\""_s), qPrintable(err));
    QVERIFY2(out.contains(u"scope: api:read"_s), qPrintable(out));
    QVERIFY2(QRegularExpression(u"valid until: .*\\(expires in (9|10) min"_s).match(out).hasMatch(), qPrintable(out));
    QVERIFY2(QRegularExpression(u"access_token: \\S{4}\\*\\*\\*\\*\\n"_s).match(out).hasMatch(), qPrintable(out));

    const QString token = storedAccessToken(u"cc"_s);
    QVERIFY(token.size() > 20);
    QVERIFY2(!out.contains(token) && !err.contains(token), "the token was printed unmasked");
    // The API accepts it.
    const ProcessResult sent = cli({u"send"_s, u"--oauth"_s, u"cc"_s, api()});
    QVERIFY2(sent.exitCode == 0, sent.err.constData());
    QCOMPARE(QJsonDocument::fromJson(sent.out).object().value(u"client"_s).toString(), u"conf-client"_s);
    QVERIFY2(!sent.err.contains(token.toUtf8()), sent.err.constData());
    // list shows it, without secrets.
    const ProcessResult listed = cli({u"oauth"_s, u"list"_s});
    QVERIFY2(listed.out.contains(QByteArray("cc\tclient_credentials\t" + issuer().toUtf8() + "\tconf-client")), listed.out.constData());
}

void TestOAuth::clientSecretInBody()
{
    const ProcessResult r = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"post"_s, u"--issuer"_s, issuer(),
                                 u"--client-id"_s, u"post-client"_s, u"--client-secret"_s, u"post-secret-51b2e8"_s,
                                 u"--client-auth"_s, u"body"_s, u"--grant"_s, u"client_credentials"_s,
                                 u"-v"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // -v prints the heads: no Authorization header for a client that authenticates in the body.
    QVERIFY2(!r.err.contains("Authorization: Basic"), r.err.constData());
    storedAccessToken(u"post"_s);
}

void TestOAuth::privateKeyJwt()
{
    const QString key = m_outside.filePath(u"jwt-client.pem"_s);
    QVERIFY(QFile::exists(key));
    const ProcessResult r = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"jwt"_s, u"--issuer"_s, issuer(),
                                 u"--client-id"_s, u"jwt-client"_s, u"--client-auth"_s, u"private_key_jwt"_s,
                                 u"--private-key"_s, key, u"--key-id"_s, u"client-ec-1"_s, u"--grant"_s,
                                 u"client_credentials"_s, u"-v"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("OAuth: token request (client_credentials)"), r.err.constData());
    storedAccessToken(u"jwt"_s);
    // A key the server does not know is refused as invalid_client.
    const QString other = m_outside.filePath(u"other.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"genpkey"_s, u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s,
                                 u"ec_paramgen_curve:P-256"_s, u"-out"_s, other});
    QVERIFY(openssl.waitForFinished() && openssl.exitCode() == 0);
    const ProcessResult refused = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"jwt"_s, u"--private-key"_s, other});
    QCOMPARE(refused.exitCode, 25);
    QVERIFY2(refused.err.contains("did not accept the client's credentials"), refused.err.constData());
    // An unusable key file is named.
    const ProcessResult broken = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"jwt"_s, u"--private-key"_s,
                                      m_outside.filePath(u"missing.pem"_s)});
    QCOMPARE(broken.exitCode, 25);
    QVERIFY2(broken.err.contains("private_key_jwt: cannot read the private key"), broken.err.constData());
}

void TestOAuth::runWithOAuthVariables()
{
    // A collection refers to the configuration "cc" by name, in httpyac's and JetBrains' forms.
    const QString dir = m_outside.filePath(u"collection"_s);
    QVERIFY(QDir().mkpath(dir));
    QFile f(dir + u"/api.http"_s);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(("### httpyac form\nGET " + api().toUtf8() +
             "\nAuthorization: Bearer {{$oauth2 cc}}\n\n?? status == 200\n\n"
             "### JetBrains form\nGET " + api().toUtf8() +
             "\nAuthorization: Bearer {{$auth.token(\"cc\")}}\n\n?? status == 200\n\n"
             "### unknown configuration\nGET " + api().toUtf8() +
             "\nAuthorization: Bearer {{$oauth2 nosuch}}\n\n?? status == 200\n\n"
             "### httpyac flow with oauth2_* variables\nGET " + api().toUtf8() +
             "\nAuthorization: Bearer {{$oauth2 client_credentials}}\n\n?? status == 200\n"));
    f.close();
    const ProcessResult r = cli({u"run"_s, dir});
    const QString out = QString::fromUtf8(r.out), err = QString::fromUtf8(r.err);
    QCOMPARE(r.exitCode, 30);
    QVERIFY2(out.count(u"PASS     200"_s) == 2, qPrintable(out + err));
    QVERIFY2(err.contains(u"OAuth configuration \"nosuch\": there is no OAuth configuration named \"nosuch\""_s),
             qPrintable(err));
    QVERIFY2(out.contains(u"no token of the OAuth configuration \"nosuch\""_s), qPrintable(out));
    QVERIFY2(out.contains(u"NOT RUN"_s) && out.contains(u"httpyac's OAuth flow read from oauth2_* variables"_s),
             qPrintable(out));
    const QString token = storedAccessToken(u"cc"_s);
    QVERIFY(!out.contains(token) && !err.contains(token));
}

void TestOAuth::tokenErrorsExplained_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("sentence");
    const QString iss = issuer();
    QTest::newRow("invalid_client: wrong secret")
        << QStringList{u"--client-id"_s, u"conf-client"_s, u"--client-secret"_s, u"wrong"_s, u"--grant"_s,
                       u"client_credentials"_s}
        << u"did not accept the client's credentials; check the client id, the client secret"_s;
    QTest::newRow("invalid_scope")
        << QStringList{u"--client-id"_s, u"conf-client"_s, u"--client-secret"_s, u"conf-secret-7f3a9c"_s,
                       u"--grant"_s, u"client_credentials"_s, u"--scope"_s, u"api:write"_s}
        << u"scope is unknown, malformed or more than the client may ask for"_s;
    QTest::newRow("grant not allowed for the client")
        << QStringList{u"--client-id"_s, u"post-client"_s, u"--client-secret"_s, u"post-secret-51b2e8"_s,
                       u"--client-auth"_s, u"body"_s, u"--grant"_s, u"device"_s}
        << u"not allowed to use this grant type"_s;
}

void TestOAuth::tokenErrorsExplained()
{
    QFETCH(QStringList, args);
    QFETCH(QString, sentence);
    const ProcessResult r =
        cli(QStringList{u"oauth"_s, u"token"_s, u"--name"_s, u"errors"_s, u"--issuer"_s, issuer()} + args);
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(QString::fromUtf8(r.err).contains(sentence), r.err.constData());
    QVERIFY2(r.err.contains("(server: "), r.err.constData()); // the server's own words are quoted
    QVERIFY(!r.err.contains("conf-secret-7f3a9c") && !r.err.contains("post-secret-51b2e8"));
}

void TestOAuth::codeWithPkce()
{
    QProcess p;
    QString url;
    QVERIFY(startCli(p,
                     {u"oauth"_s, u"token"_s, u"--no-browser"_s, u"--name"_s, u"pub"_s, u"--issuer"_s, issuer(),
                      u"--client-id"_s, u"public-client"_s, u"--client-auth"_s, u"none"_s, u"--grant"_s,
                      u"code"_s, u"--scope"_s, u"openid email offline_access"_s},
                     QRegularExpression(u"sign in:\\n(http\\S+)\\n"_s), &url));
    const QUrl authorize(url);
    const QUrlQuery q(authorize);
    QCOMPARE(authorize.toString(QUrl::RemoveQuery), issuer() + u"/auth"_s);
    QCOMPARE(q.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(q.queryItemValue(u"code_challenge"_s).size(), 43); // base64url SHA-256
    QVERIFY(q.queryItemValue(u"state"_s).size() >= 22);
    QCOMPARE(q.queryItemValue(u"response_type"_s), u"code"_s);
    const QUrl redirect(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);
    QCOMPARE(redirect.path(), u"/callback"_s);
    QVERIFY(redirect.port() > 0);
    // The listener is on loopback only.
    QTcpSocket other;
    TestBrowser browser;
    const TestBrowser::Page end = browser.walk(authorize, redirect.toString(),
                                               {{u"login"_s, u"alice"_s}, {u"password"_s, u"any"_s}});
    QVERIFY2(end.location.isValid(), end.body.left(500).constData());
    QVERIFY(QUrlQuery(end.location).hasQueryItem(u"code"_s));
    const TestBrowser::Page landed = browser.request("GET", end.location);
    QVERIFY2(landed.body.contains("Peephole received the answer"), landed.body.constData());
    const ProcessResult r = finishCli(p);
    const QString out = QString::fromUtf8(r.out), err = QString::fromUtf8(r.err);
    QVERIFY2(r.exitCode == 0, qPrintable(err + out));
    QVERIFY2(err.contains(u"OAuth: token request (authorization_code)"_s), qPrintable(err));
    QVERIFY2(out.contains(u"sub: alice"_s), qPrintable(out));
    QVERIFY2(out.contains(u"aud: public-client"_s), qPrintable(out));
    QVERIFY2(out.contains(u"iss: "_s + issuer()), qPrintable(out));
    QVERIFY2(QRegularExpression(u"exp: expires \\d{4}-\\d\\d-\\d\\d .*\\(in (59 min|1 h)"_s).match(out).hasMatch(),
             qPrintable(out));
    QVERIFY2(out.contains(u"refresh_token: stored in the keychain"_s), qPrintable(out));
    // One-shot: the loopback listener is gone.
    other.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(!other.waitForConnected(2000));
    QVERIFY(!storedAccessToken(u"pub"_s).isEmpty());
}

void TestOAuth::refreshGrant()
{
    const QString before = storedAccessToken(u"pub"_s);
    QVERIFY2(!before.isEmpty(), "codeWithPkce must run first");
    const ProcessResult r = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"pub"_s, u"--grant"_s, u"refresh"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("OAuth: token request (refresh_token)"), r.err.constData());
    const QString after = storedAccessToken(u"pub"_s);
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
}

void TestOAuth::invalidTokenRefreshRetry()
{
    // The provider forgets the access token (revoked); Peephole still thinks it is valid.
    const QString token = storedAccessToken(u"pub"_s);
    QVERIFY2(!token.isEmpty(), "codeWithPkce must run first");
    TestBrowser revoke;
    const TestBrowser::Page revoked = revoke.request(
        "POST", QUrl(issuer() + u"/token/revocation"_s),
        "client_id=public-client&token_type_hint=access_token&token=" + QUrl::toPercentEncoding(token));
    QCOMPARE(revoked.status, 200);

    const ProcessResult r = cli({u"send"_s, u"--oauth"_s, u"pub"_s, api()});
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(r.exitCode == 0, qPrintable(err));
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"sub"_s).toString(), u"alice"_s);
    // Three linked exchanges: the 401, the token request, the retry.
    QVERIFY2(err.contains(u"< HTTP/1.1 401"_s), qPrintable(err));
    QVERIFY2(err.contains(u"OAuth: token rejected (invalid_token); refreshed in #2, retried once"_s), qPrintable(err));
    QVERIFY2(err.contains(u"OAuth: new token after #1 answered 401 invalid_token"_s), qPrintable(err));
    QVERIFY2(err.contains(u"OAuth: retry of #1 with the token from #2"_s), qPrintable(err));
    QVERIFY(err.indexOf(u"401"_s) < err.indexOf(u"retry of #1"_s));
    QVERIFY(storedAccessToken(u"pub"_s) != token);
}

void TestOAuth::expiredTokenRefreshedFirst()
{
    // short-client's access tokens live 2 s.
    const ProcessResult got = codeFlow({u"--name"_s, u"short"_s, u"--issuer"_s, issuer(), u"--client-id"_s,
                                        u"short-client"_s, u"--client-auth"_s, u"none"_s, u"--scope"_s,
                                        u"openid offline_access"_s});
    QVERIFY2(got.exitCode == 0, got.err.constData());
    QVERIFY2(got.out.contains("(expires in 2 s)") || got.out.contains("(expires in 1 s)"), got.out.constData());
    storedAccessToken(u"short"_s);
    QTest::qWait(3000);
    const ProcessResult r = cli({u"send"_s, u"--oauth"_s, u"short"_s, api()});
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(r.exitCode == 0, qPrintable(err));
    QVERIFY2(err.contains(u"OAuth: the stored access token expired"_s), qPrintable(err));
    QVERIFY2(!err.contains(u"< HTTP/1.1 401"_s), qPrintable(err)); // refreshed before, not after a 401
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"client"_s).toString(), u"short-client"_s);
    storedAccessToken(u"short"_s);
}

void TestOAuth::deviceFlowSlowDown()
{
    QProcess p;
    QString code;
    QVERIFY(startCli(p,
                     {u"oauth"_s, u"token"_s, u"--name"_s, u"dev"_s, u"--issuer"_s, issuer(), u"--client-id"_s,
                      u"public-client"_s, u"--client-auth"_s, u"none"_s, u"--grant"_s, u"device"_s, u"--scope"_s,
                      u"openid"_s},
                     QRegularExpression(u"enter the code ([A-Z]{4}-[A-Z]{4})"_s), &code));
    const QString printed = QString::fromUtf8(p.property("stderrSoFar").toByteArray());
    QVERIFY2(printed.contains(u"open %1/device and enter"_s.arg(issuer())), qPrintable(printed));
    // The user is slower than the first poll, which the provider answers slow_down.
    QString every;
    QVERIFY(waitStderr(p, QRegularExpression(u"slow_down\\): polling every (\\d+) s now"_s), &every));
    QCOMPARE(every, u"6"_s);
    TestBrowser browser;
    const TestBrowser::Page end =
        browser.walk(QUrl(issuer() + u"/device"_s), u"never"_s,
                     {{u"user_code"_s, code}, {u"login"_s, u"bob"_s}, {u"password"_s, u"any"_s}});
    QVERIFY2(end.body.contains("Sign-in Success"), end.body.left(2000).constData());
    const ProcessResult r = finishCli(p);
    const QString err = QString::fromUtf8(r.err), out = QString::fromUtf8(r.out);
    QVERIFY2(r.exitCode == 0, qPrintable(err + out));
    QVERIFY2(out.contains(u"sub: bob"_s), qPrintable(out));
    // The polls as the provider saw them: after slow_down, at least 6 s apart.
    TestBrowser fixture;
    const QJsonArray polls =
        QJsonDocument::fromJson(fixture.request("GET", QUrl(u"http://127.0.0.1:%1/polls"_s.arg(m_apiPort))).body).array();
    QVERIFY2(polls.size() >= 2, qPrintable(err));
    for (qsizetype i = 1; i < polls.size(); ++i)
        QVERIFY2(polls.at(i).toDouble() - polls.at(i - 1).toDouble() >= 5900,
                 qPrintable(u"poll %1 came %2 ms after the previous"_s.arg(i).arg(polls.at(i).toDouble() -
                                                                                 polls.at(i - 1).toDouble())));
    storedAccessToken(u"dev"_s);
}

void TestOAuth::redirectErrors_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("access_denied") << u"cancel"_s << u"The login was cancelled or consent was refused (access_denied)"_s;
    QTest::newRow("wrong state") << u"state"_s << u"different state than Peephole sent"_s;
    QTest::newRow("no state") << u"nostate"_s << u"carried no state"_s;
    QTest::newRow("no code") << u"nocode"_s << u"carried neither a code nor an error"_s;
}

void TestOAuth::redirectErrors()
{
    QFETCH(QString, what);
    QFETCH(QString, sentence);
    QProcess p;
    QString url;
    QVERIFY(startCli(p,
                     {u"oauth"_s, u"token"_s, u"--no-browser"_s, u"--name"_s, u"redir"_s, u"--issuer"_s, issuer(),
                      u"--client-id"_s, u"public-client"_s, u"--client-auth"_s, u"none"_s, u"--scope"_s,
                      u"openid"_s},
                     QRegularExpression(u"sign in:\\n(http\\S+)\\n"_s), &url));
    const QUrl authorize(url);
    const QString redirect = QUrlQuery(authorize).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
    TestBrowser browser;
    const TestBrowser::Page end = browser.walk(authorize, redirect, {{u"login"_s, u"carol"_s}, {u"password"_s, u"x"_s}},
                                               what == u"cancel"_s);
    QVERIFY2(end.location.isValid(), end.body.left(500).constData());
    QUrl back = end.location;
    QUrlQuery q(back);
    if (what == u"state"_s) {
        q.removeAllQueryItems(u"state"_s);
        q.addQueryItem(u"state"_s, u"forged-state-value"_s);
    } else if (what == u"nostate"_s) {
        q.removeAllQueryItems(u"state"_s);
    } else if (what == u"nocode"_s) {
        q.removeAllQueryItems(u"code"_s);
    }
    back.setQuery(q);
    browser.request("GET", back);
    const ProcessResult r = finishCli(p);
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(QString::fromUtf8(r.err).contains(sentence), r.err.constData());
    // No token request was made for a refused redirect.
    QVERIFY2(!r.err.contains(QByteArray("POST " + issuer().toUtf8() + "/token")), r.err.constData());
}

void TestOAuth::redirectUriMismatch()
{
    // The client registered /callback; Peephole is told to use /elsewhere. The provider shows an
    // error page and never redirects: Peephole says what to check after the login timeout.
    QProcess p;
    QString url;
    QVERIFY(startCli(p,
                     {u"oauth"_s, u"token"_s, u"--no-browser"_s, u"--name"_s, u"mismatch"_s, u"--issuer"_s,
                      issuer(), u"--client-id"_s, u"public-client"_s, u"--client-auth"_s, u"none"_s,
                      u"--redirect-path"_s, u"/elsewhere"_s, u"--login-timeout"_s, u"3"_s},
                     QRegularExpression(u"sign in:\\n(http\\S+)\\n"_s), &url));
    TestBrowser browser;
    const TestBrowser::Page page = browser.walk(QUrl(url), u"http://127.0.0.1:0"_s, {});
    QCOMPARE(page.status, 400);
    QVERIFY2(page.body.contains("redirect_uri"), page.body.left(500).constData());
    const ProcessResult r = finishCli(p);
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(r.err.contains("no answer arrived at http://127.0.0.1:"), r.err.constData());
    QVERIFY2(r.err.contains("register http://127.0.0.1/elsewhere") && r.err.contains("--redirect-path"),
             r.err.constData());
}

void TestOAuth::jwtDecodeAndVerify()
{
    // pub's ID token is ES256 (public-client), conf's RS256: both checked against the provider's JWKS.
    const ProcessResult es = cli({u"oauth"_s, u"decode"_s, u"--name"_s, u"pub"_s, u"--verify"_s});
    QVERIFY2(es.out.contains("Algorithm: ES256"), es.out.constData());
    QVERIFY2(es.out.contains("Signature: signature valid (ES256, key ec-1)"), es.out.constData());
    QVERIFY2(es.err.contains("not a JWT: a JWT has three segments"), es.err.constData()); // the opaque access token

    // A confidential client in the code flow: PKCE and its secret (Basic).
    const ProcessResult got = codeFlow({u"--name"_s, u"conf"_s, u"--issuer"_s, issuer(), u"--client-id"_s,
                                        u"conf-client"_s, u"--client-secret"_s, u"conf-secret-7f3a9c"_s,
                                        u"--scope"_s, u"openid"_s});
    QVERIFY2(got.exitCode == 0, got.err.constData());
    const ProcessResult shown = cli({u"oauth"_s, u"show"_s, u"conf"_s, u"--show-secrets"_s});
    const QString idToken =
        QRegularExpression(u"id_token: (\\S+)"_s).match(QString::fromUtf8(shown.out)).captured(1);
    QVERIFY2(idToken.count(u'.') == 2, shown.out.constData());
    m_secrets << idToken;
    const ProcessResult rs = cli({u"oauth"_s, u"decode"_s, idToken, u"--issuer"_s, issuer()});
    QVERIFY2(rs.exitCode == 0, rs.err.constData());
    QVERIFY2(rs.out.contains("Signature: signature valid (RS256, key rsa-1)"), rs.out.constData());
    QVERIFY2(rs.out.contains("aud: conf-client"), rs.out.constData());
    // A changed payload no longer matches its signature.
    QStringList parts = idToken.split(u'.');
    QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding)).object();
    claims.insert(u"sub"_s, u"mallory"_s);
    parts[1] = QString::fromLatin1(QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const ProcessResult forged = cli({u"oauth"_s, u"decode"_s, parts.join(u'.'), u"--issuer"_s, issuer()});
    QCOMPARE(forged.exitCode, 25);
    QVERIFY2(forged.out.contains("sub: mallory"), forged.out.constData());
    QVERIFY2(forged.out.contains("Signature: the signature does not match the JWKS key(s) (RS256)"),
             forged.out.constData());
}

void TestOAuth::refreshFailsSaysWhy()
{
    // Both tokens revoked at the provider: the 401 leads to a refresh that fails with invalid_grant.
    const QString access = storedAccessToken(u"pub"_s);
    QVERIFY2(!access.isEmpty(), "codeWithPkce must run first");
    const ProcessResult shown = cli({u"oauth"_s, u"show"_s, u"pub"_s, u"--show-secrets"_s});
    const QString refresh =
        QRegularExpression(u"refresh_token: (\\S+)"_s).match(QString::fromUtf8(shown.out)).captured(1);
    QVERIFY(refresh.size() > 20);
    TestBrowser revoke;
    for (const auto &[hint, token] : {std::pair{"access_token", access}, std::pair{"refresh_token", refresh}}) {
        const QByteArray form = "client_id=public-client&token_type_hint=" + QByteArray(hint) +
                                "&token=" + QUrl::toPercentEncoding(token);
        QCOMPARE(revoke.request("POST", QUrl(issuer() + u"/token/revocation"_s), form).status, 200);
    }
    const ProcessResult r = cli({u"send"_s, u"--oauth"_s, u"pub"_s, api()});
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(r.err.contains("The refresh failed: The authorization server refused the grant"), r.err.constData());
    QVERIFY2(r.err.contains("OAuth: token rejected (invalid_token); the refresh in #2 failed"), r.err.constData());
    QVERIFY2(!r.err.contains("retry of #1"), r.err.constData()); // no retry without a new token
}

void TestOAuth::garbageJwt_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::newRow("two segments") << u"abc.def"_s << u"has 2"_s;
    QTest::newRow("not base64url") << u"eyJhbGciOiJIUzI1NiJ9.e$$$.sig"_s << u"payload segment (segment 2) is not base64url"_s;
    QTest::newRow("not JSON") << u"bm90IGpzb24.e30.c2ln"_s << u"header segment is not a JSON object"_s;
    QTest::newRow("JWE") << u"a.b.c.d.e"_s << u"encrypted JWT (JWE"_s;
    QTest::newRow("huge") << QString(70000, u'a') << u"longer than 64 KiB"_s;
}

void TestOAuth::garbageJwt()
{
    QFETCH(QString, token);
    QFETCH(QString, message);
    const ProcessResult r = cli({u"oauth"_s, u"decode"_s, token});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestOAuth::malformedTokenResponse()
{
    // A token endpoint that answers 200 with HTML, and one with JSON lacking access_token.
    Peephole::HttpServer server;
    server.route("/html", [](const Peephole::ServerRequest &, Peephole::ScriptedResponse &response) {
        response = Peephole::ScriptedResponse::text(200, "<html>login page</html>", "text/html");
    });
    server.route("/empty", [](const Peephole::ServerRequest &, Peephole::ScriptedResponse &response) {
        response = Peephole::ScriptedResponse::text(200, "{\"token_type\":\"Bearer\"}", "application/json");
    });
    QVERIFY(server.listen());
    const QString base = u"http://127.0.0.1:%1"_s.arg(server.port());
    ProcessResult r = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"bad"_s, u"--token-url"_s, base + u"/html"_s,
                           u"--client-id"_s, u"x"_s, u"--grant"_s, u"client_credentials"_s});
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(r.err.contains("the body is not a JSON object (it starts with \"<html>login page</html>\")"),
             r.err.constData());
    r = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"bad"_s, u"--token-url"_s, base + u"/empty"_s, u"--client-id"_s,
             u"x"_s, u"--grant"_s, u"client_credentials"_s});
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(r.err.contains("without an access_token"), r.err.constData());
}

void TestOAuth::providerNeverAnswers()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QElapsedTimer t;
    t.start();
    const ProcessResult r = cli({u"oauth"_s, u"token"_s, u"--name"_s, u"silent"_s, u"--issuer"_s,
                                 u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), u"--client-id"_s, u"x"_s,
                                 u"--timeout"_s, u"2"_s});
    QVERIFY2(t.elapsed() < 20000, "no hang");
    QCOMPARE(r.exitCode, 25);
    QVERIFY2(r.err.contains("discovery at http://127.0.0.1:") && r.err.contains("Timed out after 2 s"),
             r.err.constData());
}

void TestOAuth::nothingSecretUnderHome()
{
    QList<SecretScan::Secret> secrets;
    for (const QString &s : std::as_const(m_secrets))
        if (!s.isEmpty())
            secrets.append({s.toUtf8(), {}});
    QVERIFY(secrets.size() >= 6);
    const QStringList hits = SecretScan::scanTree(m_home.path(), secrets);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n') + u"\nfiles:\n"_s + SecretScan::listTree(m_home.path()).join(u'\n')));
    const QStringList perms = SecretScan::permissionProblems(m_home.path());
    QVERIFY2(perms.isEmpty(), qPrintable(perms.join(u'\n')));
    // The configurations are there, without secrets.
    QVERIFY(QFile::exists(m_home.filePath(u".config/Peephole/oauth.json"_s)));
}

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
