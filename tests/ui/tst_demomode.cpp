// peephole --demo: the demo API answers, the welcome page offers its
// requests, and the demo collection is a valid .http file aimed at it.
#include "formats/httpfile.h"
#include "server/demoapi.h"
#include "welcome/demomode.h"
#include "welcome/welcomepage.h"

#include <QCommandLinkButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestDemoMode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void welcomeOffersEveryDemoRequest();
    void demoCollectionParsesAndPointsAtTheDemo();
};

void TestDemoMode::welcomeOffersEveryDemoRequest()
{
    DemoMode demo;
    QVERIFY2(demo.start(), qPrintable(demo.errorString()));
    WelcomePage page;
    demo.populate(&page);
    const QList<QCommandLinkButton *> buttons = page.findChildren<QCommandLinkButton *>();
    QCOMPARE(buttons.size(), DemoApi::endpoints().size());
    QSignalSpy chosen(&page, &WelcomePage::sampleChosen);
    QCommandLinkButton *digest = nullptr;
    for (QCommandLinkButton *b : buttons) {
        if (b->text().endsWith(u"/digest"_s))
            digest = b;
    }
    QVERIFY(digest);
    QVERIFY(digest->description().contains(u"demo"_s)); // the credentials are shown
    digest->click();
    QCOMPARE(chosen.size(), 1);
    const RequestSpec spec = chosen.first().first().value<RequestSpec>();
    QCOMPARE(spec.url, demo.api()->baseUrl().resolved(QUrl(u"/digest"_s)));
    QCOMPARE(spec.auth.scheme, AuthSettings::Scheme::None); // the auth panel will ask
}

void TestDemoMode::demoCollectionParsesAndPointsAtTheDemo()
{
    DemoMode demo;
    QVERIFY(demo.start());
    QTemporaryDir dir;
    QVERIFY2(demo.writeCollection(dir.path()), qPrintable(demo.errorString()));
    const HttpFileParseResult parsed = HttpFileParser::parseFile(dir.filePath(u"demo.http"_s));
    QVERIFY(parsed.ok);
    QVERIFY(parsed.errors.isEmpty());
    QCOMPARE(parsed.file.requests.size(), DemoApi::endpoints().size());
    QCOMPARE(parsed.file.variables.value(0).value, demo.api()->baseUrl().toString());
    QVERIFY(parsed.file.requests.first().request.urlTemplate.startsWith(u"{{base}}"_s));
}

QTEST_MAIN(TestDemoMode)
#include "tst_demomode.moc"
