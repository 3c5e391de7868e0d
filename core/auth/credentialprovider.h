#pragma once

#include "auth/challenge.h"

#include <QList>
#include <QString>

#include <functional>

namespace Peephole {

/// What the negotiator asks for when neither the request nor the keychain
/// has credentials for a challenge.
struct CredentialRequest
{
    QString origin; ///< "https://example.org:443", or "proxy http://proxy:3128".
    QString realm;
    bool isProxy = false;
    QList<Challenge> challenges; ///< Everything the server offered.
    QString suggestedScheme;     ///< The scheme Peephole would answer with, e.g. "Digest SHA-256".
    quint64 chainId = 0;
    quint64 exchangeId = 0; ///< The 401/407 exchange.
    QString errorMessage;   ///< Set when credentials for this origin and realm were rejected before.
};

struct CredentialAnswer
{
    bool cancelled = false;
    QString scheme; ///< "Basic", "Digest", "Bearer" or a label like "Digest SHA-256"; empty: any.
    QString user;
    QString password;
    QString token;
    bool remember = false; ///< Save in the keychain once the server accepted them.
};

/// Asks someone (a dialog, the CLI's prompt) for credentials. Implementations
/// must not block: they call @p done exactly once, later or at once.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    virtual void requestCredentials(const CredentialRequest &request,
                                    std::function<void(const CredentialAnswer &)> done) = 0;
    /// Whether the negotiator should ask again, with the server's refusal in
    /// CredentialRequest::errorMessage, when the credentials given were rejected
    /// (a panel the user can answer again or cancel). A terminal prompt says no:
    /// a refused answer ends the chain.
    virtual bool asksAgainAfterRejection() const { return false; }
};

} // namespace Peephole
