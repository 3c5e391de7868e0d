// The request being composed survives a crash, and never carries a secret to disk.
#include "composer/composerwidget.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/windowsettings.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestWindowSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noSecretInTheRememberedRequest();
    void composedRequestSurvivesACrash();
    void everyAuthAndOptionsBoxIsRestored();
};

void TestWindowSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"PeepholeTests"_s);
    QCoreApplication::setApplicationName(u"tst_windowsettings"_s);
    QSettings().clear();
}

void TestWindowSettings::noSecretInTheRememberedRequest()
{
    RequestSpec spec;
    spec.method = "POST";
    spec.url = QUrl(u"https://api.example.com/login"_s);
    spec.headers = {{"X-Thing", "1", true}};
    spec.auth.scheme = AuthSettings::Scheme::Basic;
    spec.auth.user = u"alice"_s;
    spec.auth.password = u"hunter2-secret"_s;
    spec.auth.token = u"tok-secret"_s;
    spec.options.clientCertPassphrase = u"pass-secret"_s;
    const QByteArray json = QJsonDocument(WindowSettings::requestToJson(spec)).toJson();
    QVERIFY(!json.contains("secret"));
    const RequestSpec back = WindowSettings::requestFromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(back.method, spec.method);
    QCOMPARE(back.url, spec.url);
    QCOMPARE(back.headers, spec.headers);
    QCOMPARE(back.auth.user, u"alice"_s);
    QVERIFY(back.auth.password.isEmpty());
}

void TestWindowSettings::composedRequestSurvivesACrash()
{
    QTemporaryDir dir;
    {
        Workspace workspace(nullptr, dir.filePath(u"a.ini"_s));
        MainWindow window(&workspace);
        window.show();
        QTest::keyClicks(window.composer()->urlEdit(), u"https://example.org/typed-before-the-crash"_s);
        QTest::qWait(1500); // the debounced save
        // No close(): the window just goes away, as in a crash.
    }
    Workspace workspace(nullptr, dir.filePath(u"b.ini"_s));
    MainWindow again(&workspace);
    QCOMPARE(again.composer()->urlEdit()->text(), u"https://example.org/typed-before-the-crash"_s);
}

void TestWindowSettings::everyAuthAndOptionsBoxIsRestored()
{
    // Through the real composer: what its boxes say is what comes back after a restart.
    ComposerWidget before;
    RequestSpec spec;
    spec.method = "GET";
    spec.url = QUrl(u"https://example.org/boxes"_s);
    spec.auth.scheme = AuthSettings::Scheme::Basic;
    spec.auth.user = u"alice"_s;
    spec.auth.preemptive = true;
    spec.auth.basicCharset = AuthSettings::BasicCharset::Latin1;
    spec.auth.saveToKeychain = true;
    spec.auth.locationTrusted = true;
    spec.options.h2cPriorKnowledge = true;
    before.setRequest(spec);
    const QJsonObject saved = WindowSettings::requestToJson(before.request());
    ComposerWidget after;
    after.setRequest(WindowSettings::requestFromJson(saved));
    const RequestSpec back = after.request();
    QVERIFY(back.auth.preemptive);
    QCOMPARE(back.auth.basicCharset, AuthSettings::BasicCharset::Latin1);
    QVERIFY(back.auth.saveToKeychain);
    QVERIFY(back.auth.locationTrusted);
    QVERIFY(back.options.h2cPriorKnowledge);
    QCOMPARE(back.auth.scheme, AuthSettings::Scheme::Basic);
}

QTEST_MAIN(TestWindowSettings)
#include "tst_windowsettings.moc"
