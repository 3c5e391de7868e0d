#include "collection/httpblocks.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole::HttpBlocks {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::HttpBlocks", text);
}

struct Line
{
    QByteArray text; ///< Without the line break.
    qsizetype start = 0;
    qsizetype end = 0; ///< Offset just past the line break.
};

QList<Line> linesOf(const QByteArray &bytes)
{
    QList<Line> lines;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        qsizetype nl = bytes.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? bytes.size() : nl + 1;
        qsizetype textEnd = nl < 0 ? bytes.size() : nl;
        if (textEnd > pos && bytes.at(textEnd - 1) == '\r')
            --textEnd;
        lines.append(Line{bytes.mid(pos, textEnd - pos), pos, end});
        pos = end;
    }
    return lines;
}

bool isComment(const QByteArray &t)
{
    return t.startsWith('#') || t.startsWith("//");
}

QByteArray commentBody(const QByteArray &t)
{
    return (t.startsWith("//") ? t.mid(2) : t.mid(1)).trimmed();
}

bool parseAuth(const QByteArray &spec, AuthReference *auth, QString *error)
{
    const QList<QByteArray> words = spec.simplified().split(' ');
    const QByteArray scheme = words.value(0).toLower();
    auto secretSource = [&](const QByteArray &word) {
        if (word.isEmpty()) {
            auth->source = AuthReference::Source::None;
            return true;
        }
        if (word == "keychain") {
            auth->source = AuthReference::Source::Keychain;
            return true;
        }
        static const QRegularExpression var(u"^\\{\\{\\s*([^{}\\s]+)\\s*\\}\\}$"_s);
        const auto m = var.match(QString::fromUtf8(word));
        if (!m.hasMatch()) {
            *error =
                tr("@auth must not hold a secret: write {{variable}} or keychain where the secret lives");
            return false;
        }
        auth->source = AuthReference::Source::Variable;
        auth->variable = m.captured(1);
        return true;
    };
    if (scheme == "bearer") {
        auth->scheme = AuthReference::Scheme::Bearer;
        if (words.size() > 2) {
            *error = tr("@auth bearer takes one word: {{variable}} or keychain");
            return false;
        }
        return secretSource(words.value(1));
    }
    if (scheme == "basic" || scheme == "digest") {
        auth->scheme = scheme == "basic" ? AuthReference::Scheme::Basic : AuthReference::Scheme::Digest;
        auth->user = QString::fromUtf8(words.value(1));
        if (auth->user.isEmpty() || words.size() > 3) {
            *error = tr("@auth %1 takes a user and where the secret lives: \"@auth %1 alice {{password}}\"")
                         .arg(QString::fromLatin1(scheme));
            return false;
        }
        return secretSource(words.value(2));
    }
    *error = tr("unknown @auth scheme \"%1\": use basic, digest or bearer").arg(QString::fromUtf8(scheme));
    return false;
}

QByteArray authLine(const AuthReference &auth)
{
    QByteArray out = "# @auth ";
    switch (auth.scheme) {
    case AuthReference::Scheme::Basic:
        out += "basic " + auth.user.toUtf8();
        break;
    case AuthReference::Scheme::Digest:
        out += "digest " + auth.user.toUtf8();
        break;
    case AuthReference::Scheme::Bearer:
        out += "bearer";
        break;
    case AuthReference::Scheme::None:
        return {};
    }
    if (auth.source == AuthReference::Source::Variable)
        out += " {{" + auth.variable.toUtf8() + "}}";
    else if (auth.source == AuthReference::Source::Keychain)
        out += " keychain";
    return out + '\n';
}

bool isUrlLike(const QByteArray &word)
{
    return word.contains("://") || word.startsWith('/') || word.startsWith("{{");
}

FileProblem problemAt(int line, const QString &message)
{
    return FileProblem{line, message};
}
} // namespace

QList<QByteArray> split(const QByteArray &bytes)
{
    QList<QByteArray> blocks;
    qsizetype blockStart = 0;
    for (const Line &line : linesOf(bytes)) {
        if (line.text.startsWith("###") && line.start > blockStart) {
            blocks.append(bytes.mid(blockStart, line.start - blockStart));
            blockStart = line.start;
        }
    }
    if (blockStart < bytes.size() || blocks.isEmpty())
        blocks.append(bytes.mid(blockStart));
    return blocks;
}

QByteArray separatorOf(const QByteArray &block)
{
    if (!block.startsWith("###"))
        return {};
    const qsizetype nl = block.indexOf('\n');
    return nl < 0 ? block + '\n' : block.left(nl + 1);
}

BlockResult parse(const QByteArray &block, int firstLine)
{
    BlockResult result;
    CollectionRequest req;
    const QList<Line> lines = linesOf(block);
    qsizetype i = 0;
    if (!lines.isEmpty() && lines.first().text.startsWith("###")) {
        req.name = QString::fromUtf8(lines.first().text.mid(3).trimmed());
        i = 1;
    }
    // Preamble: comments, directives, blank lines.
    for (; i < lines.size(); ++i) {
        const QByteArray t = lines.at(i).text.trimmed();
        if (t.isEmpty())
            continue;
        if (!isComment(t))
            break;
        const QByteArray body = commentBody(t);
        if (body.startsWith("@name ") || body == "@name") {
            req.name = QString::fromUtf8(body.mid(5).trimmed());
        } else if (body.startsWith("@auth")) {
            QString error;
            if (!parseAuth(body.mid(5), &req.auth, &error)) {
                result.problem = problemAt(firstLine + int(i), error);
                return result;
            }
        } else {
            req.comments.append(QString::fromUtf8(lines.at(i).text));
        }
    }
    if (i >= lines.size())
        return result; // Only comments: not a request.

    // Request line.
    const int requestLine = firstLine + int(i);
    const QList<QByteArray> words = lines.at(i).text.simplified().split(' ');
    QByteArray method = "GET";
    QByteArray url;
    if (words.size() == 1 && isUrlLike(words.first())) {
        url = words.first();
    } else if (words.size() == 2 || (words.size() == 3 && words.at(2).startsWith("HTTP/"))) {
        method = words.at(0);
        url = words.at(1);
    }
    if (url.isEmpty() || !Headers::isValidName(method)) {
        result.problem = problemAt(requestLine, tr("expected a request line \"METHOD URL\", found \"%1\"")
                                                    .arg(QString::fromUtf8(lines.at(i).text.trimmed())));
        return result;
    }
    req.method = method;
    req.url = QString::fromUtf8(url);
    req.line = requestLine;
    ++i;

    // Headers (and assertions) up to the first blank line.
    for (; i < lines.size(); ++i) {
        const QByteArray t = lines.at(i).text.trimmed();
        if (t.isEmpty())
            break;
        if (t.startsWith("??")) {
            req.assertions.append(QString::fromUtf8(t.mid(2).trimmed()));
            continue;
        }
        if (isComment(t))
            continue;
        const qsizetype colon = t.indexOf(':');
        const QByteArray name = colon > 0 ? t.left(colon).trimmed() : QByteArray();
        if (!Headers::isValidName(name) && !name.startsWith("{{")) {
            result.problem = problemAt(
                firstLine + int(i), tr("expected a header \"Name: value\" or a blank line before the body, "
                                       "found \"%1\"")
                                        .arg(QString::fromUtf8(t)));
            return result;
        }
        req.headers.append(HeaderField{name, t.mid(colon + 1).trimmed(), true});
    }
    ++i; // the blank line

    // Body, then trailing assertions.
    qsizetype last = lines.size() - 1;
    QStringList trailing;
    while (last >= i) {
        const QByteArray t = lines.at(last).text.trimmed();
        if (t.isEmpty()) {
            --last;
        } else if (t.startsWith("??")) {
            trailing.prepend(QString::fromUtf8(t.mid(2).trimmed()));
            --last;
        } else {
            break;
        }
    }
    req.assertions += trailing;
    if (last >= i) {
        const QByteArray body = block.mid(
            lines.at(i).start, lines.at(last).start + lines.at(last).text.size() - lines.at(i).start);
        const QByteArray trimmed = body.trimmed();
        if (!trimmed.contains('\n') && trimmed.startsWith("< ")) {
            req.body.kind = RequestBody::Kind::File;
            req.body.filePath = QString::fromUtf8(trimmed.mid(2).trimmed());
        } else {
            req.body.kind = RequestBody::Kind::Raw;
            req.body.raw = body;
        }
    }
    result.request = req;
    return result;
}

QByteArray write(const CollectionRequest &request, const QByteArray &separator, bool followed)
{
    QByteArray out = separator;
    for (const QString &c : request.comments)
        out += c.toUtf8() + '\n';
    const QByteArray title = separator.mid(3).trimmed();
    if (!request.name.isEmpty() && title != request.name.toUtf8())
        out += "# @name " + request.name.toUtf8() + '\n';
    out += authLine(request.auth);
    out += request.method + ' ' + request.url.toUtf8() + '\n';
    for (const HeaderField &h : request.headers)
        out += h.name + ": " + h.value + '\n';
    if (request.body.kind == RequestBody::Kind::Raw && !request.body.raw.isEmpty()) {
        out += '\n' + request.body.raw;
        if (!request.body.raw.endsWith('\n'))
            out += '\n';
    } else if (request.body.kind == RequestBody::Kind::File) {
        out += "\n< " + request.body.filePath.toUtf8() + '\n';
    }
    const bool hasBody = (request.body.kind == RequestBody::Kind::Raw && !request.body.raw.isEmpty()) ||
                         request.body.kind == RequestBody::Kind::File;
    if (hasBody && !request.assertions.isEmpty())
        out += '\n';
    for (const QString &a : request.assertions)
        out += "?? " + a.toUtf8() + '\n';
    if (followed)
        out += '\n';
    return out;
}

} // namespace Peephole::HttpBlocks
