// End to end through the window, offscreen: type a URL, Ctrl+Enter, see the
// row; answer a 401 in the auth panel, see the 200 tied to it, find the
// credential in the (real) keychain.
#include "auth/authnegotiator.h"
#include "auth/authpanel.h"
#include "auth/credentialsdialog.h"
#include "auth/credentialstore.h"
#include "composer/autheditor.h"
#include "composer/composerwidget.h"
#include "mainwindow/mainwindow.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "timeline/timelinefilterproxy.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void typeUrlAndSend();
    void answerChallengeInThePanel();
    void filterTerms();
    void storedCredentialFromTheAuthTab();
    void pastingACurlCommandFillsTheComposer();
    void credentialsDialogListsAndForgets();

private:
    QString statusText(int row) const
    {
        const QAbstractItemModel *m = m_window->timeline()->model();
        return m->index(row, TimelineModel::StatusColumn).data().toString();
    }
    QVariant role(int row, int role) const { return m_window->timeline()->model()->index(row, 0).data(role); }
    void sendUrl(const QString &url)
    {
        QLineEdit *edit = m_window->composer()->urlEdit();
        edit->clear();
        QTest::keyClicks(edit, url);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    }

    QTemporaryDir m_dir;
    HttpServer m_server;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(u"PeepholeTests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    QVERIFY(m_server.listen());
    m_server.route("/hello", ScriptedResponse::text(200, "{\"hello\": \"world\"}", "application/json"));
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("alice", "pa55word");
    gate->offerDigest(DigestOptions{}); // SHA-256 and MD5
    gate->offerBasic("peephole");
    m_server.route("/private",
                   protect(gate, [](const ServerRequest &, ScriptedResponse &r) { r.body = "secret data"; }));

    m_workspace = std::make_unique<Workspace>(nullptr, m_dir.filePath(u"accounts.ini"_s));
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::typeUrlAndSend()
{
    sendUrl(m_server.url(u"/hello"_s).toString());
    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 1);
    QTRY_COMPARE(statusText(0), u"200 OK"_s);
    QCOMPARE(m_server.lastRequest().path, "/hello"_ba);
}

void TestMainWindow::answerChallengeInThePanel()
{
    AuthPanel *panel = m_window->authPanel();
    QVERIFY(!panel->isVisible());
    sendUrl(m_server.url(u"/private"_s).toString());
    QTRY_VERIFY(panel->isVisible());
    QTRY_COMPARE(statusText(1).left(3), u"401"_s);
    QVERIFY(role(1, TimelineModel::IsAuthRole).toBool());
    // Every challenge is shown, the strongest preselected.
    QCOMPARE(panel->schemeBox()->currentText(), u"Digest SHA-256"_s);
    QCOMPARE(panel->schemeBox()->count(), 3); // Digest SHA-256, Digest MD5, Basic
    QVERIFY(panel->current().origin.contains(QString::number(m_server.port())));

    QTest::keyClicks(panel->userEdit(), u"alice"_s);
    QTest::keyClicks(panel->passwordEdit(), u"pa55word"_s);
    panel->rememberBox()->setChecked(true);
    QSignalSpy changed(m_workspace->credentials(), &CredentialStore::accountsChanged);
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);

    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 3);
    QTRY_COMPARE(statusText(2), u"200 OK"_s);
    QTRY_VERIFY(!panel->isVisible()); // it stays until the chain has ended (a refusal brings it back)
    // The 200 is tied to the 401: same chain, next hop.
    QCOMPARE(role(2, TimelineModel::ChainIdRole), role(1, TimelineModel::ChainIdRole));
    QCOMPARE(role(2, TimelineModel::HopRole).toInt(), 1);
    QCOMPARE(m_server.lastRequest().header("Authorization").left(7), "Digest "_ba);

    // "Remember" put the credential in the keychain, for this origin and realm only.
    QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->credentials()->accounts().isEmpty(), 10000);
    const StoredAccount account = m_workspace->credentials()->accounts().first();
    QCOMPARE(account.user, u"alice"_s);
    QVERIFY2(!account.sessionOnly, "the keychain was not usable: run inside scripts/with-keyring");
    QString secret;
    bool done = false;
    m_workspace->credentials()->read(account, [&](const CredentialStoreResult &r) {
        secret = r.secret;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(secret, u"pa55word"_s);
}

void TestMainWindow::filterTerms()
{
    m_window->filterEdit()->setText(u"status:401"_s);
    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 1);
    m_window->filterEdit()->setText(u"is:auth"_s);
    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 1);
    m_window->filterEdit()->setText(u"status:2xx"_s);
    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 2);
    m_window->filterEdit()->setText(u"hello"_s);
    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 1);
    m_window->filterEdit()->clear();
    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), 3);
}

void TestMainWindow::storedCredentialFromTheAuthTab()
{
    // A new session: nothing accepted in memory, the keychain holds alice's password.
    m_workspace->negotiator()->clearSession();
    auto *auth = m_window->composer()->findChild<AuthEditor *>();
    QVERIFY(auth);
    QTRY_COMPARE(auth->storedBox()->count(), 2);
    QVERIFY(auth->storedBox()->itemText(1).contains(u"alice"_s));
    auth->storedBox()->setCurrentIndex(1);
    Q_EMIT auth->storedBox()->activated(1);
    const AuthSettings settings = m_window->composer()->request().auth;
    QVERIFY(settings.fromKeychain);
    QCOMPARE(settings.user, u"alice"_s);
    QVERIFY(settings.password.isEmpty());

    const int before = m_window->timeline()->model()->rowCount();
    sendUrl(m_server.url(u"/private"_s).toString());
    QTRY_COMPARE(m_window->timeline()->model()->rowCount(), before + 2);
    QTRY_COMPARE(statusText(before + 1), u"200 OK"_s);
    QVERIFY(!m_window->authPanel()->isVisible()); // answered from the keychain, nobody asked
}

void TestMainWindow::pastingACurlCommandFillsTheComposer()
{
    QApplication::clipboard()->setText(
        u"curl -X PUT 'https://api.example.com/items/7?x=1' -H 'X-Trace: abc' --data-raw '{\"a\":1}'"_s);
    QLineEdit *url = m_window->composer()->urlEdit();
    url->setFocus();
    QTest::keySequence(url, QKeySequence::Paste);
    const RequestSpec spec = m_window->composer()->request();
    QCOMPARE(spec.method, "PUT"_ba);
    QCOMPARE(spec.url.toString(), u"https://api.example.com/items/7?x=1"_s);
    QCOMPARE(Headers::value(spec.headers, "X-Trace"), "abc"_ba);
    QCOMPARE(spec.body.raw, "{\"a\":1}"_ba);
}

void TestMainWindow::credentialsDialogListsAndForgets()
{
    CredentialStore *store = m_workspace->credentials();
    CredentialsDialog dialog(store);
    QCOMPARE(dialog.list()->topLevelItemCount(), 1);
    QCOMPARE(dialog.list()->topLevelItem(0)->text(0), u"alice"_s);
    QVERIFY(!dialog.list()->topLevelItem(0)->text(4).contains(u"session"_s));
    dialog.list()->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(dialog.forgetButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog.list()->topLevelItemCount(), 0);
    QVERIFY(store->accounts().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
