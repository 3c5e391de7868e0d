#pragma once

#include "requestparser.h"
#include "servermessage.h"

#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <optional>

class QTcpSocket;

namespace Peephole {

/// Serves one accepted connection of HttpServer: parses requests (keep-alive,
/// pipelining, Expect: 100-continue), asks the dispatcher for each response
/// and writes it as scripted (delays, chunks, gzip, resets, garbage...).
/// Internal to HttpServer; deletes itself when the socket closes.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    /// Called once per complete request; fills the response to send.
    using Dispatcher = std::function<void(ServerRequest &request, ScriptedResponse &response)>;

    HttpConnection(QTcpSocket *socket, int id, qint64 maxBody, Dispatcher dispatcher, QObject *parent);
    ~HttpConnection() override;

    int id() const { return m_id; }
    /// After a 2xx answer to CONNECT, switch the connection to TLS with @p config (the socket must
    /// be a QSslSocket that is not encrypted yet).
    void setTunnelTls(const QSslConfiguration &config);
    /// Closes the connection now (server shutdown).
    void abort();

Q_SIGNALS:
    void closed(int connectionId);

private:
    void onReadyRead();
    void processBuffered();
    void startResponse(ScriptedResponse response, bool headOnly, bool closeAfter);
    void sendHead();
    void pump();
    void finishBody();
    void startReset();
    void checkReset();
    void markClosed();
    qint64 pendingBytes() const;
    qint64 pieceSize() const;

    QTcpSocket *m_socket; // child of this connection
    int m_id;
    Dispatcher m_dispatcher;
    RequestParser m_parser;
    int m_sequence = 0;
    bool m_continueSent = false;
    std::optional<QSslConfiguration> m_tunnelTls;
    bool m_startTlsAfterResponse = false;

    // The response being written
    bool m_busy = false;
    ScriptedResponse m_resp;
    QByteArray m_body; ///< Prepared (maybe gzipped) body when not generated.
    qint64 m_length = 0;
    qint64 m_offset = 0;
    bool m_headOnly = false;
    bool m_closeAfter = false;
    bool m_waiting = false;
    bool m_resetPending = false;
    bool m_resetScheduled = false;
    bool m_closing = false;
    bool m_closedEmitted = false;
};

} // namespace Peephole
