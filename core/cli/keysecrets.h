#pragma once

#include "auth/credentialstore.h"
#include "http/requestspec.h"

namespace Peephole::Cli {

/// Secrets of the schemes that sign every request without a challenge (AWS Signature V4, API
/// keys): read from the keychain, else asked for on the terminal, before anything is sent; saved
/// with --save-credentials once the origin accepted them.
class KeySecrets
{
public:
    /// The keychain account for the request's AWS or API key credentials; scheme empty for others.
    static StoredAccount accountFor(const RequestSpec &spec);

    /// Fills the missing secret of @p spec (@p missing: the user left it out). Returns 0, or an exit
    /// code with @p error set.
    int resolve(CredentialStore *store, RequestSpec *spec, bool missing, QString *error);

    /// After a response with @p status: saves the secret when asked and it came from the command line.
    /// Returns a note for stderr, or empty.
    QString saveIfAccepted(CredentialStore *store, const RequestSpec &spec, int status);

private:
    bool m_fromKeychain = false;
};

} // namespace Peephole::Cli
