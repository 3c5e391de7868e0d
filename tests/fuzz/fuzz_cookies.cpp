// libFuzzer target for cookie handling: Set-Cookie lines parsed as core does
// (QNetworkCookie::parseCookies in core/http/responsereader, the session's
// QNetworkCookieJar, the Cookie line core/http/requestbuilder builds) and
// their redaction (core/redact); seeds in tests/fuzz/corpus-cookies/.
// Run by scripts/fuzz; the ordinary build replays the seeds once (tests/fuzz/CMakeLists.txt).
//
// Input: the first line is the request URL, every further line a Set-Cookie
// value. The redacted form of a Set-Cookie or Cookie value keeps no piece of
// a cookie's value (of 4 bytes or more that occurs once in the input), and
// the jar only sends cookies back to a URL they were set for.

#include "fuzzcommon.h"
#include "redact/redact.h"

#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QUrl>

using namespace Peephole;

namespace {
/// True when @p redacted still holds a telling piece of @p value.
bool leaks(const QByteArray &redacted, const QByteArray &value, const QByteArray &input)
{
    QByteArray v = value;
    if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2)
        v = v.mid(1, v.size() - 2);
    const QList<QByteArray> pieces = v.split(';');
    for (const QByteArray &piece : pieces) {
        const QByteArray p = piece.trimmed();
        if (p.size() < 4 || input.count(p) != 1 || QByteArray(Redact::Redacted).contains(p))
            continue;
        if (redacted.contains(p))
            return true;
    }
    return false;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = PeepholeFuzz::bytes(data, size);
    QList<QByteArray> lines = input.split('\n');
    const QUrl url(QString::fromUtf8(lines.takeFirst()));
    QNetworkCookieJar jar;
    QByteArray cookieLine;
    for (const QByteArray &line : std::as_const(lines)) {
        const QList<QNetworkCookie> cookies = QNetworkCookie::parseCookies(line);
        const QByteArray redacted = Redact::headerValue("Set-Cookie", line);
        for (const QNetworkCookie &c : cookies) {
            if (leaks(redacted, c.value(), input))
                PeepholeFuzz::fail("a Set-Cookie value survives redaction");
            if (!cookieLine.isEmpty())
                cookieLine += "; ";
            cookieLine += c.toRawForm(QNetworkCookie::NameAndValueOnly);
        }
        if (url.isValid())
            jar.setCookiesFromUrl(cookies, url);
    }
    const QByteArray redactedLine = Redact::headerValue("Cookie", cookieLine);
    for (const QNetworkCookie &c : QNetworkCookie::parseCookies(cookieLine)) {
        if (leaks(redactedLine, c.value(), input))
            PeepholeFuzz::fail("a Cookie value survives redaction");
    }
    if (url.isValid()) {
        const QList<QNetworkCookie> sent = jar.cookiesForUrl(url);
        for (const QNetworkCookie &c : sent) {
            FUZZ_CHECK(!c.name().isEmpty() || !c.value().isEmpty());
            if (c.isSecure())
                FUZZ_CHECK(url.scheme() == u"https" || url.scheme() == u"wss");
        }
        // A cookie goes to another host only as a domain cookie both hosts are under.
        const QString other = QStringLiteral("unrelated.invalid");
        for (const QNetworkCookie &c : jar.cookiesForUrl(QUrl(u"http://"_qs + other + u"/"_qs))) {
            QString domain = c.domain();
            if (domain.startsWith(u'.'))
                domain = domain.mid(1);
            FUZZ_CHECK(!domain.isEmpty() && other.endsWith(domain) && url.host().endsWith(domain));
        }
    }
    return 0;
}
