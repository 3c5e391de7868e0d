#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>

#include <functional>

namespace Peephole::Redact {

/// The one place that knows what a secret looks like. Every writer (HAR,
/// reports, convert, clipboard, settings, history, autosave) and the terminal
/// printer use it.
///
/// Secret header names (case-insensitive): Authorization, Proxy-Authorization,
/// Cookie, Set-Cookie, X-Api-Key, X-Auth-Token, X-Access-Token, X-Csrf-Token,
/// X-Xsrf-Token, X-Amz-Security-Token, X-Goog-Api-Key, Api-Key, Apikey,
/// X-Vault-Token, Private-Token, X-Gitlab-Token, X-Hub-Signature,
/// X-Hub-Signature-256, X-Signature, X-Upstream-Authorization, and any field
/// whose name contains token, secret, password, api-key/apikey/api_key or session.
///
/// Secret query parameter and form field names (case-insensitive):
/// api_key, apikey, api-key, access_token, refresh_token, id_token, token,
/// auth, auth_token, key, password, passwd, pwd, pass, secret,
/// client_secret, sig, signature, session, sessionid, session_id, code,
/// x-amz-signature, x-amz-security-token, x-amz-credential, jwt, otp,
/// private_token, bearer, code_verifier, device_code, client_assertion,
/// assertion, subject_token (OAuth), plus every name in the environment variable
/// PEEPHOLE_SECRET_PARAMS (comma or space separated) and in addParameterNames().
///
/// JSON body fields are secret when their name is a secret parameter name or
/// looksSecret() holds for it (password, token, secret, api key, credential…).
QStringList secretHeaderNames();
QStringList secretParameterNames();
/// Adds names (e.g. from a setting) to the parameter list for this process.
void addParameterNames(const QStringList &names);
/// Adds header names (an API key's configurable field) to the secret headers for this process.
void addHeaderNames(const QStringList &names);

bool isSecretHeader(QByteArrayView name);
bool isSecretParameter(QStringView name);
/// Broad match for names of variables, JSON fields and custom headers:
/// pass(word), secret, token, api key, auth, credential, private key,
/// session, cookie, bearer, jwt, access key, signature.
bool looksSecret(QStringView name);
/// A JSON body field or form field named like a secret.
bool isSecretField(QStringView name);

/// What a redacted value is replaced with in files.
inline constexpr char Redacted[] = "[redacted]";
/// What a masked value shows on a terminal.
inline constexpr char Mask[] = "****";

/// @p value of header @p name with its secret replaced by @p replacement:
/// the scheme of an Authorization value stays ("Bearer [redacted]"), cookie
/// names and Set-Cookie attributes stay ("a=[redacted]; Path=/").
/// A header that is not secret comes back unchanged.
QByteArray headerValue(QByteArrayView name, const QByteArray &value, QByteArrayView replacement = Redacted);
/// For the terminal: like headerValue() with "****", but Basic shows the
/// user name when it decodes ("Basic alice:****").
QByteArray maskHeaderValue(QByteArrayView name, const QByteArray &value);

/// True when the URL has a password in its userinfo or a secret query parameter.
bool urlHasSecrets(const QUrl &url);
/// The URL with the userinfo password and secret query values replaced
/// (the user name stays). @p replacement is used as is (not percent-encoded).
QUrl url(const QUrl &url, QStringView replacement = QStringLiteral("[redacted]"));
/// url() as the encoded string a user would copy.
QString urlString(const QUrl &url, QStringView replacement = QStringLiteral("[redacted]"));
/// A URL string as typed (may contain {{variables}}): secret parts replaced.
QString urlText(const QString &text, QStringView replacement = QStringLiteral("[redacted]"));

/// urlText() with each secret part replaced by what @p replace returns for it:
/// @p what is "password" for the userinfo password, else the parameter name;
/// @p value is the text as written (percent-encoded). {{variable}} values
/// are left alone.
QString replaceUrlSecrets(const QString &text,
                          const std::function<QString(const QString &what, const QString &value)> &replace);

/// A form-urlencoded body with secret field values replaced.
QByteArray formBody(const QByteArray &body, QByteArrayView replacement = Redacted);
/// A JSON body with the values of secret fields (at any depth) replaced by
/// the string @p replacement. Not JSON: returned unchanged, *changed false.
QByteArray jsonBody(const QByteArray &body, bool *changed = nullptr, QStringView replacement = u"[redacted]");

/// What stands for a secret Peephole kept out of a file it wrote for itself
/// (settings, history, autosave journals): an undefined variable, so that
/// a restored request says what is missing instead of sending a wrong value.
inline constexpr char NotSaved[] = "{{secret_not_saved}}";

/// The text of a .http request (request line, headers, body) with each
/// literal secret replaced by NotSaved: the URL's password and secret query
/// values, values of secret headers (Authorization keeps its scheme), and
/// "name": "value" JSON members and name=value form fields named like
/// secrets. @p leftOut gets a short description of each ("header
/// Authorization", "URL parameter token").
QString requestText(const QString &text, QStringList *leftOut = nullptr);

/// Terminal-safe text: ESC, C0 controls other than tab (and, when
/// @p keepNewlines, CR and LF), DEL and C1 controls (U+0080–U+009F, as
/// UTF-8 or as single bytes) are written as \xHH.
QByteArray escapeControls(QByteArrayView bytes, bool keepNewlines = false);

} // namespace Peephole::Redact
