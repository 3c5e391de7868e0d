#include "cli/convertcommand.h"

#include "cli/convertinfer.h"
#include "cli/exitcodes.h"
#include "collection/environmentfile.h"
#include "formats/curlcommand.h"
#include "formats/harchains.h"
#include "formats/harreader.h"
#include "formats/harwriter.h"
#include "formats/httpfile.h"
#include "formats/importreport.h"
#include "formats/postman.h"
#include "io/fileio.h"
#include "formats/secretmover.h"
#include "replay/reports.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "peephole-cli convert: %s\n", qPrintable(message));
}

struct Parser
{
    QCommandLineParser p;
    QCommandLineOption from{u"from"_s, tr("Input format: curl, har, postman or http (default: inferred from the content, then the "
                                       "extension)."),
                                    u"FORMAT"_s};
    QCommandLineOption to{u"to"_s, tr("Output format: curl, har, postman or http (default: inferred from the extension of OUT: "
                                     ".http/.rest, .har, .json/.postman_collection.json, .curl/.sh)."),
                                  u"FORMAT"_s};
    QCommandLineOption includeSecrets{
        u"include-secrets"_s,
        tr("Keep passwords, tokens, cookies, secret headers, query parameters and body fields in the "
           "output as they are (by default they become {{variables}} whose values go to "
           "http-client.private.env.json next to OUT).")};
    QCommandLineOption help{{u"h"_s, u"help"_s}, tr("Show this help.")};
    Parser()
    {
        p.setApplicationDescription(tr("Convert requests between curl, HAR, Postman and .http files."));
        p.addOptions({from, to, includeSecrets, help});
        p.addPositionalArgument(u"IN"_s, tr("The file to read (\"-\" for standard input)."));
        p.addPositionalArgument(u"OUT"_s, tr("The file to write; standard output when left out."),
                                u"[OUT]"_s);
    }
};
} // namespace

namespace ConvertFormats {

QStringList formatNames();

/// Requests read from one input; ok false (and nothing else to use) on failure.
struct Imported
{
    bool ok = false;
    QString error; ///< Where and what, when !ok.
    HttpFile file;
    QList<ImportIssue> issues;
    QList<ImportedSecret> secrets; ///< Moved out of the requests by the importer.
};

Imported read(Format format, const QByteArray &input, const QString &baseDirectory);
/// A HAR read from @p device one entry at a time: only the requests are kept (no response
/// bodies), so a file of any size converts in about the memory its requests take.
Imported readHar(QIODevice *device);
/// std::nullopt and @p error when the format cannot be written.
std::optional<QByteArray> write(Format format, const HttpFile &file, QStringList *warnings, QString *error,
                                bool includeSecrets = false);

namespace {
/// Requests of a Postman tree in order, named "Folder / Request".
/// Postman runs the scripts of the collection, then of each folder, then of the request.
void flatten(const ImportedItem &item, const QString &prefix, QList<HttpFileRequest> *out,
             const QString &preRequest = {}, const QString &test = {})
{
    const QString pre = PostmanScripts::chained(preRequest, item.preRequestScript);
    const QString tests = PostmanScripts::chained(test, item.testScript);
    for (const ImportedItem &child : item.children) {
        const QString name = prefix.isEmpty() ? child.name : prefix + u" / "_s + child.name;
        if (child.isFolder()) {
            flatten(child, name, out, pre, tests);
            continue;
        }
        HttpFileRequest req;
        req.name = name;
        req.request = *child.request;
        req.auth = AuthReference::fromSettings(child.request->auth);
        PostmanScripts::attach(req, PostmanScripts::chained(pre, child.preRequestScript),
                               PostmanScripts::chained(tests, child.testScript));
        out->append(req);
    }
}

QString nameOf(const HttpFileRequest &r, qsizetype index)
{
    return r.name.isEmpty() ? tr("request %1").arg(index + 1) : r.name;
}
} // namespace

QStringList formatNames()
{
    return {u"curl"_s, u"har"_s, u"postman"_s, u"http"_s};
}

Imported read(Format format, const QByteArray &input, const QString &baseDirectory)
{
    Imported out;
    switch (format) {
    case Format::Curl: {
        const CurlParseResult r = CurlCommand::parse(QString::fromUtf8(input).trimmed(), baseDirectory);
        out.issues = r.issues;
        if (!r.ok) {
            out.error = r.error.toString();
            return out;
        }
        HttpFileRequest req;
        req.request = r.request;
        req.name = r.request.name;
        out.file.requests.append(req);
        break;
    }
    case Format::Http: {
        HttpFileParseResult r = HttpFileParser::parse(input);
        out.issues = r.issues;
        if (!r.errors.isEmpty()) {
            QStringList errors;
            for (const ParseError &e : std::as_const(r.errors))
                errors.append(e.toString());
            out.error = errors.join(u"; "_s);
            return out;
        }
        out.file = r.file;
        break;
    }
    case Format::Har: {
        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        return readHar(&buffer);
    }
    case Format::Postman: {
        const CollectionImportResult r = PostmanImporter::read(input);
        out.issues = r.issues;
        if (!r.ok) {
            out.error = r.error.toString();
            return out;
        }
        out.secrets = r.secrets;
        for (const ImportedSecret &secret : r.secrets)
            out.issues.append(ImportIssue{secret.where, tr("the %1 was moved out of the requests: they use "
                                                           "{{%2}}; set it in an environment or the keychain")
                                                            .arg(secret.what, secret.variable)});
        for (const ImportedVariable &v : r.root.variables) {
            if (!v.secret && v.enabled)
                out.file.variables.append(HttpFileVariable{v.name, v.value});
        }
        flatten(r.root, QString(), &out.file.requests);
        break;
    }
    }
    if (out.file.requests.isEmpty()) {
        out.error = tr("the input holds no request");
        return out;
    }
    out.ok = true;
    return out;
}

Imported readHar(QIODevice *device)
{
    Imported out;
    // The entries are streamed; what folding the redirect and auth hops needs is kept (the requests and
    // the response heads), the response bodies are not.
    QList<Exchange> exchanges;
    const HarImportResult r = HarReader::read(device, [&exchanges](Exchange &&ex, RequestSpec &&) {
        ex.responseBody = {};
        exchanges.append(std::move(ex));
        return true;
    });
    out.issues = r.issues;
    if (!r.ok) {
        out.error = r.error.toString();
        return out;
    }
    for (RequestSpec &spec : HarChains::userRequests(exchanges, &out.issues)) {
        HttpFileRequest req;
        req.request = std::move(spec);
        out.file.requests.append(std::move(req));
    }
    if (out.file.requests.isEmpty()) {
        out.error = tr("the input holds no request");
        return out;
    }
    out.ok = true;
    return out;
}

std::optional<QByteArray> write(Format format, const HttpFile &file, QStringList *warnings, QString *error,
                                bool includeSecrets)
{
    switch (format) {
    case Format::Http:
        return HttpFileWriter::write(file, warnings);
    case Format::Curl: {
        QByteArray out;
        for (qsizetype i = 0; i < file.requests.size(); ++i) {
            const HttpFileRequest &r = file.requests.at(i);
            RequestSpec spec = r.request;
            if (!spec.urlTemplate.isEmpty()) {
                warnings->append(
                    tr("%1: the URL holds {{variables}}; they are written as they are").arg(nameOf(r, i)));
                spec.url = QUrl(spec.urlTemplate, QUrl::TolerantMode);
            }
            QStringList w;
            const QString command = CurlCommand::fromRequest(spec, &w);
            for (const QString &x : std::as_const(w))
                warnings->append(nameOf(r, i) + u": "_s + x);
            if (file.requests.size() > 1)
                out += "# " + nameOf(r, i).toUtf8() + '\n';
            out += command.trimmed().toUtf8() + '\n';
            if (i + 1 < file.requests.size())
                out += '\n';
        }
        return out;
    }
    case Format::Har: {
        QList<Exchange> exchanges;
        for (qsizetype i = 0; i < file.requests.size(); ++i) {
            const RequestSpec &spec = file.requests.at(i).request;
            Exchange e;
            e.id = quint64(i + 1);
            e.chainId = e.id;
            e.method = spec.method;
            e.url = spec.urlTemplate.isEmpty() ? spec.url : QUrl(spec.urlTemplate, QUrl::TolerantMode);
            if (!e.url.isValid() || e.url.host().isEmpty()) {
                warnings->append(tr("%1: skipped: HAR needs a complete URL, this one is \"%2\" (resolve its "
                                    "{{variables}} first)")
                                     .arg(nameOf(file.requests.at(i), i), spec.urlTemplate.isEmpty()
                                                                              ? spec.url.toString()
                                                                              : spec.urlTemplate));
                continue;
            }
            e.requestHeaders = spec.headers;
            e.httpVersion = "HTTP/1.1";
            if (spec.body.kind == RequestBody::Kind::Raw)
                e.requestBody = BodyStore::fromBytes(spec.body.raw);
            else if (spec.body.kind != RequestBody::Kind::None)
                warnings->append(
                    tr("%1: only raw bodies are written to HAR").arg(nameOf(file.requests.at(i), i)));
            exchanges.append(e);
        }
        if (exchanges.isEmpty()) {
            *error = tr("no request could be written to HAR");
            return std::nullopt;
        }
        warnings->append(tr("the HAR holds the requests only: no response was recorded"));
        HarWriter::Options har;
        har.keepSecrets = includeSecrets;
        return HarWriter(har).toBytes(exchanges);
    }
    case Format::Postman: {
        ImportedItem root;
        root.name = tr("Converted by Peephole");
        for (const HttpFileVariable &v : file.variables)
            root.variables.append(ImportedVariable{v.name, v.value, true, false});
        for (qsizetype i = 0; i < file.requests.size(); ++i) {
            ImportedItem item;
            item.name = nameOf(file.requests.at(i), i);
            item.request = file.requests.at(i).request;
            item.assertions = file.requests.at(i).assertions;
            // Scripts written for Postman's pm API go back into the events they came from; JetBrains
            // handler scripts (client., response.) mean nothing to Postman or newman.
            for (const HttpFileScript &script : file.requests.at(i).scripts) {
                const bool pm = script.path.isEmpty() && script.code.contains(u"pm."_s) &&
                                !script.code.contains(u"client."_s);
                if (!pm) {
                    warnings->append(tr("%1: the %2 script at line %3 is not written (Postman runs only its own "
                                        "pm scripts)")
                                         .arg(nameOf(file.requests.at(i), i),
                                              script.phase == HttpFileScript::Phase::PreRequest ? tr("pre-request")
                                                                                                : tr("response"))
                                         .arg(script.line));
                    continue;
                }
                QString &target = script.phase == HttpFileScript::Phase::PreRequest ? item.preRequestScript
                                                                                    : item.testScript;
                target = target.isEmpty() ? script.code : target + u'\n' + script.code;
            }
            if (item.request->auth.scheme != AuthSettings::Scheme::Any ||
                item.request->auth.hasUserCredentials() || item.request->auth.hasToken())
                item.auth = item.request->auth;
            root.children.append(item);
        }
        return PostmanExporter::write(root, warnings);
    }
    }
    *error = tr("this format cannot be written");
    return std::nullopt;
}

} // namespace ConvertFormats

QString ConvertCommand::help()
{
    Parser parser;
    return u"Usage: peephole-cli convert [--from FORMAT] [--to FORMAT] IN [OUT]\n\n"_s +
           parser.p.applicationDescription() + u"\n\n"_s + parser.p.helpText().section(u"\n\n"_s, 1) +
           tr("\nExit codes: 0 converted, 2 usage, 3 the input cannot be read or parsed (nothing is "
              "written), 13 the output cannot be written.\n");
}

int ConvertCommand::run(const QStringList &arguments)
{
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"peephole.*.debug=false\npeephole.*.info=false"_s);
    Parser parser;
    if (!parser.p.parse(QStringList{u"peephole-cli convert"_s} + arguments)) {
        printError(parser.p.errorText());
        return Usage;
    }
    if (parser.p.isSet(parser.help)) {
        std::fputs(qPrintable(help()), stdout);
        return Success;
    }
    std::optional<ConvertFormats::Format> from, to;
    for (const auto &[option, format] : {std::pair{&parser.from, &from}, std::pair{&parser.to, &to}}) {
        if (!parser.p.isSet(*option))
            continue;
        *format = ConvertFormats::parseFormat(parser.p.value(*option));
        if (!*format) {
            printError(tr("--%1 takes one of: %2 (got \"%3\")")
                           .arg(option->names().constFirst(), ConvertFormats::formatNames().join(u", "_s),
                                parser.p.value(*option)));
            return Usage;
        }
    }
    const QStringList positional = parser.p.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2) {
        printError(tr("give the input file and, optionally, the output file"));
        return Usage;
    }
    const QString inPath = positional.at(0);
    QFile in;
    bool opened = false;
    if (inPath == u"-"_s)
        opened = in.open(stdin, QIODevice::ReadOnly);
    else {
        in.setFileName(inPath);
        opened = in.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        printError(tr("cannot read %1: %2").arg(QDir::toNativeSeparators(inPath), in.errorString()));
        return InputFile;
    }
    // Formats not given are inferred (content, then extension), and the user is told what was chosen.
    if (!from) {
        // From the first 64 KiB: a HAR is read as a stream afterwards, so it is only peeked at.
        const ConvertFormats::Inferred guess = ConvertFormats::inferInput(inPath, in.peek(64 * 1024));
        if (!guess.format) {
            printError(tr("cannot tell the format of %1 from its content or its name; give --from (%2)")
                           .arg(QDir::toNativeSeparators(inPath), ConvertFormats::formatNames().join(u", "_s)));
            return Usage;
        }
        from = guess.format;
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("reading %1 as %2: inferred from %3 (--from overrides)")
                                    .arg(QDir::toNativeSeparators(inPath), ConvertFormats::formatName(*from),
                                         guess.reason)));
    }
    if (!to) {
        const ConvertFormats::Inferred guess = ConvertFormats::inferOutput(positional.value(1));
        if (!guess.format) {
            printError(positional.size() < 2
                           ? tr("give --to (%1): standard output has no extension to infer it from")
                                 .arg(ConvertFormats::formatNames().join(u", "_s))
                           : tr("cannot tell the format to write from the name %1; give --to (%2)")
                                 .arg(QDir::toNativeSeparators(positional.at(1)),
                                      ConvertFormats::formatNames().join(u", "_s)));
            return Usage;
        }
        to = guess.format;
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("writing %1 as %2: inferred from %3 (--to overrides)")
                                    .arg(QDir::toNativeSeparators(positional.at(1)),
                                         ConvertFormats::formatName(*to), guess.reason)));
    }
    const QString baseDir = inPath == u"-"_s ? QDir::currentPath() : QFileInfo(inPath).absolutePath();
    // A HAR streams (it can be hundreds of MB); the other formats are read whole.
    ConvertFormats::Imported imported = *from == ConvertFormats::Format::Har
                                            ? ConvertFormats::readHar(&in)
                                            : ConvertFormats::read(*from, in.readAll(), baseDir);
    for (const ImportIssue &issue : std::as_const(imported.issues))
        std::fprintf(stderr, "warning: %s: %s\n", qPrintable(issue.item), qPrintable(issue.reason));
    if (!imported.ok) {
        printError(tr("cannot import %1: %2").arg(QDir::toNativeSeparators(inPath), imported.error));
        return InputFile;
    }
    const bool includeSecrets = parser.p.isSet(parser.includeSecrets);
    QList<ImportedSecret> secrets = imported.secrets;
    if (!includeSecrets)
        secrets += SecretMover::moveOut(&imported.file);
    QStringList warnings;
    QString error;
    const std::optional<QByteArray> out =
        ConvertFormats::write(*to, imported.file, &warnings, &error, includeSecrets);
    for (const QString &w : std::as_const(warnings))
        std::fprintf(stderr, "warning: %s\n", qPrintable(w));
    if (!out) {
        printError(error);
        return Usage;
    }
    const QFileInfo outInfo(positional.value(1));
    const bool besideFile = positional.size() == 2 && (!outInfo.exists() || outInfo.isFile());
    if (!besideFile && !secrets.isEmpty()) {
        QStringList names;
        for (const ImportedSecret &s : std::as_const(secrets))
            names.append(u"{{"_s + s.variable + u"}} ("_s + s.where + u')');
        std::fprintf(
            stderr, "warning: %s\n",
            qPrintable(
                tr("%1 secrets were replaced by variables and not written anywhere "
                   "(the output is not a regular file with a private environment file next to it): %2. "
                   "Give an OUT file to have them stored in %3 next to it, or use "
                   "--include-secrets.")
                    .arg(secrets.size())
                    .arg(names.join(u", "_s), QString::fromLatin1(EnvironmentFile::PrivateFileName))));
        secrets.clear();
    }
    const QString outPath = positional.size() == 1 ? u"-"_s : positional.at(1);
    // The secrets first: a collection that refers to variables nobody stored would lose them.
    QStringList moved;
    if (besideFile &&
        !SecretMover::storePrivate(secrets, QFileInfo(outPath).absolutePath(), &moved, &error)) {
        printError(error);
        return Output;
    }
    if (!Io::writeFile(outPath, *out, &error, {Io::OutputFile::Permissions::Private, true})) {
        printError(error);
        return Output;
    }
    for (const QString &line : std::as_const(moved))
        std::fprintf(stderr, "%s\n", qPrintable(line));
    if (outPath == u"-"_s)
        return Success;
    std::fprintf(
        stderr, "%s\n",
        qPrintable(
            tr("converted %1 requests to %2").arg(imported.file.requests.size()).arg(positional.at(1))));
    return Success;
}

} // namespace Peephole::Cli
