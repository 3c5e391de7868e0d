#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>
#include <QUrl>

namespace Peephole::Redaction {

/// The one list of what Peephole treats as a secret, used by every writer
/// (HAR, reports, terminal output). docs/SECURITY.md documents it.
///
/// Header fields: Authorization, Proxy-Authorization, Cookie, Set-Cookie,
/// and any field whose name contains "token", "secret", "password",
/// "api-key"/"apikey"/"api_key" or "session" (X-Api-Key, X-Auth-Token...).
bool isSecretHeader(QByteArrayView name);

/// Query parameters that carry credentials (case-insensitive): api_key, apikey,
/// access_token, refresh_token, id_token, token, key, password, passwd, pwd,
/// secret, client_secret, sig, signature, auth, session, sessionid,
/// x-amz-signature, x-amz-credential, x-amz-security-token, plus the names
/// in the environment variable PEEPHOLE_SECRET_PARAMS (comma-separated).
bool isSecretQueryParam(QByteArrayView name);
/// The built-in list (for documentation and --help).
QStringList secretQueryParams();

/// @p value of header @p name with its secret part replaced by @p mask: the scheme of an
/// Authorization value and cookie names and attributes are kept ("Basic ****",
/// "sid=****; Path=/"). Values of other fields are returned unchanged.
QByteArray redactHeaderValue(QByteArrayView name, const QByteArray &value, QByteArrayView mask);

/// The same for a terminal: a Basic credential keeps its user name when it decodes
/// ("Basic alice:****"), a Digest answer its username parameter.
QByteArray maskHeaderValue(QByteArrayView name, const QByteArray &value);

/// @p url with the password of its user info and the values of secret query
/// parameters replaced by @p mask (the names stay). Nothing else changes.
QUrl redactUrl(const QUrl &url, const QString &mask);
/// The same on a raw request target or query ("/p?api_key=x&a=1").
QByteArray redactTarget(const QByteArray &target, QByteArrayView mask);

/// Bytes safe to print on a terminal: ESC and the other C0 controls except tab (and, when
/// @p keepNewlines, CR and LF), DEL, the C1 controls (U+0080..U+009F in UTF-8, or as lone bytes)
/// and bytes that are not UTF-8 are written as \xNN. Printable UTF-8 passes unchanged.
QByteArray escapeForTerminal(QByteArrayView bytes, bool keepNewlines = false);

} // namespace Peephole::Redaction
