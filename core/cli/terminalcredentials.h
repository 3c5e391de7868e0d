#pragma once

#include "auth/credentialprovider.h"

namespace Peephole::Cli {

/// Asks for credentials on the controlling terminal when a challenge has no
/// answer yet; without a terminal it declines (the exchange then ends as a 401/407).
class TerminalCredentials : public CredentialProvider
{
public:
    void requestCredentials(const CredentialRequest &request,
                            std::function<void(const CredentialAnswer &)> done) override;
    /// `--user NAME` without a password: ask only for NAME's password (after the keychain had none).
    void setKnownUser(const QString &user) { m_knownUser = user; }

private:
    QString m_knownUser;
};

} // namespace Peephole::Cli
