#include "cli/sendcommand.h"

#include <cerrno>
#include <cstring>

#include "auth/authoffers.h"
#include "auth/credentialstore.h"
#include "cli/exchangeprinter.h"
#include "cli/exitcodes.h"
#include "cli/streamprinter.h"
#include "cli/terminalcredentials.h"
#include "cli/terminalprompt.h"
#include "formats/harwriter.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "stream/streamstore.h"
#include "http/redirects.h"
#include "oauth/oauthauthorizer.h"
#include "workspace/workspace.h"

#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <climits>
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
    if (!KeySecrets::accountFor(m_options.spec).scheme.isEmpty()) {
        const bool missing = auth.scheme == AuthSettings::Scheme::AwsSigV4 ? m_options.passwordMissing
                                                                           : auth.apiKey.isEmpty();
        if (const int code = m_keySecrets.resolve(m_workspace->credentials(), &m_options.spec, missing, &error)) {
            printError(error);
            return code;
        }
        m_options.passwordMissing = false;
    }
    if (m_options.passwordMissing && !auth.fromKeychain &&
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
    const QString typedOrigin = AuthOffers::originOf(m_options.spec.url);
    if (auth.fromKeychain)
        prompt.setKnownUser(typedOrigin, auth.user);
    if (auth.saveToKeychain)
        prompt.setRememberFor(typedOrigin);
    HttpSession *session = m_workspace->session();
    OAuthAuthorizer *oauth = nullptr;
    const auto printOwn = [this](quint64 exchangeId) {
        const Exchange *e = m_workspace->log()->find(exchangeId);
        if (!e)
            return;
        ExchangePrinter printer(m_options.mode == SendOptions::Mode::Head ? stdout : stderr, stdout,
                                m_options.mode, m_options.showSecrets);
        printer.printHeads(*e);
    };
    if (!m_options.oauthName.isEmpty()) {
        if (auth.hasToken() || auth.hasUserCredentials()) {
            printError(tr("--oauth cannot be combined with --token or --user"));
            return Usage;
        }
        // The OAuth configuration answers with its token; no terminal prompt for a rejected one.
        oauth = new OAuthAuthorizer(m_workspace->session(), m_workspace->credentials(), this);
        if (m_options.spec.options.timeoutMs > 0)
            oauth->setTimeoutMs(m_options.spec.options.timeoutMs);
        QEventLoop preparing;
        bool ready = false;
        QString why;
        oauth->prepare(m_options.oauthName, [&](bool ok, const QString &problem) {
            ready = ok;
            why = problem;
            preparing.quit();
        });
        if (why.isEmpty() && !ready)
            preparing.exec();
        if (oauth->tokenExchangeId() != 0)
            printOwn(oauth->tokenExchangeId());
        if (!ready) {
            printError(why);
            return AuthFailed;
        }
        oauth->apply(m_options.spec);
    } else {
        m_workspace->setCredentialProvider(&prompt);
    }
    QEventLoop loop;
    int code = Success;
    quint64 retryChain = 0;
    QTimer reconnect;
    reconnect.setSingleShot(true);
    RequestSpec again = m_options.spec;
    connect(&reconnect, &QTimer::timeout, this, [&] {
        if (m_stopReason.isEmpty())
            m_workspace->send(again);
        else
            loop.quit();
    });
    connect(session, &HttpSession::chainFinished, this, [&](quint64 chainId, quint64 lastId) {
        if (oauth && oauth->client()->ownsChain(chainId))
            return; // a token request: printed with the request it was for
        const Exchange *last = m_workspace->log()->find(lastId);
        if (oauth && last && oauth->wantsRefresh(*last)) {
            // 401 invalid_token: refresh once, retry once (three linked exchanges).
            const Exchange rejected = *last;
            oauth->refreshAfter(rejected, [&, chainId](bool ok, const QString &problem) {
                for (const Exchange &e : m_workspace->log()->chain(chainId))
                    printOwn(e.id);
                if (oauth->tokenExchangeId() != 0)
                    printOwn(oauth->tokenExchangeId());
                if (!ok) {
                    printError(problem);
                    code = AuthFailed;
                    loop.quit();
                    return;
                }
                RequestSpec retry = m_options.spec;
                oauth->apply(retry);
                retryChain = m_workspace->send(retry);
            });
            return;
        }
        if (oauth && chainId == retryChain) {
            const QList<Exchange> chain = m_workspace->log()->chain(chainId);
            if (!chain.isEmpty())
                oauth->noteRetry(chain.first().id);
        }
        code = finish(chainId);
        const StreamRecord *stream = session->streams()->find(lastId);
        if (!m_options.reconnect || !stream || !m_stopReason.isEmpty() || m_outputFailed) {
            loop.quit();
            return;
        }
        // WHATWG: wait the reconnection time, then send again with the last event ID (when there is one).
        const qint64 wait = stream->retryMs >= 0 ? stream->retryMs : 3000;
        Headers::remove(again.headers, "Last-Event-ID");
        if (!stream->lastEventId.isEmpty())
            again.headers.append({"Last-Event-ID", stream->lastEventId.toUtf8(), true});
        std::fprintf(
            stderr, "peephole-cli: %s\n",
            qPrintable(tr("reconnecting in %1 ms with Last-Event-ID: %2")
                           .arg(wait)
                           .arg(stream->lastEventId.isEmpty() ? tr("(none)") : stream->lastEventId)));
        reconnect.start(std::chrono::milliseconds(wait));
    });
    if (!m_options.outputFile.isEmpty())
        session->setOutputFileForNextSend(m_options.outputFile);

    // Event streams: each event is printed as it arrives.
    StreamStore *streams = session->streams();
    StreamPrinter events(stdout, m_options.json);
    connect(streams, &StreamStore::messageAdded, this, [&](quint64 exchangeId, qint64 received) {
        const StreamRecord *record = streams->find(exchangeId);
        if (!record || !m_stopReason.isEmpty())
            return;
        const qsizetype index = qsizetype(received - record->dropped - 1);
        if (index < 0 || index >= record->messages.size())
            return;
        ++m_events;
        if (!events.print(record->messages.at(index))) {
            m_outputFailed = true;
            stop(tr("the standard output cannot be written"));
            return;
        }
        if (m_options.maxEvents > 0 && m_events >= m_options.maxEvents)
            stop(tr("--max-events %1 reached").arg(m_options.maxEvents));
    });
    QTimer maxTime;
    maxTime.setSingleShot(true);
    connect(&maxTime, &QTimer::timeout, this,
            [this] { stop(tr("--max-time %1 s reached").arg(double(m_options.maxTimeMs) / 1000.0)); });
    if (m_options.maxTimeMs > 0)
        maxTime.start(std::chrono::milliseconds(m_options.maxTimeMs));
    onInterrupt([](void *self) { static_cast<SendCommand *>(self)->stop(tr("interrupted (Ctrl-C)")); }, this);

    m_workspace->send(m_options.spec);
    connect(this, &SendCommand::stoppedBetweenConnections, &loop, [&] {
        reconnect.stop();
        std::fprintf(stderr, "peephole-cli: %s\n",
                     qPrintable(tr("stopped between connections: %1").arg(m_stopReason)));
        code = Success;
        loop.quit();
    });
    if (session->inFlight() > 0)
        loop.exec();
    endInterruptHandling();
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
    const StreamRecord *stream = m_workspace->session()->streams()->find(last.id);
    if (m_outputFailed) {
        printError(tr("cannot write the events to the standard output"));
        return Output;
    }
    if (stream && !m_stopReason.isEmpty() && last.error.kind == ExchangeError::Kind::Cancelled) {
        // The user (or a limit) ended the stream: a clean end, not an error.
        std::fprintf(
            stderr, "peephole-cli: %s\n",
            qPrintable(tr("stopped after %n event(s): %1", nullptr, int(qMin<qint64>(m_events, INT_MAX)))
                           .arg(m_stopReason)));
        return Success;
    }
    if (!m_stopReason.isEmpty() && last.error.kind == ExchangeError::Kind::Cancelled) {
        printError(tr("%1 before the response was complete").arg(m_stopReason));
        return exitCodeFor(ExchangeError::Kind::Timeout);
    }
    if (last.error.isError()) {
        printError(last.error.message);
        return exitCodeFor(last.error.kind);
    }
    if (stream && !stream->endNote.isEmpty())
        printError(stream->endNote);
    if (m_options.outputFile.isEmpty() && !stream && !printer.printBody(last)) {
        printError(tr("the body could not be written to standard output: %1")
                       .arg(QString::fromLocal8Bit(std::strerror(errno))));
        return Output;
    }

    const AuthSettings &auth = m_options.spec.auth;
    if (const QString note =
            m_keySecrets.saveIfAccepted(m_workspace->credentials(), m_options.spec, last.statusCode);
        !note.isEmpty())
        printError(note);
    const bool hadCredentials = auth.hasUserCredentials() || auth.hasToken() || !auth.proxyUser.isEmpty();
    if (last.statusCode == 401 && auth.fromKeychain && !last.auth->rejected &&
        Redirects::sameOrigin(last.url, m_options.spec.url)) {
        const QString realm = last.auth->challenges.isEmpty()
                                  ? QString()
                                  : QString::fromUtf8(last.auth->challenges.first().param("realm"));
        printError(tr("--user %1 has no password, the keychain holds none for %2 (realm \"%3\") and there is "
                      "no terminal to ask on; use --user %1:PASSWORD (add --save-credentials to store it)")
                       .arg(auth.user, AuthOffers::originOf(last.url), realm));
        return AuthFailed;
    }
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

void SendCommand::stop(const QString &reason)
{
    if (!m_stopReason.isEmpty())
        return;
    m_stopReason = reason;
    if (m_workspace->session()->inFlight() > 0)
        m_workspace->session()->cancelAll();
    else
        Q_EMIT stoppedBetweenConnections();
}

} // namespace Peephole::Cli
