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
};

} // namespace Peephole::Cli
