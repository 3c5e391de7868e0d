#pragma once

#include "auth/credentialprovider.h"

namespace Peephole::Cli {

/// Asks for credentials on the controlling terminal when a challenge has no
/// answer yet; without a terminal it declines (the exchange then ends as a 401/407).
class TerminalCredentials : public CredentialProvider
{
public:
    /// The user named with --user NAME for @p origin: only the password is asked for there.
    void setKnownUser(const QString &origin, const QString &user)
    {
        m_userOrigin = origin;
        m_user = user;
    }
    /// --save-credentials: what is typed for @p origin (the typed URL's, never a redirect
    /// target's) is saved once the server accepts it.
    void setRememberFor(const QString &origin) { m_rememberOrigin = origin; }

    void requestCredentials(const CredentialRequest &request,
                            std::function<void(const CredentialAnswer &)> done) override;

private:
    QString m_userOrigin;
    QString m_user;
    QString m_rememberOrigin;
};

} // namespace Peephole::Cli
