#include "websocket/websocketsession.h"

#include "http/authhook.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "http/tlsconfig.h"
#include "stream/streamstore.h"
#include "websocket/wserrors.h"
#include "websocket/wshandshake.h"

#include <QLoggingCategory>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWebSocket, "peephole.websocket.session", QtWarningMsg)

namespace Peephole {

namespace {
constexpr int MaxAuthRetries = 4;
constexpr int CloseWaitMs = 5000;

/// The http(s) URL a ws(s) URL stands for (cookies are kept per http origin).
QUrl httpUrlOf(QUrl url)
{
    url.setScheme(url.scheme() == u"wss"_s ? u"https"_s : u"http"_s);
    return url;
}

QNetworkProxy proxyFor(const RequestSpec &spec)
{
    const QUrl &p = spec.options.proxy;
    if (!p.isValid() || p.host().isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const bool socks = p.scheme().startsWith(u"socks"_s);
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, p.host(),
                        quint16(p.port(socks ? 1080 : 8080)));
    // Proxy credentials go to the configured proxy only.
    if (!spec.auth.proxyUser.isEmpty()) {
        proxy.setUser(spec.auth.proxyUser);
        proxy.setPassword(spec.auth.proxyPassword);
    }
    return proxy;
}

bool isHandshakeField(const QByteArray &name)
{
    for (const char *own : {"Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
                            "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions"})
        if (name.compare(own, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}
} // namespace

WebSocketSession::WebSocketSession(HttpSession *session, QObject *parent) : QObject(parent), m_session(session)
{
}

WebSocketSession::~WebSocketSession()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    if (m_state == State::Open || m_state == State::Closing)
        m_session->streams()->close(m_exchange.id, tr("The session ended while the WebSocket was open."));
}

QString WebSocketSession::subprotocol() const
{
    return m_socket ? m_socket->subprotocol() : QString();
}

void WebSocketSession::open(const WebSocketSpec &spec)
{
    if (m_state != State::Idle)
        return;
    m_spec = spec;
    m_chainId = m_session->log()->nextChainId();
    m_hop.method = "GET";
    m_hop.url = withoutDotSegments(spec.request.url);
    m_hop.headers = spec.request.headers;
    m_hop.reason = HopReason::Initial;
    m_state = State::Handshaking;
    const QString scheme = m_hop.url.scheme();
    if (!m_hop.url.isValid() || m_hop.url.host().isEmpty() || (scheme != u"ws"_s && scheme != u"wss"_s)) {
        m_exchange.chainId = m_chainId;
        m_exchange.method = "GET";
        m_exchange.url = m_hop.url;
        m_exchange.timings.startNs = monotonicNs();
        m_exchange.startedAt = wallClockAt(m_exchange.timings.startNs);
        m_exchange.id = m_session->log()->append(m_exchange);
        finish(End::Error, {ExchangeError::Kind::Other,
                            tr("\"%1\" is not a ws:// or wss:// URL with a host.").arg(m_hop.url.toString())});
        return;
    }
    sendHandshake();
}

HopContext WebSocketSession::hopContext() const
{
    HopContext ctx;
    ctx.chainId = m_chainId;
    ctx.spec = &m_spec.request;
    ctx.method = m_hop.method;
    ctx.url = m_hop.url;
    return ctx;
}

HeaderList WebSocketSession::handshakeFields() const
{
    HeaderList fields;
    const QUrl &url = m_hop.url;
    const bool tls = url.scheme() == u"wss"_s;
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() >= 0 && url.port() != (tls ? 443 : 80))
        host += ':' + QByteArray::number(url.port());
    if (!Headers::contains(m_hop.headers, "Host"))
        fields.append({"Host", host, true});
    fields.append({"Upgrade", "websocket", true});
    fields.append({"Connection", "Upgrade", true});
    fields.append({"Sec-WebSocket-Version", "13", true});
    if (!m_spec.subprotocols.isEmpty())
        fields.append({"Sec-WebSocket-Protocol", m_spec.subprotocols.join(u", "_s).toUtf8(), true});
    for (const HeaderField &f : m_hop.headers)
        if (f.enabled && !isHandshakeField(f.name))
            fields.append(f);
        else if (f.enabled && f.name.compare("Host", Qt::CaseInsensitive) == 0)
            fields.prepend(f);
    for (const HeaderField &f : m_hop.authHeaders)
        fields.append(f);
    return fields;
}

void WebSocketSession::sendHandshake()
{
    const quint64 previous = m_exchange.id;
    const int hopIndex = previous ? m_exchange.hop + 1 : 0;
    m_exchange = Exchange{};
    m_exchange.chainId = m_chainId;
    m_exchange.previousId = previous;
    m_exchange.hop = hopIndex;
    m_exchange.reason = m_hop.reason;
    m_exchange.method = m_hop.method;
    m_exchange.url = m_hop.url;
    m_exchange.notes = m_hop.notes;
    if (AuthHook *hook = m_session->authHook(); hook && m_hop.reason == HopReason::Initial) {
        AuthRecord record = *m_exchange.auth;
        m_hop.authHeaders = hook->headersFor(hopContext(), record);
        if (!(record == *m_exchange.auth))
            m_exchange.auth = std::move(record);
    }
    if (const QByteArray auth = Headers::value(m_hop.authHeaders, "Authorization"); !auth.isEmpty())
        m_exchange.auth.edit().sentScheme = QString::fromLatin1(auth.left(auth.indexOf(' ')));
    HeaderList fields = handshakeFields();
    if (m_spec.request.options.useCookieJar) {
        const QList<QNetworkCookie> cookies = m_session->cookieJar()->cookiesForUrl(httpUrlOf(m_hop.url));
        QByteArray jar;
        for (const QNetworkCookie &c : cookies)
            jar += (jar.isEmpty() ? "" : "; ") + c.toRawForm(QNetworkCookie::NameAndValueOnly);
        if (!jar.isEmpty()) {
            const QByteArray typed = Headers::value(fields, "Cookie");
            Headers::set(fields, "Cookie", typed.isEmpty() ? jar : typed + "; " + jar);
            m_exchange.cookiesSent = cookies;
        }
    }
    m_exchange.timings.startNs = monotonicNs();
    m_exchange.startedAt = wallClockAt(m_exchange.timings.startNs);
    m_exchange.requestHeaders = fields;
    m_exchange.id = m_session->log()->append(m_exchange);

    delete m_handshake;
    m_handshake = new WsHandshake(m_hop.url, fields, m_spec.request.options, proxyFor(m_spec.request), this);
    connect(m_handshake, &WsHandshake::finished, this, &WebSocketSession::onHandshakeFinished);
    qCDebug(lcWebSocket) << "chain" << m_chainId << "hop" << hopIndex << m_hop.url;
    m_handshake->start();
}

void WebSocketSession::onHandshakeFinished()
{
    WsHandshake *hs = m_handshake;
    const qint64 startNs = m_exchange.timings.startNs;
    hs->fillExchange(m_exchange);
    if (m_exchange.timings.startNs < 0)
        m_exchange.timings.startNs = startNs;
    m_exchange.finished = true;
    if (!m_exchange.cookiesSet->isEmpty() && m_spec.request.options.useCookieJar)
        m_session->cookieJar()->setCookiesFromUrl(*m_exchange.cookiesSet, httpUrlOf(m_hop.url));
    AuthHook *hook = m_session->authHook();
    if (m_exchange.error.isError()) {
        m_session->log()->update(m_exchange);
        finish(End::Error, m_exchange.error);
        return;
    }
    if (hook)
        hook->responseReceived(hopContext(), m_exchange);
    if (hs->switched()) {
        m_exchange.notes.edit().append(
            tr("Peephole wrote this handshake on its own connection and closed it; the messages flow on a "
               "second connection that QtWebSockets opened with the same fields (and its own "
               "Sec-WebSocket-Key)."));
        m_session->log()->update(m_exchange);
        openSocket();
        return;
    }
    if ((m_exchange.statusCode == 401 || m_exchange.statusCode == 407) && hook &&
        m_authRetries < MaxAuthRetries) {
        askAuth();
        return;
    }
    m_session->log()->update(m_exchange);
    const QString answer = QString::number(m_exchange.statusCode) + u' ' + QString::fromLatin1(m_exchange.reasonPhrase);
    if (m_exchange.isAuthChallenge())
        finish(End::AuthFailed, {ExchangeError::Kind::None,
                                 m_exchange.auth->explanation.isEmpty()
                                     ? tr("authentication failed: the server answered %1").arg(answer)
                                     : m_exchange.auth->explanation});
    else
        finish(End::HandshakeFailed,
               {ExchangeError::Kind::None,
                tr("the server answered %1 instead of 101 Switching Protocols: no WebSocket").arg(answer)});
}

void WebSocketSession::askAuth()
{
    AuthHook *hook = m_session->authHook();
    QPointer<WebSocketSession> guard(this);
    const quint64 exchangeId = m_exchange.id;
    hook->challenged(hopContext(), m_exchange,
                     [guard, exchangeId](const AuthRetry &retry, const AuthRecord &record) {
                         if (!guard || guard->m_state != State::Handshaking || guard->m_exchange.id != exchangeId)
                             return;
                         WebSocketSession *self = guard.data();
                         self->m_exchange.auth = record;
                         self->m_session->log()->update(self->m_exchange);
                         if (!retry.retry) {
                             const QString text = !record.explanation.isEmpty()
                                                      ? record.explanation
                                                      : tr("authentication failed: the server answered %1 and "
                                                           "no credentials were given")
                                                            .arg(self->m_exchange.statusCode);
                             self->finish(End::AuthFailed, {ExchangeError::Kind::None, text});
                             return;
                         }
                         ++self->m_authRetries;
                         for (const HeaderField &h : retry.headers) {
                             Headers::remove(self->m_hop.authHeaders, h.name);
                             self->m_hop.authHeaders.append(h);
                         }
                         self->m_hop.reason = self->m_exchange.statusCode == 407 ? HopReason::ProxyAuthRetry
                                                                                 : HopReason::AuthRetry;
                         self->m_hop.notes.clear();
                         self->sendHandshake();
                     });
    if (guard && m_state == State::Handshaking && m_exchange.id == exchangeId)
        m_session->log()->update(m_exchange);
}

void WebSocketSession::openSocket()
{
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setProxy(proxyFor(m_spec.request));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(qMax<qint64>(1, m_spec.maxMessageSize)));
    if (m_hop.url.scheme() == u"wss"_s) {
        QSslConfiguration tls;
        QString error;
        buildTlsConfiguration(m_spec.request.options, &tls, &error); // checked by the handshake already
        tls.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        m_socket->setSslConfiguration(tls);
        connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &) {
            if (!m_spec.request.options.verifyTls)
                m_socket->ignoreSslErrors();
        });
    }
    QNetworkRequest request(m_hop.url);
    for (const HeaderField &f : m_exchange.requestHeaders)
        if (!isHandshakeField(f.name))
            request.setRawHeader(f.name, f.value);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(m_spec.subprotocols);

    connect(m_socket, &QWebSocket::connected, this, &WebSocketSession::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketSession::onDisconnected);
    // Emitted when a Close frame arrives or is sent; a connection lost without one never emits it.
    connect(m_socket, &QWebSocket::aboutToClose, this, [this] { m_closeSeen = true; });
    // A failed handshake on this connection may end without disconnected(): look once the error is out.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        QTimer::singleShot(0, this, [this] {
            if (m_socket && m_state == State::Handshaking && m_socket->state() == QAbstractSocket::UnconnectedState)
                onDisconnected();
        });
    });
    connect(m_socket, &QWebSocket::textFrameReceived, this, [this] { ++m_textFrames; });
    connect(m_socket, &QWebSocket::binaryFrameReceived, this, [this] { ++m_binaryFrames; });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        record(int(StreamMessage::Kind::Text), false, message.toUtf8());
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        record(int(StreamMessage::Kind::Binary), false, message);
    });
    connect(m_socket, &QWebSocket::pong, this, [this](quint64, const QByteArray &payload) {
        record(int(StreamMessage::Kind::Pong), false, payload);
    });
    m_socket->open(request, options);
}

void WebSocketSession::onConnected()
{
    m_state = State::Open;
    m_session->streams()->open(m_exchange.id);
    if (m_socket->subprotocol().toUtf8() != m_handshake->subprotocol())
        m_exchange.notes.edit().append(
            tr("The second connection agreed on the subprotocol \"%1\" (the recorded handshake: \"%2\").")
                .arg(m_socket->subprotocol(), QString::fromUtf8(m_handshake->subprotocol())));
    m_session->log()->update(m_exchange);
    Q_EMIT opened();
}

void WebSocketSession::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    if (m_state == State::Handshaking) {
        ExchangeError error{ExchangeError::Kind::Other,
                            tr("the recorded handshake succeeded, but QtWebSockets' connection failed: %1")
                                .arg(m_socket->errorString())};
        m_exchange.error = error;
        m_session->log()->update(m_exchange);
        finish(End::HandshakeFailed, error);
        return;
    }
    m_closeCode = code;
    m_closeReason = reason;
    StreamStore *store = m_session->streams();
    QString note;
    End end = End::Normal;
    if (code == QWebSocketProtocol::CloseCodeTooMuchData && !m_userClosed) {
        end = End::TooBig;
        note = tr("An incoming message passed the cap of %1 bytes; Peephole closed the session with 1009.")
                   .arg(m_spec.maxMessageSize);
        record(int(StreamMessage::Kind::Close), true, note.toUtf8(), code);
    } else if (code == QWebSocketProtocol::CloseCodeAbnormalDisconnection || (!m_closeSeen && !m_userClosed)) {
        m_closeCode = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
        m_closeReason.clear();
        end = m_userClosed ? End::Normal : End::Dropped;
        note = tr("The connection was lost without a closing handshake (1006).");
        record(int(StreamMessage::Kind::Close), false, {}, m_closeCode);
    } else {
        record(int(StreamMessage::Kind::Close), false, reason.toUtf8(), code);
        if (!m_userClosed && code != QWebSocketProtocol::CloseCodeNormal) {
            end = End::ClosedByPeer;
            const QString name = closeCodeName(code);
            note = tr("The server closed the session with %1%2%3.")
                       .arg(code)
                       .arg(name.isEmpty() ? QString() : u" ("_s + name + u')',
                            reason.isEmpty() ? QString() : u": "_s + reason);
        }
    }
    store->close(m_exchange.id, note);
    finish(end);
}

void WebSocketSession::record(int kind, bool sent, QByteArray data, int closeCode)
{
    StreamMessage m;
    m.kind = StreamMessage::Kind(kind);
    m.direction = sent ? StreamMessage::Direction::Sent : StreamMessage::Direction::Received;
    m.timeNs = monotonicNs();
    m.closeCode = closeCode;
    if (!sent && m.kind == StreamMessage::Kind::Text) {
        m.frames = quint16(qBound(1, m_textFrames, 65535));
        m_textFrames = 0;
    } else if (!sent && m.kind == StreamMessage::Kind::Binary) {
        m.frames = quint16(qBound(1, m_binaryFrames, 65535));
        m_binaryFrames = 0;
    }
    m.data = std::move(data);
    m_session->streams()->append(m_exchange.id, std::move(m));
}

bool WebSocketSession::sendText(const QString &text)
{
    if (m_state != State::Open)
        return false;
    m_socket->sendTextMessage(text);
    record(int(StreamMessage::Kind::Text), true, text.toUtf8());
    return true;
}

bool WebSocketSession::sendBinary(const QByteArray &data)
{
    if (m_state != State::Open)
        return false;
    m_socket->sendBinaryMessage(data);
    record(int(StreamMessage::Kind::Binary), true, data);
    return true;
}

bool WebSocketSession::ping(const QByteArray &payload)
{
    if (m_state != State::Open)
        return false;
    const QByteArray p = payload.left(125); // a control frame's payload is at most 125 bytes
    m_socket->ping(p);
    record(int(StreamMessage::Kind::Ping), true, p);
    return true;
}

void WebSocketSession::close(int code, const QString &reason)
{
    if (m_state == State::Handshaking) {
        m_userClosed = true;
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
        if (m_handshake)
            m_handshake->disconnect(this);
        m_exchange.finished = true;
        finish(End::Error, {ExchangeError::Kind::Cancelled, tr("Cancelled before the WebSocket opened.")});
        return;
    }
    if (m_state != State::Open)
        return;
    m_userClosed = true;
    m_state = State::Closing;
    record(int(StreamMessage::Kind::Close), true, reason.toUtf8(), code);
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    QPointer<QWebSocket> socket(m_socket);
    QTimer::singleShot(CloseWaitMs, this, [socket] {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort(); // the peer never answered the Close
    });
}

void WebSocketSession::finish(End end, const ExchangeError &error)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_end = end;
    m_error = error;
    if (error.isError() && m_exchange.id && !m_exchange.error.isError()) {
        m_exchange.error = error;
        m_session->log()->update(m_exchange);
    }
    if (AuthHook *hook = m_session->authHook())
        hook->chainFinished(m_chainId);
    qCDebug(lcWebSocket) << "chain" << m_chainId << "ended" << end << error.message;
    Q_EMIT finished();
}

} // namespace Peephole
