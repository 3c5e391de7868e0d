#pragma once

#include "http/headers.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace Peephole {

/// What AWS Signature Version 4 needs besides the request. Secrets live in
/// memory only (the CLI and the composer read them from the keychain).
struct SigV4Params
{
    QString accessKey;
    QString secretKey;
    QString sessionToken; ///< Temporary credentials (STS): sent as X-Amz-Security-Token.
    QString region;
    QString service;
    /// curl's --aws-sigv4 "provider1:provider2": "aws" makes AWS4-HMAC-SHA256, aws4_request and the
    /// "AWS4" key prefix; "amz" makes X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256.
    QByteArray provider1 = "aws";
    QByteArray provider2 = "amz";
    QDateTime time; ///< Signing time (UTC); invalid: now.
    /// Collapse "." / ".." and repeated slashes and encode the path once more (every service
    /// but S3, as the AWS SDKs do). Default: on unless the service is "s3".
    enum class PathMode { Auto, Normalize, AsIs };
    PathMode pathMode = PathMode::Auto;

    bool normalizePath() const
    {
        return pathMode == PathMode::Normalize ||
               (pathMode == PathMode::Auto && service.compare(u"s3", Qt::CaseInsensitive) != 0);
    }
};

/// The request as SigV4 sees it.
struct SigV4Input
{
    QByteArray method;
    QByteArray path;        ///< Percent-encoded path as it goes on the wire ("/a%20b").
    QByteArray query;       ///< Percent-encoded query without '?'.
    HeaderList headers;     ///< The fields to sign, Host and the date field included.
    QByteArray payloadHash; ///< Lower-case hex SHA-256 of the body, or "UNSIGNED-PAYLOAD".
};

/// Everything computed, for the Auth tab; signature and authorization are what is sent.
struct SigV4Result
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray credentialScope; ///< 20150830/us-east-1/service/aws4_request
    QByteArray signedHeaders;   ///< host;x-amz-date
    QByteArray signature;
    QByteArray authorization; ///< The Authorization value.
    QString error;
    bool ok() const { return error.isEmpty(); }
};

/// AWS Signature Version 4 (headers and presigned URLs) on QCryptographicHash and
/// QMessageAuthenticationCode.
class SigV4
{
    Q_DECLARE_TR_FUNCTIONS(SigV4)
public:
    static constexpr char UnsignedPayload[] = "UNSIGNED-PAYLOAD";

    /// Parses curl's "provider1[:provider2[:region[:service]]]". Missing region and service are taken
    /// from a host like "service.region.amazonaws.com" (as curl does); false with @p error otherwise.
    static bool parseProviders(const QString &spec, const QString &host, SigV4Params *params, QString *error);

    static SigV4Result sign(const SigV4Input &input, const SigV4Params &params);

    /// The URL with X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders (host),
    /// -Security-Token and -Signature added (payload UNSIGNED-PAYLOAD). @p host is the Host field.
    static QUrl presign(const QByteArray &method, const QUrl &url, const QByteArray &host, int expiresSeconds,
                        const SigV4Params &params, SigV4Result *result = nullptr);

    /// "20150830T123600Z".
    static QByteArray formatTime(const QDateTime &time);
    /// Reads "20150830T123600Z" (and an HTTP date, as some clients send in X-Amz-Date).
    static QDateTime parseTime(const QByteArray &text);

    /// "x-amz-date" for provider2 "amz".
    static QByteArray dateHeader(const SigV4Params &params);
    static QByteArray tokenHeader(const SigV4Params &params);
    static QByteArray contentShaHeader(const SigV4Params &params);

    // The steps, exposed for the test-suite vectors.
    static QByteArray uriEncode(const QByteArray &raw, bool keepSlash);
    static QByteArray canonicalPath(const QByteArray &encodedPath, bool normalize);
    static QByteArray canonicalQuery(const QByteArray &encodedQuery);
    static QByteArray hexSha256(const QByteArray &data);
};

} // namespace Peephole
