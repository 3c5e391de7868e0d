#pragma once

#include <QSet>
#include <QString>

namespace Peephole {

/// Helpers shared by the importers to spot secrets and name the variables they move to.
namespace SecretNames {
/// True when a variable or header called @p name is likely to hold a secret
/// (password, token, api key, secret, credentials, session, cookie...): Redact::looksSecret().
bool looksSecret(const QString &name);
/// True when @p value is nothing but one {{variable}} reference (or empty).
bool isReferenceOrEmpty(const QString &value);
/// "Get user" + "password" -> "getUser_password", unique within @p taken (which it extends).
QString variableFor(const QString &itemName, const QString &what, QSet<QString> &taken);
} // namespace SecretNames

} // namespace Peephole
