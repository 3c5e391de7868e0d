// Acceptance test: a whole GUI session, offscreen, with HOME in a temporary
// folder and the window built as the app builds it. The user types and
// receives every kind of secret (URL userinfo, secret query parameters,
// Authorization and Cookie headers, a password in the auth panel, a bearer
// token, a JSON body password, cookies the server sets, a secret typed into a
// collection request), copies URLs and curl commands, closes the window;
// then every file under HOME is scanned for each secret (plain, base64,
// percent-encoded, UTF-16): zero hits, files 0600, folders 0700.

#include "auth/authpanel.h"
#include "auth/credentialstore.h"
#include "collection/collectionstore.h"
#include "collections/collectiondock.h"
#include "collections/importwriter.h"
#include "composer/composerwidget.h"
#include "formats/postman.h"
#include "io/fileio.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/timelineactions.h"
#include "redact/redact.h"
#include "secretscan.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
const QByteArray PanelPassword = "Gui-panel-pw-61aq";
const QByteArray Token = "Gui-bearer-72bq";
const QByteArray HeaderToken = "Gui-hdr-83cq";
const QByteArray UrlPassword = "Gui-url-pw-94dq";
const QByteArray QueryKey = "Gui-qry-a5eq";
const QByteArray SentCookie = "Gui-ck-sent-b6fq";
const QByteArray SetCookie = "Gui-ck-set-c70q";
const QByteArray JsonPassword = "Gui-json-pw-d81q";
const QByteArray CollectionToken = "Gui-coll-tok-e92q";
const QByteArray ImportQuery = "Gui-imp-qry-f03q";
const QByteArray ImportBody = "Gui-imp-body-014q";
const QByteArray ImportHeader = "Gui-imp-hdr-125q";
} // namespace

class TestGuiSecrets : public QObject
{
    Q_OBJECT
public:
    explicit TestGuiSecrets(QString home) : m_home(std::move(home)) {}

private Q_SLOTS:
    void initTestCase();
    void sessionWithSecrets();
    void copiesAreRedactedUnlessAskedFor();
    void collectionEditIsJournaledWithoutTheSecret();
    void postmanImportMovesLiteralSecrets();
    void closeAndReopen();
    void noSecretAnywhereUnderHome();
    void cleanupTestCase();

private:
    void sendSpec(const RequestSpec &spec)
    {
        m_window->composer()->setRequest(spec);
        QLineEdit *edit = m_window->composer()->urlEdit();
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    }
    int rows() const { return m_window->timeline()->model()->rowCount(); }
    QString status(int row) const
    {
        return m_window->timeline()->model()->index(row, TimelineModel::StatusColumn).data().toString();
    }
    quint64 idAt(int row) const
    {
        return m_window->timeline()->exchangeIdAt(m_window->timeline()->model()->index(row, 0));
    }
    void check(const QString &text, const QString &what)
    {
        m_hits += SecretScan::findIn(text.toUtf8(), what, m_secrets);
    }

    QString m_home;
    HttpServer m_server;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QList<SecretScan::Secret> m_secrets;
    QStringList m_hits;
};

void TestGuiSecrets::initTestCase()
{
    m_secrets = {{PanelPassword, "alice"}, {Token, {}},        {HeaderToken, {}},
                 {UrlPassword, "bob"},     {QueryKey, {}},     {SentCookie, {}},
                 {SetCookie, {}},          {JsonPassword, {}}, {CollectionToken, {}}};
    QVERIFY(m_server.listen());
    auto basic = std::make_shared<AuthGate>();
    basic->setCredentials("alice", PanelPassword);
    basic->offerBasic();
    m_server.route("/basic", protect(basic, [](const ServerRequest &, ScriptedResponse &r) {
                       r.headers.append({"Set-Cookie", "session=" + SetCookie + "; Path=/; HttpOnly", true});
                       r.body = "welcome";
                   }));
    auto bearer = std::make_shared<AuthGate>();
    BearerOptions options;
    options.tokens.insert(Token, {});
    bearer->offerBearer(options);
    m_server.route("/bearer",
                   protect(bearer, [](const ServerRequest &, ScriptedResponse &r) { r.body = "ok"; }));
    m_server.route("/echo", [](const ServerRequest &, ScriptedResponse &r) {
        r.headers.append({"Set-Cookie", "track=" + SetCookie + "; Path=/", true});
        r.body = "echo";
    });

    // As app/gui/main.cpp builds it.
    m_workspace = std::make_unique<Workspace>();
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGuiSecrets::sessionWithSecrets()
{
    // 1. A URL typed with userinfo and a secret query parameter, headers with a token and a cookie, a JSON
    // password.
    QLineEdit *url = m_window->composer()->urlEdit();
    url->clear();
    QTest::keyClicks(url, u"http://bob:"_s + QString::fromLatin1(UrlPassword) + u"@127.0.0.1:"_s +
                              QString::number(m_server.port()) + u"/echo?api_key="_s +
                              QString::fromLatin1(QueryKey) + u"&page=1"_s);
    RequestSpec spec = m_window->composer()->request();
    spec.method = "POST";
    spec.headers.append({"Authorization", "Bearer " + HeaderToken, true});
    spec.headers.append({"Cookie", "sid=" + SentCookie, true});
    spec.headers.append({"Content-Type", "application/json", true});
    spec.body.kind = RequestBody::Kind::Raw;
    spec.body.raw = R"({"user":"alice","password":")" + JsonPassword + R"("})";
    sendSpec(spec);
    QTRY_COMPARE(rows(), 1);
    QTRY_COMPARE(status(0), u"200 OK"_s);
    QCOMPARE(m_server.lastRequest().header("Authorization"), "Bearer " + HeaderToken);

    // 2. A 401 answered in the auth panel, remembered in the keychain.
    RequestSpec plain;
    plain.method = "GET";
    plain.url = m_server.url(u"/basic"_s);
    sendSpec(plain);
    AuthPanel *panel = m_window->authPanel();
    QTRY_VERIFY(panel->isVisible());
    QTest::keyClicks(panel->userEdit(), u"alice"_s);
    QTest::keyClicks(panel->passwordEdit(), QString::fromLatin1(PanelPassword));
    panel->rememberBox()->setChecked(true);
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(rows(), 3);
    QTRY_COMPARE(status(2), u"200 OK"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->credentials()->accounts().isEmpty(), 10000);
    QVERIFY2(!m_workspace->credentials()->accounts().first().sessionOnly,
             "the keychain was not usable: run inside scripts/with-keyring");

    // 3. A bearer token from the composer's auth settings.
    RequestSpec withToken;
    withToken.method = "GET";
    withToken.url = m_server.url(u"/bearer"_s);
    withToken.auth.scheme = AuthSettings::Scheme::Bearer;
    withToken.auth.token = QString::fromLatin1(Token);
    withToken.auth.preemptive = true;
    sendSpec(withToken);
    QTRY_VERIFY(rows() >= 4);
    QTRY_COMPARE(status(rows() - 1), u"200 OK"_s);
    QCOMPARE(m_server.lastRequest().header("Authorization"), "Bearer " + Token);

    // The last request in the composer holds the secrets (in memory): the URL with userinfo.
    sendSpec(spec);
    QTRY_VERIFY(rows() >= 5);
    QTRY_COMPARE(status(rows() - 1), u"200 OK"_s);
}

void TestGuiSecrets::copiesAreRedactedUnlessAskedFor()
{
    auto *actions = m_window->findChild<TimelineActions *>();
    QVERIFY(actions);
    const quint64 echo = idAt(0);
    QSignalSpy messages(actions, &TimelineActions::message);
    actions->copyUrl(echo);
    const QString copiedUrl = QApplication::clipboard()->text();
    QVERIFY2(copiedUrl.contains(u"page=1"_s), qPrintable(copiedUrl));
    check(copiedUrl, u"Copy URL"_s);
    actions->copyAsCurl(echo);
    const QString copiedCurl = QApplication::clipboard()->text();
    QVERIFY2(copiedCurl.contains(u"Authorization: Bearer [redacted]"_s), qPrintable(copiedCurl));
    check(copiedCurl, u"Copy as cURL"_s);
    QCOMPARE(messages.size(), 2); // the user is told what was left out
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"Copy with Secrets"_s));

    actions->copyAsCurlWithSecrets(echo);
    const QString full = QApplication::clipboard()->text();
    QVERIFY(full.contains(QString::fromLatin1(HeaderToken)) &&
            full.contains(QString::fromLatin1(JsonPassword)));
    actions->copyUrlWithSecrets(echo);
    QVERIFY(QApplication::clipboard()->text().contains(QString::fromLatin1(UrlPassword)));
    QApplication::clipboard()->clear();
}

void TestGuiSecrets::collectionEditIsJournaledWithoutTheSecret()
{
    const QString root = m_home + u"/api"_s;
    QVERIFY(Io::makePrivateDir(root));
    QString error;
    QVERIFY2(
        Io::writeFile(root + u"/users.http"_s, "### List users\nGET {{base}}/users\nAccept: */*\n", &error),
        qPrintable(error));
    CollectionDock *dock = m_window->collectionDock();
    QSignalSpy opened(dock, &CollectionDock::opened);
    dock->openCollection(root);
    QVERIFY(opened.wait(10000));
    QVERIFY(opened.first().at(0).toBool());
    CollectionStore *store = dock->store();
    CollectionRequest edited = *store->collection().request({u"users.http"_s, 0});
    edited.request.headers.append({"Authorization", "Bearer " + CollectionToken, true});
    edited.request.urlTemplate = u"{{base}}/users?access_token="_s + QString::fromLatin1(CollectionToken);
    QVERIFY(store->updateRequest({u"users.http"_s, 0}, edited));
    // The journal is written within about a second of the edit.
    const QString journals =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/autosave"_s;
    QTRY_VERIFY_WITH_TIMEOUT(!SecretScan::listTree(journals).isEmpty(), 10000);
    const QStringList files = SecretScan::listTree(journals);
    QFile journal(journals + u'/' + files.first());
    QVERIFY(journal.open(QIODevice::ReadOnly));
    const QByteArray bytes = journal.readAll();
    QVERIFY2(bytes.contains("Authorization: Bearer {{secret_not_saved}}"), bytes.constData());
    QVERIFY(bytes.contains("secretsLeftOut"));
}

void TestGuiSecrets::postmanImportMovesLiteralSecrets()
{
    // What the GUI's Postman import writes (PostmanImportFlow -> ImportWriter).
    const QByteArray json =
        R"({"info": {"name": "Shop", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
 "item": [{"name": "Login", "request": {"method": "POST",
   "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "X-Api-Key", "value": ")" +
        ImportHeader + R"("}],
   "body": {"mode": "raw", "raw": "{\"user\":\"a\",\"password\":\")" +
        ImportBody + R"(\"}"},
   "url": {"raw": "https://shop.example.com/login?access_token=)" +
        ImportQuery + R"(&page=1"}}}]})";
    const CollectionImportResult result = PostmanImporter::read(json);
    QVERIFY2(result.ok, qPrintable(result.error.toString()));
    QString error;
    QStringList moved;
    const QString target = m_home + u"/Shop"_s;
    QVERIFY2(ImportWriter::write(result, target, {}, &error, &moved), qPrintable(error));
    const QString joined = moved.join(u'\n');
    QVERIFY2(joined.contains(target + u"/http-client.private.env.json"_s), qPrintable(joined));
    QFile env(target + u"/http-client.private.env.json"_s);
    QVERIFY(env.open(QIODevice::ReadOnly));
    const QByteArray values = env.readAll();
    QVERIFY2(values.contains(ImportQuery) && values.contains(ImportBody), values.constData());
    QFile ignore(target + u"/.gitignore"_s);
    QVERIFY(ignore.open(QIODevice::ReadOnly));
    QVERIFY(ignore.readAll().contains("http-client.private.env.json"));
}

void TestGuiSecrets::closeAndReopen()
{
    QVERIFY(m_window->close()); // saves the window state, the URL history and the last request
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const RequestSpec restored = m_window->composer()->request();
    QVERIFY(Headers::value(restored.headers, "Authorization").contains("{{secret_not_saved}}"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"secret_not_saved"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    const QStringList history = m_window->composer()->urlHistory();
    QVERIFY(!history.isEmpty());
    for (const QString &h : history)
        check(h, u"URL history"_s);
    QVERIFY(m_window->close());
    m_window.reset();
    m_workspace.reset();
}

void TestGuiSecrets::noSecretAnywhereUnderHome()
{
    QVERIFY2(m_hits.isEmpty(), qPrintable(m_hits.join(u'\n')));
    const QStringList files = SecretScan::listTree(m_home);
    qInfo("files under HOME: %s", qPrintable(files.join(u' ')));
    QVERIFY2(files.contains(u".config/Peephole/peephole.conf"_s), qPrintable(files.join(u' ')));
    // The private environment file is where imported secrets belong (0600, git-ignored).
    const QStringList hits = SecretScan::scanTree(m_home, m_secrets, {u"http-client.private.env.json"_s});
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
    const QStringList modes = SecretScan::permissionProblems(m_home);
    QVERIFY2(modes.isEmpty(), qPrintable(modes.join(u'\n')));
}

void TestGuiSecrets::cleanupTestCase()
{
    // Forget the remembered credential so that the shared test keyring stays clean.
    Workspace workspace;
    const QList<StoredAccount> accounts = workspace.credentials()->accounts();
    for (const StoredAccount &a : accounts)
        workspace.credentials()->forget(a);
    QTRY_COMPARE_WITH_TIMEOUT(workspace.credentials()->pendingJobs(), 0, 10000);
}

int main(int argc, char **argv)
{
    // HOME first: everything the session writes lands under it.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("HOME", QFile::encodeName(home.path()));
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        qunsetenv(name);
    Io::restrictUmask();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"peephole"_s);
    QApplication::setOrganizationName(u"Peephole"_s);
    TestGuiSecrets test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guisecrets.moc"
