#include "cli/cliapp.h"

#include "cli/convertcommand.h"
#include "cli/credentialscommand.h"
#include "cli/exitcodes.h"
#include "cli/oauthcommand.h"
#include "cli/runcommand.h"
#include "cli/sendcommand.h"
#include "cli/wscommand.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

QString usage()
{
    return tr("Usage: peephole-cli COMMAND [options]\n\n"
              "Commands:\n"
              "  send URL           send one request and print every exchange of its chain\n"
              "  ws URL             open a WebSocket: send standard input, print what arrives\n"
              "  run PATH           run a collection's requests and check their responses\n"
              "  convert IN [OUT]   convert between curl, HAR, Postman and .http files\n"
              "  credentials        list or forget credentials stored in the OS keychain\n"
              "  oauth              get, show, decode or forget OAuth 2 / OpenID Connect tokens\n"
              "  help [COMMAND]     show help\n\n"
              "Options:\n"
              "  -h, --help         show this help\n"
              "  --version          show the version\n\n"
              "Run \"peephole-cli COMMAND --help\" for a command's options.\n\n") +
           exitCodeHelp();
}
} // namespace

namespace {
int dispatch(const QStringList &arguments);
} // namespace

int run(const QStringList &arguments)
{
    int code = dispatch(arguments);
    // Whatever a command printed to standard output went through stdio's buffer: a closed pipe
    // or a full disk shows only now. Nothing claims success that was not written.
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int why = errno;
        std::fprintf(stderr, "peephole-cli: %s\n",
                     qPrintable(tr("cannot write standard output: %1")
                                    .arg(QString::fromLocal8Bit(std::strerror(why ? why : EIO)))));
        if (code == Success)
            code = Output;
    }
    return code;
}

namespace {
int dispatch(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    const QString command = args.value(0);
    if (command.isEmpty()) {
        std::fputs(qPrintable(usage()), stderr);
        return Usage;
    }
    if (command == u"--help"_s || command == u"-h"_s || (command == u"help"_s && args.size() == 1)) {
        std::fputs(qPrintable(usage()), stdout);
        return Success;
    }
    if (command == u"--version"_s) {
        std::printf("peephole-cli %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return Success;
    }
    if (command == u"help"_s)
        return run({arguments.first(), args.at(1), u"--help"_s});
    if (command == u"run"_s) {
        RunCommand runCommand;
        return runCommand.run(args.mid(1));
    }
    if (command == u"convert"_s) {
        ConvertCommand convert;
        return convert.run(args.mid(1));
    }
    if (command == u"send"_s) {
        SendCommand send;
        return send.run(args.mid(1));
    }
    if (command == u"oauth"_s) {
        OAuthCommand oauth;
        return oauth.run(args.mid(1));
    }
    if (command == u"ws"_s) {
        WsCommand ws;
        return ws.run(args.mid(1));
    }
    if (command == u"credentials"_s) {
        CredentialsCommand credentials;
        return credentials.run(args.mid(1));
    }
    std::fprintf(
        stderr, "peephole-cli: %s\n",
        qPrintable(tr("unknown command \"%1\". Run peephole-cli --help for the list.").arg(command)));
    return Usage;
}

} // namespace

} // namespace Peephole::Cli
