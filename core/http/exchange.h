#pragma once

#include "auth/authrecord.h"
#include "http/bodystore.h"
#include "http/cowvalue.h"
#include "http/headers.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkCookie>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Peephole {

/// Points in time of one exchange, in nanoseconds on a monotonic clock
/// (Peephole::monotonicNs()). -1: the phase did not happen or is unknown
/// (a reused connection has no connect phase).
struct Timings
{
    qint64 startNs = -1;        ///< The request was handed to the network stack.
    qint64 connectStartNs = -1; ///< A new connection was started.
    qint64 tlsDoneNs = -1;      ///< The TLS handshake completed.
    qint64 requestSentNs = -1;  ///< The request was written.
    qint64 headersNs = -1;      ///< The response head arrived.
    qint64 finishedNs = -1;     ///< The response body ended (or the exchange failed).

    qint64 totalNs() const { return finishedNs >= 0 && startNs >= 0 ? finishedNs - startNs : -1; }
};

struct TlsInfo
{
    bool used = false;
    QString protocol;             ///< "TLS 1.3"
    QString cipher;               ///< "TLS_AES_256_GCM_SHA384"
    QList<QSslCertificate> chain; ///< Peer certificate chain, leaf first.
    QStringList errors;           ///< Verification errors, in words.
    bool verificationDisabled = false;
};

/// Why an exchange failed. Kind values map to distinct CLI exit codes.
struct ExchangeError
{
    enum class Kind {
        None,
        ConnectionRefused,
        HostNotFound,
        Timeout,
        Tls,
        ConnectionReset, ///< Closed or reset by the peer, e.g. in the middle of the body.
        MalformedResponse,
        Proxy,
        TooManyRedirects,
        RedirectLoop,
        Cancelled,
        RequestBody, ///< The body could not be read (file missing...).
        Output,      ///< The response body could not be written.
        Other,
        BodyTooLarge, ///< The decoded body passed --max-decoded-size or the decompression-bomb guard.
    };
    Kind kind = Kind::None;
    QString message; ///< Specific, in words: what, where, what to do.

    bool isError() const { return kind != Kind::None; }
};

/// Why this exchange exists in its chain.
enum class HopReason { Initial, Redirect, AuthRetry, ProxyAuthRetry };

/// The record of one request/response pair as it crossed the wire. Plain
/// value; the log owns them and hands out copies or const references.
struct Exchange
{
    quint64 id = 0;
    quint64 chainId = 0;    ///< Shared by every hop of one send (redirects, auth retries).
    quint64 previousId = 0; ///< The hop this one follows, 0 for the first.
    int hop = 0;            ///< 0-based position in the chain.
    HopReason reason = HopReason::Initial;
    QDateTime startedAt; ///< Wall clock, for display and HAR.
    QString group;       ///< Set by the runner: the run this exchange belongs to.

    // The request, as sent.
    QByteArray method;
    QUrl url;
    QByteArray httpVersion;    ///< "HTTP/1.1", "HTTP/2"; known once the response arrives.
    HeaderList requestHeaders; ///< Those the user set plus those the stack adds where known.
    std::shared_ptr<BodyStore> requestBody;
    CowValue<QStringList> notes; ///< E.g. "Authorization dropped: redirect to another origin".

    // The response, as received.
    int statusCode = 0;    ///< 0: no response.
    bool finished = false; ///< The response ended (or the exchange failed); next to statusCode: no padding.
    QByteArray reasonPhrase;
    HeaderList responseHeaders; ///< Wire order and case.
    std::shared_ptr<BodyStore> responseBody;
    qint64 wireBodySize = -1; ///< Bytes of body on the wire (before decoding), -1 unknown.
    qint64 decodedBodySize = 0;
    qint64 wireHeaderSize = 0; ///< Bytes of the response head (estimated from the fields).

    // Rarely set: one pointer each while empty (read *e.cookiesSent, write e.cookiesSent.edit()).
    CowValue<QList<QNetworkCookie>> cookiesSent;
    CowValue<QList<QNetworkCookie>> cookiesSet;

    Timings timings;
    /// Unset (one pointer) for plain HTTP; read e.tls->used, write e.tls.edit().used.
    CowValue<TlsInfo> tls;
    ExchangeError error;
    /// Unset unless authentication was involved; read e.auth->..., write e.auth.edit()....
    CowValue<AuthRecord> auth;

    bool isAuthChallenge() const { return statusCode == 401 || statusCode == 407; }
    bool isRedirect() const
    {
        return statusCode == 301 || statusCode == 302 || statusCode == 303 || statusCode == 307 ||
               statusCode == 308;
    }
    QByteArray mimeType() const; ///< Response Content-Type without parameters, lower-case.
    /// The request target as sent: path and query ("/" when the URL has no path).
    QByteArray requestTarget() const;
    /// The version on the request line: "HTTP/2" when the exchange used it, else "HTTP/1.1"
    /// (httpVersion is the response's, which may be "HTTP/1.0").
    QByteArray requestVersion() const
    {
        return httpVersion == "HTTP/2" ? QByteArray("HTTP/2") : QByteArray("HTTP/1.1");
    }
};

/// Path and query of @p url as on a request line ("/" when it has no path).
QByteArray requestTargetOf(const QUrl &url);
/// @p url with "." and ".." path segments resolved (RFC 3986 §5.2.4), as browsers and curl send it;
/// empty segments ("//") are kept.
QUrl withoutDotSegments(const QUrl &url);

/// Nanoseconds on the process-wide monotonic clock that Timings use.
qint64 monotonicNs();
/// The wall-clock time that corresponds to a monotonic instant.
QDateTime wallClockAt(qint64 monotonicNs);

} // namespace Peephole
