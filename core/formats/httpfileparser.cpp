#include "formats/httpfile.h"

#include "collection/variables.h"
#include "formats/formatslog.h"
#include "formats/httpfile_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::HttpFileParser", text);
}

struct Line
{
    QString text;
    int number = 0; // 1-based
};

bool isComment(const QString &line)
{
    const QString t = line.trimmed();
    return t.startsWith(u'#') || t.startsWith(u"//"_s);
}

/// The text of a comment after its marker ("# @name x" -> "@name x").
QString commentBody(const QString &line)
{
    const QString t = line.trimmed();
    return (t.startsWith(u'#') ? t.mid(1) : t.mid(2)).trimmed();
}

bool isHandlerLine(const QString &line)
{
    return line.startsWith(u"> "_s) || line.startsWith(u">> "_s) || line.startsWith(u">>! "_s) ||
           line.startsWith(u"<> "_s) || line == u">" || line.startsWith(u">{%"_s);
}

/// @p text shortened for a message.
QString shortened(const QString &text)
{
    const QString t = text.trimmed();
    return t.size() > 60 ? t.left(59) + QChar(0x2026) : t;
}

/// Request-line keywords of protocols other than HTTP (JetBrains, httpyac).
bool isOtherProtocol(const QString &word)
{
    static const QStringList words = {u"WEBSOCKET"_s, u"WS"_s,    u"WSS"_s,    u"GRPC"_s,
                                      u"MQTT"_s,      u"MQTTS"_s, u"SSE"_s,    u"EVENTSOURCE"_s,
                                      u"AMQP"_s,      u"AMQPS"_s};
    return words.contains(word);
}

/// What Peephole does with a "# @directive" of another tool.
enum class DirectiveKind { Ignored, Unsupported, Unknown };

DirectiveKind directiveKind(const QString &key, QString *hint)
{
    // No effect on what is sent or on the verdict (log, editor or UI settings).
    static const QStringList ignored = {
        u"no-log"_s,   u"title"_s,     u"description"_s, u"debug"_s,          u"verbose"_s,         u"save"_s,
        u"openWith"_s, u"extension"_s, u"note"_s,        u"noStreamingLog"_s, u"no-response-body"_s};
    if (ignored.contains(key))
        return DirectiveKind::Ignored;
    static const QHash<QString, const char *> unsupported = {
        {u"forceRef"_s,
         QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "requests that depend on other requests")},
        {u"loop"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "repeating a request")},
        {u"sleep"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "waiting before a request")},
        {u"jwt"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "decoding JWT tokens")},
        {u"ratelimit"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "rate limits")},
        {u"rateLimit"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "rate limits")},
        {u"injectVariables"_s,
         QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "injecting variables into the body")},
        {u"no-proxy"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "bypassing a proxy")},
        {u"no-client-cert"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "client certificate settings")},
        {u"oauth2"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "OAuth 2 flows")},
        {u"keepStreaming"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "streaming responses")},
        {u"no-auto-encoding"_s,
         QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "sending the URL without encoding it")},
        {u"use-os-credentials"_s,
         QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "the operating system's credentials")},
        {u"http2"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "forcing HTTP/2")},
        {u"grpc-reflection"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "gRPC")},
        {u"signing"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "request signing")},
        {u"aws"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "AWS signatures")},
        {u"responseRef"_s, QT_TRANSLATE_NOOP("Peephole::HttpFileParser", "response references")},
    };
    const auto it = unsupported.constFind(key);
    if (it != unsupported.constEnd()) {
        *hint = tr(it.value());
        return DirectiveKind::Unsupported;
    }
    return DirectiveKind::Unknown;
}

/// "600", "600 ms", "2 s", "1m" -> milliseconds; @p unitGiven tells whether a unit was written.
std::optional<int> durationMs(const QString &text, bool *unitGiven)
{
    static const QRegularExpression re(u"^(\\d+)\\s*(ms|s|m)?$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    const QString unit = m.captured(2);
    *unitGiven = !unit.isEmpty();
    const qint64 ms = unit == u"s" ? n * 1000 : unit == u"m" ? n * 60000 : n;
    if (!ok || ms > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(ms);
}

/// Adds the "?? ..." line @p t (trimmed) as an assertion of @p req.
void addAssertion(HttpFileRequest &req, const QString &t, int line)
{
    req.assertions.append(t.mid(2).trimmed());
    req.assertionLines.append(line);
}

struct BlockParser
{
    HttpFileParseResult &result;
    bool firstBlock = false;

    bool failed = false;

    void fail(int line, const QString &message)
    {
        failed = true;
        ParseError error;
        error.line = line;
        error.message = message;
        result.errors.append(error);
    }

    /// Parses one "###" block; keeps it verbatim when it fails. @p separator is its "###..." line.
    void parse(const QList<Line> &lines, const QString &separator, int separatorLine);
    void parseBlock(const QList<Line> &lines, const QString &title, int separatorLine);
};

void BlockParser::parse(const QList<Line> &lines, const QString &separator, int separatorLine)
{
    failed = false;
    const qsizetype variableCount = result.file.variables.size();
    parseBlock(lines, separator.mid(3).trimmed(), separatorLine);
    if (!failed)
        return;
    result.file.variables.resize(variableCount); // they stay in the kept lines
    HttpFileUnparsedBlock block;
    block.position = int(result.file.requests.size());
    block.separator = separator.isEmpty() ? u"###"_s : separator;
    for (const Line &line : lines)
        block.lines.append(line.text);
    while (!block.lines.isEmpty() && block.lines.last().trimmed().isEmpty())
        block.lines.removeLast();
    result.file.unparsed.append(block);
}

void BlockParser::parseBlock(const QList<Line> &lines, const QString &title, int separatorLine)
{
    static const QRegularExpression variableLine(u"^@([A-Za-z0-9_.$-]+)\\s*=\\s*(.*)$"_s);
    static const QRegularExpression methodWord(u"^[A-Z][A-Z0-9_-]*$"_s);
    static const QRegularExpression versionWord(u"^HTTP/\\d(\\.\\d)?$"_s);

    HttpFileRequest req;
    req.name = title;
    RequestSpec &spec = req.request;
    QStringList comments;
    qsizetype i = 0;

    // Preamble: comments, directives, file variables.
    for (; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        const QString t = line.text.trimmed();
        if (t.isEmpty())
            continue;
        const QRegularExpressionMatch var = variableLine.match(t);
        if (var.hasMatch()) {
            result.file.variables.append({var.captured(1), var.captured(2).trimmed()});
            continue;
        }
        if (t.startsWith(u"??"_s)) {
            addAssertion(req, t, line.number);
            continue;
        }
        if (t.startsWith(u'<')) {
            // JetBrains pre-request script: "< {% ... %}" (several lines) or "< ./script.js".
            const bool inline_ = t.contains(u"{%"_s);
            const qsizetype first = req.preRequest.size();
            req.preRequest.append(line.text);
            if (inline_ && !t.mid(t.indexOf(u"{%"_s) + 2).contains(u"%}"_s)) {
                for (++i; i < lines.size(); ++i) {
                    req.preRequest.append(lines.at(i).text);
                    if (lines.at(i).text.contains(u"%}"_s))
                        break;
                }
            }
            req.scripts.append(HttpFileDetail::script(req.preRequest.mid(first), line.number,
                                                      HttpFileScript::Phase::PreRequest));
            continue;
        }
        if (t.startsWith(u"{{"_s) && !t.contains(u"}}"_s)) {
            // httpyac script block: "{{" (or "{{@event") alone on a line, up to "}}".
            req.unsupported.append(
                {line.number, u"{{ \u2026 }}"_s, tr("httpyac script blocks are not run by Peephole")});
            req.preRequest.append(line.text);
            for (++i; i < lines.size(); ++i) {
                req.preRequest.append(lines.at(i).text);
                if (lines.at(i).text.trimmed().startsWith(u"}}"_s))
                    break;
            }
            continue;
        }
        if (!isComment(t))
            break;
        const QString body = commentBody(t);
        if (!body.startsWith(u'@')) {
            comments.append(line.text.trimmed());
            continue;
        }
        static const QRegularExpression spaceOrEquals(u"[\\s=]"_s);
        const qsizetype space = body.indexOf(spaceOrEquals);
        const QString key = space < 0 ? body.mid(1) : body.mid(1, space - 1);
        QString arg = space < 0 ? QString() : body.mid(space + 1).trimmed();
        if (key == u"name") {
            if (arg.startsWith(u'='))
                arg = arg.mid(1).trimmed();
            req.name = arg;
        } else if (key == u"no-redirect") {
            spec.options.followRedirects = false;
        } else if (key == u"ref" || key == u"import") {
            if (arg.isEmpty()) {
                fail(line.number,
                     tr("@%1 needs a %2.").arg(key, key == u"ref" ? tr("request name") : tr("file")));
                return;
            }
            comments.append(line.text.trimmed()); // written back as it is
            if (key == u"ref")
                req.refs.append(arg);
            else
                result.file.imports.append(arg);
        } else if (key == u"no-cookie-jar") {
            spec.options.useCookieJar = false;
        } else if (key == u"peephole-location-trusted") {
            spec.auth.locationTrusted = true; // credentials also after a redirect to another origin
        } else if (key == u"peephole-insecure" || key == u"no-reject-unauthorized") {
            spec.options.verifyTls = false;
        } else if (key == u"peephole-timeout" || key == u"peephole-max-redirects") {
            bool ok = false;
            const int n = arg.toInt(&ok);
            if (!ok || n < 0) {
                fail(line.number, tr("@%1 needs a whole number, not \"%2\".").arg(key, arg));
                return;
            }
            (key == u"peephole-timeout" ? spec.options.timeoutMs : spec.options.maxRedirects) = n;
        } else if (key == u"proxy") {
            // httpyac: "# @proxy http://host:port" (a socks5:// URL too); credentials stay out of the file.
            const QUrl proxy(arg, QUrl::StrictMode);
            if (!proxy.isValid() || proxy.host().isEmpty() ||
                (proxy.scheme() != u"http" && proxy.scheme() != u"https" && proxy.scheme() != u"socks5")) {
                fail(line.number, tr("@proxy needs a proxy URL (http://host:port or socks5://host:port), not "
                                     "\"%1\".")
                                      .arg(arg));
                return;
            }
            if (!proxy.password().isEmpty()) {
                fail(line.number, tr("@proxy: a password is never written in the file; use "
                                     "# @peephole-proxy-auth user=NAME secret={{variable}}."));
                return;
            }
            spec.options.proxy = proxy;
            if (!proxy.userName().isEmpty()) {
                spec.auth.proxyUser = proxy.userName();
                spec.options.proxy.setUserInfo(QString());
            }
        } else if (key == u"peephole-proxy-auth") {
            QString error;
            if (!HttpFileDetail::parseProxyAuthDirective(arg, &spec.auth, &error)) {
                fail(line.number, error);
                return;
            }
        } else if (key == u"peephole-cacert" || key == u"peephole-cert" || key == u"peephole-key") {
            if (arg.isEmpty()) {
                fail(line.number, tr("@%1 needs a file.").arg(key));
                return;
            }
            (key == u"peephole-cacert" ? spec.options.caFile
             : key == u"peephole-cert" ? spec.options.clientCertFile
                                       : spec.options.clientKeyFile) = arg;
        } else if (key == u"peephole-auth") {
            QString error;
            const std::optional<AuthReference> ref = HttpFileDetail::parseAuthDirective(arg, &error);
            if (!ref) {
                fail(line.number, error);
                return;
            }
            req.auth = *ref;
        } else if (key == u"peephole-assert") {
            if (arg.isEmpty()) {
                fail(line.number, tr("@peephole-assert needs an expression, e.g. status == 200."));
                return;
            }
            req.assertions.append(arg);
            req.assertionLines.append(line.number);
        } else if (key == u"disabled" && arg.isEmpty()) {
            req.disabled = true;
        } else if (key == u"timeout" || key == u"connection-timeout") {
            bool unitGiven = false;
            const std::optional<int> ms = durationMs(arg, &unitGiven);
            if (!ms) {
                req.unsupported.append({line.number, shortened(t),
                                        tr("write the time as a whole number with an optional unit "
                                           "(ms, s, m)")});
                comments.append(line.text.trimmed());
                continue;
            }
            if (!unitGiven)
                req.warnings.append({line.number, tr("@%1 %2 is read as milliseconds (as httpyac does); "
                                                     "JetBrains reads seconds: write \"%2 ms\" or \"%2 s\".")
                                                      .arg(key, arg)});
            (key == u"timeout" ? spec.options.timeoutMs : spec.options.connectTimeoutMs) = *ms;
        } else {
            comments.append(line.text.trimmed()); // another tool's directive: keep it
            QString hint;
            switch (directiveKind(key, &hint)) {
            case DirectiveKind::Ignored:
                req.noLog = req.noLog || key == u"no-log";
                break;
            case DirectiveKind::Unsupported:
                req.unsupported.append({line.number, shortened(t), hint});
                break;
            case DirectiveKind::Unknown:
                if (key == u"disabled")
                    req.unsupported.append({line.number, shortened(t), tr("conditions on @disabled")});
                else
                    req.warnings.append(
                        {line.number, tr("unknown directive @%1: Peephole ignores it").arg(key)});
                break;
            }
        }
    }
    if (i >= lines.size()) {
        if (!req.unsupported.isEmpty()) {
            // A script outside any request (httpyac global script): its effect on the requests is unknown.
            const HttpFileUnsupported &u = req.unsupported.first();
            fail(u.line,
                 tr("`%1` is not supported (%2); it stands before no request.").arg(u.construct, u.hint));
            return;
        }
        if (firstBlock)
            result.file.leadingComments += comments;
        else if (!comments.isEmpty() || !req.name.isEmpty())
            result.issues.append({req.name.isEmpty() ? tr("line %1").arg(separatorLine) : req.name,
                                  tr("A block without a request; its comments were dropped.")});
        return;
    }

    // Request line, with indented continuation lines.
    const Line &requestLine = lines.at(i);
    req.line = requestLine.number;
    static const QRegularExpression whitespace(u"\\s+"_s);
    QStringList words = requestLine.text.trimmed().split(whitespace);
    if (words.size() >= 2 && methodWord.match(words.first()).hasMatch()) {
        spec.method = words.takeFirst().toUtf8();
    } else {
        spec.method = "GET";
    }
    if (words.size() >= 4 && words.at(words.size() - 2).compare(u"(Prior"_s, Qt::CaseInsensitive) == 0 &&
        words.last().compare(u"Knowledge)"_s, Qt::CaseInsensitive) == 0 &&
        words.at(words.size() - 3) == u"HTTP/2") {
        // JetBrains: "GET http://host/ HTTP/2 (Prior Knowledge)": cleartext HTTP/2 without upgrade.
        words.resize(words.size() - 3);
        spec.options.h2cPriorKnowledge = true;
    } else if (words.size() >= 2 && versionWord.match(words.last()).hasMatch()) {
        req.httpVersion = words.takeLast().toUtf8();
    }
    const bool runLine = requestLine.text.trimmed().startsWith(u"run "_s);
    const bool otherProtocol = runLine || isOtherProtocol(QString::fromUtf8(spec.method));
    if (runLine) {
        req.unsupported.append({req.line, shortened(requestLine.text),
                                tr("running other requests from a request (JetBrains \"run\")")});
    } else if (otherProtocol) {
        req.unsupported.append(
            {req.line, QString::fromUtf8(spec.method) + u" \u2026"_s,
             spec.method == "GRAPHQL"
                 ? tr("GraphQL requests")
                 : tr("%1 requests: Peephole runs HTTP requests only").arg(QString::fromUtf8(spec.method))});
    }
    QString url = words.join(u' ');
    for (++i; i < lines.size(); ++i) {
        const QString &text = lines.at(i).text;
        // Indented lines continue the URL (JetBrains); so do lines starting with ? or & (httpyac).
        const bool queryLine = (text.startsWith(u'?') && !text.startsWith(u"??"_s)) || text.startsWith(u'&');
        if (text.isEmpty() || (!text.at(0).isSpace() && !queryLine) || text.trimmed().isEmpty())
            break;
        // Blanks inside count as one, as on the request line (else saving the file would change
        // the URL; found by tests/fuzz/fuzz_httpfile).
        QString part = text.trimmed();
        part.replace(whitespace, u" "_s);
        if (versionWord.match(part).hasMatch() && req.httpVersion.isEmpty()) {
            req.httpVersion = part.toUtf8();
            continue;
        }
        url += part;
    }
    // The version on the request line is the one to use (JetBrains): HTTP/1.x never negotiates h2.
    if (req.httpVersion.startsWith("HTTP/1"))
        spec.options.http2Allowed = false;
    if (spec.method == "GRAPHQL")
        req.graphql = true; // JetBrains: "GRAPHQL url", the query as the body
    if (Variables::hasReferences(url) || otherProtocol || url.startsWith(u'/')) {
        // "/users": relative to the Host header or the {{host}} variable, resolved when sent.
        spec.urlTemplate = url;
    } else {
        spec.url = QUrl(url, QUrl::StrictMode);
        if (!spec.url.isValid() || spec.url.isRelative() || spec.url.host().isEmpty()) {
            fail(req.line, tr("\"%1\" is not a valid absolute URL%2.")
                               .arg(url, spec.url.isValid() ? QString() : u": "_s + spec.url.errorString()));
            return;
        }
        if (QString::fromUtf8(spec.url.toEncoded()) != url)
            spec.urlTemplate = url; // keep it exactly as written
    }

    // Headers until a blank line.
    for (; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        const QString t = line.text.trimmed();
        if (t.isEmpty()) {
            ++i;
            break;
        }
        if (t.startsWith(u"??"_s)) {
            addAssertion(req, t, line.number);
            continue;
        }
        if (isHandlerLine(line.text))
            break; // a response handler right after the headers
        if (isComment(t)) {
            const QString body = commentBody(t);
            if (body.startsWith(u"@peephole-disabled"_s)) {
                const QString header = body.mid(18).trimmed();
                const qsizetype colon = header.indexOf(u':');
                if (colon <= 0) {
                    fail(line.number, tr("@peephole-disabled needs a header \"Name: value\"."));
                    return;
                }
                spec.headers.append(
                    {header.left(colon).trimmed().toUtf8(), header.mid(colon + 1).trimmed().toUtf8(), false});
            } else {
                req.headerComments.append(t); // stays among the headers (found by tests/fuzz/fuzz_httpfile)
            }
            continue;
        }
        const qsizetype colon = t.indexOf(u':');
        if (colon <= 0) {
            fail(line.number,
                 tr("\"%1\" is not a header (\"Name: value\"). Put a blank line between the headers "
                    "and the body.")
                     .arg(t));
            return;
        }
        spec.headers.append({t.left(colon).trimmed().toUtf8(), t.mid(colon + 1).trimmed().toUtf8(), true});
    }

    // Body, then the response handlers; "??" assertions anywhere after the request line.
    QStringList body;
    QList<int> bodyLines;
    for (; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        if (isHandlerLine(line.text))
            break;
        if (line.text.trimmed().startsWith(u"??"_s)) {
            addAssertion(req, line.text.trimmed(), line.number);
            continue;
        }
        body.append(line.text);
        bodyLines.append(line.number);
    }
    bool inScript = false;
    qsizetype scriptStart = 0;
    int scriptLine = 0;
    for (; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        const QString t = line.text.trimmed();
        if (inScript) {
            req.responseHandler.append(line.text);
            inScript = !line.text.contains(u"%}"_s);
            if (!inScript)
                req.scripts.append(HttpFileDetail::script(req.responseHandler.mid(scriptStart), scriptLine,
                                                          HttpFileScript::Phase::Response));
            continue;
        }
        if (t.startsWith(u"??"_s)) {
            addAssertion(req, t, line.number);
            continue;
        }
        req.responseHandler.append(line.text);
        if (line.text.startsWith(u">>"_s)) {
            // ">> ./file" and ">>! ./file": the runner saves the response body there.
        } else if (line.text.startsWith(u'>')) {
            const qsizetype open = line.text.indexOf(u"{%"_s);
            scriptStart = req.responseHandler.size() - 1;
            scriptLine = line.number;
            inScript = open >= 0 && !line.text.mid(open + 2).contains(u"%}"_s);
            if (!inScript)
                req.scripts.append(HttpFileDetail::script(req.responseHandler.mid(scriptStart), scriptLine,
                                                          HttpFileScript::Phase::Response));
        }
        // "<> file" (a JetBrains reference to an earlier response) only shows history: kept, no effect.
    }
    if (inScript)
        req.unsupported.append({scriptLine, u"> {% \u2026"_s, tr("the script has no closing %}")});
    while (!req.responseHandler.isEmpty() && req.responseHandler.last().trimmed().isEmpty())
        req.responseHandler.removeLast();
    while (!body.isEmpty() && body.last().trimmed().isEmpty()) {
        body.removeLast();
        bodyLines.removeLast();
    }
    if (Headers::value(spec.headers, "x-request-type").trimmed().toLower() == "graphql")
        req.graphql = true; // httpyac, VS Code REST Client
    const QString itemName = req.name.isEmpty() ? tr("request at line %1").arg(req.line) : req.name;
    const QByteArray boundary =
        HttpFileDetail::multipartBoundary(Headers::value(spec.headers, "content-type"));
    std::optional<QList<MultipartPart>> parts;
    if (!boundary.isEmpty() && !body.isEmpty())
        parts = HttpFileDetail::parseMultipart(body, boundary);
    if (parts) {
        // Peephole sends the parts with a boundary of its own.
        spec.body.kind = RequestBody::Kind::Multipart;
        spec.body.parts = *parts;
        Headers::remove(spec.headers, "content-type");
    } else if (body.size() == 1 && body.first().startsWith(u"< "_s)) {
        spec.body.kind = RequestBody::Kind::File;
        spec.body.filePath = body.first().mid(2).trimmed();
    } else if (body.size() == 1 && body.first().startsWith(u"<@ "_s)) {
        spec.body.kind = RequestBody::Kind::File;
        spec.body.filePath = body.first().mid(3).trimmed();
        req.bodyFileWithVariables = true;
    } else if (!body.isEmpty()) {
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.raw = body.join(u'\n').toUtf8();
        for (qsizetype b = 0; b < body.size(); ++b) {
            const QString &text = body.at(b);
            if (text.startsWith(u"<@"_s))
                req.unsupported.append({bodyLines.at(b), shortened(text),
                                        tr("bodies read from a file with variables replaced")});
            else if (text.startsWith(u"< "_s))
                req.unsupported.append({bodyLines.at(b), shortened(text),
                                        tr("including a file inside a body is only supported as the whole "
                                           "body or in multipart bodies")});
        }
    }

    // The auth reference becomes the request's auth (never with a secret in it).
    if (req.auth.isSet) {
        spec.auth.scheme = req.auth.scheme;
        spec.auth.user = req.auth.user;
        spec.auth.preemptive = req.auth.preemptive;
        if (req.auth.source == AuthReference::SecretSource::Variable) {
            QString &secret =
                req.auth.scheme == AuthSettings::Scheme::Bearer ? spec.auth.token : spec.auth.password;
            secret = Variables::reference(req.auth.variable);
        }
    }
    for (const HttpFileUnsupported &u : std::as_const(req.unsupported))
        result.issues.append({itemName, tr("line %1: `%2` is not supported (%3); the request is not run.")
                                            .arg(u.line)
                                            .arg(u.construct, u.hint)});
    spec.name = req.name;
    req.comments = comments;
    result.file.requests.append(req);
}

} // namespace

HttpFileParseResult HttpFileParser::parse(const QByteArray &content)
{
    HttpFileParseResult result;
    QString text = QString::fromUtf8(content);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    text.replace(u"\r\n"_s, u"\n"_s);
    const QStringList all = text.split(u'\n');

    BlockParser parser{result};
    QList<Line> block;
    QString separator;
    int separatorLine = 0;
    bool first = true;
    auto flush = [&] {
        parser.firstBlock = first;
        parser.parse(block, separator, separatorLine);
        block.clear();
        first = false;
    };
    for (qsizetype n = 0; n < all.size(); ++n) {
        const QString &line = all.at(n);
        if (line.startsWith(u"###"_s)) {
            flush();
            separator = line;
            while (separator.endsWith(u' ') || separator.endsWith(u'\t'))
                separator.chop(1);
            separatorLine = int(n + 1);
            continue;
        }
        block.append({line, int(n + 1)});
    }
    flush();
    result.ok = true;
    qCDebug(lcFormats) << ".http parsed:" << result.file.requests.size() << "requests,"
                       << result.errors.size() << "errors";
    return result;
}

HttpFileParseResult HttpFileParser::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        HttpFileParseResult result;
        ParseError error;
        error.message = tr("Cannot read %1: %2").arg(path, file.errorString());
        result.errors.append(error);
        return result;
    }
    return parse(file.readAll());
}

} // namespace Peephole
