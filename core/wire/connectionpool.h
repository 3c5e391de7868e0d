#pragma once

#include <QHash>
#include <QList>
#include <QObject>

class QTcpSocket;

namespace Peephole {

/// Idle keep-alive connections of the HTTP/1.1 client, by "host:port". A
/// connection the server closes while idle leaves the pool at once.
class ConnectionPool : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxIdlePerOrigin = 6;

    explicit ConnectionPool(QObject *parent = nullptr);
    ~ConnectionPool() override;

    static QString key(const QString &host, quint16 port);

    /// An idle connected socket for @p key, now owned by the caller, or nullptr.
    QTcpSocket *take(const QString &key);
    /// Hands back a socket whose last response was complete and that may be reused.
    void give(const QString &key, QTcpSocket *socket);
    int idleCount() const;

private:
    void drop(QTcpSocket *socket);

    QHash<QString, QList<QTcpSocket *>> m_idle;
};

} // namespace Peephole
