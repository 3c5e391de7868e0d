#pragma once

#include "http/requestspec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

class QSettings;

namespace Peephole::WindowSettings {

/// The composer's request as JSON, for restoring the last session, without
/// any secret: passwords, tokens and client-certificate passphrases are left
/// out; a literal secret in the URL (password, secret query parameter), in a
/// secret header (Authorization keeps its scheme, Cookie, X-Api-Key…) or in a
/// JSON/form body field named like a secret is written as
/// {{secret_not_saved}} (core/redact), and named in "secretsLeftOut".
QJsonObject requestToJson(const RequestSpec &spec);
RequestSpec requestFromJson(const QJsonObject &json);
/// What requestToJson() kept out ("header Authorization", "URL parameter token").
QStringList secretsLeftOut(const QJsonObject &json);

/// The URL history as written to the settings: secret parts as {{secret_not_saved}}
/// (the full URLs stay in memory for this session).
QStringList historyForSettings(const QStringList &urls);

/// Makes the settings file 0600 and its folder 0700 (a file an older version
/// created with the default umask included).
void makePrivate(const QSettings &settings);

} // namespace Peephole::WindowSettings
