#pragma once

// Internal to the .http parser and writer.

#include "formats/httpfile.h"
#include "http/requestspec.h"

#include <QStringList>

#include <optional>

namespace Peephole::HttpFileDetail {

/// The boundary parameter of a multipart/form-data Content-Type, or empty.
QByteArray multipartBoundary(const QByteArray &contentType);
/// The parts of a JetBrains-style multipart body ("--boundary" lines, part
/// headers, a blank line, then the content or "< ./file"). std::nullopt
/// when the text does not follow that layout.
std::optional<QList<MultipartPart>> parseMultipart(const QStringList &lines, const QByteArray &boundary);
/// The JetBrains-style text of @p parts ("\n" line ends, files as "< path").
QByteArray writeMultipart(const QList<MultipartPart> &parts, const QByteArray &boundary);

/// The AuthReference of an "@peephole-auth" directive's text (after the
/// keyword); std::nullopt and @p error when it is malformed or holds a secret.
std::optional<AuthReference> parseAuthDirective(const QString &text, QString *error);

/// "user=U secret={{var}}" of "# @peephole-proxy-auth" for @p auth's proxy credentials (a literal
/// password is left out).
QString proxyAuthDirective(const AuthSettings &auth);
/// Reads "# @peephole-proxy-auth" into @p auth (proxyUser, proxyPassword as "{{var}}"); false and
/// @p error when malformed or when it holds a literal secret.
bool parseProxyAuthDirective(const QString &text, AuthSettings *auth, QString *error);
/// The script of the handler @p lines (as written: "> {%", code lines, "%}" or one
/// "> ./file.js" / "< ./file.js" line) that starts at line @p line (httpfilescripts.cpp).
HttpFileScript script(const QStringList &lines, int line, HttpFileScript::Phase phase);

} // namespace Peephole::HttpFileDetail
