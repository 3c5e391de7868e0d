#include "formats/httpfile.h"

#include "collection/variables.h"
#include "formats/formatslog.h"
#include "formats/httpfile_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

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
            req.assertions.append(t.mid(2).trimmed());
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
        } else {
            comments.append(line.text.trimmed()); // another tool's directive: keep it
        }
    }
    if (i >= lines.size()) {
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
    if (words.size() >= 2 && versionWord.match(words.last()).hasMatch())
        req.httpVersion = words.takeLast().toUtf8();
    QString url = words.join(u' ');
    for (++i; i < lines.size(); ++i) {
        const QString &text = lines.at(i).text;
        if (text.isEmpty() || !text.at(0).isSpace() || text.trimmed().isEmpty())
            break;
        QString part = text.trimmed();
        if (versionWord.match(part).hasMatch() && req.httpVersion.isEmpty()) {
            req.httpVersion = part.toUtf8();
            continue;
        }
        url += part;
    }
    if (Variables::hasReferences(url)) {
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
            req.assertions.append(t.mid(2).trimmed());
            continue;
        }
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
                comments.append(t);
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

    // Body, then the response handler.
    QStringList body;
    for (; i < lines.size(); ++i) {
        if (isHandlerLine(lines.at(i).text))
            break;
        body.append(lines.at(i).text);
    }
    for (; i < lines.size(); ++i)
        req.responseHandler.append(lines.at(i).text);
    while (!req.responseHandler.isEmpty() && req.responseHandler.last().trimmed().isEmpty())
        req.responseHandler.removeLast();
    while (!body.isEmpty() && body.last().trimmed().isEmpty())
        body.removeLast();
    const QString itemName = req.name.isEmpty() ? tr("request at line %1").arg(req.line) : req.name;
    if (!req.responseHandler.isEmpty())
        result.issues.append({itemName, tr("Response handler scripts are kept in the file but not run.")});
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
    } else if (!body.isEmpty()) {
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.raw = body.join(u'\n').toUtf8();
        for (const QString &b : std::as_const(body)) {
            if (b.startsWith(u"< "_s)) {
                result.issues.append(
                    {itemName, tr("Including a file inside a body (\"%1\") is only supported in "
                                  "multipart bodies; the line is sent as text.")
                                   .arg(b)});
            }
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
