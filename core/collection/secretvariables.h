#pragma once

#include "collection/collection.h"
#include "collection/secretvariablestore.h"

#include <QStringList>

namespace Peephole::SecretVariables {

/// The value that marks a variable of http-client.env.json as secret: its
/// real value lives in the keychain under SecretVariableStore::variableKey().
constexpr auto Marker = "$keychain";

/// The names of the secret variables of environment @p environment (public and private files).
QStringList names(const Collection &collection, const QString &environment);

/// Marks @p name secret in @p environment of the collection's http-client.env.json
/// (creating the file or environment if needed; the value written is the
/// marker, never the secret) and stores @p value in @p store. @p done gets an
/// empty string on success, else what went wrong. The env file is written
/// only when the marker was not there yet.
void set(SecretVariableStore *store, const Collection &collection, const QString &environment,
         const QString &name, const QString &value, QObject *context, SecretVariableStore::DoneCallback done);

} // namespace Peephole::SecretVariables
