#pragma once

#include "auth/basicauth.h"
#include "auth/challenge.h"

#include <QCoreApplication>
#include <QString>

namespace Peephole {

/// Bearer tokens (RFC 6750).
class BearerAuth
{
    Q_DECLARE_TR_FUNCTIONS(BearerAuth)
public:
    /// "Bearer <token>"; refuses a token with characters that cannot appear
    /// in a header (b64token, RFC 6750 §2.1, is checked leniently).
    static CredentialHeader authorization(const QString &token);

    /// A plain-words reading of the error, error_description, error_uri and
    /// scope of a Bearer challenge; empty when the challenge reports no error.
    static QString explain(const Challenge &challenge);
};

} // namespace Peephole
