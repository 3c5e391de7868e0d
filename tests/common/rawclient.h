#pragma once

#include "http/headers.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <memory>
#include <optional>

namespace Peephole::Test {

/// One response as read off the wire by RawClient.
struct RawResponse
{
    QByteArray raw;     ///< Every byte of this response (head and framed body).
    QByteArray head;    ///< Status line + header lines + empty line, exactly as received.
    QByteArray version; ///< "HTTP/1.1"
    int status = 0;
    QByteArray reason;
    HeaderList headers; ///< In received order and case.
    QByteArray rawBody; ///< The body bytes as framed on the wire (chunk sizes included).
    QByteArray body;    ///< The body with chunked framing removed (still gzip-encoded if it was).
    HeaderList trailers;
    bool complete = false; ///< False when the connection ended before the framing said the body ended.

    QByteArray header(QByteArrayView name) const { return Headers::value(headers, name); }
};

/// A byte-level HTTP/1.1 client for tests: sends exactly the bytes given and
/// reads responses without interpreting more than the framing. Waits spin the
/// event loop (QTest::qWaitFor) so an HttpServer in the same thread keeps working.
class RawClient
{
public:
    RawClient();
    ~RawClient();

    /// Plain TCP connection to 127.0.0.1:@p port.
    bool connectTo(quint16 port, int timeoutMs = 10000);
    /// TLS connection to 127.0.0.1:@p port trusting only @p caCertificates (verifying the name
    /// "localhost"); optionally presenting a client certificate.
    bool connectTls(quint16 port, const QList<QSslCertificate> &caCertificates,
                    const QSslCertificate &clientCert = QSslCertificate(),
                    const QSslKey &clientKey = QSslKey(), int timeoutMs = 10000);
    void send(const QByteArray &bytes);
    /// Sends "METHOD target HTTP/1.1", Host: 127.0.0.1, @p headers, a Content-Length when @p body is
    /// not empty, and @p body; returns the response (a default RawResponse, status 0, on timeout).
    RawResponse exchange(const QByteArray &method, const QByteArray &target, const HeaderList &headers = {},
                         const QByteArray &body = {}, int timeoutMs = 10000);
    /// Reads one response; a response to HEAD needs @p headRequest (no body follows).
    std::optional<RawResponse> readResponse(int timeoutMs = 10000, bool headRequest = false);
    /// Reads until the server closes (or @p timeoutMs); returns everything not yet consumed.
    QByteArray readUntilClosed(int timeoutMs = 10000);
    /// Waits until at least @p count unconsumed bytes arrived.
    bool waitForBytes(qsizetype count, int timeoutMs = 10000);
    /// Bytes received and not yet consumed by readResponse().
    QByteArray buffered() const { return m_buffer; }
    bool isClosed() const { return m_closed; }
    /// The error that ended the connection (RemoteHostClosedError, ...).
    QAbstractSocket::SocketError socketError() const { return m_error; }
    QSslSocket *socket() const { return m_socket.get(); }
    QList<QSslError> sslErrors() const { return m_sslErrors; }

private:
    enum class Parse { NeedMore, Done, Bad };
    Parse tryParse(RawResponse &out, bool headRequest, bool atEof);
    void pull();

    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
    QAbstractSocket::SocketError m_error = QAbstractSocket::UnknownSocketError;
    QList<QSslError> m_sslErrors;
};

} // namespace Peephole::Test
