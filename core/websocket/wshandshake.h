#pragma once

#include "http/exchange.h"
#include "http/requestspec.h"

#include <QNetworkProxy>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace Peephole {

/// One attempt at the WebSocket opening handshake (RFC 6455 §4.1) on Peephole's own
/// socket, so that the upgrade request is recorded exactly as written and the
/// response head exactly as received (QtWebSockets shows neither). A 101 is checked
/// (Upgrade, Connection, Sec-WebSocket-Accept, the subprotocol chosen), then the
/// connection is closed with a Close frame; the messages flow on the QWebSocket
/// that WebSocketSession opens next with the same fields. Any other answer (401,
/// 407, 403, a redirect) is read with its body (at most 1 MiB) and ends the attempt.
class WsHandshake : public QObject
{
    Q_OBJECT
public:
    /// @p fields: every field after the request line but Sec-WebSocket-Key (added here), in order.
    WsHandshake(const QUrl &url, const HeaderList &fields, const RequestOptions &options,
                const QNetworkProxy &proxy, QObject *parent = nullptr);
    ~WsHandshake() override;

    /// Connects and writes the request. finished() follows, exactly once.
    void start();
    void abort();

    /// The request head as written (request line excluded) and what came back.
    /// statusCode, responseHeaders, timings, tls, error and the body are filled in.
    void fillExchange(Exchange &exchange) const;
    /// True for a valid 101 answer.
    bool switched() const { return m_switched; }
    int statusCode() const { return m_status; }
    /// The subprotocol the server chose (empty: none).
    QByteArray subprotocol() const { return m_subprotocol; }
    const ExchangeError &error() const { return m_error; }
    const HeaderList &sentFields() const { return m_sent; }

    /// base64(SHA-1(key + the RFC 6455 GUID)): what Sec-WebSocket-Accept must say.
    static QByteArray acceptFor(const QByteArray &key);

Q_SIGNALS:
    void finished();

private:
    void onConnected();
    void onReadyRead();
    void onSocketError();
    void onTimeout();
    bool parseHead();
    void checkSwitch();
    void finish(const ExchangeError &error = {});

    QUrl m_url;
    HeaderList m_sent;
    RequestOptions m_options;
    QNetworkProxy m_proxy;
    QByteArray m_key;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    QByteArray m_buffer;
    bool m_headDone = false;
    bool m_done = false;
    bool m_switched = false;
    int m_status = 0;
    QByteArray m_reason;
    QByteArray m_version;
    HeaderList m_received;
    qint64 m_headSize = 0;
    qint64 m_contentLength = -1;
    QByteArray m_body;
    QByteArray m_subprotocol;
    Timings m_timings;
    TlsInfo m_tls;
    QStringList m_notes;
    ExchangeError m_error;
};

} // namespace Peephole
