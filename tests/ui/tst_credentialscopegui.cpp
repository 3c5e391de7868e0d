// The GUI's side of credential scoping (issue #11): the composer's auth editor
// sends its credentials only to the typed origin unless "location-trusted" is
// checked, and the Auth tab of the redirect target's exchange says why nothing
// was sent. Real servers on 127.0.0.1, the Workspace the main window drives.

#include "auth/authoffers.h"
#include "composer/autheditor.h"
#include "details/authview.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/authgate.h"
#include "server/httpserver.h"
#include "workspace/workspace.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestCredentialScopeGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void authEditorAndAuthTab();

private:
    QList<Exchange> send(Workspace &workspace, const RequestSpec &spec);
};

QList<Exchange> TestCredentialScopeGui::send(Workspace &workspace, const RequestSpec &spec)
{
    QSignalSpy finished(workspace.session(), &HttpSession::chainFinished);
    const quint64 chain = workspace.send(spec);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000))
        qWarning("chain %llu did not finish", chain);
    return workspace.log()->chain(chain);
}

void TestCredentialScopeGui::authEditorAndAuthTab()
{
    HttpServer a;
    HttpServer b;
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    auto gate = std::make_shared<AuthGate>();
    gate->setCredentials("alice", "s3cret");
    gate->offerBasic("b realm");
    b.route("/secret",
            protect(gate, [](const ServerRequest &, ScriptedResponse &r) { r.body = "b secret"; }));
    const QByteArray target = b.urlBytes(u"/secret"_s);
    a.route("/go", [target](const ServerRequest &, ScriptedResponse &r) {
        r.status = 302;
        r.headers.append({"Location", target, true});
    });

    AuthEditor editor;
    AuthSettings typed;
    typed.scheme = AuthSettings::Scheme::Any;
    typed.user = u"alice"_s;
    typed.password = u"s3cret"_s;
    typed.preemptive = true;
    editor.setSettings(typed);
    editor.show();
    QCheckBox *trusted = nullptr;
    for (QCheckBox *c : editor.findChildren<QCheckBox *>()) {
        if (c->text().contains(u"location-trusted"_s))
            trusted = c;
    }
    QVERIFY(trusted);
    QVERIFY(trusted->isVisible());
    QVERIFY(!trusted->isChecked());
    QVERIFY(!editor.settings().locationTrusted);

    QTemporaryDir dir;
    Workspace workspace(nullptr, dir.filePath(u"accounts.ini"_s));
    RequestSpec spec;
    spec.url = a.url(u"/go"_s);
    spec.auth = editor.settings();
    QList<Exchange> chain = send(workspace, spec);
    QCOMPARE(chain.size(), 2);
    QCOMPARE(chain.last().statusCode, 401);
    for (const ServerRequest &r : b.requests())
        QVERIFY(r.header("Authorization").isNull());

    AuthView view;
    view.setExchange(chain.last());
    const QString withheld = u"Credentials withheld: origin changed from %1 to %2"_s.arg(
        AuthOffers::originOf(a.url()), AuthOffers::originOf(b.url()));
    QVERIFY2(!view.findItems(withheld, Qt::MatchContains | Qt::MatchRecursive, 1).isEmpty(),
             qPrintable(chain.last().auth->explanation));

    // The user opts in: the same request now reaches B with the credentials.
    QTest::mouseClick(trusted, Qt::LeftButton, {}, QPoint(4, trusted->height() / 2));
    QVERIFY(trusted->isChecked());
    QVERIFY(editor.settings().locationTrusted);
    spec.auth = editor.settings();
    chain = send(workspace, spec);
    QCOMPARE(chain.last().statusCode, 200);
    QVERIFY(!b.lastRequest().header("Authorization").isNull());
}

QTEST_MAIN(TestCredentialScopeGui)
#include "tst_credentialscopegui.moc"
