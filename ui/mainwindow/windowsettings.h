#pragma once

#include "http/requestspec.h"

#include <QByteArray>
#include <QJsonObject>

namespace Peephole::WindowSettings {

/// The composer's request as JSON, without any secret (passwords, tokens,
/// client-certificate passphrases are left out), for restoring the last session.
QJsonObject requestToJson(const RequestSpec &spec);
RequestSpec requestFromJson(const QJsonObject &json);

} // namespace Peephole::WindowSettings
