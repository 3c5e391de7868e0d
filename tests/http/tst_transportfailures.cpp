#include "enginefixture.h"
#include "server/routes.h"

#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace Peephole;
using namespace Peephole::Test;

class TestTransportFailures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectionRefused();
    void hostNotFound();
    void timeout();
    void resetInTheMiddleOfTheBody();
    void closedWithoutResponse();
    void malformedResponse();
    void badUrl();
};

void TestTransportFailures::connectionRefused()
{
    EngineFixture f;
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    RequestSpec spec;
    spec.url = QUrl(u"http://127.0.0.1:%1/"_s.arg(port));
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::ConnectionRefused);
    QVERIFY2(e.error.message.contains(QString::number(port)), qPrintable(e.error.message));
    QCOMPARE(e.statusCode, 0);
    QVERIFY(e.finished);
}

void TestTransportFailures::hostNotFound()
{
    EngineFixture f;
    RequestSpec spec;
    spec.url = QUrl(u"http://no-such-host.invalid/"_s);
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::HostNotFound);
    QVERIFY(e.error.message.contains(u"no-such-host.invalid"_s));
}

void TestTransportFailures::timeout()
{
    EngineFixture f;
    f.server.route("/stall", Routes::slow(5000, "late"));
    RequestSpec spec = f.get(u"/stall"_s);
    spec.options.timeoutMs = 300;
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::Timeout);
    QVERIFY2(e.error.message.contains(u"0.3 s"_s), qPrintable(e.error.message));
}

void TestTransportFailures::resetInTheMiddleOfTheBody()
{
    EngineFixture f;
    ScriptedResponse r = Routes::largeBody(1000000);
    r.resetAfterBodyBytes = 40000;
    f.server.route("/cut", r);
    const Exchange e = f.run(f.get(u"/cut"_s)).value(0);
    QCOMPARE(e.statusCode, 200); // the head arrived
    QCOMPARE(e.error.kind, ExchangeError::Kind::ConnectionReset);
    QVERIFY2(e.error.message.contains(u"1000000"_s), qPrintable(e.error.message));
    QVERIFY(e.responseBody->size() <= 40000);
}

void TestTransportFailures::closedWithoutResponse()
{
    EngineFixture f;
    ScriptedResponse r;
    r.failure = ScriptedResponse::Failure::CloseWithoutResponse;
    f.server.route("/close", r);
    const Exchange e = f.run(f.get(u"/close"_s)).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::ConnectionReset);
    QVERIFY(e.error.message.contains(u"before a response"_s));
}

void TestTransportFailures::malformedResponse()
{
    EngineFixture f;
    ScriptedResponse r;
    r.failure = ScriptedResponse::Failure::SendGarbage;
    f.server.route("/garbage", r);
    const Exchange e = f.run(f.get(u"/garbage"_s)).value(0);
    QVERIFY2(e.error.kind == ExchangeError::Kind::MalformedResponse ||
                 e.error.kind == ExchangeError::Kind::ConnectionReset,
             qPrintable(e.error.message));
    QVERIFY(e.error.isError());
}

void TestTransportFailures::badUrl()
{
    EngineFixture f;
    RequestSpec spec;
    spec.url = QUrl(u"ftp://example.org/file"_s);
    const Exchange e = f.run(spec).value(0);
    QCOMPARE(e.error.kind, ExchangeError::Kind::Other);
    QVERIFY(e.error.message.contains(u"http"_s));
}

QTEST_GUILESS_MAIN(TestTransportFailures)
#include "tst_transportfailures.moc"
