#pragma once

#include "http/exchange.h"
#include "http/headers.h"

#include <QUrl>

#include <memory>

namespace Peephole {

/// What one hop of a chain sends: the engine's working copy of the request,
/// rewritten by redirects and auth retries.
struct Hop
{
    QByteArray method;
    QUrl url;
    HeaderList headers;     ///< The user's headers (credential ones dropped after a cross-origin redirect).
    HeaderList authHeaders; ///< Authorization / Proxy-Authorization added by the auth layer for this hop.
    std::shared_ptr<BodyStore> body; ///< Null: no body.
    QByteArray contentType;          ///< Sent when the user set no Content-Type.
    HopReason reason = HopReason::Initial;
    QStringList notes;
};

} // namespace Peephole
