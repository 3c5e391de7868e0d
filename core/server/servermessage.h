#pragma once

#include "http/headers.h"

#include <QByteArray>
#include <QSslCertificate>

#include <functional>

namespace Peephole {

/// One request as the in-process test server received it. Everything is kept
/// byte for byte so tests can assert on exactly what a client sent.
struct ServerRequest
{
    QByteArray method; ///< As on the request line ("GET", "PROPFIND", ...).
    QByteArray
        target; ///< Request target exactly as sent: origin-form "/a?b" or absolute-form "http://h:1/a".
    QByteArray version;  ///< "HTTP/1.1" or "HTTP/1.0".
    QByteArray rawHead;  ///< Request line, header lines and the empty line, exactly as received.
    HeaderList headers;  ///< Header fields as received: name case, order and duplicates kept; values trimmed.
    QByteArray body;     ///< Body with chunked framing removed, up to HttpServer::maxRecordedBodySize().
    qint64 bodySize = 0; ///< Real body length, also when body was cut at the recording limit.
    bool chunked = false;      ///< The body came with Transfer-Encoding: chunked.
    HeaderList trailers;       ///< Trailer fields of a chunked body.
    QByteArray path;           ///< Path of the target (also for absolute-form), without the query.
    QByteArray query;          ///< What follows '?' (without it); empty when there is none.
    bool absoluteForm = false; ///< The target was an absolute URL (a client talking to a proxy).
    bool tls = false;          ///< Received over TLS.
    int connectionId = 0;      ///< Equal for requests that came over the same connection.
    int sequence = 0;          ///< 0 for the first request on its connection, 1 for the next...
    quint16 peerPort = 0;      ///< The client's source port.
    QSslCertificate peerCertificate =
        QSslCertificate(); ///< The client certificate, when one was presented over TLS.

    /// First value of header @p name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const { return Headers::value(headers, name); }
};

/// A response to send, described declaratively. Default: "200 OK" with the
/// body and a Content-Length. Header fields are sent exactly as listed (case,
/// order, duplicates); the server only appends framing fields that are missing
/// when autoHeaders is on.
struct ScriptedResponse
{
    /// Ways to misbehave instead of answering properly.
    enum class Failure {
        None,
        CloseWithoutResponse, ///< Close the connection without sending a byte.
        SendGarbage,          ///< Send the garbage bytes (a malformed response), then close.
    };

    int status = 200;
    QByteArray reason;  ///< Reason phrase; empty: the standard one for status ("" for unknown codes).
    HeaderList headers; ///< Sent as listed. Disabled fields are skipped.
    QByteArray body;    ///< Ignored when generator is set.

    /// Append Content-Length (or Transfer-Encoding: chunked) and Content-Encoding: gzip when the
    /// list lacks them. Turn off to send exactly the listed fields (and frame the body yourself).
    bool autoHeaders = true;
    bool chunked = false; ///< Send the body with chunked transfer coding.
    qint64 chunkSize = 0; ///< Bytes per chunk (or per write when not chunked); 0: the whole body at once.
    HeaderList trailers;  ///< Trailer fields after the last chunk (chunked only).
    bool gzip = false;    ///< Gzip the body before sending (not for generated bodies).
    int headDelayMs = 0;  ///< Wait this long before sending the status line.
    int chunkDelayMs = 0; ///< Wait this long between chunks/pieces (needs chunkSize > 0).

    /// Stop after this many body bytes (after gzip, without chunk framing) and kill the connection:
    /// a TCP reset (RST) when resetWithRst, else an orderly close (FIN). -1: never.
    qint64 resetAfterBodyBytes = -1;
    bool resetWithRst = true;

    Failure failure = Failure::None;
    QByteArray garbage = QByteArrayLiteral("THIS IS NOT HTTP\r\n\r\n"); ///< Sent for Failure::SendGarbage.
    bool closeConnection = false; ///< Close the connection after this response (keep-alive otherwise).

    /// Generated body: when set, streamLength bytes are produced by calling generator(offset, maxLen)
    /// as the socket drains, so huge bodies are never held in memory. It must return 1..maxLen bytes.
    std::function<QByteArray(qint64 offset, qint64 maxLen)> generator;
    qint64 streamLength = 0;

    /// Convenience: a response with @p status, one Content-Type field and @p body.
    static ScriptedResponse
    text(int status, const QByteArray &body,
         const QByteArray &contentType = QByteArrayLiteral("text/plain; charset=utf-8"));
};

/// Fills @p response for @p request. Runs on the server's thread; must not block.
using RouteHandler = std::function<void(const ServerRequest &request, ScriptedResponse &response)>;

/// Standard reason phrase for @p status ("Not Found"), or an empty array.
QByteArray reasonPhrase(int status);

} // namespace Peephole
