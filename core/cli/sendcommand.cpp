#include "cli/sendcommand.h"

#include "auth/credentialstore.h"
#include "cli/exchangeprinter.h"
#include "cli/exitcodes.h"
#include "cli/terminalcredentials.h"
#include "cli/terminalprompt.h"
#include "formats/harwriter.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "workspace/workspace.h"

#include <QEventLoop>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
void printError(const QString &message)
{
    std::fprintf(stderr, "peephole-cli: %s\n", qPrintable(message));
}
} // namespace

SendCommand::SendCommand(QObject *parent) : QObject(parent), m_workspace(new Workspace(this)) {}

int SendCommand::run(const QStringList &arguments)
{
    QString error;
    bool help = false;
    if (!parseSendOptions(arguments, &m_options, &error, &help)) {
        printError(error);
        return arguments.isEmpty() ? Usage : (error.contains(u"cannot read"_s) ? InputFile : Usage);
    }
    if (help) {
        std::fputs(qPrintable(sendHelp()), stdout);
        return Success;
    }
    AuthSettings &auth = m_options.spec.auth;
    if (m_options.passwordMissing &&
        !promptSecret(tr("Password for %1 at %2: ").arg(auth.user, m_options.spec.url.host()),
                      &auth.password)) {
        printError(
            tr("--user %1 has no password and there is no terminal to ask on; use --user NAME:PASSWORD")
                .arg(auth.user));
        return Usage;
    }
    if (m_options.proxyPasswordMissing &&
        !promptSecret(tr("Proxy password for %1: ").arg(auth.proxyUser), &auth.proxyPassword)) {
        printError(
            tr("--proxy-user %1 has no password and there is no terminal to ask on").arg(auth.proxyUser));
        return Usage;
    }

    TerminalCredentials prompt;
    m_workspace->setCredentialProvider(&prompt);
    HttpSession *session = m_workspace->session();
    QEventLoop loop;
    int code = Success;
    connect(session, &HttpSession::chainFinished, this, [&](quint64 chainId) {
        code = finish(chainId);
        loop.quit();
    });
    if (!m_options.outputFile.isEmpty())
        session->setOutputFileForNextSend(m_options.outputFile);
    m_workspace->send(m_options.spec);
    if (session->inFlight() > 0)
        loop.exec();
    // Credentials that worked may still be on their way into the keychain.
    CredentialStore *store = m_workspace->credentials();
    if (store->pendingJobs() > 0) {
        QEventLoop wait;
        connect(store, &CredentialStore::idle, &wait, &QEventLoop::quit);
        QTimer::singleShot(15000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    m_workspace->setCredentialProvider(nullptr);
    return code;
}

int SendCommand::finish(quint64 chainId)
{
    const QList<Exchange> chain = m_workspace->log()->chain(chainId);
    ExchangePrinter printer(m_options.mode == SendOptions::Mode::Head ? stdout : stderr, stdout,
                            m_options.mode, m_options.showSecrets);
    for (const Exchange &e : chain)
        printer.printHeads(e);
    if (chain.isEmpty())
        return Transport;
    if (!m_options.harFile.isEmpty()) {
        QString error;
        HarWriter::Options har;
        har.keepSecrets = m_options.includeSecrets;
        if (!HarWriter(har).writeFile(m_options.harFile, chain, &error)) {
            printError(error);
            return Output;
        }
    }
    const Exchange &last = chain.last();
    if (last.error.isError()) {
        printError(last.error.message);
        return exitCodeFor(last.error.kind);
    }
    if (m_options.outputFile.isEmpty())
        printer.printBody(last);

    const AuthSettings &auth = m_options.spec.auth;
    const bool hadCredentials = auth.hasUserCredentials() || auth.hasToken() || !auth.proxyUser.isEmpty();
    if (last.isAuthChallenge() && (hadCredentials || last.auth->rejected)) {
        printError(last.auth->explanation.isEmpty() ? tr("authentication failed: the server answered %1 %2")
                                                          .arg(last.statusCode)
                                                          .arg(QString::fromLatin1(last.reasonPhrase))
                                                    : last.auth->explanation);
        return AuthFailed;
    }
    if (m_options.fail && last.statusCode >= 400) {
        printError(
            tr("the server answered %1 %2").arg(last.statusCode).arg(QString::fromLatin1(last.reasonPhrase)));
        return HttpError;
    }
    return Success;
}

} // namespace Peephole::Cli
