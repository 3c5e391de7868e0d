#pragma once

#include "auth/authsettings.h"
#include "formats/importreport.h"
#include "http/requestspec.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Peephole {

/// How a request of a .http file authenticates, without the secret itself:
/// the scheme, the user, and where the secret lives.
///
///     # @peephole-auth digest user=alice secret=keychain
///     # @peephole-auth bearer secret={{token}}
///     # @peephole-auth basic user="Jane Doe" secret={{password}} preemptive
struct AuthReference
{
    enum class SecretSource {
        None,     ///< No secret (or none needed).
        Variable, ///< A {{variable}} (environment, private env file...).
        Keychain, ///< The OS keychain, looked up by the GUI at send time.
    };

    bool isSet = false;
    AuthSettings::Scheme scheme = AuthSettings::Scheme::Any;
    QString user;
    SecretSource source = SecretSource::None;
    QString variable; ///< The variable name when source is Variable (without braces).
    bool preemptive = false;

    /// The reference @p settings imply: a password or token "{{name}}" is a
    /// Variable source; any other non-empty secret is assumed to be in the keychain.
    static AuthReference fromSettings(const AuthSettings &settings);
    /// The directive text after "# @peephole-auth ".
    QString toDirective() const;

    friend bool operator==(const AuthReference &, const AuthReference &) = default;
};

/// A construct of the JetBrains HTTP Client / httpyac dialect that Peephole
/// reads but does not carry out. A request with one is never sent: the run
/// reports it as "not run", naming the file, the line and the construct.
struct HttpFileUnsupported
{
    int line = 0;      ///< 1-based line of the file.
    QString construct; ///< What was written, shortened ("> {% … %}", "# @loop for 3").
    QString hint;      ///< What it is or what to do instead; may be empty.

    friend bool operator==(const HttpFileUnsupported &, const HttpFileUnsupported &) = default;
};

/// A JavaScript handler of a request (JetBrains HTTP Client): "< {% ... %}" before the
/// request line (pre-request script), "> {% ... %}" after it (response handler), or the
/// same with a file: "< ./prepare.js", "> ./handler.js". Run by core/script.
struct HttpFileScript
{
    enum class Phase { PreRequest, Response };
    Phase phase = Phase::Response;
    int line = 0; ///< 1-based line of the "{%" or of the file name; inline code starts there.
    QString code; ///< Inline code: the text after "{%" up to "%}" (lines kept); empty for a file.
    QString path; ///< The file as written, relative to the .http file; empty for inline code.

    friend bool operator==(const HttpFileScript &, const HttpFileScript &) = default;
};

/// Something of a request that loads but deserves a word (an unknown directive).
struct HttpFileWarning
{
    int line = 0; ///< 1-based line of the file.
    QString message;

    friend bool operator==(const HttpFileWarning &, const HttpFileWarning &) = default;
};

/// One request of a .http file.
struct HttpFileRequest
{
    QString name;
    /// The request; the URL as written (with its {{variables}}) is in
    /// request.urlTemplate when a QUrl cannot hold it exactly. Header values
    /// and body text keep their {{variables}} verbatim. A "< path" body is a
    /// File body whose path is as written (relative to the .http file).
    RequestSpec request;
    QByteArray httpVersion; ///< "HTTP/1.1" when written on the request line.
    AuthReference auth;
    QStringList assertions;      ///< "status == 200": from "# @peephole-assert" (or httpyac "??") lines.
    QList<int> assertionLines;   ///< The line of each assertion (same order; 0 when unknown).
    QStringList comments;        ///< Comment lines as written ("# note", "// note"), in order.
    /// Comment lines among the headers, written back after them: there "# @name" and the like are
    /// plain comments, and moving them above the request line would make them directives.
    QStringList headerComments;
    QStringList responseHandler; ///< "> {% ... %}", ">> file", "<> file" lines, kept verbatim, not run.
    QStringList preRequest;      ///< "< {% ... %}", "< script.js", httpyac "{{ ... }}" lines before the
                                 ///< request line, kept verbatim, not run.
    QList<HttpFileScript> scripts;          ///< JavaScript handlers, in file order (see HttpFileScript).
    QList<HttpFileUnsupported> unsupported; ///< Constructs read but not carried out: the request is not run.
    QList<HttpFileWarning> warnings;        ///< Unknown directives and the like: the request still runs.
    bool disabled = false;                  ///< "# @disabled": never sent, reported as skipped.
    /// "<@ ./file": the body is the file with its {{variables}} replaced at send time
    /// (request.body is then a File body naming it).
    bool bodyFileWithVariables = false;
    /// A GraphQL request ("GRAPHQL url", or "X-REQUEST-TYPE: GraphQL"): request.body holds the
    /// query, then optionally a blank line and the variables as JSON; sent as a JSON POST.
    bool graphql = false;
    /// httpyac's "# @no-log": reports and terminal lines show no response values of this request
    /// (failed assertions say what failed, not what the response held).
    bool noLog = false;
    QStringList refs;                       ///< "# @ref login": named requests to run before this one.
    int line = 0;                           ///< 1-based line of the request line.

    /// @p request with relative body and multipart file paths made absolute against @p directory.
    RequestSpec requestWithPathsResolved(const QString &directory) const;
};

struct HttpFileVariable
{
    QString name;
    QString value;

    friend bool operator==(const HttpFileVariable &, const HttpFileVariable &) = default;
};

/// A block that could not be parsed, kept verbatim so that saving the file
/// does not lose it.
struct HttpFileUnparsedBlock
{
    int position = 0;  ///< Index of the request it stood before (requests.size(): at the end).
    QString separator; ///< Its "###..." line ("###" when it had none).
    QStringList lines; ///< Its lines after the separator, trailing blank lines removed.
};

struct HttpFile
{
    QStringList leadingComments;       ///< Comments before the first request that belong to no request.
    QList<HttpFileVariable> variables; ///< "@name = value" lines, in order.
    QStringList imports;               ///< "# @import ./other.http" (relative to the file), in order.
    QList<HttpFileRequest> requests;
    QList<HttpFileUnparsedBlock> unparsed; ///< Written back verbatim at their place.
};

struct HttpFileParseResult
{
    bool ok = false; ///< False only when the file itself cannot be read.
    HttpFile file;
    QList<ParseError> errors;  ///< One per request that could not be loaded (line + reason).
    QList<ImportIssue> issues; ///< Things that load but are not supported.
};

/// Reads JetBrains HTTP Client / VS Code REST Client files (.http, .rest).
///
/// Requests are separated by "###" lines (text after "###" names the
/// request); "# @name NAME" or "// @name NAME" name it too. "#" and "//"
/// lines are comments. The request line is "[METHOD] URL [HTTP/x]" (GET when
/// no method is given); indented lines after it continue the URL ("  ?a=1",
/// "  &b=2"). Headers follow until a blank line; the body runs to the next
/// "###" with trailing blank lines removed; a body "< ./file" is read from
/// the file. "@name = value" lines define file variables. {{variables}} are
/// kept verbatim.
///
/// Peephole's settings are comment directives other tools ignore:
///   # @no-redirect                      (JetBrains, httpyac) do not follow redirects
///   # @no-reject-unauthorized           (httpyac) read as @peephole-insecure
///   # @peephole-insecure                do not verify TLS certificates
///   # @peephole-timeout MS              timeout in milliseconds
///   # @peephole-max-redirects N
///   # @peephole-location-trusted        send the credentials after a redirect to another origin too
///   # @peephole-auth SCHEME [user=U] [secret=keychain|{{var}}] [preemptive]
///   # @peephole-assert EXPRESSION       a check on the response ("status == 200");
///                                       httpyac's "?? EXPRESSION" lines are read as the same
///   # @peephole-disabled Name: value    (among the headers) a disabled header
class HttpFileParser
{
public:
    static HttpFileParseResult parse(const QByteArray &content);
    static HttpFileParseResult parseFile(const QString &path);
};

/// Writes .http files in one canonical layout, so that parsing a file
/// Peephole wrote and writing it again gives the same bytes:
///
///     <leading comments>            then a blank line, if any
///     @name = value                 one per file variable; then a blank line, if any
///     ###                           before every request
///     # @name NAME                  if named
///     <comments>                    as parsed, in order
///     # @no-redirect, # @peephole-max-redirects N, # @peephole-timeout MS,
///     # @peephole-insecure, # @peephole-location-trusted, # @peephole-auth ...,
///     # @disabled, # @peephole-assert ...                                  (in this order, when set)
///     < {% ... %}                   pre-request script lines as parsed (kept, not run)
///     METHOD URL[ HTTP/x]
///     Name: value                   headers in order; disabled ones as "# @peephole-disabled Name: value"
///                                   a blank line, then the body and the response handler lines, if any
///                                   one blank line between requests; the file ends with one newline
///
/// Blocks that failed to parse (HttpFile::unparsed) are written back verbatim
/// where they stood, so saving a file with an error loses nothing.
///
/// Lines end in "\n". Secrets are never written: auth is written as a
/// reference (see AuthReference). Bodies lose trailing newlines; a body line
/// starting with "###" cannot be represented (reported in the warnings).
class HttpFileWriter
{
public:
    static QByteArray write(const HttpFile &file, QStringList *warnings = nullptr);
    /// Through QSaveFile; false and @p error on failure.
    static bool writeFile(const QString &path, const HttpFile &file, QString *error,
                          QStringList *warnings = nullptr);
};

} // namespace Peephole
