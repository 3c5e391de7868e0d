#include "faultserver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace Peephole::Test {

struct FaultServer::Connection
{
    QTcpSocket *socket = nullptr;
    QTimer *timer = nullptr;
    QByteArray buffer;
    Script script;
    qsizetype step = -1;  ///< -1: reading a request
    qsizetype offset = 0; ///< Drip: bytes of the step already sent
};

QByteArray FaultServer::response(int status, const QList<QByteArray> &fields, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    for (const QByteArray &f : fields)
        out += f + "\r\n";
    return out + "\r\n" + body;
}

FaultServer::FaultServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer()
{
    for (Connection *c : std::as_const(m_connections)) {
        c->timer->stop();
        c->socket->disconnect(this);
        c->socket->abort();
        delete c->socket;
        delete c;
    }
}

bool FaultServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FaultServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(path));
}

void FaultServer::routeSequence(const QByteArray &path, QList<Script> scripts)
{
    m_routes.insert(path, std::move(scripts));
}

void FaultServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection;
        c->socket = socket;
        c->timer = new QTimer(socket);
        c->timer->setSingleShot(true);
        m_connections.append(c);
        connect(c->timer, &QTimer::timeout, this, [this, c] { play(c); });
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { onReadyRead(c); });
        connect(socket, &QTcpSocket::disconnected, this, [this, c] { drop(c); });
    }
}

void FaultServer::onReadyRead(Connection *c)
{
    c->buffer += c->socket->readAll();
    if (c->step >= 0)
        return; // playing: the next request waits in the buffer
    const qsizetype end = c->buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = c->buffer.left(end + 4);
    qint64 bodyLength = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            bodyLength = line.mid(15).trimmed().toLongLong();
    }
    if (c->buffer.size() < head.size() + bodyLength)
        return;
    c->buffer.remove(0, head.size() + bodyLength);
    m_heads.append(head);
    QByteArray path = head.left(head.indexOf("\r\n")).split(' ').value(1);
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    const int hit = m_hits[path]++;
    const QList<Script> scripts = m_routes.value(path);
    c->script = scripts.isEmpty() ? Script{send(response(404, {"Content-Length: 9"}, "not found"))}
                                  : scripts.at(qMin<qsizetype>(hit, scripts.size() - 1));
    c->step = 0;
    c->offset = 0;
    play(c);
}

void FaultServer::play(Connection *c)
{
    while (c->step >= 0 && c->step < c->script.size()) {
        const Step &s = c->script.at(c->step);
        switch (s.kind) {
        case Step::Kind::Send:
            c->socket->write(s.bytes);
            ++c->step;
            break;
        case Step::Kind::Drip:
            if (c->offset < s.bytes.size()) {
                c->socket->write(s.bytes.mid(c->offset++, 1));
                c->socket->flush();
                c->timer->start(s.ms);
                return;
            }
            c->offset = 0;
            ++c->step;
            break;
        case Step::Kind::Wait:
            if (c->offset == 0) {
                c->offset = 1;
                c->timer->start(s.ms);
                return;
            }
            c->offset = 0;
            ++c->step;
            break;
        case Step::Kind::Close:
            c->step = -2;
            c->socket->disconnectFromHost(); // after what is buffered has gone out
            return;
        case Step::Kind::Reset: {
            c->step = -2;
            c->socket->flush();
            const struct linger lg = {1, 0};
            ::setsockopt(int(c->socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
            c->socket->abort();
            drop(c);
            return;
        }
        }
    }
    if (c->step >= 0) {
        c->step = -1; // done: read the next request
        onReadyRead(c);
    }
}

void FaultServer::drop(Connection *c)
{
    if (!m_connections.removeOne(c))
        return;
    c->timer->stop();
    c->socket->disconnect(this);
    c->socket->deleteLater();
    delete c;
}

} // namespace Peephole::Test
