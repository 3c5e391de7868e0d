#pragma once

#include "http/exchange.h"

#include <QStringList>
#include <QUrl>

class QAbstractSocket;

namespace Peephole {

/// A socket failure of a WebSocket connection in words: what, where, what to do.
/// @p answered: a response head had arrived. @p tlsErrors: the verification errors seen.
ExchangeError socketError(const QAbstractSocket *socket, const QUrl &url, bool answered,
                          const QStringList &tlsErrors);

/// The name of a WebSocket close code (RFC 6455 §7.4.1): "normal closure", "going away"...
/// Empty for codes without a registered meaning (4000-4999 belong to the application).
QString closeCodeName(int code);

} // namespace Peephole
