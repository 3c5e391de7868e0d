#pragma once

#include <QString>

namespace Peephole {

/// What the user chose for authenticating one request. Plain value; secrets
/// in here live in memory only and are never serialised by the core (the
/// collection layer stores a reference and fetches the secret from the
/// keychain at send time).
struct AuthSettings
{
    enum class Scheme {
        None, ///< Do not answer challenges automatically (but still ask the provider).
        Any,  ///< Answer with the strongest scheme offered that we have credentials for.
        Basic,
        Digest,
        Bearer,
        Ntlm,     ///< NTLMv2 (401 or, for the proxy side, 407).
        AwsSigV4, ///< Sign every request (AWS Signature Version 4): user = access key, password = secret.
        ApiKey,   ///< Send apiKey as header or query parameter apiKeyName.
    };
    enum class AwsPayload {
        Auto,     ///< Hash the body; X-Amz-Content-Sha256 sent for service s3 (as the AWS SDKs do).
        Hash,     ///< Hash the body and always send X-Amz-Content-Sha256.
        Unsigned, ///< X-Amz-Content-Sha256: UNSIGNED-PAYLOAD.
    };
    enum class ApiKeyIn { Header, Query };
    enum class BasicCharset {
        Utf8,   ///< Default (RFC 7617 recommends UTF-8; used whatever the challenge says).
        Latin1, ///< Per-request opt-in for legacy servers, unless the challenge says charset="UTF-8".
    };

    Scheme scheme = Scheme::Any;
    QString user;
    QString password;
    QString token; ///< Bearer token.
    BasicCharset basicCharset = BasicCharset::Utf8;
    bool preemptive =
        false; ///< Send credentials on the first request (Basic/Bearer, or Digest with a known nonce).
    bool saveToKeychain = false; ///< Store credentials that succeeded in the OS keychain.
    /// Use the credential stored in the keychain for user (password and token stay empty here).
    bool fromKeychain = false;

    /// Send these credentials to another origin a redirect leads to (curl's --location-trusted). Off:
    /// they go only to the scheme, host and port of the URL the user typed.
    bool locationTrusted = false;

    // AWS Signature V4 (Scheme::AwsSigV4).
    QString awsSigV4;        ///< curl's provider1[:provider2[:region[:service]]], e.g. "aws:amz:us-east-1:s3".
    QString awsSessionToken; ///< Temporary credentials: X-Amz-Security-Token.
    AwsPayload awsPayload = AwsPayload::Auto;
    int awsPresignSeconds = 0; ///< > 0: a presigned URL valid that long instead of an Authorization header.

    // API key (Scheme::ApiKey).
    QString apiKeyName; ///< Header or query parameter name, e.g. "X-Api-Key" or "api_key".
    QString apiKey;
    ApiKeyIn apiKeyIn = ApiKeyIn::Header;

    // Proxy credentials (answered on 407 through Proxy-Authorization), only to a configured proxy.
    QString proxyUser;
    QString proxyPassword;

    bool hasUserCredentials() const { return !user.isEmpty() || !password.isEmpty(); }
    bool hasToken() const { return !token.isEmpty(); }
};

} // namespace Peephole
