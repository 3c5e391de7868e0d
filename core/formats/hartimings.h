#pragma once

#include "http/exchange.h"

#include <QJsonObject>

namespace Peephole {

/// The HAR "timings" object of one entry, in milliseconds; -1 = not applicable or unknown.
struct HarTimings
{
    double blocked = -1;
    double dns = -1;
    double connect = -1;
    double ssl = -1; ///< Included in connect.
    double send = 0;
    double wait = 0;
    double receive = 0;

    /// The entry's "time": the sum of the non-negative phases (ssl excluded).
    double total() const;
    QJsonObject toJson() const;
    static HarTimings fromJson(const QJsonObject &timings);

    static HarTimings fromTimings(const Timings &timings, bool tls);
    /// Monotonic instants for an exchange that started at @p startNs. @p tls:
    /// the connect phase ends with a TLS handshake; @p responded: a response
    /// head arrived (else the exchange failed at the end of "wait").
    Timings toTimings(qint64 startNs, bool tls, bool responded) const;
    /// @p ns as nanoseconds, clamped to ±10^17 (about three years): a hostile HAR (a start in year 1
    /// beside one in 9999, a phase of 1e300 ms) must not overflow the sums of the timeline.
    static qint64 saturatedNs(double ns);
};

} // namespace Peephole
