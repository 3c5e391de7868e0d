#pragma once

#include "http/exchange.h"
#include "http/authhook.h"
#include "http/hop.h"
#include "http/requestspec.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWebSocket;

namespace Peephole {

class HttpSession;
class WsHandshake;

/// What a WebSocket session is asked to do.
struct WebSocketSpec
{
    /// ws:// or wss:// URL, extra headers (sent after the handshake's own), options (TLS, CA,
    /// client certificate, proxy, cookie jar, connect/total timeout for the handshake), credentials.
    RequestSpec request;
    QStringList subprotocols; ///< Offered in Sec-WebSocket-Protocol, in order of preference.
    /// Cap on one incoming message (bytes); a bigger one closes the session with 1009.
    qint64 maxMessageSize = 64LL * 1024 * 1024;
};

/// One WebSocket session (RFC 6455) on QtWebSockets, recorded like any request:
/// the opening handshake is an exchange in the session's ExchangeLog, a 401/407 is
/// answered by the session's AuthHook (the AuthNegotiator) and retried as the next
/// hop of the chain; cookies come from and go to the session's jar. Once open,
/// every message and control frame (direction, time, kind, size, close code and
/// reason, pings sent and pongs received) goes to the session's StreamStore under
/// the exchange id of the 101, within its caps.
///
/// The handshake is written on Peephole's own connection (WsHandshake) so its
/// request and answer are recorded exactly; the messages flow on a second
/// connection that QWebSocket opens with the same fields (its own
/// Sec-WebSocket-Key), and the exchange says so in a note.
class WebSocketSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Handshaking, Open, Closing, Closed };
    /// How the session ended.
    enum class End {
        None,
        Normal,           ///< Closed with 1000 (either side), or by the user.
        ClosedByPeer,     ///< The peer closed with another code (closeCode(), closeReason()).
        Dropped,          ///< The connection was lost without a closing handshake (1006).
        TooBig,           ///< An incoming message passed maxMessageSize (closed with 1009).
        HandshakeFailed,  ///< The server did not switch protocols (status in the exchange).
        AuthFailed,       ///< It kept answering 401/407 (credentials missing or rejected).
        Error,            ///< A transport or TLS failure (error()).
    };
    Q_ENUM(End)

    explicit WebSocketSession(HttpSession *session, QObject *parent = nullptr);
    ~WebSocketSession() override;

    void open(const WebSocketSpec &spec);
    State state() const { return m_state; }
    End end() const { return m_end; }
    quint64 chainId() const { return m_chainId; }
    /// The exchange of the last handshake hop (the 101 once open); 0 before open().
    quint64 exchangeId() const { return m_exchange.id; }
    QString subprotocol() const;
    const ExchangeError &error() const { return m_error; }
    /// The close code and reason: received from the peer, or sent (user close). -1: none.
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

    /// Send a message (recorded as sent). False when the session is not open.
    bool sendText(const QString &text);
    bool sendBinary(const QByteArray &data);
    bool ping(const QByteArray &payload = {});
    /// Start the closing handshake (or abandon the handshake); finished() follows.
    void close(int code = 1000, const QString &reason = {});

Q_SIGNALS:
    void opened();
    void finished();

private:
    void sendHandshake();
    void onHandshakeFinished();
    void askAuth();
    void openSocket();
    void onConnected();
    void onDisconnected();
    void record(int kind, bool sent, QByteArray data, int closeCode = -1);
    void finish(End end, const ExchangeError &error = {});
    HopContext hopContext() const;
    HeaderList handshakeFields() const;

    HttpSession *m_session;
    WebSocketSpec m_spec;
    State m_state = State::Idle;
    End m_end = End::None;
    quint64 m_chainId = 0;
    Hop m_hop;
    Exchange m_exchange;
    int m_authRetries = 0;
    WsHandshake *m_handshake = nullptr;
    QWebSocket *m_socket = nullptr;
    ExchangeError m_error;
    int m_closeCode = -1;
    QString m_closeReason;
    bool m_userClosed = false;
    bool m_closeSeen = false;
    bool m_tooBig = false;
    int m_textFrames = 0;
    int m_binaryFrames = 0;
};

} // namespace Peephole
