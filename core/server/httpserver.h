#pragma once

#include "router.h"
#include "servermessage.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QUrl>

#include <memory>
#include <optional>

class QTcpServer;

namespace Peephole {

class AuthGate;
class HttpConnection;

/// Certificate material for HttpServer::listenTls().
struct ServerTlsOptions
{
    QSslCertificate certificate;                 ///< Server certificate (leaf).
    QSslKey privateKey;                          ///< Its private key.
    QList<QSslCertificate> chain;                ///< Intermediate/CA certificates sent after the leaf.
    QList<QSslCertificate> clientCaCertificates; ///< CAs trusted for client certificates.
    QSslSocket::PeerVerifyMode peerVerifyMode =
        QSslSocket::VerifyNone; ///< VerifyPeer: require a client cert.
};

/// A small in-process HTTP/1.1 server for tests and the demo mode.
///
/// It parses requests itself and records each one (ServerRequest: raw head,
/// headers in received order and case, decoded body) so tests can assert on
/// exactly what a client sent. Responses come from routes (Router patterns)
/// that fill a ScriptedResponse, which can misbehave on purpose (delays,
/// chunking, gzip, resets, garbage). Runs on the thread it lives in and never
/// blocks it.
///
/// Proxy mode: a request with an absolute-form target ("GET http://h:p/x") is
/// treated as sent to a proxy. With a proxy gate set (setProxyGate(), an
/// AuthGate with role Proxy), it is answered 407 until Proxy-Authorization is
/// right; then the server serves it itself as the origin, by its path. So a
/// QNetworkProxy::HttpProxy pointing at this server sees 407 → 401 → 200.
/// With setTunnelTls(), CONNECT is accepted too (after the same 407 dance):
/// the server answers "200 Connection established" and then speaks TLS on
/// that connection itself, serving its routes (request.tls is true there).
/// So https URLs through the proxy work as well. Without it CONNECT gets 501.
///
/// Threads: everything happens on the thread the server lives in. To serve
/// from a worker thread (benchmarks), moveToThread() it before listen() and
/// call listen() from that thread (QMetaObject::invokeMethod); requests() may
/// then only be read from that thread. setRecordRequests(false) keeps memory
/// flat over long runs.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    /// Listens for plain HTTP on @p address; @p port 0 picks a free port. False on failure (see
    /// errorString()).
    bool listen(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    /// Listens for HTTPS with @p tls; otherwise like listen().
    bool listenTls(const ServerTlsOptions &tls, quint16 port = 0,
                   const QHostAddress &address = QHostAddress::LocalHost);
    /// Stops listening and drops every open connection.
    void close();
    bool isListening() const;
    bool isTls() const { return m_tls; }
    QString errorString() const { return m_error; }
    /// The port listened on (0 when not listening).
    quint16 port() const;
    /// "http(s)://127.0.0.1:<port><path>"; @p path may carry a query ("/a?b=1").
    QUrl url(const QString &path = QStringLiteral("/")) const;
    /// url(path) as encoded bytes, handy for Location headers.
    QByteArray urlBytes(const QString &path = QStringLiteral("/")) const;

    /// Routes @p pattern (exact path, or prefix ending in '*') to @p handler. Replaces an existing one.
    void route(const QByteArray &pattern, RouteHandler handler);
    /// Routes @p pattern to a fixed response.
    void route(const QByteArray &pattern, const ScriptedResponse &response);
    bool removeRoute(const QByteArray &pattern) { return m_router.remove(pattern); }
    void clearRoutes() { m_router.clear(); }
    /// Handler for unmatched paths (default: 404).
    void setFallback(RouteHandler handler) { m_router.setFallback(std::move(handler)); }

    /// Proxy authentication for absolute-form requests (see class doc); nullptr: proxy without auth.
    void setProxyGate(std::shared_ptr<AuthGate> gate) { m_proxyGate = std::move(gate); }

    /// Serve CONNECT tunnels with TLS using @p tls (see class doc). Only for listen(), not listenTls().
    /// False when the certificate or key is missing.
    bool setTunnelTls(const ServerTlsOptions &tls);

    /// Every request received so far, oldest first (also the rejected ones).
    const QList<ServerRequest> &requests() const { return m_requests; }
    /// The newest request; a default ServerRequest when none arrived.
    ServerRequest lastRequest() const { return m_requests.isEmpty() ? ServerRequest{} : m_requests.last(); }
    qsizetype requestCount() const { return m_requests.size(); }
    void clearRequests() { m_requests.clear(); }
    /// Connections accepted so far (keep-alive tests compare it with requestCount()).
    int connectionCount() const { return m_nextConnectionId - 1; }
    /// Connections currently open.
    int openConnectionCount() const { return int(m_connections.size()); }

    /// Request bodies longer than this are counted but cut when recorded (default 64 MiB).
    void setMaxRecordedBodySize(qint64 bytes) { m_maxBody = bytes; }
    qint64 maxRecordedBodySize() const { return m_maxBody; }
    /// Keep requests in requests() (default true). Turn off for long benchmarks.
    void setRecordRequests(bool on) { m_record = on; }

Q_SIGNALS:
    /// A complete request arrived (emitted before it is answered).
    void requestReceived(const Peephole::ServerRequest &request);
    void connectionOpened(int connectionId);
    void connectionClosed(int connectionId);
    /// A TLS handshake with a client failed; @p message says why.
    void tlsError(const QString &message);

private:
    bool startListening(QTcpServer *server, quint16 port, const QHostAddress &address);
    void acceptPending();
    void dispatch(ServerRequest &request, ScriptedResponse &response);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QString m_error;
    Router m_router;
    std::shared_ptr<AuthGate> m_proxyGate;
    std::optional<QSslConfiguration> m_tunnelTls;
    QList<ServerRequest> m_requests;
    QList<HttpConnection *> m_connections;
    int m_nextConnectionId = 1;
    qint64 m_maxBody = 64 * 1024 * 1024;
    bool m_record = true;
};

} // namespace Peephole
