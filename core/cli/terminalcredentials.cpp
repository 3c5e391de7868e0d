#include "cli/terminalcredentials.h"

#include "cli/terminalprompt.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

void TerminalCredentials::requestCredentials(const CredentialRequest &request,
                                             std::function<void(const CredentialAnswer &)> done)
{
    CredentialAnswer answer;
    const auto tr = [](const char *text) { return QCoreApplication::translate("Peephole::Cli", text); };
    QString intro = request.isProxy ? tr("The proxy %1 asks for credentials").arg(request.origin)
                                    : tr("%1 asks for credentials").arg(request.origin);
    if (!request.realm.isEmpty())
        intro += tr(" (realm \"%1\")").arg(request.realm);
    if (!request.errorMessage.isEmpty())
        intro += u"\n"_s + request.errorMessage;
    const bool bearer = request.suggestedScheme == u"Bearer"_s;
    if (!m_knownUser.isEmpty() && !bearer) {
        answer.scheme = request.suggestedScheme;
        answer.user = m_knownUser;
        if (!promptSecret(intro + u"\n"_s + tr("Password for %1: ").arg(m_knownUser), &answer.password)) {
            std::fprintf(stderr, "peephole-cli: %s\n",
                         qPrintable(tr("--user %1 has no password, the keychain holds none for %1 at %2, and "
                                       "there is no terminal to ask on; use --user NAME:PASSWORD or store it "
                                       "with --save-credentials once.")
                                        .arg(m_knownUser, request.origin)));
            answer = {};
            answer.cancelled = true;
        }
        done(answer);
        return;
    }
    QString user;
    if (!promptLine(intro + u"\n"_s + (bearer ? tr("Token: ") : tr("User: ")), &user, !bearer)) {
        answer.cancelled = true;
        done(answer);
        return;
    }
    answer.scheme = request.suggestedScheme;
    if (bearer) {
        answer.token = user;
    } else {
        answer.user = user;
        promptSecret(tr("Password: "), &answer.password);
    }
    done(answer);
}

} // namespace Peephole::Cli
