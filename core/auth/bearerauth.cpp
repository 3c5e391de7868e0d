#include "auth/bearerauth.h"

using namespace Qt::StringLiterals;

namespace Peephole {

CredentialHeader BearerAuth::authorization(const QString &token)
{
    CredentialHeader out;
    const QString trimmed = token.trimmed();
    if (trimmed.isEmpty()) {
        out.error = tr("The Bearer token is empty.");
        return out;
    }
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char16_t c = trimmed.at(i).unicode();
        if (c <= 0x20 || c >= 0x7f) {
            out.error =
                tr("The Bearer token contains a space, control or non-ASCII character at position %1; "
                   "a token must be printable ASCII (RFC 6750 §2.1). Check that it was pasted whole.")
                    .arg(i + 1);
            return out;
        }
    }
    out.value = "Bearer " + trimmed.toLatin1();
    return out;
}

QString BearerAuth::explain(const Challenge &challenge)
{
    const QByteArray error = challenge.param("error");
    if (error.isEmpty())
        return {};
    const QString description = QString::fromUtf8(challenge.param("error_description"));
    const QString uri = QString::fromUtf8(challenge.param("error_uri"));
    const QString scope = QString::fromUtf8(challenge.param("scope"));
    QString text;
    if (error == "invalid_token") {
        text = tr("The token has expired or is invalid (invalid_token)");
    } else if (error == "insufficient_scope") {
        text = scope.isEmpty() ? tr("The token lacks the scope this resource needs (insufficient_scope)")
                               : tr("The token lacks the scope %1 (insufficient_scope)").arg(scope);
    } else if (error == "invalid_request") {
        text = tr("The request is malformed (invalid_request)");
    } else {
        text = tr("The server reported the error “%1”").arg(QString::fromUtf8(error));
    }
    if (!description.isEmpty())
        text += u": "_s + description;
    text += u'.';
    if (error != "insufficient_scope" && !scope.isEmpty())
        text += u' ' + tr("Required scope: %1.").arg(scope);
    if (!uri.isEmpty())
        text += u' ' + tr("See %1").arg(uri);
    return text;
}

} // namespace Peephole
