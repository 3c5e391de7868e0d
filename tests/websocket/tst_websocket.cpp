// WebSocket sessions against a server no one here wrote: the Python "websockets"
// package (Debian python3-websockets), started by the test on free loopback
// ports (ws-server.py). Through the core (WebSocketSession on a Workspace) and
// through `peephole-cli ws`: echo, binary, fragmented frames, ping/pong, a server
// close with 4001, an abrupt drop, 401 then Basic, a refused handshake, wss://
// with the test CA, the message-size cap, subprotocols, extra headers and cookies.

#include "testcerts.h"

#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "stream/streamstore.h"
#include "websocket/websocketsession.h"
#include "websocket/wshandshake.h"
#include "workspace/workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>

using namespace Peephole;
using namespace Qt::StringLiterals;

namespace {
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

using End = WebSocketSession::End;
using Kind = StreamMessage::Kind;
} // namespace

class TestWebSocket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void acceptKey();
    void echoText();
    void binaryMessages();
    void fragmentedMessage();
    void pingPong();
    void serverClosesWith4001();
    void abruptDrop();
    void unauthorizedThenBasic();
    void unauthorizedWithoutCredentials();
    void refusedHandshake();
    void wssWithTestCa();
    void wssWithoutCaFails();
    void messageSizeCap();
    void subprotocolHeadersAndCookies();
    void cookieSetOnThe101();

    void cliEcho();
    void cliBasicMasked();
    void cliExitCodes_data();
    void cliExitCodes();
    void cliPingAndFragments();
    void cliWss();

private:
    QUrl url(const QString &path, int port = 0, const QString &scheme = u"ws"_s) const
    {
        return QUrl(u"%1://127.0.0.1:%2%3"_s.arg(scheme).arg(port ? port : m_port).arg(path));
    }
    /// Opens @p spec and waits until it is open (or ended).
    bool openAndWait(const WebSocketSpec &spec, int ms = 10000);
    bool waitFinished(int ms = 10000);
    /// Waits until @p n received data messages are in the session's record.
    bool waitReceived(int n, int ms = 10000);
    QList<StreamMessage> messages(bool receivedOnly = false) const;
    QList<Exchange> chain() const { return m_ws->session()->log()->chain(m_session->chainId()); }
    CliRun cli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 30000);

    Test::TestCerts m_certs;
    QProcess m_server;
    int m_port = 0;
    int m_authPort = 0;
    int m_tlsPort = 0;
    QTemporaryDir m_home;
    Workspace *m_ws = nullptr;
    WebSocketSession *m_session = nullptr;
};

void TestWebSocket::initTestCase()
{
    QVERIFY2(m_certs.isValid(), qPrintable(m_certs.errorString()));
    const QString script = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/websocket/ws-server.py"_s;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"WS_TLS_CERT"_s, m_certs.serverCertPath());
    env.insert(u"WS_TLS_KEY"_s, m_certs.serverKeyPath());
    m_server.setProcessEnvironment(env);
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(u"/usr/bin/python3"_s, {script});
    QVERIFY2(m_server.waitForStarted(), "python3 is not installed");
    for (int *port : {&m_port, &m_authPort, &m_tlsPort}) {
        while (!m_server.canReadLine())
            QVERIFY2(m_server.waitForReadyRead(20000), "ws-server.py printed no port (python3-websockets missing?)");
        const QByteArray line = m_server.readLine().trimmed();
        *port = line.mid(line.indexOf(' ') + 1).toInt();
        QVERIFY2(*port > 0, line.constData());
    }
}

void TestWebSocket::cleanupTestCase()
{
    m_server.closeWriteChannel();
    if (!m_server.waitForFinished(5000))
        m_server.kill();
    m_server.waitForFinished();
}

void TestWebSocket::init()
{
    m_ws = new Workspace(this, m_home.filePath(u"accounts.ini"_s));
    m_session = new WebSocketSession(m_ws->session(), this);
}

void TestWebSocket::cleanup()
{
    delete m_session;
    m_session = nullptr;
    delete m_ws;
    m_ws = nullptr;
}

bool TestWebSocket::openAndWait(const WebSocketSpec &spec, int ms)
{
    QSignalSpy opened(m_session, &WebSocketSession::opened);
    QSignalSpy finished(m_session, &WebSocketSession::finished);
    m_session->open(spec);
    QElapsedTimer t;
    t.start();
    while (opened.isEmpty() && finished.isEmpty() && t.elapsed() < ms)
        QTest::qWait(10);
    return !opened.isEmpty();
}

bool TestWebSocket::waitFinished(int ms)
{
    if (m_session->state() == WebSocketSession::State::Closed)
        return true;
    QSignalSpy finished(m_session, &WebSocketSession::finished);
    return finished.wait(ms);
}

QList<StreamMessage> TestWebSocket::messages(bool receivedOnly) const
{
    QList<StreamMessage> out;
    const StreamRecord *r = m_ws->session()->streams()->find(m_session->exchangeId());
    if (!r)
        return out;
    for (const StreamMessage &m : r->messages)
        if (!receivedOnly || m.direction == StreamMessage::Direction::Received)
            out.append(m);
    return out;
}

bool TestWebSocket::waitReceived(int n, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        int data = 0;
        for (const StreamMessage &m : messages(true))
            data += m.kind == Kind::Text || m.kind == Kind::Binary;
        if (data >= n)
            return true;
        QTest::qWait(10);
    }
    return false;
}

CliRun TestWebSocket::cli(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PEEPHOLE_CLI), QStringList{u"ws"_s} + args);
    CliRun r;
    if (!p.waitForStarted())
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestWebSocket::acceptKey()
{
    // RFC 6455 §1.3's example.
    QCOMPARE(WsHandshake::acceptFor("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

void TestWebSocket::echoText()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/echo?room=1"_s);
    QVERIFY(openAndWait(spec));
    QCOMPARE(m_session->state(), WebSocketSession::State::Open);
    QVERIFY(m_session->sendText(u"hello"_s));
    QVERIFY(m_session->sendText(u"h\u00e9llo \u2713"_s));
    QVERIFY(waitReceived(2));
    m_session->close();
    QVERIFY(waitFinished());
    QCOMPARE(m_session->end(), End::Normal);

    // The handshake as written and answered.
    const QList<Exchange> hops = chain();
    QCOMPARE(hops.size(), 1);
    const Exchange &e = hops.first();
    QCOMPARE(e.statusCode, 101);
    QCOMPARE(e.reasonPhrase, QByteArray("Switching Protocols"));
    QCOMPARE(e.requestTarget(), QByteArray("/echo?room=1"));
    QCOMPARE(Headers::value(e.requestHeaders, "Upgrade"), QByteArray("websocket"));
    const QByteArray key = Headers::value(e.requestHeaders, "Sec-WebSocket-Key");
    QCOMPARE(QByteArray::fromBase64(key).size(), 16);
    QCOMPARE(Headers::value(e.responseHeaders, "Sec-WebSocket-Accept"), WsHandshake::acceptFor(key));
    QVERIFY(Headers::value(e.responseHeaders, "Server").contains("websockets"));

    const QList<StreamMessage> all = messages();
    QCOMPARE(all.size(), 6); // 2 sent, 2 echoed, our Close, the server's Close
    QCOMPARE(all.at(0).direction, StreamMessage::Direction::Sent);
    QCOMPARE(all.at(0).data, QByteArray("hello"));
    const QList<StreamMessage> in = messages(true);
    QCOMPARE(in.at(0).kind, Kind::Text);
    QCOMPARE(in.at(0).data, QByteArray("hello"));
    QCOMPARE(QString::fromUtf8(in.at(1).data), u"h\u00e9llo \u2713"_s);
    QVERIFY(in.at(1).timeNs >= all.at(1).timeNs);
    QCOMPARE(in.last().kind, Kind::Close);
    QCOMPARE(in.last().closeCode, 1000);
    QVERIFY(!m_ws->session()->streams()->find(e.id)->open);
}

void TestWebSocket::binaryMessages()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/binary"_s);
    QVERIFY(openAndWait(spec));
    QVERIFY(waitReceived(1));
    QByteArray all256;
    for (int i = 0; i < 256; ++i)
        all256.append(char(i));
    QCOMPARE(messages(true).first().kind, Kind::Binary);
    QCOMPARE(messages(true).first().data, all256);
    const QByteArray payload("\x00\xff\x10 binary\r\n", 12);
    QVERIFY(m_session->sendBinary(payload));
    QVERIFY(waitReceived(2));
    QCOMPARE(messages(true).at(1).kind, Kind::Binary);
    QCOMPARE(messages(true).at(1).data, payload);
    m_session->close();
    QVERIFY(waitFinished());
}

void TestWebSocket::fragmentedMessage()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/fragmented"_s);
    QVERIFY(openAndWait(spec));
    QVERIFY(waitFinished());
    QCOMPARE(m_session->end(), End::Normal);
    const QList<StreamMessage> in = messages(true);
    QCOMPARE(in.size(), 2);
    QCOMPARE(in.at(0).data, QByteArray("part one, part two, part three"));
    QCOMPARE(in.at(0).frames, quint16(4)); // websockets ends a fragmented message with an empty final frame
    QCOMPARE(in.at(1).kind, Kind::Close);
    QCOMPARE(in.at(1).closeCode, 1000);
    QCOMPARE(in.at(1).data, QByteArray("done"));
    QCOMPARE(m_session->closeReason(), u"done"_s);
}

void TestWebSocket::pingPong()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/ping"_s);
    QVERIFY(openAndWait(spec));
    // The server pinged, QtWebSockets answered, the server says so.
    QVERIFY(waitReceived(1));
    QCOMPARE(messages(true).first().data, QByteArray("pong received"));
    QVERIFY(m_session->ping("are you?"));
    const auto hasPong = [this] {
        const QList<StreamMessage> in = messages(true);
        return std::any_of(in.cbegin(), in.cend(), [](const StreamMessage &m) { return m.kind == Kind::Pong; });
    };
    QTRY_VERIFY(hasPong());
    const QList<StreamMessage> all = messages();
    const auto ping = std::find_if(all.cbegin(), all.cend(), [](const StreamMessage &m) { return m.kind == Kind::Ping; });
    const auto pong = std::find_if(all.cbegin(), all.cend(), [](const StreamMessage &m) { return m.kind == Kind::Pong; });
    QCOMPARE(ping->direction, StreamMessage::Direction::Sent);
    QCOMPARE(pong->data, QByteArray("are you?"));
    QVERIFY(pong->timeNs >= ping->timeNs);
    m_session->close();
    QVERIFY(waitFinished());
}

void TestWebSocket::serverClosesWith4001()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/close"_s);
    QVERIFY(openAndWait(spec));
    QVERIFY(waitFinished());
    QCOMPARE(m_session->end(), End::ClosedByPeer);
    QCOMPARE(m_session->closeCode(), 4001);
    QCOMPARE(m_session->closeReason(), u"policy says bye"_s);
    const QList<StreamMessage> in = messages(true);
    QCOMPARE(in.first().data, QByteArray("closing"));
    QCOMPARE(in.last().kind, Kind::Close);
    QCOMPARE(in.last().closeCode, 4001);
    QVERIFY(m_ws->session()->streams()->find(m_session->exchangeId())->endNote.contains(u"4001"_s));
}

void TestWebSocket::abruptDrop()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/drop"_s);
    QVERIFY(openAndWait(spec));
    QVERIFY(waitFinished());
    QCOMPARE(m_session->end(), End::Dropped);
    QCOMPARE(messages(true).first().data, QByteArray("bye"));
    QCOMPARE(messages(true).last().closeCode, 1006);
}

void TestWebSocket::unauthorizedThenBasic()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/echo"_s, m_authPort);
    spec.request.auth.user = u"alice"_s;
    spec.request.auth.password = u"s3cret"_s;
    QVERIFY(openAndWait(spec));
    const QList<Exchange> hops = chain();
    QCOMPARE(hops.size(), 2);
    QCOMPARE(hops.at(0).statusCode, 401);
    QVERIFY(Headers::value(hops.at(0).responseHeaders, "WWW-Authenticate").startsWith("Basic realm=\"ws-test\""));
    QVERIFY(!Headers::contains(hops.at(0).requestHeaders, "Authorization"));
    QCOMPARE(hops.at(1).statusCode, 101);
    QCOMPARE(hops.at(1).reason, HopReason::AuthRetry);
    QCOMPARE(hops.at(1).previousId, hops.at(0).id);
    QCOMPARE(Headers::value(hops.at(1).requestHeaders, "Authorization"),
             "Basic " + QByteArray("alice:s3cret").toBase64());
    QVERIFY(m_session->sendText(u"authorized"_s));
    QVERIFY(waitReceived(1));
    QCOMPARE(messages(true).first().data, QByteArray("authorized"));
    m_session->close();
    QVERIFY(waitFinished());
    QCOMPARE(m_session->end(), End::Normal);
}

void TestWebSocket::unauthorizedWithoutCredentials()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/echo"_s, m_authPort);
    QVERIFY(!openAndWait(spec));
    QCOMPARE(m_session->end(), End::AuthFailed);
    QCOMPARE(chain().size(), 1);
    QCOMPARE(chain().first().statusCode, 401);

    // Wrong credentials: answered once, never looped.
    cleanup();
    init();
    spec.request.auth.user = u"alice"_s;
    spec.request.auth.password = u"wrong"_s;
    QVERIFY(!openAndWait(spec));
    QCOMPARE(m_session->end(), End::AuthFailed);
    QCOMPARE(chain().size(), 2);
    QCOMPARE(chain().last().statusCode, 401);
}

void TestWebSocket::refusedHandshake()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/forbidden"_s);
    QVERIFY(!openAndWait(spec));
    QCOMPARE(m_session->end(), End::HandshakeFailed);
    QCOMPARE(chain().first().statusCode, 403);
    QCOMPARE(chain().first().responseBody->read(0, 1024), QByteArray("no WebSocket for you\n"));
    QVERIFY(m_session->error().message.contains(u"403"_s));
}

void TestWebSocket::wssWithTestCa()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/echo"_s, m_tlsPort, u"wss"_s);
    spec.request.options.caFile = m_certs.caCertPath();
    QVERIFY(openAndWait(spec));
    QVERIFY(chain().first().tls->used);
    QVERIFY(!chain().first().tls->chain.isEmpty());
    QVERIFY(m_session->sendText(u"over TLS"_s));
    QVERIFY(waitReceived(1));
    QCOMPARE(messages(true).first().data, QByteArray("over TLS"));
    m_session->close();
    QVERIFY(waitFinished());
    QCOMPARE(m_session->end(), End::Normal);
}

void TestWebSocket::wssWithoutCaFails()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/echo"_s, m_tlsPort, u"wss"_s);
    QVERIFY(!openAndWait(spec));
    QCOMPARE(m_session->end(), End::Error);
    QCOMPARE(m_session->error().kind, ExchangeError::Kind::Tls);
    QVERIFY(!chain().first().tls->errors.isEmpty());
}

void TestWebSocket::messageSizeCap()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/big"_s);
    spec.maxMessageSize = 1024 * 1024;
    QVERIFY(openAndWait(spec));
    QVERIFY(waitFinished());
    QCOMPARE(m_session->end(), End::TooBig);
    QVERIFY(messages(true).isEmpty() || messages(true).first().kind == Kind::Close);

    cleanup();
    init();
    spec.maxMessageSize = 4 * 1024 * 1024;
    QVERIFY(openAndWait(spec));
    QVERIFY(waitReceived(1));
    QCOMPARE(messages(true).first().data.size(), 2 * 1024 * 1024);
    m_session->close();
    QVERIFY(waitFinished());
}

void TestWebSocket::subprotocolHeadersAndCookies()
{
    QNetworkCookie cookie("session", "c00kie");
    cookie.setDomain(u"127.0.0.1"_s);
    cookie.setPath(u"/"_s);
    m_ws->session()->cookieJar()->insertCookie(cookie);
    WebSocketSpec spec;
    spec.request.url = url(u"/headers"_s);
    spec.request.headers.append({"X-Peephole-Test", "one", true});
    spec.subprotocols = {u"chat.v1"_s, u"other"_s};
    QVERIFY(openAndWait(spec));
    QCOMPARE(m_session->subprotocol(), u"chat.v1"_s);
    QCOMPARE(Headers::value(chain().first().responseHeaders, "Sec-WebSocket-Protocol"), QByteArray("chat.v1"));
    QVERIFY(waitReceived(1));
    const QJsonObject o = QJsonDocument::fromJson(messages(true).first().data).object();
    const QJsonObject h = o.value(u"headers"_s).toObject();
    QCOMPARE(h.value(u"x-peephole-test"_s).toArray().first().toString(), u"one"_s);
    QCOMPARE(h.value(u"sec-websocket-protocol"_s).toArray().first().toString(), u"chat.v1, other"_s);
    QCOMPARE(h.value(u"cookie"_s).toArray().first().toString(), u"session=c00kie"_s);
    QCOMPARE(o.value(u"subprotocol"_s).toString(), u"chat.v1"_s);
    QCOMPARE(chain().first().cookiesSent->size(), 1);
    m_session->close();
    QVERIFY(waitFinished());
}

void TestWebSocket::cookieSetOnThe101()
{
    WebSocketSpec spec;
    spec.request.url = url(u"/setcookie"_s);
    QVERIFY(openAndWait(spec));
    QCOMPARE(Headers::value(chain().first().responseHeaders, "Set-Cookie"), QByteArray("wsvisit=yes; Path=/"));
    QCOMPARE(chain().first().cookiesSet->size(), 1);
    m_session->close();
    QVERIFY(waitFinished());
    // The session's jar sends it with the next handshake to that origin.
    delete m_session;
    m_session = new WebSocketSession(m_ws->session(), this);
    spec.request.url = url(u"/headers"_s);
    QVERIFY(openAndWait(spec));
    QCOMPARE(Headers::value(chain().first().requestHeaders, "Cookie"), QByteArray("wsvisit=yes"));
    QVERIFY(waitReceived(1));
    const QJsonObject h = QJsonDocument::fromJson(messages(true).first().data).object().value(u"headers"_s).toObject();
    QCOMPARE(h.value(u"cookie"_s).toArray().first().toString(), u"wsvisit=yes"_s);
    m_session->close();
    QVERIFY(waitFinished());
}

void TestWebSocket::cliEcho()
{
    const CliRun r = cli({u"--json"_s, url(u"/echo"_s).toString()}, "hello\nsecond line\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(u"> GET /echo HTTP/1.1"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"< HTTP/1.1 101 Switching Protocols"_s), qPrintable(r.err));
    QList<QJsonObject> received;
    for (const QByteArray &line : r.out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY2(!o.isEmpty(), line.constData());
        if (o.value(u"direction"_s).toString() == u"received"_s)
            received.append(o);
    }
    QVERIFY2(received.size() >= 3, r.out.constData());
    QCOMPARE(received.at(0).value(u"data"_s).toString(), u"hello"_s);
    QCOMPARE(received.at(1).value(u"data"_s).toString(), u"second line"_s);
    QCOMPARE(received.last().value(u"type"_s).toString(), u"close"_s);
    QCOMPARE(received.last().value(u"code"_s).toInt(), 1000);

    // Plain output: what arrives, one message per line.
    const CliRun plain = cli({u"--max-messages"_s, u"1"_s, u"--keep-open"_s, url(u"/echo"_s).toString()}, "ping me\n");
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    QCOMPARE(plain.out, QByteArray("ping me\n"));
}

void TestWebSocket::cliBasicMasked()
{
    const CliRun r = cli({u"--user"_s, u"alice:s3cret"_s, u"--max-messages"_s, u"1"_s, u"--keep-open"_s,
                          url(u"/echo"_s, m_authPort).toString()},
                         "behind basic\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QByteArray("behind basic\n"));
    QVERIFY2(r.err.contains(u"< HTTP/1.1 401"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Authorization: Basic alice:****"_s), qPrintable(r.err));
    QVERIFY(!r.err.contains(QString::fromLatin1(QByteArray("alice:s3cret").toBase64())));
    QVERIFY(!r.err.contains(u"s3cret"_s));
}

void TestWebSocket::cliExitCodes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("server closes 1000") << u"/fragmented"_s << QStringList{u"--keep-open"_s} << 0 << 0 << u"1000"_s;
    QTest::newRow("server closes 4001") << u"/close"_s << QStringList{u"--keep-open"_s} << 0 << 40
                                        << u"4001: policy says bye"_s;
    QTest::newRow("abrupt drop") << u"/drop"_s << QStringList{u"--keep-open"_s} << 0 << 41 << u"1006"_s;
    QTest::newRow("403 handshake") << u"/forbidden"_s << QStringList{} << 0 << 42 << u"403"_s;
    QTest::newRow("401 without credentials") << u"/echo"_s << QStringList{} << 1 << 25 << u"401"_s;
    QTest::newRow("message size cap") << u"/big"_s << QStringList{u"--keep-open"_s, u"--max-message-size"_s, u"1M"_s}
                                      << 0 << 63 << u"1009"_s;
    QTest::newRow("connection refused") << u"/echo"_s << QStringList{} << 2 << 6 << u"refused"_s;
    QTest::newRow("not a ws URL") << u"/echo"_s << QStringList{} << 3 << 2 << u"ws://"_s;
}

void TestWebSocket::cliExitCodes()
{
    QFETCH(QString, path);
    QFETCH(QStringList, extra);
    QFETCH(int, port);
    QFETCH(int, code);
    QFETCH(QString, says);
    QString target = url(path).toString();
    if (port == 1)
        target = url(path, m_authPort).toString();
    if (port == 2) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const int unused = closed.serverPort();
        closed.close();
        target = url(path, unused).toString();
    }
    if (port == 3)
        target = u"http://127.0.0.1:%1/echo"_s.arg(m_port);
    const CliRun r = cli(extra + QStringList{target});
    QVERIFY2(r.exitCode == code, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
}

void TestWebSocket::cliPingAndFragments()
{
    const CliRun r = cli({u"--json"_s, u"--keep-open"_s, u"--ping"_s, u"0.2"_s, u"--max-time"_s, u"1.2"_s,
                          url(u"/echo"_s).toString()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    int pings = 0, pongs = 0;
    for (const QByteArray &line : r.out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        pings += o.value(u"type"_s).toString() == u"ping"_s && o.value(u"direction"_s).toString() == u"sent"_s;
        pongs += o.value(u"type"_s).toString() == u"pong"_s && o.value(u"direction"_s).toString() == u"received"_s;
    }
    QVERIFY2(pings >= 3, r.out.constData());
    QVERIFY2(pongs >= 3, r.out.constData());
    QVERIFY(r.err.contains(u"--max-time"_s));

    const CliRun f = cli({u"--json"_s, u"--keep-open"_s, url(u"/fragmented"_s).toString()});
    QVERIFY2(f.exitCode == 0, qPrintable(f.err));
    const QJsonObject first = QJsonDocument::fromJson(f.out.split('\n').first()).object();
    QCOMPARE(first.value(u"data"_s).toString(), u"part one, part two, part three"_s);
    QCOMPARE(first.value(u"frames"_s).toInt(), 4);
}

void TestWebSocket::cliWss()
{
    const QString target = url(u"/echo"_s, m_tlsPort, u"wss"_s).toString();
    const CliRun ok = cli({u"--cacert"_s, m_certs.caCertPath(), u"--max-messages"_s, u"1"_s, u"--keep-open"_s, target},
                          "secure\n");
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QCOMPARE(ok.out, QByteArray("secure\n"));
    const CliRun refused = cli({target}, "secure\n");
    QVERIFY2(refused.exitCode == 8, qPrintable(refused.err));
}

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
