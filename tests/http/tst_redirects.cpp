#include "enginefixture.h"
#include "server/routes.h"

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::Test;

class TestRedirects : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachHopIsItsOwnLinkedExchange();
    void methodRewriting_data();
    void methodRewriting();
    void credentialsNeverCrossOrigins();
    void sameOriginKeepsCredentials();
    void loopEndsWithClearError();
    void hopLimitEndsWithClearError();
    void noFollowStopsAtTheRedirect();
};

void TestRedirects::eachHopIsItsOwnLinkedExchange()
{
    EngineFixture f;
    const QByteArray first = Routes::addRedirectChain(f.server, "/chain", 3);
    const QList<Exchange> chain = f.run(f.get(QString::fromLatin1(first)));
    QCOMPARE(chain.size(), 4);
    for (int i = 0; i < chain.size(); ++i) {
        QCOMPARE(chain.at(i).hop, i);
        QCOMPARE(chain.at(i).chainId, chain.first().chainId);
        QCOMPARE(chain.at(i).previousId, i == 0 ? quint64(0) : chain.at(i - 1).id);
        QCOMPARE(chain.at(i).reason, i == 0 ? HopReason::Initial : HopReason::Redirect);
        QVERIFY(chain.at(i).finished);
    }
    QCOMPARE(chain.at(0).statusCode, 302);
    QCOMPARE(chain.last().statusCode, 200);
    QCOMPARE(chain.last().url.path(), u"/chain/3"_s);
    QCOMPARE(f.server.requestCount(), 4);
}

void TestRedirects::methodRewriting_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("nextMethod");
    QTest::addColumn<bool>("bodyKept");
    QTest::newRow("301 POST") << 301 << "POST"_ba
                              << "GET"_ba << false;
    QTest::newRow("302 POST") << 302 << "POST"_ba
                              << "GET"_ba << false;
    QTest::newRow("303 PUT") << 303 << "PUT"_ba
                             << "GET"_ba << false;
    QTest::newRow("307 POST") << 307 << "POST"_ba
                              << "POST"_ba << true;
    QTest::newRow("308 PATCH") << 308 << "PATCH"_ba
                               << "PATCH"_ba << true;
    QTest::newRow("302 PUT") << 302 << "PUT"_ba
                             << "PUT"_ba << true;
}

void TestRedirects::methodRewriting()
{
    QFETCH(int, status);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, nextMethod);
    QFETCH(bool, bodyKept);
    EngineFixture f;
    Routes::addRedirect(f.server, "/from", status, "/to");
    f.server.route("/to", Routes::echo());
    RequestSpec spec = f.get(u"/from"_s);
    spec.method = method;
    spec.body.kind = RequestBody::Kind::Raw;
    spec.body.raw = "{\"a\":1}";
    spec.body.contentType = "application/json";
    const QList<Exchange> chain = f.run(spec);
    QCOMPARE(chain.size(), 2);
    const ServerRequest second = f.server.lastRequest();
    QCOMPARE(second.method, nextMethod);
    QCOMPARE(chain.at(1).method, nextMethod);
    QCOMPARE(second.body, bodyKept ? "{\"a\":1}"_ba : QByteArray());
    QCOMPARE(second.header("Content-Type").isEmpty(), !bodyKept);
    QCOMPARE(chain.at(1).requestBody != nullptr, bodyKept);
}

void TestRedirects::credentialsNeverCrossOrigins()
{
    EngineFixture f;
    HttpServer other;
    QVERIFY(other.listen());
    other.route("/landing", Routes::echo());
    Routes::addRedirect(f.server, "/away", 302, other.urlBytes(u"/landing"_s));
    RequestSpec spec = f.get(u"/away"_s);
    spec.headers = {{"Authorization", "Bearer secret-token", true},
                    {"Proxy-Authorization", "Basic eDp5", true},
                    {"Cookie", "sid=1", true},
                    {"X-Keep", "yes", true}};
    const QList<Exchange> chain = f.run(spec);
    QCOMPARE(chain.size(), 2);
    const ServerRequest landed = other.lastRequest();
    QVERIFY(landed.header("Authorization").isNull());
    QVERIFY(landed.header("Proxy-Authorization").isNull());
    QVERIFY(landed.header("Cookie").isNull());
    QCOMPARE(landed.header("X-Keep"), "yes"_ba);
    QCOMPARE(chain.at(1).notes->size(), 3);
    QVERIFY2(chain.at(1).notes->first().contains(u"Authorization header dropped"_s),
             qPrintable(chain.at(1).notes->first()));
    QVERIFY(!Headers::contains(chain.at(1).requestHeaders, "Authorization"));
    // The first hop did carry it.
    QCOMPARE(f.server.lastRequest().header("Authorization"), "Bearer secret-token"_ba);
}

void TestRedirects::sameOriginKeepsCredentials()
{
    EngineFixture f;
    Routes::addRedirect(f.server, "/a", 307, "/b");
    f.server.route("/b", Routes::echo());
    RequestSpec spec = f.get(u"/a"_s);
    spec.headers = {{"Authorization", "Bearer t", true}};
    const QList<Exchange> chain = f.run(spec);
    QCOMPARE(chain.size(), 2);
    QCOMPARE(f.server.lastRequest().header("Authorization"), "Bearer t"_ba);
    QVERIFY(chain.at(1).notes->isEmpty());
}

void TestRedirects::loopEndsWithClearError()
{
    EngineFixture f;
    Routes::addRedirectLoop(f.server, "/ping", "/pong");
    const QList<Exchange> chain = f.run(f.get(u"/ping"_s));
    QCOMPARE(chain.size(), 2);
    QCOMPARE(chain.last().error.kind, ExchangeError::Kind::RedirectLoop);
    QVERIFY2(chain.last().error.message.contains(u"/ping"_s), qPrintable(chain.last().error.message));
}

void TestRedirects::hopLimitEndsWithClearError()
{
    EngineFixture f;
    const QByteArray first = Routes::addRedirectChain(f.server, "/long", 8);
    RequestSpec spec = f.get(QString::fromLatin1(first));
    spec.options.maxRedirects = 3;
    const QList<Exchange> chain = f.run(spec);
    QCOMPARE(chain.size(), 4);
    QCOMPARE(chain.last().error.kind, ExchangeError::Kind::TooManyRedirects);
    QVERIFY2(chain.last().error.message.contains(u"3 redirects"_s), qPrintable(chain.last().error.message));
}

void TestRedirects::noFollowStopsAtTheRedirect()
{
    EngineFixture f;
    Routes::addRedirect(f.server, "/r", 301, "/elsewhere");
    RequestSpec spec = f.get(u"/r"_s);
    spec.options.followRedirects = false;
    const QList<Exchange> chain = f.run(spec);
    QCOMPARE(chain.size(), 1);
    QCOMPARE(chain.first().statusCode, 301);
    QVERIFY(!chain.first().error.isError());
    QCOMPARE(Headers::value(chain.first().responseHeaders, "Location"), "/elsewhere"_ba);
}

QTEST_GUILESS_MAIN(TestRedirects)
#include "tst_redirects.moc"
