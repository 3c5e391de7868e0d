#include "formats/curlcommand.h"

#include "collection/variables.h"
#include "formats/curlparser_p.h"
#include "formats/formatslog.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Peephole {

using namespace CurlDetail;

namespace CurlDetail {

bool Parser::finish()
{
    RequestSpec &spec = result.request;
    if (urls.isEmpty()) {
        error.message = tr("The command has no URL. Add one, e.g. curl https://example.com/");
        return false;
    }
    for (qsizetype i = 1; i < urls.size(); ++i)
        issue(urls.at(i), tr("Only the first URL is imported; this one was left out."));
    QString urlText = urls.first();
    if (http2Asked && urlText.startsWith(u"http://"_s, Qt::CaseInsensitive))
        issue(u"--http2"_s, tr("On an http:// URL curl asks for an upgrade to HTTP/2 (h2c), which Peephole does "
                              "not do; HTTP/1.1 is used. --http2-prior-knowledge sends cleartext HTTP/2."));
    if (!urlText.contains(u"://"_s) && !urlText.startsWith(u"{{"_s))
        urlText.prepend(u"http://"_s); // what curl assumes

    if (!data.isEmpty() && !parts.isEmpty()) {
        error.message = tr("The command mixes data (-d) and form (-F) options; curl refuses that too. "
                           "Keep one kind.");
        return false;
    }

    // Content the data pieces send when they must be joined.
    auto joinedData = [&]() -> QByteArray {
        QByteArrayList pieces;
        for (const DataPiece &p : data) {
            if (!p.streamFile.isEmpty()) {
                const std::optional<QByteArray> bytes = readFile(u"@"_s + p.streamFile, p.streamFile);
                if (bytes)
                    pieces.append(*bytes);
            } else {
                pieces.append(p.encoded);
            }
        }
        return pieces.join('&');
    };

    QByteArray method = "GET";
    if (get && !data.isEmpty()) {
        const QByteArray query = joinedData();
        if (!query.isEmpty())
            urlText += (urlText.contains(u'?') ? u"&"_s : u"?"_s) + QString::fromUtf8(query);
    } else if (!data.isEmpty()) {
        method = "POST";
        const bool allNamed = std::all_of(data.cbegin(), data.cend(),
                                          [](const DataPiece &p) { return p.urlencoded && p.named; });
        if (data.size() == 1 && !data.first().streamFile.isEmpty()) {
            if (data.first().streamFile == u"-") {
                issue(u"@-"_s, tr("Reads standard input, which Peephole cannot do; the body was left out."));
            } else {
                spec.body.kind = RequestBody::Kind::File;
                spec.body.filePath = resolvePath(data.first().streamFile);
            }
        } else if (allNamed) {
            spec.body.kind = RequestBody::Kind::FormUrlEncoded;
            for (const DataPiece &p : data)
                spec.body.form.append({p.name, p.value});
        } else {
            spec.body.kind = RequestBody::Kind::Raw;
            spec.body.raw = joinedData();
        }
        if (!spec.body.isEmpty() && !Headers::contains(headers, "content-type"))
            spec.body.contentType = json ? "application/json" : "application/x-www-form-urlencoded";
        if (json && !Headers::contains(headers, "accept"))
            headers.append({"Accept", "application/json", true});
    } else if (!parts.isEmpty()) {
        method = "POST";
        spec.body.kind = RequestBody::Kind::Multipart;
        spec.body.parts = parts;
        // curl completes a typed multipart Content-Type with its boundary; Peephole sends its own.
        if (Headers::value(headers, "content-type").trimmed().toLower().startsWith("multipart/form-data"))
            Headers::remove(headers, "content-type");
    } else if (!uploadFile.isEmpty()) {
        method = "PUT";
        if (uploadFile == u"-") {
            issue(u"--upload-file -"_s,
                  tr("Reads standard input, which Peephole cannot do; the body was left out."));
        } else {
            spec.body.kind = RequestBody::Kind::File;
            spec.body.filePath = resolvePath(uploadFile);
            if (urlText.endsWith(u'/'))
                urlText += QFileInfo(uploadFile).fileName();
        }
    }
    if (head)
        method = "HEAD";
    if (!explicitMethod.isEmpty())
        method = explicitMethod;
    spec.method = method;

    if (Variables::hasReferences(urlText)) {
        spec.urlTemplate = urlText;
    } else {
        spec.url = QUrl(urlText);
        if (!spec.url.isValid() || spec.url.host().isEmpty()) {
            const qsizetype at = urlOffsets.value(0);
            error.message =
                tr("\"%1\" is not a valid URL%2.")
                    .arg(urls.first(), spec.url.isValid() ? QString() : u": "_s + spec.url.errorString());
            errorOffset = at;
            return false;
        }
    }

    if (!cookies.isEmpty() && !Headers::contains(headers, "cookie"))
        headers.append({"Cookie", cookies, true});
    spec.headers = headers;

    if (userGiven) {
        spec.auth.scheme = scheme;
        spec.auth.preemptive = scheme == AuthSettings::Scheme::Basic;
    }
    spec.options.followRedirects = location;
    if (maxTime)
        spec.options.timeoutMs = int(*maxTime * 1000);
    if (connectTimeout)
        spec.options.connectTimeoutMs = int(*connectTimeout * 1000);
    return true;
}

} // namespace CurlDetail

CurlParseResult CurlCommand::parse(const QString &commandLine, const QString &baseDirectory)
{
    const bool cmd = ShellWords::looksLikeWindowsCmd(commandLine);
    const ShellSplitResult split =
        cmd ? ShellWords::splitWindowsCmd(commandLine) : ShellWords::splitPosix(commandLine);
    if (!split.ok) {
        CurlParseResult failed;
        failed.error = split.error;
        return failed;
    }
    const QList<ShellWord> &words = split.words;
    auto failAt = [&](qsizetype offset, const QString &message) {
        CurlParseResult failed;
        lineAndColumn(commandLine, offset, &failed.error.line, &failed.error.column);
        failed.error.message = message;
        return failed;
    };
    if (words.isEmpty())
        return failAt(0, tr("The command is empty. Paste a command that starts with curl."));
    const QString program = QFileInfo(words.first().text).fileName().toLower();
    if (program != u"curl" && program != u"curl.exe")
        return failAt(
            words.first().offset,
            tr("This is not a curl command: it starts with \"%1\" instead of curl.").arg(words.first().text));

    Parser parser;
    parser.baseDirectory = baseDirectory;
    bool endOfOptions = false;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const ShellWord &word = words.at(i);
        const QString &w = word.text;
        if (endOfOptions || !w.startsWith(u'-') || w == u"-") {
            parser.urls.append(w);
            parser.urlOffsets.append(word.offset);
            continue;
        }
        if (w == u"--") {
            endOfOptions = true;
            continue;
        }
        auto takeValue = [&](const QString &option, QString *value) {
            if (i + 1 >= words.size()) {
                parser.error.message = tr("The option %1 needs a value after it.").arg(option);
                parser.errorOffset = word.offset;
                return false;
            }
            *value = words.at(++i).text;
            return true;
        };
        if (w.startsWith(u"--"_s)) {
            QString name = w.mid(2);
            const auto it = longOptions().constFind(name);
            if (it == longOptions().constEnd()) {
                if (name.startsWith(u"no-"_s) && longOptions().contains(name.mid(3)))
                    continue; // --no-location etc.: the default already
                parser.issue(w, tr("Unknown option; ignored."));
                continue;
            }
            QString value;
            if (it->takesArg && !takeValue(w, &value))
                break;
            if (!parser.handle(name, *it, value, words.at(i))) {
                if (parser.errorOffset < 0)
                    parser.errorOffset = words.at(i).offset;
                break;
            }
            continue;
        }
        bool stop = false;
        for (qsizetype j = 1; j < w.size(); ++j) {
            const QChar c = w.at(j);
            const auto sit = shortOptions().constFind(c);
            if (sit == shortOptions().constEnd()) {
                parser.issue(u"-"_s + c, tr("Unknown option; ignored."));
                continue;
            }
            const OptInfo info = longOptions().value(*sit);
            QString value;
            if (info.takesArg) {
                if (j + 1 < w.size()) {
                    value = w.mid(j + 1);
                } else if (!takeValue(u"-"_s + c, &value)) {
                    stop = true;
                    break;
                }
                j = w.size();
            }
            if (!parser.handle(*sit, info, value, words.at(i))) {
                if (parser.errorOffset < 0)
                    parser.errorOffset = word.offset;
                stop = true;
                break;
            }
        }
        if (stop)
            break;
    }
    if (parser.error.message.isEmpty())
        parser.finish();

    if (!parser.error.message.isEmpty()) {
        const qsizetype offset = qMax<qsizetype>(0, parser.errorOffset);
        return failAt(offset, parser.error.message);
    }
    parser.result.ok = true;
    qCDebug(lcFormats) << "curl command parsed:" << parser.result.request.method
                       << parser.result.issues.size() << "issues";
    return parser.result;
}

} // namespace Peephole