#include "auth/authoffers.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Peephole {

int AuthOffer::strength() const
{
    switch (kind) {
    case Kind::Digest:
        return 10 + DigestAuth::strength(algorithm);
    case Kind::Ntlm:
        return 5;
    case Kind::Basic:
        return 1;
    case Kind::Bearer:
    case Kind::Unsupported:
        break;
    }
    return 0;
}

QList<AuthOffer> AuthOffers::fromChallenges(const QList<Challenge> &challenges)
{
    QList<AuthOffer> out;
    for (int i = 0; i < challenges.size(); ++i) {
        const Challenge &c = challenges.at(i);
        AuthOffer o;
        o.challengeIndex = i;
        o.realm = QString::fromUtf8(c.param("realm"));
        if (c.isScheme("Basic")) {
            o.kind = AuthOffer::Kind::Basic;
            o.label = u"Basic"_s;
        } else if (c.isScheme("NTLM")) {
            o.kind = AuthOffer::Kind::Ntlm;
            o.label = u"NTLM"_s;
        } else if (c.isScheme("Bearer")) {
            o.kind = AuthOffer::Kind::Bearer;
            o.label = u"Bearer"_s;
        } else if (c.isScheme("Digest")) {
            if (DigestAuth::algorithmOf(c, &o.algorithm)) {
                o.kind = AuthOffer::Kind::Digest;
                o.label = u"Digest "_s + DigestAuth::algorithmName(o.algorithm);
            } else {
                o.label = tr("Digest %1 (not supported)").arg(QString::fromUtf8(c.param("algorithm")));
            }
        } else {
            o.label = tr("%1 (not supported)").arg(QString::fromUtf8(c.scheme));
        }
        out.append(o);
    }
    return out;
}

namespace {
bool allowed(AuthOffer::Kind kind, AuthSettings::Scheme restriction)
{
    switch (restriction) {
    case AuthSettings::Scheme::None:
        return false;
    case AuthSettings::Scheme::Any:
        return kind != AuthOffer::Kind::Unsupported;
    case AuthSettings::Scheme::Basic:
        return kind == AuthOffer::Kind::Basic;
    case AuthSettings::Scheme::Digest:
        return kind == AuthOffer::Kind::Digest;
    case AuthSettings::Scheme::Bearer:
        return kind == AuthOffer::Kind::Bearer;
    case AuthSettings::Scheme::Ntlm:
        return kind == AuthOffer::Kind::Ntlm;
    case AuthSettings::Scheme::AwsSigV4: // signed on every request, nothing answers a challenge
    case AuthSettings::Scheme::ApiKey:
        return false;
    }
    return false;
}

bool matchesPreferred(const AuthOffer &o, const QString &preferred)
{
    if (preferred.isEmpty())
        return true;
    if (o.label.compare(preferred, Qt::CaseInsensitive) == 0)
        return true;
    return o.label.section(u' ', 0, 0).compare(preferred, Qt::CaseInsensitive) == 0;
}
} // namespace

QList<AuthOffer> AuthOffers::ranked(const QList<AuthOffer> &offers, CredentialAvailability available,
                                    AuthSettings::Scheme restriction, const QString &preferred)
{
    QList<AuthOffer> out;
    for (const AuthOffer &o : offers) {
        if (!allowed(o.kind, restriction) || !matchesPreferred(o, preferred))
            continue;
        if (o.kind == AuthOffer::Kind::Bearer ? !available.token : !available.password)
            continue;
        out.append(o);
    }
    // A token the user gave means "use Bearer"; otherwise the strongest first,
    // and among equals (a -sess variant beside its base) the server's order.
    std::stable_sort(out.begin(), out.end(), [](const AuthOffer &a, const AuthOffer &b) {
        const int ra = a.kind == AuthOffer::Kind::Bearer ? 100 : a.strength();
        const int rb = b.kind == AuthOffer::Kind::Bearer ? 100 : b.strength();
        return ra > rb;
    });
    return out;
}

AuthOffer AuthOffers::suggestion(const QList<AuthOffer> &offers, AuthSettings::Scheme restriction)
{
    const AuthSettings::Scheme r =
        restriction == AuthSettings::Scheme::None ? AuthSettings::Scheme::Any : restriction;
    // Without credentials yet, suggest the strongest password scheme; Bearer only when alone.
    QList<AuthOffer> best = ranked(offers, {true, false}, r);
    if (best.isEmpty())
        best = ranked(offers, {false, true}, r);
    return best.value(0);
}

QString AuthOffers::reason(const AuthOffer &chosen, const QList<AuthOffer> &offers, bool restricted)
{
    QString why;
    if (restricted)
        why = tr("the request is set to use %1 only").arg(chosen.label.section(u' ', 0, 0));
    else if (chosen.kind == AuthOffer::Kind::Bearer)
        why = tr("you gave a token and the server offers Bearer");
    else
        why = tr("strongest offered scheme you have credentials for");
    QStringList others;
    for (const AuthOffer &o : offers) {
        if (o.challengeIndex != chosen.challengeIndex && !others.contains(o.label))
            others.append(o.label);
    }
    QString text = tr("%1 chosen: %2").arg(chosen.label, why);
    if (!others.isEmpty())
        text += tr("; also offered: %1").arg(others.join(u", "_s));
    return text;
}

QString AuthOffers::originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == u"https"_s || scheme == u"wss"_s  ? 443
                            : scheme == u"http"_s || scheme == u"ws"_s ? 80
                                                                      : -1;
    const int port = url.port(defaultPort);
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return scheme + u"://"_s + host + (port >= 0 ? u':' + QString::number(port) : QString());
}

} // namespace Peephole
