#include "httpserver.h"

#include "authgate.h"
#include "httpconnection.h"
#include "serverlog.h"
#include "tunnelcapableserver.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QSslConfiguration makeTlsConfiguration(const ServerTlsOptions &tls)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(tls.certificate);
    config.setLocalCertificateChain(QList<QSslCertificate>{tls.certificate} + tls.chain);
    config.setPrivateKey(tls.privateKey);
    config.setPeerVerifyMode(tls.peerVerifyMode);
    if (!tls.clientCaCertificates.isEmpty())
        config.setCaCertificates(tls.clientCaCertificates);
    return config;
}
} // namespace

HttpServer::HttpServer(QObject *parent) : QObject(parent) {}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::startListening(QTcpServer *server, quint16 port, const QHostAddress &address)
{
    close();
    m_server = server;
    connect(server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    if (!server->listen(address, port)) {
        m_error = tr("Cannot listen on %1 port %2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(server->errorString());
        qCWarning(lcServer) << m_error;
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_error.clear();
    qCDebug(lcServer) << "listening on" << url().toString();
    return true;
}

bool HttpServer::listen(quint16 port, const QHostAddress &address)
{
    m_tls = false;
    return startListening(new TunnelCapableServer(this), port, address);
}

bool HttpServer::listenTls(const ServerTlsOptions &tls, quint16 port, const QHostAddress &address)
{
    if (tls.certificate.isNull() || tls.privateKey.isNull()) {
        m_error =
            tr("TLS needs a server certificate and its private key; one of them is missing or unreadable");
        return false;
    }
    auto *server = new QSslServer(this);
    server->setSslConfiguration(makeTlsConfiguration(tls));
    connect(server, &QSslServer::sslErrors, this, [this](QSslSocket *, const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            Q_EMIT tlsError(e.errorString());
    });
    connect(
        server, &QSslServer::errorOccurred, this,
        [this](QSslSocket *socket, QAbstractSocket::SocketError) { Q_EMIT tlsError(socket->errorString()); });
    m_tls = true;
    if (!startListening(server, port, address)) {
        m_tls = false;
        return false;
    }
    return true;
}

void HttpServer::close()
{
    const QList<HttpConnection *> open = m_connections;
    m_connections.clear();
    for (HttpConnection *c : open) {
        c->disconnect(this);
        c->abort();
        c->deleteLater();
    }
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

bool HttpServer::setTunnelTls(const ServerTlsOptions &tls)
{
    if (tls.certificate.isNull() || tls.privateKey.isNull()) {
        m_error = tr("The CONNECT tunnel needs a server certificate and its private key; one of them is "
                     "missing or unreadable");
        return false;
    }
    m_tunnelTls = makeTlsConfiguration(tls);
    return true;
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 HttpServer::port() const
{
    return isListening() ? m_server->serverPort() : 0;
}

QUrl HttpServer::url(const QString &path) const
{
    const QString p = path.startsWith(u'/') ? path : u'/' + path;
    return QUrl((m_tls ? u"https"_s : u"http"_s) + u"://127.0.0.1:"_s + QString::number(port()) + p);
}

QByteArray HttpServer::urlBytes(const QString &path) const
{
    return url(path).toEncoded();
}

void HttpServer::route(const QByteArray &pattern, RouteHandler handler)
{
    m_router.add(pattern, std::move(handler));
}

void HttpServer::route(const QByteArray &pattern, const ScriptedResponse &response)
{
    m_router.add(pattern, [response](const ServerRequest &, ScriptedResponse &out) { out = response; });
}

void HttpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        const int id = m_nextConnectionId++;
        auto *connection = new HttpConnection(
            socket, id, m_maxBody,
            [this](ServerRequest &request, ScriptedResponse &response) { dispatch(request, response); },
            this);
        if (m_tunnelTls && !m_tls)
            connection->setTunnelTls(*m_tunnelTls);
        m_connections.append(connection);
        connect(connection, &HttpConnection::closed, this, [this, connection](int closedId) {
            m_connections.removeOne(connection);
            Q_EMIT connectionClosed(closedId);
        });
        Q_EMIT connectionOpened(id);
    }
}

void HttpServer::dispatch(ServerRequest &request, ScriptedResponse &response)
{
    qCDebug(lcServer) << "connection" << request.connectionId << request.method << request.target;
    if (m_record)
        m_requests.append(request);
    Q_EMIT requestReceived(request);

    const bool connect = request.method == "CONNECT";
    if (connect && (!m_tunnelTls || m_tls)) {
        response = ScriptedResponse::text(
            501,
            "CONNECT needs HttpServer::setTunnelTls() on a plain-HTTP listener; it is not set up here\n"_ba);
        return;
    }
    HeaderList proxyInfo;
    if ((request.absoluteForm || connect) && m_proxyGate) {
        AuthGate::Outcome outcome = m_proxyGate->check(request);
        if (!outcome.allowed) {
            response = std::move(outcome.rejection);
            return;
        }
        proxyInfo = outcome.successHeaders;
    }
    if (connect) {
        response = ScriptedResponse{};
        response.reason = "Connection established"_ba;
        response.autoHeaders = false;
    } else {
        m_router.dispatch(request, response);
    }
    response.headers.append(proxyInfo);
}

} // namespace Peephole
