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
    answer.scheme = request.suggestedScheme;
    answer.remember = !request.isProxy && !m_rememberOrigin.isEmpty() && request.origin == m_rememberOrigin;
    if (!bearer && !request.isProxy && !m_user.isEmpty() && request.origin == m_userOrigin) {
        // --user NAME: only the password is missing.
        answer.user = m_user;
        if (!promptSecret(intro + u"\n"_s + tr("Password for %1: ").arg(m_user), &answer.password))
            answer.cancelled = true;
        done(answer);
        return;
    }
    QString user;
    if (!promptLine(intro + u"\n"_s + (bearer ? tr("Token: ") : tr("User: ")), &user, !bearer)) {
        answer.cancelled = true;
        done(answer);
        return;
    }
    if (bearer) {
        answer.token = user;
    } else {
        answer.user = user;
        promptSecret(tr("Password: "), &answer.password);
    }
    done(answer);
}

} // namespace Peephole::Cli
