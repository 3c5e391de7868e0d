#pragma once

#include "auth/authsettings.h"
#include "auth/challenge.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Peephole {

/// The result of building a credential header value.
struct CredentialHeader
{
    QByteArray value; ///< E.g. "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="; empty on error.
    QString error;    ///< Why no value could be built, in words.

    bool ok() const { return error.isEmpty() && !value.isEmpty(); }
};

/// Basic authentication (RFC 7617).
class BasicAuth
{
    Q_DECLARE_TR_FUNCTIONS(BasicAuth)
public:
    /// Builds "Basic base64(user:password)". The charset is UTF-8 when
    /// @p challenge says charset="UTF-8" or @p charset is Utf8, else
    /// ISO-8859-1 (an error names the first character it cannot represent).
    /// A user-id containing ':' is refused (RFC 7617 §2).
    static CredentialHeader authorization(const QString &user, const QString &password,
                                          AuthSettings::BasicCharset charset,
                                          const Challenge *challenge = nullptr);
};

} // namespace Peephole
