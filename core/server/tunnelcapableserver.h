#pragma once

#include <QSslSocket>
#include <QTcpServer>

namespace Peephole {

/// A plain-text QTcpServer whose connections are QSslSocket objects (not yet
/// encrypted), so a connection can switch to TLS later: HttpServer uses it to
/// serve HTTPS inside a CONNECT tunnel. Internal to HttpServer.
class TunnelCapableServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }
};

} // namespace Peephole
