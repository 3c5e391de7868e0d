#pragma once

#include "auth/authsettings.h"
#include "http/headers.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace Peephole {

/// One part of a multipart/form-data body: a plain field, or a file streamed from disk.
struct MultipartPart
{
    QByteArray name;
    QByteArray value;       ///< Used when filePath is empty.
    QString filePath;       ///< A file to stream as the part's content.
    QByteArray fileName;    ///< filename= parameter; defaults to the file's name.
    QByteArray contentType; ///< Content-Type of the part; empty: none for fields, guessed for files.

    friend bool operator==(const MultipartPart &, const MultipartPart &) = default;
};

/// The body of a request. Exactly one representation is used, chosen by kind.
struct RequestBody
{
    enum class Kind { None, Raw, File, FormUrlEncoded, Multipart };

    Kind kind = Kind::None;
    QByteArray raw;                            ///< Kind::Raw
    QString filePath;                          ///< Kind::File: streamed from disk, never loaded whole
    QList<QPair<QByteArray, QByteArray>> form; ///< Kind::FormUrlEncoded: unencoded name/value pairs, in order
    QList<MultipartPart> parts;                ///< Kind::Multipart
    QByteArray contentType; ///< Content-Type to send when the user set none in the headers (Raw/File).

    bool isEmpty() const { return kind == Kind::None; }
    friend bool operator==(const RequestBody &, const RequestBody &) = default;
};

/// How a request is sent.
struct RequestOptions
{
    /// Total deadline for the whole exchange, redirects and auth legs included (curl's
    /// --max-time); time spent waiting for the user to type credentials does not count. 0 = none.
    int timeoutMs = 0;
    bool followRedirects = true;
    int maxRedirects = 10;
    bool http2Allowed = true;       ///< Negotiate h2 over TLS (ALPN).
    bool h2cPriorKnowledge = false; ///< Cleartext HTTP/2 with prior knowledge.
    bool verifyTls = true;
    /// Send the session's cookies and keep the cookies the response sets (httpyac's
    /// "# @no-cookie-jar" turns both off for one request).
    bool useCookieJar = true;
    QString caFile;               ///< Extra CA certificates (PEM) trusted for this request.
    QString clientCertFile;       ///< PEM or PKCS#12 (.p12/.pfx) client certificate.
    QString clientKeyFile;        ///< PEM key when the certificate file holds none.
    QString clientCertPassphrase; ///< Memory only.
    QUrl proxy;                   ///< http://[user@]host:port or socks5://host:port; empty: none.
    int connectTimeoutMs = 0;     ///< Until the request is on the wire (DNS, TCP, TLS); 0 = none.
    int idleTimeoutMs = 30000;    ///< No progress in either direction this long ends the hop; 0 = none.
    /// Cap on a decoded (gzip, deflate, br, zstd) body; 0 = the default: 1 GiB, and a body that
    /// grows past 64 MiB at more than 1000× its encoded size is stopped as a decompression bomb.
    qint64 maxDecodedSize = 0;

    friend bool operator==(const RequestOptions &, const RequestOptions &) = default;
};

/// A request as the user described it: a plain value, free of Qt network
/// objects, that the CLI, the composer, the collection and the runner share.
struct RequestSpec
{
    QByteArray method = "GET"; ///< Any token, custom ones included.
    QUrl url;
    /// The URL exactly as typed, when it holds unresolved {{variables}} (which
    /// a QUrl cannot carry: "https://{{host}}/x" is not a valid URL). Empty
    /// when @c url is the whole truth. Variables::resolveRequest() turns it
    /// into @c url.
    QString urlTemplate;
    HeaderList headers; ///< As typed: order, case and duplicates kept.
    RequestBody body;
    RequestOptions options;
    AuthSettings auth;
    QString name; ///< Optional display name (from a collection).
};

} // namespace Peephole
