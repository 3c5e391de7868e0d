#include "httpconnection.h"

#include "servercodec.h"
#include "serverlog.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace Peephole {

Q_LOGGING_CATEGORY(lcServer, "peephole.server", QtInfoMsg)

namespace {
constexpr qint64 HighWater = 1024 * 1024;
constexpr qint64 StreamPiece = 64 * 1024;

bool hasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

bool wantsClose(const ServerRequest &req)
{
    const QByteArray connection = req.header("Connection").toLower();
    if (req.version == "HTTP/1.0")
        return !connection.contains("keep-alive");
    return connection.contains("close");
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, int id, qint64 maxBody, Dispatcher dispatcher,
                               QObject *parent)
    : QObject(parent), m_socket(socket), m_id(id), m_dispatcher(std::move(dispatcher)), m_parser(maxBody)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_resetPending)
            checkReset();
        else
            pump();
    });
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::markClosed);
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

void HttpConnection::setTunnelTls(const QSslConfiguration &config)
{
    m_tunnelTls = config;
}

HttpConnection::~HttpConnection()
{
    m_socket->disconnect(this); // the socket (our child) outlives this body; it must not call back
}

void HttpConnection::markClosed()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    Q_EMIT closed(m_id);
    deleteLater();
}

void HttpConnection::abort()
{
    if (m_socket)
        m_socket->abort();
}

qint64 HttpConnection::pendingBytes() const
{
    qint64 n = m_socket->bytesToWrite();
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        n += ssl->encryptedBytesToWrite();
    return n;
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_parser.feed(m_socket->readAll());
    processBuffered();
}

void HttpConnection::processBuffered()
{
    if (m_busy || m_closing)
        return;
    ServerRequest req;
    const RequestParser::Status status = m_parser.take(req);
    if (status == RequestParser::Status::NeedMore) {
        if (m_parser.headComplete() && !m_continueSent &&
            m_parser.current().header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
            m_continueSent = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"_ba);
        }
        return;
    }
    if (status == RequestParser::Status::Error) {
        qCWarning(lcServer) << "connection" << m_id << "bad request:" << m_parser.errorString();
        startResponse(ScriptedResponse::text(400, m_parser.errorString() + '\n'), false, true);
        return;
    }
    m_continueSent = false;
    req.connectionId = m_id;
    req.sequence = m_sequence++;
    req.peerPort = m_socket->peerPort();
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket); ssl && ssl->isEncrypted()) {
        req.tls = true;
        req.peerCertificate = ssl->peerCertificate();
    }
    ScriptedResponse response;
    m_dispatcher(req, response);
    // A 2xx to CONNECT opens a tunnel: no body, then TLS with the tunnel certificate (if any).
    const bool tunnel = req.method == "CONNECT" && response.status / 100 == 2 && m_tunnelTls;
    m_startTlsAfterResponse = tunnel;
    startResponse(std::move(response), req.method == "HEAD" || tunnel, wantsClose(req) && !tunnel);
}

void HttpConnection::startResponse(ScriptedResponse response, bool headOnly, bool closeAfter)
{
    m_busy = true;
    m_resp = std::move(response);
    m_headOnly = headOnly || hasNoBody(m_resp.status);
    m_closeAfter = closeAfter || m_resp.closeConnection;
    m_offset = 0;
    m_waiting = false;
    if (m_resp.generator) {
        m_body.clear();
        m_length = m_resp.streamLength;
    } else {
        m_body = m_resp.gzip ? ServerCodec::gzip(m_resp.body) : m_resp.body;
        m_length = m_body.size();
    }

    switch (m_resp.failure) {
    case ScriptedResponse::Failure::CloseWithoutResponse:
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    case ScriptedResponse::Failure::SendGarbage:
        m_closing = true;
        m_socket->write(m_resp.garbage);
        m_socket->disconnectFromHost();
        return;
    case ScriptedResponse::Failure::None:
        break;
    }
    if (m_resp.headDelayMs > 0) {
        m_waiting = true;
        QTimer::singleShot(m_resp.headDelayMs, this, [this] {
            m_waiting = false;
            sendHead();
        });
    } else {
        sendHead();
    }
}

void HttpConnection::sendHead()
{
    QByteArray reason = m_resp.reason.isEmpty() ? reasonPhrase(m_resp.status) : m_resp.reason;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(m_resp.status) + ' ' + reason + "\r\n";
    head += Headers::toWire(m_resp.headers);
    if (m_resp.autoHeaders) {
        const HeaderList &h = m_resp.headers;
        if (m_resp.gzip && !m_resp.generator && !Headers::contains(h, "Content-Encoding"))
            head += "Content-Encoding: gzip\r\n";
        if (!hasNoBody(m_resp.status)) {
            if (m_resp.chunked && !Headers::contains(h, "Transfer-Encoding"))
                head += "Transfer-Encoding: chunked\r\n";
            else if (!m_resp.chunked && !Headers::contains(h, "Content-Length") &&
                     !Headers::contains(h, "Transfer-Encoding"))
                head += "Content-Length: " + QByteArray::number(m_length) + "\r\n";
        }
    }
    head += "\r\n";
    m_socket->write(head);
    if (m_headOnly) {
        finishBody();
        return;
    }
    pump();
}

qint64 HttpConnection::pieceSize() const
{
    if (m_resp.chunkSize > 0)
        return m_resp.chunkSize;
    return m_resp.generator ? StreamPiece : qMax<qint64>(m_length, 1);
}

void HttpConnection::pump()
{
    if (!m_busy || m_waiting || m_resetPending || m_closing || !m_socket)
        return;
    const qint64 reset = m_resp.resetAfterBodyBytes;
    const bool willReset = reset >= 0 && reset < m_length;
    const qint64 end = willReset ? reset : m_length;
    while (pendingBytes() < HighWater) {
        if (m_offset >= end) {
            if (willReset)
                startReset();
            else
                finishBody();
            return;
        }
        const qint64 natural = qMin(pieceSize(), m_length - m_offset);
        QByteArray piece;
        if (m_resp.generator) {
            piece = m_resp.generator(m_offset, natural);
            if (piece.isEmpty() || piece.size() > natural) {
                qCWarning(lcServer) << "body generator returned" << piece.size() << "bytes at offset"
                                    << m_offset << "(expected 1 to" << natural
                                    << "); aborting the connection";
                m_socket->abort();
                return;
            }
        } else {
            piece = m_body.mid(m_offset, natural);
        }
        const qint64 declared = piece.size();
        if (m_offset + piece.size() > end)
            piece.truncate(end - m_offset);
        if (m_resp.chunked)
            m_socket->write(QByteArray::number(declared, 16) + "\r\n");
        m_socket->write(piece);
        m_offset += piece.size();
        if (m_resp.chunked && piece.size() == declared)
            m_socket->write("\r\n"_ba);
        if (m_resp.chunkDelayMs > 0 && m_resp.chunkSize > 0 && m_offset < end) {
            m_waiting = true;
            QTimer::singleShot(m_resp.chunkDelayMs, this, [this] {
                m_waiting = false;
                pump();
            });
            return;
        }
    }
}

void HttpConnection::finishBody()
{
    if (m_resp.chunked && !m_headOnly)
        m_socket->write("0\r\n" + Headers::toWire(m_resp.trailers) + "\r\n");
    m_busy = false;
    m_resp = ScriptedResponse{};
    m_body.clear();
    if (std::exchange(m_startTlsAfterResponse, false)) {
        auto *ssl = qobject_cast<QSslSocket *>(m_socket);
        if (!ssl || ssl->isEncrypted()) {
            qCWarning(lcServer) << "connection" << m_id << "cannot start TLS inside this CONNECT tunnel";
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        ssl->setSslConfiguration(*m_tunnelTls);
        ssl->startServerEncryption();
        return;
    }
    if (m_closeAfter) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    if (m_parser.hasBufferedData())
        processBuffered();
}

void HttpConnection::startReset()
{
    m_resetPending = true;
    if (!m_resp.resetWithRst) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    checkReset();
}

void HttpConnection::checkReset()
{
    if (m_resetScheduled || pendingBytes() > 0)
        return;
    m_resetScheduled = true;
    // Give the kernel a moment to hand the bytes written so far to the peer before the RST.
    QTimer::singleShot(30, this, [this] {
        if (!m_socket)
            return;
#ifdef Q_OS_UNIX
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0) {
            struct linger lg = {1, 0};
            ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        }
#endif
        m_closing = true;
        m_socket->abort();
        markClosed();
    });
}

} // namespace Peephole
