#include "cli/oauthcommand.h"
#include "cli/oauthcommand_p.h"

#include "auth/credentialstore.h"
#include "cli/exchangeprinter.h"
#include "cli/exitcodes.h"
#include "http/exchangelog.h"
#include "oauth/jwt.h"
#include "oauth/oauthclient.h"
#include "oauth/oauthconfig.h"
#include "oauth/oauthtokens.h"
#include "redact/redact.h"
#include "workspace/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

using namespace OAuthCli;

QString OAuthCli::usage()
{
    return tr("Usage: peephole-cli oauth token --name NAME [--issuer URL | --token-url URL ...] --client-id ID "
              "--grant code|client_credentials|device|refresh\n"
              "       peephole-cli oauth show NAME [--show-secrets]\n"
              "       peephole-cli oauth list\n"
              "       peephole-cli oauth forget NAME\n"
              "       peephole-cli oauth decode JWT|- [--verify] [--issuer URL | --jwks-url URL]\n"
              "       peephole-cli oauth decode --name NAME [--verify]\n\n"
              "Gets OAuth 2 / OpenID Connect tokens and keeps them in the OS keychain, keyed by issuer, client id\n"
              "and user; the configuration (no secrets) is kept under NAME for send --oauth NAME.\n"
              "Run \"peephole-cli oauth token --help\" for the token options.\n");
}

namespace {
QString masked(const QString &secret)
{
    return secret.isEmpty() ? QString() : secret.left(4) + u"****"_s;
}

QString when(const QDateTime &t)
{
    if (!t.isValid())
        return tr("unknown (the server sent no expires_in)");
    const QDateTime local = t.toLocalTime();
    const QDateTime now = QDateTime::currentDateTime();
    return QLocale::c().toString(local, u"yyyy-MM-dd HH:mm:ss t"_s) + u" ("_s +
           (local <= now ? tr("expired %1").arg(Jwt::relative(local, now))
                         : tr("expires %1").arg(Jwt::relative(local, now))) +
           u')';
}

} // namespace

OAuthCommand::OAuthCommand(QObject *parent) : QObject(parent), m_workspace(new Workspace(this)) {}

int OAuthCommand::run(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == u"token"_s)
        return token(args.mid(1));
    if (verb == u"show"_s)
        return show(args.mid(1));
    if (verb == u"list"_s)
        return list(args.mid(1));
    if (verb == u"forget"_s)
        return forget(args.mid(1));
    if (verb == u"decode"_s)
        return decode(args.mid(1));
    if (verb == u"--help"_s || verb == u"-h"_s) {
        std::fputs(qPrintable(usage()), stdout);
        return Success;
    }
    std::fputs(qPrintable(usage()), stderr);
    return Usage;
}

void OAuthCommand::settle()
{
    CredentialStore *store = m_workspace->credentials();
    if (store->pendingJobs() == 0)
        return;
    QEventLoop wait;
    connect(store, &CredentialStore::idle, &wait, &QEventLoop::quit);
    QTimer::singleShot(15000, &wait, &QEventLoop::quit);
    wait.exec();
}

void OAuthCommand::printExchanges(bool verbose, bool showSecrets)
{
    ExchangeLog *log = m_workspace->log();
    ExchangePrinter printer(stderr, stdout, SendOptions::Mode::Verbose, showSecrets);
    for (; m_printed < log->count(); ++m_printed) {
        const Exchange &e = log->at(m_printed);
        if (verbose) {
            printer.printHeads(e);
            continue;
        }
        QString line = u"* #%1 %2 %3 → "_s.arg(e.id).arg(QString::fromLatin1(e.method),
                                                         (showSecrets ? e.url : Redact::url(e.url, u"****"))
                                                             .toString(QUrl::FullyEncoded));
        line += e.error.isError() ? e.error.message
                                  : QString::number(e.statusCode) + u' ' + QString::fromLatin1(e.reasonPhrase);
        for (const QString &n : *e.notes)
            line += u"\n  "_s + n;
        std::fprintf(stderr, "%s\n", Redact::escapeControls(line.toUtf8(), true).constData());
    }
}

void OAuthCommand::printTokens(const OAuthConfig &config, const OAuthTokens &t, bool showSecrets)
{
    std::printf("%s\n", qPrintable(tr("OAuth configuration \"%1\" (%2, client %3, %4)")
                                       .arg(config.name, OAuthConfig::grantName(config.grant), config.clientId,
                                            config.keyOrigin().mid(6))));
    std::printf("  access_token: %s\n", qPrintable(showSecrets ? t.accessToken : masked(t.accessToken)));
    std::printf("  token_type: %s\n", qPrintable(t.tokenType.isEmpty() ? u"(none)"_s : t.tokenType));
    std::printf("  scope: %s\n", qPrintable(t.scope.isEmpty() ? tr("(as requested)") : t.scope));
    std::printf("  valid until: %s\n", qPrintable(when(t.expiresAt)));
    std::printf("  refresh_token: %s\n",
                qPrintable(t.refreshToken.isEmpty() ? tr("none")
                                                    : (showSecrets ? t.refreshToken : tr("stored in the keychain"))));
    const Jwt access = Jwt::decode(t.accessToken);
    if (access.ok)
        std::printf("  %s\n", qPrintable(tr("access token claims: %1").arg(access.describe().join(u"; "_s))));
    if (!t.idToken.isEmpty()) {
        const Jwt id = Jwt::decode(t.idToken);
        if (showSecrets)
            std::printf("  id_token: %s\n", qPrintable(t.idToken));
        std::printf("  %s\n", qPrintable(id.ok ? tr("ID token: %1").arg(id.describe().join(u"; "_s))
                                               : tr("ID token: %1").arg(id.error)));
    }
}

int OAuthCommand::list(const QStringList &args)
{
    if (!args.isEmpty()) {
        std::fputs(qPrintable(usage()), stderr);
        return Usage;
    }
    OAuthConfigStore store;
    QString error;
    if (!store.load(&error)) {
        printError(error);
        return InputFile;
    }
    if (store.configs().isEmpty())
        std::puts(qPrintable(tr("No OAuth configurations.")));
    for (const OAuthConfig &c : store.configs())
        std::printf("%s\t%s\t%s\t%s\n", qPrintable(c.name), qPrintable(OAuthConfig::grantName(c.grant)),
                    qPrintable(c.keyOrigin().mid(6)), qPrintable(c.clientId));
    return Success;
}

int OAuthCommand::show(const QStringList &args)
{
    const bool showSecrets = args.contains(u"--show-secrets"_s);
    QStringList rest = args;
    rest.removeAll(u"--show-secrets"_s);
    if (rest.size() != 1) {
        std::fputs(qPrintable(usage()), stderr);
        return Usage;
    }
    OAuthConfigStore store;
    QString error;
    OAuthConfig config;
    if (!store.load(&error)) {
        printError(error);
        return InputFile;
    }
    if (!store.find(rest.first(), &config)) {
        printError(tr("there is no OAuth configuration named \"%1\" (see peephole-cli oauth list)").arg(rest.first()));
        return Usage;
    }
    OAuthTokenStore tokens(m_workspace->credentials());
    int code = Success;
    waitFor([&](auto quit) {
        tokens.readTokens(config, [&, quit](bool ok, const OAuthTokens &t, const QString &err) {
            if (ok) {
                printTokens(config, t, showSecrets);
            } else {
                std::printf("%s\n", qPrintable(tr("OAuth configuration \"%1\": no token in the keychain%2")
                                                   .arg(config.name, err.isEmpty() ? QString() : u" ("_s + err + u')')));
                code = err.isEmpty() ? Success : Transport;
            }
            quit();
        });
    });
    return code;
}

int OAuthCommand::forget(const QStringList &args)
{
    if (args.size() != 1) {
        std::fputs(qPrintable(usage()), stderr);
        return Usage;
    }
    OAuthConfigStore store;
    QString error;
    OAuthConfig config;
    if (!store.load(&error)) {
        printError(error);
        return InputFile;
    }
    if (!store.find(args.first(), &config)) {
        printError(tr("there is no OAuth configuration named \"%1\" (see peephole-cli oauth list)").arg(args.first()));
        return Usage;
    }
    OAuthTokenStore tokens(m_workspace->credentials());
    bool forgotten = false;
    waitFor([&](auto quit) {
        tokens.forget(config, [&, quit](bool ok, const QString &err) {
            forgotten = ok;
            if (!ok)
                printError(err);
            quit();
        });
    });
    store.remove(config.name);
    if (!store.save(&error)) {
        printError(error);
        return Output;
    }
    settle();
    std::puts(qPrintable(tr("Forgotten: the configuration \"%1\", its tokens and its client secret.").arg(config.name)));
    return forgotten ? Success : Transport;
}

} // namespace Peephole::Cli
