#include "cli/runcommand.h"

#include "auth/authnegotiator.h"
#include "cli/exitcodes.h"
#include "cli/runoauth.h"
#include "auth/credentialstore.h"
#include "collection/collectionstore.h"
#include "collection/secretvariablestore.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "redact/redact.h"
#include "replay/reports.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "peephole-cli run: %s\n", qPrintable(message));
}

/// The collection a lone .http file belongs to: the nearest folder above it
/// with an http-client.env.json, a .peephole folder or a .git folder; else its own folder.
QString collectionRootOf(const QFileInfo &file)
{
    QDir dir = file.absoluteDir();
    do {
        if (dir.exists(u"http-client.env.json"_s) || dir.exists(u".peephole"_s) || dir.exists(u".git"_s))
            return dir.absolutePath();
    } while (dir.cdUp());
    return file.absolutePath();
}

struct ReportRequest
{
    QString kind;
    QString file;
};

struct Parser
{
    QCommandLineParser p;
    QCommandLineOption env{{u"e"_s, u"env"_s}, tr("Environment of http-client.env.json to use."), u"NAME"_s};
    QCommandLineOption folder{u"folder"_s, tr("Run only the requests under this folder (relative path)."),
                              u"F"_s};
    QCommandLineOption concurrency{
        {u"j"_s, u"concurrency"_s}, tr("Requests in flight at once (default 1)."), u"N"_s};
    QCommandLineOption bail{u"bail"_s, tr("Stop at the first request that does not pass.")};
    QCommandLineOption var{u"var"_s,
                           tr("Set a variable NAME=VALUE (wins over every other scope); repeatable."),
                           u"NAME=VALUE"_s};
    QCommandLineOption update{u"update-expected"_s,
                              tr("Save every response as the expected one under .peephole/expected/.")};
    QCommandLineOption ignore{
        u"ignore-header"_s, tr("Also ignore this header when comparing with expected responses; repeatable."),
        u"NAME"_s};
    QCommandLineOption quiet{{u"q"_s, u"quiet"_s},
                             tr("Print only the requests that did not pass, and the summary.")};
    QCommandLineOption includeSecrets{u"include-secrets"_s,
                                      tr("Keep passwords, tokens, secret headers and query parameters in the "
                                         "reports and the output (redacted by default).")};
    QCommandLineOption json{u"json"_s, tr("Print the run as JSON on standard output (the --report json "
                                          "format, docs/run-report.md) instead of the text lines.")};
    QCommandLineOption help{{u"h"_s, u"help"_s}, tr("Show this help.")};

    Parser()
    {
        p.setApplicationDescription(tr("Run the requests of a collection and check their responses."));
        p.addOptions(
            {env, folder, concurrency, bail, var, update, ignore, quiet, includeSecrets, json, help});
        p.addPositionalArgument(u"PATH"_s, tr("A collection folder, or one .http file."));
    }
};
} // namespace

RunCommand::RunCommand(QObject *parent)
    : QObject(parent), m_log(new ExchangeLog(this)), m_session(new HttpSession(m_log, this)),
      m_negotiator(new AuthNegotiator(this))
{
    // Challenges (Digest, Basic after a 401) and preemptive credentials of the requests'
    // auth settings are answered by the negotiator, only for the request's origin.
    m_session->setAuthHook(m_negotiator);
}

QString RunCommand::help()
{
    Parser parser;
    return u"Usage: peephole-cli run PATH [options]\n\n"_s + parser.p.applicationDescription() + u"\n\n"_s +
           parser.p.helpText().section(u"\n\n"_s, 1, 1) + u'\n' +
           tr("  --report junit|json FILE  Write a JUnit XML or JSON report; repeatable.") + u"\n\n"_s +
           parser.p.helpText().section(u"\n\n"_s, 2) + u'\n' +
           tr("Exit codes: 0 all passed, 30 something failed, changed or errored, 2 usage, 3 unreadable "
              "input, 13 a report cannot be written.\n");
}

void RunCommand::printResult(const RequestResult &result)
{
    // What reaches the terminal: secrets redacted, control bytes escaped.
    RunSummary one;
    one.results.append(result);
    const RequestResult r = m_includeSecrets ? result : Reports::redacted(one).results.first();
    const auto safe = [](const QString &text) {
        return QString::fromUtf8(Redact::escapeControls(text.toUtf8()));
    };
    const QString status = r.status ? QString::number(r.status) : u"---"_s;
    const QString time = r.durationMs >= 0 ? QString::number(r.durationMs) + u" ms"_s : u"-"_s;
    std::printf("%-8s %s %8s  %s %s\n", qPrintable(RequestResult::outcomeName(r.outcome)), qPrintable(status),
                qPrintable(time), qPrintable(safe(r.ref.file)), qPrintable(safe(u"› "_s + r.name)));
    for (const QString &w : r.warnings)
        std::fprintf(stderr, "%s\n", qPrintable(safe(w)));
    for (const AssertionResult &a : r.assertions) {
        if (a.kind == u"test"_s) // client.test / pm.test
            std::printf("           %-4s test \"%s\"\n", a.passed ? "ok" : "FAIL", qPrintable(safe(a.expression)));
        else
            std::printf("           %-4s ?? %s\n", a.passed ? "ok" : "FAIL", qPrintable(safe(a.expression)));
    }
    for (const QString &line : r.scriptLog)
        std::printf("           log  %s\n", qPrintable(safe(line)));
    if (r.outcome != RequestResult::Outcome::Passed &&
        (r.outcome != RequestResult::Outcome::Skipped || r.disabled)) {
        for (const QString &m : r.messages) {
            for (const QString &line : m.split(u'\n'))
                std::printf("           %s\n", qPrintable(safe(line)));
        }
    }
    std::fflush(stdout);
}

int RunCommand::run(const QStringList &arguments)
{
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"peephole.*.debug=false\npeephole.*.info=false"_s);
    // "--report KIND FILE" takes two values: take it out before the parser sees it.
    QStringList args{u"peephole-cli run"_s};
    QList<ReportRequest> reports;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--report"_s) {
            if (i + 2 >= arguments.size()) {
                printError(tr("--report needs a kind and a file: --report junit FILE or --report json FILE"));
                return Usage;
            }
            const QString kind = arguments.value(i + 1), file = arguments.value(i + 2);
            if ((kind != u"junit"_s && kind != u"json"_s) || file.isEmpty()) {
                printError(
                    tr("--report needs a kind (junit or json) and a file, got \"%1 %2\"").arg(kind, file));
                return Usage;
            }
            reports.append({kind, file});
            i += 2;
            continue;
        }
        args.append(a);
    }
    Parser parser;
    if (!parser.p.parse(args)) {
        printError(parser.p.errorText());
        return Usage;
    }
    if (parser.p.isSet(parser.help)) {
        std::fputs(qPrintable(help()), stdout);
        return Success;
    }
    const QStringList positional = parser.p.positionalArguments();
    if (positional.size() != 1) {
        printError(positional.isEmpty() ? tr("missing PATH: give a collection folder or a .http file")
                                        : tr("one PATH only, got %1").arg(positional.size()));
        return Usage;
    }
    m_includeSecrets = parser.p.isSet(parser.includeSecrets);
    RunOptions options;
    options.environment = parser.p.value(parser.env);
    options.bail = parser.p.isSet(parser.bail);
    options.updateExpected = parser.p.isSet(parser.update);
    options.diff.ignoredHeaders += parser.p.values(parser.ignore);
    if (parser.p.isSet(parser.concurrency)) {
        bool ok = false;
        options.concurrency = parser.p.value(parser.concurrency).toInt(&ok);
        if (!ok || options.concurrency < 1 || options.concurrency > 256) {
            printError(tr("--concurrency takes a number from 1 to 256, got \"%1\"")
                           .arg(parser.p.value(parser.concurrency)));
            return Usage;
        }
    }
    const QStringList vars = parser.p.values(parser.var);
    for (const QString &v : vars) {
        const qsizetype eq = v.indexOf(u'=');
        if (eq <= 0) {
            printError(tr("--var takes NAME=VALUE, got \"%1\"").arg(v));
            return Usage;
        }
        options.overrides.insert(v.left(eq), v.mid(eq + 1));
    }

    // The collection.
    const QFileInfo input(positional.first());
    if (!input.exists() || !input.isReadable()) {
        printError(
            tr("cannot read %1: no such file or folder").arg(QDir::toNativeSeparators(input.filePath())));
        return InputFile;
    }
    const QString root = input.isDir() ? input.absoluteFilePath() : collectionRootOf(input);
    CollectionStore store;
    QString error;
    if (!store.open(root, &error)) {
        printError(error);
        return InputFile;
    }
    const Collection &collection = store.collection();
    QList<RequestRef> selection;
    QString scope;
    if (input.isFile()) {
        scope = QDir(root).relativeFilePath(input.absoluteFilePath());
        const int fi = collection.fileIndex(scope);
        if (fi < 0) {
            printError(tr("%1 is not a .http or .rest file").arg(QDir::toNativeSeparators(input.filePath())));
            return InputFile;
        }
        for (int i = 0; i < collection.files.at(fi).requests.size(); ++i)
            selection.append(RequestRef{scope, i});
    } else if (parser.p.isSet(parser.folder)) {
        scope = QDir::cleanPath(parser.p.value(parser.folder));
        if (collection.folderIndex(scope) < 0) {
            printError(
                tr("no folder \"%1\" in the collection %2").arg(scope, QDir::toNativeSeparators(root)));
            return Usage;
        }
        selection = collection.requestsUnder(scope);
    } else {
        selection = collection.allRequests();
    }

    int problems = 0;
    for (const CollectionFile *f : collection.problems()) {
        if (!scope.isEmpty() && f->path != scope && !f->path.startsWith(scope + u'/'))
            continue;
        for (const FileProblem &p : f->problems) {
            std::fprintf(stderr, "%s:%d: %s\n", qPrintable(f->path), p.line, qPrintable(p.message));
            ++problems;
        }
    }
    if (selection.isEmpty()) {
        printError(problems ? tr("no request could be loaded") : tr("no request to run in %1").arg(root));
        return problems ? InputFile : RunFailed;
    }

    CredentialStore keychain;
    prepareOAuthTokens(m_session, &keychain, collection, selection, &options.overrides);
    KeychainSecretStore secrets;
    Runner runner(m_session);
    runner.setSecretStore(&secrets);
    QEventLoop loop;
    const bool json = parser.p.isSet(parser.json);
    const bool quiet = parser.p.isSet(parser.quiet);
    connect(&runner, &Runner::requestFinished, this, [&](int, const RequestResult &r) {
        if (json) {
            for (const QString &w : r.warnings)
                std::fprintf(stderr, "%s\n",
                             qPrintable(QString::fromUtf8(Redact::escapeControls(w.toUtf8()))));
        } else if (!quiet || r.outcome != RequestResult::Outcome::Passed) {
            printResult(r);
        }
    });
    connect(&runner, &Runner::finished, &loop, &QEventLoop::quit);
    if (!runner.start(collection, selection, options, &error)) {
        printError(error);
        return error.contains(u"cannot read"_s) ? InputFile : Usage;
    }
    loop.exec();

    const RunSummary &s = runner.summary();
    const RunSummary reported = m_includeSecrets ? s : Reports::redacted(s);
    if (json) {
        const QByteArray bytes = Reports::json(reported);
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
    }
    for (const RequestResult &r : s.results) {
        if (json)
            break;
        if (r.outcome == RequestResult::Outcome::Skipped && !r.disabled && !quiet)
            printResult(r);
    }
    if (!json)
        std::printf(
            "\n%s\n",
            qPrintable(tr("%1 requests in %2 s: %3 passed, %4 changed, %5 failed, %6 errors, %7 skipped, "
                          "%8 not run")
                           .arg(s.total())
                           .arg(double(s.durationMs) / 1000.0, 0, 'f', 2)
                           .arg(s.passed)
                           .arg(s.changed)
                           .arg(s.failed)
                           .arg(s.errors)
                           .arg(s.skipped)
                           .arg(s.notRun)));
    if (problems && !json)
        std::printf("%s\n", qPrintable(tr("%1 requests could not be loaded (see above)").arg(problems)));

    int code = s.allPassed() && problems == 0 ? Success : RunFailed;
    for (const ReportRequest &r : std::as_const(reports)) {
        const QByteArray bytes = r.kind == u"junit"_s ? Reports::junit(reported) : Reports::json(reported);
        if (!Reports::writeFile(r.file, bytes, &error)) {
            printError(error);
            code = Output;
        }
    }
    return code;
}

} // namespace Peephole::Cli
