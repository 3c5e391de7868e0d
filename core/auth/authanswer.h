#pragma once

#include <QString>

namespace Peephole {

/// What one exchange that carried an answer to a challenge (the retry after a 401/407) answered,
/// with which scheme, why, and where the credentials came from. Kept by the AuthNegotiator per
/// exchange id (AuthNegotiator::answerFor), for the Auth tab. Never holds a secret.
struct AuthAnswer
{
    enum class Source { None, Request, Session, Keychain, Prompt };

    bool valid = false;
    QString answered; ///< "the 401 of exchange #3 from http://127.0.0.1:80, realm “r”".
    QString scheme;   ///< "Digest SHA-256", "Bearer", "Basic (proxy)".
    QString reason;   ///< Why that scheme was chosen, and the source of the credentials.
    Source source = Source::None;
    QString user;   ///< Empty for a token.
    QString realm;  ///< The realm answered.
    QString origin; ///< The origin (or "proxy …") answered.
};

} // namespace Peephole
