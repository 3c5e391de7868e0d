#include "wire/connectionpool.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcPool, "peephole.wire.pool", QtWarningMsg)

namespace Peephole {

ConnectionPool::ConnectionPool(QObject *parent) : QObject(parent) {}

ConnectionPool::~ConnectionPool() = default; // the idle sockets are children

QString ConnectionPool::key(const QString &host, quint16 port)
{
    return host + u':' + QString::number(port);
}

QTcpSocket *ConnectionPool::take(const QString &key)
{
    auto it = m_idle.find(key);
    while (it != m_idle.end() && !it->isEmpty()) {
        QTcpSocket *socket = it->takeLast();
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0) {
            socket->setParent(nullptr);
            return socket;
        }
        socket->deleteLater();
    }
    return nullptr;
}

void ConnectionPool::give(const QString &key, QTcpSocket *socket)
{
    QList<QTcpSocket *> &idle = m_idle[key];
    if (idle.size() >= MaxIdlePerOrigin || socket->state() != QAbstractSocket::ConnectedState) {
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    idle.append(socket);
    // Closed by the server, or bytes nobody asked for: not reusable.
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
    qCDebug(lcPool) << "idle" << key << idle.size();
}

void ConnectionPool::drop(QTcpSocket *socket)
{
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        if (it->removeOne(socket)) {
            socket->disconnect(this);
            socket->deleteLater();
            return;
        }
    }
}

int ConnectionPool::idleCount() const
{
    int n = 0;
    for (const QList<QTcpSocket *> &idle : m_idle)
        n += int(idle.size());
    return n;
}

} // namespace Peephole
