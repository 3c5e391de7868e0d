#pragma once

#include "http/exchange.h"
#include "http/headers.h"
#include "http/requestspec.h"

#include <functional>

namespace Peephole {

/// What the engine tells the authentication layer about one hop.
struct HopContext
{
    quint64 chainId = 0;
    const RequestSpec *spec = nullptr;    ///< The request as the user described it.
    QByteArray method;                    ///< The method of this hop (may differ after a 303).
    QUrl url;                             ///< The URL of this hop.
    std::shared_ptr<BodyStore> bodyStore; ///< The body of this hop; null when there is none.
    bool hasBody = false;

    /// The body bytes, for Digest auth-int: read from the store only when asked, at most 64 MiB.
    /// @p complete (optional) tells whether that is the whole body.
    QByteArray body(bool *complete = nullptr) const;
};

/// The decision on a 401/407.
struct AuthRetry
{
    bool retry = false; ///< Send the request again with these headers.
    HeaderList headers; ///< Authorization or Proxy-Authorization to add.
};

/// The seam between the engine (core/http) and authentication (core/auth).
/// The engine calls it for every hop; all calls happen on the engine's thread.
class AuthHook
{
public:
    virtual ~AuthHook() = default;

    /// The URL @p hop goes to: an API key in the query or an AWS presigned URL is added here. Called
    /// once per hop the engine sends (not for auth retries), before headersFor().
    virtual QUrl urlFor(const HopContext &hop) { return hop.url; }

    /// Headers to add before @p hop is sent: preemptive Basic/Bearer, or a
    /// Digest answer for a nonce already known for this origin. Called once
    /// per hop that the engine sends (not for auth retries, whose headers come
    /// from challenged()). May record what it sent in @p record.
    virtual HeaderList headersFor(const HopContext &hop, AuthRecord &record) = 0;

    /// Every response arrives here first (check Authentication-Info, adopt
    /// nextnonce, learn that credentials were accepted).
    virtual void responseReceived(const HopContext &hop, Exchange &exchange) = 0;

    /// A 401 or 407 arrived and is recorded in @p exchange (fill exchange.auth
    /// synchronously). Decide, possibly asynchronously (keychain, a prompt),
    /// and call @p done exactly once. Calling done with retry=false ends the
    /// chain with this exchange. @p done may be called after the chain was
    /// cancelled; the engine ignores it then.
    virtual void challenged(const HopContext &hop, Exchange &exchange,
                            std::function<void(const AuthRetry &, const AuthRecord &)> done) = 0;

    /// The chain ended; forget per-chain state.
    virtual void chainFinished(quint64 chainId) { Q_UNUSED(chainId); }
};

} // namespace Peephole
