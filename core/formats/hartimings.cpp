#include "formats/hartimings.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
// A phase is at most ~115 days and the start at most ~95 years after the first entry
// (HarReader), so that no sum in toTimings() can overflow, whatever numbers a HAR holds.
constexpr double MaxPhaseMs = 1e10;

double ms(qint64 from, qint64 to)
{
    return from >= 0 && to >= from ? double(to - from) / 1e6 : -1;
}
double nonNegative(double v)
{
    return v < 0 || std::isnan(v) ? 0 : v;
}
double field(const QJsonObject &o, const QString &name, double fallback)
{
    const QJsonValue v = o.value(name);
    return v.isDouble() ? v.toDouble() : fallback;
}
} // namespace

double HarTimings::total() const
{
    return nonNegative(blocked) + nonNegative(dns) + nonNegative(connect) + send + wait + receive;
}

QJsonObject HarTimings::toJson() const
{
    return QJsonObject{{u"blocked"_s, blocked}, {u"dns"_s, dns},   {u"connect"_s, connect}, {u"ssl"_s, ssl},
                       {u"send"_s, send},       {u"wait"_s, wait}, {u"receive"_s, receive}};
}

HarTimings HarTimings::fromJson(const QJsonObject &o)
{
    HarTimings t;
    t.blocked = field(o, u"blocked"_s, -1);
    t.dns = field(o, u"dns"_s, -1);
    t.connect = field(o, u"connect"_s, -1);
    t.ssl = field(o, u"ssl"_s, -1);
    t.send = nonNegative(field(o, u"send"_s, 0));
    t.wait = nonNegative(field(o, u"wait"_s, 0));
    t.receive = nonNegative(field(o, u"receive"_s, 0));
    return t;
}

HarTimings HarTimings::fromTimings(const Timings &t, bool tls)
{
    HarTimings h;
    if (t.startNs < 0)
        return h;
    qint64 sendFrom = t.startNs;
    if (t.connectStartNs >= 0) {
        h.blocked = ms(t.startNs, t.connectStartNs);
        const qint64 connectEnd = tls && t.tlsDoneNs >= 0 ? t.tlsDoneNs : t.requestSentNs;
        h.connect = ms(t.connectStartNs, connectEnd);
        if (h.connect >= 0)
            sendFrom = connectEnd;
    }
    h.send = nonNegative(ms(sendFrom, t.requestSentNs));
    const qint64 waitFrom = t.requestSentNs >= 0 ? t.requestSentNs : sendFrom;
    if (t.headersNs >= 0) {
        h.wait = nonNegative(ms(waitFrom, t.headersNs));
        h.receive = nonNegative(ms(t.headersNs, t.finishedNs));
    } else {
        h.wait = nonNegative(ms(waitFrom, t.finishedNs)); // no response: the time until it failed
    }
    return h;
}

qint64 HarTimings::saturatedNs(double ns)
{
    constexpr double Limit = 1e17;
    if (!(ns == ns)) // NaN
        return 0;
    return qint64(qBound(-Limit, ns, Limit));
}

Timings HarTimings::toTimings(qint64 startNs, bool tls, bool responded) const
{
    Timings t;
    // Each term is within ±1e17, so the sums below (at most eight terms) stay inside qint64.
    startNs = saturatedNs(double(startNs));
    t.startNs = startNs;
    auto ns = [](double msValue) { return qint64(qBound(0.0, msValue, MaxPhaseMs) * 1e6); };
    qint64 at = startNs + ns(blocked) + ns(dns);
    if (connect >= 0) {
        t.connectStartNs = at;
        at += ns(connect);
        if (ssl >= 0 || tls)
            t.tlsDoneNs = at;
    }
    at += ns(send);
    t.requestSentNs = at;
    at += ns(wait);
    if (!responded) {
        t.finishedNs = at;
        return t;
    }
    t.headersNs = at;
    at += ns(receive);
    t.finishedNs = at;
    return t;
}

} // namespace Peephole
