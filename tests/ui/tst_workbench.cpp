// Issue 16, offscreen, through the real window against real sockets and the real keyring: the
// auth panel's answer is always sent (a token for a Bearer challenge on a request set to Basic),
// a refused password brings the panel back at once with the server's refusal, a remembered
// credential answers the next challenge from the keychain in every auth mode (with "forget" and
// "use another" beside it), Esc never cancels a request waiting in the panel, Send while a
// request is in flight starts another.
#include "auth/authnegotiator.h"
#include "auth/authoffers.h"
#include "auth/authpanel.h"
#include "auth/credentialstore.h"
#include "composer/composerwidget.h"
#include "details/authview.h"
#include "details/exchangedetails.h"
#include "http/exchangelog.h"
#include "mainwindow/mainwindow.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "server/routes.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelineview.h"
#include "workspace/workspace.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidgetItemIterator>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestWorkbench : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void bearerTokenAnsweredWhenTheRequestSaysBasic();
    void wrongPasswordKeepsThePanelOpen();
    void rememberedCredentialAnswersInEveryMode();
    void escapeNeverCancelsARequestWaitingInThePanel();
    void sendWhileInFlightStartsAnother();

private:
    void sendSpec(const QString &path, AuthSettings::Scheme scheme)
    {
        RequestSpec spec;
        spec.method = "GET";
        spec.url = m_server.url(path);
        spec.auth.scheme = scheme;
        m_window->composer()->setRequest(spec);
        QTest::keyClick(m_window->composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    }
    /// The last exchange in the log, selected in the timeline (so the details show it).
    const Exchange &selectLast()
    {
        const Exchange &e = m_workspace->log()->at(m_workspace->log()->count() - 1);
        m_window->timeline()->selectExchange(e.id);
        return e;
    }
    QString authValue(const QString &name) const
    {
        for (QTreeWidgetItemIterator it(m_window->details()->authView()); *it; ++it) {
            if ((*it)->text(0) == name)
                return (*it)->text(1);
        }
        return {};
    }
    QPushButton *dontAnswer() const
    {
        for (QPushButton *b : m_window->authPanel()->findChildren<QPushButton *>()) {
            if (b->text() == AuthPanel::tr("Don't answer"))
                return b;
        }
        return nullptr;
    }
    bool lastFinishedWith(int status) const
    {
        const ExchangeLog *log = m_workspace->log();
        return log->count() > 0 && log->at(log->count() - 1).finished &&
               log->at(log->count() - 1).statusCode == status;
    }

    QTemporaryDir m_dir;
    HttpServer m_server;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkbench::initTestCase()
{
    QCoreApplication::setOrganizationName(u"PeepholeTests"_s);
    QCoreApplication::setApplicationName(u"tst_workbench"_s);
    QVERIFY(m_server.listen());
    auto bearer = std::make_shared<AuthGate>();
    BearerOptions options;
    options.realm = "tokens";
    options.tokens.insert("demo-token", {});
    bearer->offerBearer(options);
    m_server.route("/bearer", protect(bearer, [](const ServerRequest &, ScriptedResponse &r) { r.body = "t"; }));
    auto basic = std::make_shared<AuthGate>();
    basic->setCredentials("alice", "pa55word");
    basic->offerBasic("basic realm");
    m_server.route("/basic", protect(basic, [](const ServerRequest &, ScriptedResponse &r) { r.body = "b"; }));
    auto kept = std::make_shared<AuthGate>();
    kept->setCredentials("carol", "k33p");
    kept->offerBasic("kept realm");
    m_server.route("/kept", protect(kept, [](const ServerRequest &, ScriptedResponse &r) { r.body = "k"; }));
    m_server.route("/slow", Routes::slow(1500, "slow body"));

    m_workspace = std::make_unique<Workspace>(nullptr, m_dir.filePath(u"accounts.ini"_s));
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWorkbench::init()
{
    m_workspace->negotiator()->clearSession();
    QTRY_VERIFY(!m_window->authPanel()->isVisible());
}

void TestWorkbench::bearerTokenAnsweredWhenTheRequestSaysBasic()
{
    AuthPanel *panel = m_window->authPanel();
    RequestSpec spec;
    spec.method = "GET";
    spec.url = m_server.url(u"/bearer"_s);
    spec.auth.scheme = AuthSettings::Scheme::Basic;
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"not for bearer"_s;
    m_window->composer()->setRequest(spec);
    QTest::keyClick(m_window->composer()->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->schemeBox()->currentText(), u"Bearer"_s);
    QVERIFY(panel->tokenEdit()->isVisible());
    QTest::keyClicks(panel->tokenEdit(), u"demo-token"_s);
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);

    QTRY_VERIFY(lastFinishedWith(200));
    QCOMPARE(m_server.lastRequest().header("Authorization"), "Bearer demo-token"_ba);
    QTRY_VERIFY(!panel->isVisible());
    // The answered 200 says which challenge it answered and the scheme chosen.
    const Exchange &answer = selectLast();
    QVERIFY(answer.hop == 1);
    QCOMPARE(authValue(u"Scheme chosen"_s), u"Bearer"_s);
    const QString answers = authValue(u"Answers"_s);
    QVERIFY2(answers.contains(u"401 of exchange #%1"_s.arg(answer.previousId)), qPrintable(answers));
    QVERIFY2(answers.contains(u"realm “tokens”"_s), qPrintable(answers));
    QVERIFY(authValue(u"Why"_s).contains(u"Bearer"_s));
    QCOMPARE(authValue(u"Credentials from"_s), u"typed in the auth panel"_s);
}

void TestWorkbench::wrongPasswordKeepsThePanelOpen()
{
    AuthPanel *panel = m_window->authPanel();
    sendSpec(u"/basic"_s, AuthSettings::Scheme::Any);
    QTRY_VERIFY(panel->isVisible());
    const quint64 chain = panel->current().chainId;
    QTest::keyClicks(panel->userEdit(), u"alice"_s);
    QTest::keyClicks(panel->passwordEdit(), u"wrong"_s);
    QTest::keyClick(panel->passwordEdit(), Qt::Key_Return);
    // Straight back, same chain, with the server's refusal, ready for another try.
    QTRY_VERIFY(panel->messageLabel()->text().startsWith(u"Credentials rejected by the server"_s));
    QVERIFY(panel->isVisible());
    QVERIFY(panel->messageLabel()->isVisible());
    QCOMPARE(panel->current().chainId, chain);
    QVERIFY(panel->sendButton()->isEnabled());
    QCOMPARE(panel->userEdit()->text(), QString()); // fields cleared for the new answer
    QTest::keyClicks(panel->userEdit(), u"alice"_s);
    QTest::keyClicks(panel->passwordEdit(), u"pa55word"_s);
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(lastFinishedWith(200));
    QTRY_VERIFY(!panel->isVisible());
    const QList<Exchange> hops = m_workspace->log()->chain(chain);
    QCOMPARE(hops.size(), 3); // 401, 401 (refused), 200
    QVERIFY(hops.at(1).auth->rejected);
}

void TestWorkbench::rememberedCredentialAnswersInEveryMode()
{
    AuthPanel *panel = m_window->authPanel();
    CredentialStore *store = m_workspace->credentials();
    const QString origin = AuthOffers::originOf(m_server.url(u"/kept"_s));
    sendSpec(u"/kept"_s, AuthSettings::Scheme::None);
    QTRY_VERIFY(panel->isVisible());
    QTest::keyClicks(panel->userEdit(), u"carol"_s);
    QTest::keyClicks(panel->passwordEdit(), u"k33p"_s);
    panel->rememberBox()->setChecked(true);
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(lastFinishedWith(200));
    QTRY_VERIFY_WITH_TIMEOUT(!store->accountsFor(origin, u"kept realm"_s).isEmpty(), 10000);
    QVERIFY2(!store->accountsFor(origin, u"kept realm"_s).first().sessionOnly,
             "the keychain was not usable: run inside scripts/with-keyring");

    QSignalSpy asked(panel, &AuthPanel::shown);
    using S = AuthSettings::Scheme;
    for (S mode : {S::None, S::Any, S::Basic}) {
        m_workspace->negotiator()->clearSession(); // from the keychain, not from this session's memory
        const qsizetype before = m_workspace->log()->count();
        sendSpec(u"/kept"_s, mode);
        QTRY_VERIFY(m_workspace->log()->count() == before + 2 && lastFinishedWith(200));
        QCOMPARE(asked.size(), 0);
        QCOMPARE(m_server.lastRequest().header("Authorization"), QByteArray("Basic " + "carol:k33p"_ba.toBase64()));
        selectLast();
        QCOMPARE(authValue(u"Credentials from"_s), u"user “carol”, answered from the keychain"_s);
        // The exchange's notes (Headers tab) say so too.
        const Exchange &answered = m_workspace->log()->at(m_workspace->log()->count() - 1);
        QVERIFY(!answered.notes->isEmpty());
        QVERIFY2(answered.notes->first().startsWith(u"Answered from the keychain"_s),
                 qPrintable(answered.notes->join(u'\n')));
        QVERIFY(m_window->details()->authView()->forgetButton());
        QVERIFY(m_window->details()->authView()->useAnotherButton());
    }

    // "Use another…": one click, the panel asks although the keychain has one.
    QTest::mouseClick(m_window->details()->authView()->useAnotherButton(), Qt::LeftButton);
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(asked.size(), 1);
    QTest::keyClicks(panel->userEdit(), u"carol"_s);
    QTest::keyClicks(panel->passwordEdit(), u"k33p"_s);
    QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(lastFinishedWith(200));
    selectLast();
    QCOMPARE(authValue(u"Credentials from"_s), u"user “carol”, typed in the auth panel"_s);

    // "Forget": one click on an exchange answered from the keychain removes it.
    m_workspace->negotiator()->clearSession();
    sendSpec(u"/kept"_s, S::Any);
    QTRY_VERIFY(lastFinishedWith(200) && m_server.lastRequest().path == "/kept"_ba);
    selectLast();
    QVERIFY(m_window->details()->authView()->forgetButton());
    QTest::mouseClick(m_window->details()->authView()->forgetButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(store->accountsFor(origin, u"kept realm"_s).isEmpty(), 10000);
    sendSpec(u"/kept"_s, S::Any);
    QTRY_VERIFY(panel->isVisible()); // nothing stored, nothing in the session: asked
    QTest::mouseClick(dontAnswer(), Qt::LeftButton);
}

void TestWorkbench::escapeNeverCancelsARequestWaitingInThePanel()
{
    AuthPanel *panel = m_window->authPanel();
    m_window->composer()->setUrlHistory({m_server.url(u"/basic"_s).toString(), m_server.url(u"/slow"_s).toString()});
    sendSpec(u"/basic"_s, AuthSettings::Scheme::Any);
    QTRY_VERIFY(panel->isVisible());
    const quint64 chain = panel->current().chainId;
    QTest::keyClick(panel->userEdit(), Qt::Key_Escape);
    QTest::keyClick(m_window->timeline(), Qt::Key_Escape);
    QTest::qWait(300);
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->pendingCount(), 1);
    QCOMPARE(panel->current().chainId, chain);

    // The URL completion popup: Esc closes it, and only it.
    QLineEdit *url = m_window->composer()->urlEdit();
    url->setFocus();
    url->clear();
    QTest::keyClicks(url, u"127.0"_s);
    QCompleter *completer = url->completer();
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Escape);
    QTRY_VERIFY(!completer->popup()->isVisible());
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->current().chainId, chain);

    // Cancelling is the panel's own button.
    QVERIFY(dontAnswer());
    QTest::mouseClick(dontAnswer(), Qt::LeftButton);
    QTRY_VERIFY(!panel->isVisible());
}

void TestWorkbench::sendWhileInFlightStartsAnother()
{
    const qsizetype before = m_workspace->log()->count();
    const qsizetype served = m_server.requestCount();
    sendSpec(u"/slow"_s, AuthSettings::Scheme::Any);
    QTRY_COMPARE(m_workspace->log()->count(), before + 1);
    QVERIFY(!m_workspace->log()->at(before).finished);
    QPushButton *send = nullptr;
    for (QPushButton *b : m_window->composer()->findChildren<QPushButton *>())
        send = b->text() == ComposerWidget::tr("Send") ? b : send;
    QVERIFY(send && send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE(m_workspace->log()->count(), before + 2);
    QVERIFY(!m_workspace->log()->at(before).finished); // the first is still in flight
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->log()->at(before).finished && m_workspace->log()->at(before + 1).finished,
                             10000);
    QCOMPARE(m_workspace->log()->at(before).statusCode, 200);
    QCOMPARE(m_workspace->log()->at(before + 1).statusCode, 200);
    QCOMPARE(m_server.requestCount(), served + 2);
    QVERIFY(m_workspace->log()->at(before).chainId != m_workspace->log()->at(before + 1).chainId);
}

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
