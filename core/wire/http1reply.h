#pragma once

#include "http/bodystore.h"
#include "http/hopreply.h"
#include "wire/responseparser.h"

#include <QAbstractSocket>
#include <QUrl>

#include <memory>

class QTcpSocket;

namespace Peephole {

class ConnectionPool;

/// One plain-http hop carried by Peephole's own HTTP/1.1 client: the request
/// is written exactly as recorded, on a kept-alive connection from the pool
/// when one is idle; the response head is kept exactly as received. A
/// reused connection that the server had closed is replaced once, as
/// browsers do, when nothing of the response had arrived.
class Http1Reply : public HopReply
{
    Q_OBJECT
public:
    Http1Reply(ConnectionPool *pool, const QByteArray &method, const QUrl &url, const HeaderList &headers,
               std::shared_ptr<BodyStore> body, QObject *parent);
    ~Http1Reply() override;

    void start() override;
    void abort() override;
    int statusCode() const override { return m_parser.statusCode(); }
    QByteArray reasonPhrase() const override { return m_parser.reasonPhrase(); }
    QByteArray httpVersion() const override { return m_parser.version(); }
    HeaderList responseHeaders() const override { return m_parser.headers(); }
    qint64 headSize() const override { return m_parser.headSize(); }
    qint64 bytesAvailable() const override { return m_body.size(); }
    QByteArray read(qint64 maxSize) override;
    QNetworkReply::NetworkError error() const override { return m_error; }
    QString errorString() const override { return m_errorString; }

    /// True when this hop went out on a connection an earlier hop had opened.
    bool reusedConnection() const { return m_reused; }

private:
    void openConnection();
    void attach(QTcpSocket *socket);
    void detach();
    void writeRequest();
    void writeMoreBody();
    void onBytesWritten();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void complete(bool reusable);
    void fail(QNetworkReply::NetworkError error, const QString &message);

    ConnectionPool *m_pool;
    QByteArray m_method;
    QUrl m_url;
    QString m_key;
    QByteArray m_head;
    std::shared_ptr<BodyStore> m_requestBody;
    qint64 m_bodyWritten = 0;

    QTcpSocket *m_socket = nullptr;
    ResponseParser m_parser;
    QByteArray m_body;         ///< Received body bytes not read yet.
    bool m_closeAfter = false; ///< The request said "Connection: close".
    bool m_reused = false;
    bool m_retried = false;
    bool m_receivedAny = false;
    bool m_sent = false;
    bool m_headEmitted = false;
    bool m_finished = false;
    QNetworkReply::NetworkError m_error = QNetworkReply::NoError;
    QString m_errorString;
};

} // namespace Peephole
