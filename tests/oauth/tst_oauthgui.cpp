// The OAuth panel (ui/oauth) and the auth panel's offer of it for a Bearer challenge, in an
// offscreen window with HOME in a temporary folder, against oidc-provider (oidcfixture.h).
// The "system browser" is the test's TestBrowser, installed with QDesktopServices::setUrlHandler.

#include "auth/authpanel.h"
#include "auth/credentialstore.h"
#include "composer/composerwidget.h"
#include "http/exchangelog.h"
#include "io/fileio.h"
#include "mainwindow/mainwindow.h"
#include "oauth/oauthdialog.h"
#include "oidcfixture.h"
#include "secretscan.h"
#include "testbrowser.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestOAuthGui : public QObject
{
    Q_OBJECT
public:
    explicit TestOAuthGui(const QString &home) : m_home(home) {}

public Q_SLOTS:
    /// The "system browser": signs in as alice and follows the redirect back to Peephole.
    void openUrl(const QUrl &url)
    {
        QTimer::singleShot(0, this, [this, url] {
            const QString redirect = QUrlQuery(url).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded);
            TestBrowser browser;
            const TestBrowser::Page end =
                browser.walk(url, redirect, {{u"login"_s, u"alice"_s}, {u"password"_s, u"x"_s}});
            if (end.location.isValid())
                m_landing = browser.request("GET", end.location).body;
            ++m_browserOpened;
        });
    }

private Q_SLOTS:
    void initTestCase();
    void clientCredentialsFromThePanel();
    void codeFlowInTheSystemBrowser();
    void bearerChallengeOffersOAuth();
    void nothingSecretUnderHome();
    void cleanupTestCase();

private:
    void fill(OAuthDialog &d, const QString &name, const QString &grant, const QString &clientId,
              const QString &secret, const QString &auth, const QString &scopes);

    QString m_home;
    OidcFixture m_fixture;
    int m_browserOpened = 0;
    QByteArray m_landing;
    QStringList m_secrets{u"conf-secret-7f3a9c"_s};
};

void TestOAuthGui::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    QDesktopServices::setUrlHandler(u"http"_s, this, "openUrl");
}

void TestOAuthGui::fill(OAuthDialog &d, const QString &name, const QString &grant, const QString &clientId,
                        const QString &secret, const QString &auth, const QString &scopes)
{
    d.nameEdit()->setText(name);
    d.grantBox()->setCurrentIndex(d.grantBox()->findData(grant));
    d.issuerEdit()->setText(m_fixture.issuer());
    d.clientIdEdit()->setText(clientId);
    d.clientSecretEdit()->setText(secret);
    d.clientAuthBox()->setCurrentIndex(d.clientAuthBox()->findData(auth));
    d.scopesEdit()->setText(scopes);
}

void TestOAuthGui::clientCredentialsFromThePanel()
{
    Workspace workspace;
    OAuthDialog dialog(&workspace);
    dialog.show();
    fill(dialog, u"gui-cc"_s, u"client_credentials"_s, u"conf-client"_s, u"conf-secret-7f3a9c"_s, u"basic"_s,
         u"api:read"_s);
    QSignalSpy ready(&dialog, &OAuthDialog::tokenReady);
    QTest::mouseClick(dialog.getButton(), Qt::LeftButton);
    QVERIFY(ready.wait(20000));
    m_secrets << ready.first().at(1).toString();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.stateLabel()->text().contains(u"valid until"_s), 10000);
    QVERIFY2(dialog.stateLabel()->text().contains(u"Scopes: api:read"_s), qPrintable(dialog.stateLabel()->text()));
    QVERIFY(dialog.clientSecretEdit()->text().isEmpty()); // gone from the field once in the keychain
    // The discovery and the token request are rows of the timeline's log.
    ExchangeLog *log = workspace.log();
    QCOMPARE(log->count(), 2);
    QVERIFY(log->at(0).url.path().endsWith(u"/.well-known/openid-configuration"_s));
    QCOMPARE(log->at(1).statusCode, 200);
    QVERIFY2(log->at(1).notes->join(u' ').contains(u"OAuth: token request (client_credentials)"_s),
             qPrintable(log->at(1).notes->join(u' ')));
    // The list offers it; the file holds no secret.
    QVERIFY(!dialog.list()->findItems(u"gui-cc"_s, Qt::MatchExactly).isEmpty());

    // Refresh now without a refresh token says so; a second Get Token uses the stored secret.
    QSignalSpy state(&dialog, &OAuthDialog::stateChanged);
    QTest::mouseClick(dialog.refreshButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.stateLabel()->text().contains(u"there is no refresh token"_s), 10000);
    QTest::mouseClick(dialog.getButton(), Qt::LeftButton);
    QVERIFY(ready.wait(20000));
    m_secrets << ready.last().at(1).toString();
}

void TestOAuthGui::codeFlowInTheSystemBrowser()
{
    Workspace workspace;
    OAuthDialog dialog(&workspace);
    dialog.show();
    fill(dialog, u"gui-code"_s, u"code"_s, u"public-client"_s, QString(), u"none"_s, u"openid offline_access"_s);
    QSignalSpy ready(&dialog, &OAuthDialog::tokenReady);
    QTest::mouseClick(dialog.getButton(), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_browserOpened, 1);
    QVERIFY2(m_landing.contains("Peephole received the answer"), m_landing.constData());
    m_secrets << ready.first().at(1).toString();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.stateLabel()->text().contains(u"Signed in as alice"_s), 10000);
    QVERIFY(dialog.stateLabel()->text().contains(u"Refresh token in the keychain."_s));
    // Refresh now: a new token from the refresh token, its own row.
    QTest::mouseClick(dialog.refreshButton(), Qt::LeftButton);
    QVERIFY(ready.wait(20000));
    QVERIFY(ready.last().at(1).toString() != ready.first().at(1).toString());
    m_secrets << ready.last().at(1).toString();
    const Exchange &last = workspace.log()->at(workspace.log()->count() - 1);
    QVERIFY2(last.notes->join(u' ').contains(u"OAuth: token request (refresh_token)"_s), qPrintable(last.notes->join(u' ')));
    // Forget: tokens and configuration gone.
    QTest::mouseClick(dialog.forgetButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.stateLabel()->text().startsWith(u"Forgotten"_s), 10000);
    QVERIFY(dialog.list()->findItems(u"gui-code"_s, Qt::MatchExactly).isEmpty());
}

void TestOAuthGui::bearerChallengeOffersOAuth()
{
    Workspace workspace;
    MainWindow window(&workspace);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RequestSpec spec;
    spec.url = QUrl(m_fixture.api());
    window.composer()->setRequest(spec);
    QTest::keyClick(window.composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    AuthPanel *panel = window.authPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 10000);
    QTRY_VERIFY(panel->oauthButton()->isVisible()); // the challenge says Bearer
    QTest::mouseClick(panel->oauthButton(), Qt::LeftButton);
    OAuthDialog *dialog = window.oauthDialog();
    QVERIFY(dialog && dialog->isVisible());
    dialog->select(u"gui-cc"_s); // made by the first test; its secret is in the keychain
    QCOMPARE(dialog->clientIdEdit()->text(), u"conf-client"_s);
    QSignalSpy ready(dialog, &OAuthDialog::tokenReady);
    QTest::mouseClick(dialog->getButton(), Qt::LeftButton);
    QVERIFY(ready.wait(20000));
    m_secrets << ready.first().at(1).toString();
    QCOMPARE(panel->tokenEdit()->text(), ready.first().at(1).toString());
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(workspace.log()->count() > 0 &&
                                 workspace.log()->at(workspace.log()->count() - 1).statusCode == 200,
                             10000);
    const Exchange &ok = workspace.log()->at(workspace.log()->count() - 1);
    QCOMPARE(ok.url, QUrl(m_fixture.api()));
    QVERIFY(ok.responseBody->read(0, 200).contains("\"client\":\"conf-client\""));
}

void TestOAuthGui::nothingSecretUnderHome()
{
    QList<SecretScan::Secret> secrets;
    for (const QString &s : std::as_const(m_secrets))
        if (!s.isEmpty())
            secrets.append({s.toUtf8(), {}});
    QVERIFY(secrets.size() >= 5);
    const QStringList hits = SecretScan::scanTree(m_home, secrets);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
    const QStringList perms = SecretScan::permissionProblems(m_home);
    QVERIFY2(perms.isEmpty(), qPrintable(perms.join(u'\n')));
    QVERIFY(QFile::exists(m_home + u"/.config/Peephole/oauth.json"_s));
}

void TestOAuthGui::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
    // The shared test keyring stays clean.
    Workspace workspace;
    const QList<StoredAccount> accounts = workspace.credentials()->accounts();
    for (const StoredAccount &a : accounts)
        workspace.credentials()->forget(a);
    QTRY_COMPARE_WITH_TIMEOUT(workspace.credentials()->pendingJobs(), 0, 10000);
}

int main(int argc, char **argv)
{
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
    TestOAuthGui test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_oauthgui.moc"
