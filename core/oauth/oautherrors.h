#pragma once

#include <QString>

namespace Peephole::OAuthErrors {

/// RFC 6749 §5.2 (and RFC 8628 §3.5) token endpoint errors as a plain sentence
/// saying what to check. @p description and @p uri are the server's own words, quoted.
QString tokenError(const QString &error, const QString &description, const QString &uri);

/// Errors that arrive at the redirect URI (RFC 6749 §4.1.2.1: access_denied, ...).
QString authorizationError(const QString &error, const QString &description, const QString &uri);

} // namespace Peephole::OAuthErrors
