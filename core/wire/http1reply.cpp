#include "wire/http1reply.h"

#include "wire/connectionpool.h"

#include "http/exchange.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp1, "peephole.wire.http1", QtWarningMsg)

namespace Peephole {

namespace {
constexpr qint64 WriteChunk = 256 * 1024;
constexpr qint64 ReadBuffer = 512 * 1024;
constexpr qint64 InlineBody = 64 * 1024; ///< Bodies up to this size go out with the head in one write.

QNetworkReply::NetworkError replyError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::HostNotFoundError:
        return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::RemoteHostClosedError:
        return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::SocketTimeoutError:
        return QNetworkReply::TimeoutError;
    case QAbstractSocket::NetworkError:
        return QNetworkReply::TemporaryNetworkFailureError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}
} // namespace

Http1Reply::Http1Reply(ConnectionPool *pool, const QByteArray &method, const QUrl &url,
                       const HeaderList &headers, std::shared_ptr<BodyStore> body, QObject *parent)
    : HopReply(parent), m_pool(pool), m_method(method), m_url(url), m_requestBody(std::move(body))
{
    m_key = ConnectionPool::key(url.host(), quint16(url.port(80)));
    const QByteArray connection = Headers::value(headers, "Connection").toLower();
    m_closeAfter = connection.contains("close");
    // The transfer already resolved dot segments, so the record and the wire agree.
    m_head = method + ' ' + requestTargetOf(url) + " HTTP/1.1\r\n" + Headers::toWire(headers) + "\r\n";
}

Http1Reply::~Http1Reply()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Http1Reply::start()
{
    m_parser.reset(m_method);
    if (QTcpSocket *idle = m_pool->take(m_key)) {
        m_reused = true;
        attach(idle);
        writeRequest();
        return;
    }
    openConnection();
}

void Http1Reply::openConnection()
{
    auto *socket = new QTcpSocket(this);
    attach(socket);
    Q_EMIT socketStartedConnecting();
    connect(socket, &QTcpSocket::connected, this, &Http1Reply::writeRequest);
    socket->connectToHost(m_url.host(), quint16(m_url.port(80)));
}

void Http1Reply::attach(QTcpSocket *socket)
{
    m_socket = socket;
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bounded reads: steady buffer sizes the allocator reuses, and a slow consumer throttles the peer.
    socket->setReadBufferSize(ReadBuffer);
    connect(socket, &QTcpSocket::readyRead, this, &Http1Reply::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &Http1Reply::onBytesWritten);
    connect(socket, &QTcpSocket::errorOccurred, this, &Http1Reply::onSocketError);
    connect(socket, &QTcpSocket::disconnected, this, &Http1Reply::onDisconnected);
}

void Http1Reply::detach()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket = nullptr;
}

void Http1Reply::writeRequest()
{
    QTcpSocket *socket = m_socket;
    m_bodyWritten = 0;
    const qint64 bodySize = m_requestBody ? m_requestBody->size() : 0;
    if (bodySize > 0 && bodySize <= InlineBody) {
        socket->write(m_head + m_requestBody->read(0, bodySize));
        m_bodyWritten = bodySize;
    } else {
        socket->write(m_head);
    }
    socket->flush(); // out now, not on the next turn of the event loop
    // A kept-alive connection found dead by that write was replaced (or the hop failed): the new
    // connection writes the whole request again once it is up.
    if (m_socket == socket && !m_finished)
        writeMoreBody();
}

void Http1Reply::writeMoreBody()
{
    if (!m_socket || m_sent || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const qint64 bodySize = m_requestBody ? m_requestBody->size() : 0;
    while (m_bodyWritten < bodySize && m_socket->bytesToWrite() < WriteChunk) {
        const QByteArray chunk = m_requestBody->read(m_bodyWritten, WriteChunk);
        if (chunk.isEmpty()) {
            fail(QNetworkReply::UnknownContentError,
                 QCoreApplication::translate("Peephole::Http1Reply",
                                             "the request body could not be read at byte %1")
                     .arg(m_bodyWritten));
            return;
        }
        m_socket->write(chunk);
        m_bodyWritten += chunk.size();
    }
    if (m_bodyWritten >= bodySize && m_socket->bytesToWrite() == 0) {
        m_sent = true;
        Q_EMIT requestSent();
    }
}

void Http1Reply::onBytesWritten()
{
    Q_EMIT uploadProgress();
    writeMoreBody();
}

void Http1Reply::onReadyRead()
{
    if (!m_socket || m_finished)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    m_receivedAny = true;
    qsizetype used = bytes.size();
    if (m_body.isEmpty() && m_parser.takesWholeAsBody(bytes.size())) {
        m_body = bytes; // the common case of a large body: no copy
        m_parser.skipBody(bytes.size());
    } else {
        used = m_parser.feed(bytes.constData(), bytes.size(), &m_body);
    }
    if (m_parser.hasFailed()) {
        fail(QNetworkReply::ProtocolFailure, m_parser.errorString());
        return;
    }
    QPointer<Http1Reply> guard(this);
    if (!m_sent && m_parser.headComplete()) {
        // A final answer before the whole body went out (an early 401 or 413): stop sending it
        // (RFC 9112 §9.5); the connection is not reused. An interim 1xx does not stop the upload.
        m_sent = true;
        Q_EMIT requestSent();
        if (!guard || m_finished)
            return;
    }
    if (m_parser.headComplete() && !m_headEmitted) {
        m_headEmitted = true;
        Q_EMIT headReceived();
        if (!guard || m_finished)
            return;
    }
    if (!m_body.isEmpty()) {
        Q_EMIT readyRead();
        if (!guard || m_finished)
            return;
    }
    if (m_parser.isDone())
        complete(m_parser.keepAlive() && used == bytes.size() &&
                 m_bodyWritten >= (m_requestBody ? m_requestBody->size() : 0));
}

void Http1Reply::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_finished || !m_socket)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    // A kept-alive connection the server dropped before answering: once more on a new one.
    if (m_reused && !m_retried && !m_receivedAny) {
        qCDebug(lcHttp1) << "stale connection to" << m_key << error << "- retrying on a new one";
        m_retried = true;
        m_reused = false;
        QTcpSocket *old = m_socket;
        detach();
        old->deleteLater();
        m_parser.reset(m_method);
        m_sent = false;
        openConnection();
        return;
    }
    fail(replyError(error), m_socket->errorString());
}

void Http1Reply::onDisconnected()
{
    if (m_finished || !m_socket)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    m_parser.closed();
    if (m_parser.isDone()) {
        complete(false);
        return;
    }
    if (m_reused && !m_retried && !m_receivedAny) {
        onSocketError(QAbstractSocket::NetworkError);
        return;
    }
    fail(QNetworkReply::RemoteHostClosedError,
         QCoreApplication::translate("Peephole::Http1Reply", "the server closed the connection"));
}

void Http1Reply::complete(bool reusable)
{
    if (m_finished)
        return;
    m_finished = true;
    QTcpSocket *socket = m_socket;
    detach();
    if (socket) {
        if (reusable && !m_closeAfter && socket->state() == QAbstractSocket::ConnectedState &&
            socket->bytesToWrite() == 0) {
            m_pool->give(m_key, socket);
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    Q_EMIT finished();
}

void Http1Reply::fail(QNetworkReply::NetworkError error, const QString &message)
{
    if (m_finished)
        return;
    m_error = error;
    m_errorString = message;
    m_finished = true;
    if (QTcpSocket *socket = m_socket) {
        detach();
        socket->abort();
        socket->deleteLater();
    }
    Q_EMIT finished();
}

void Http1Reply::abort()
{
    fail(QNetworkReply::OperationCanceledError,
         QCoreApplication::translate("Peephole::Http1Reply", "Operation canceled"));
}

QByteArray Http1Reply::read(qint64 maxSize)
{
    if (maxSize >= m_body.size())
        return std::exchange(m_body, {});
    const QByteArray out = m_body.left(maxSize);
    m_body.remove(0, maxSize);
    return out;
}

} // namespace Peephole
