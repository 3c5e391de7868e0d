#include "http/redirects.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole::Redirects {

namespace {
int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == u"https"_s || scheme == u"wss"_s  ? 443
                    : scheme == u"http"_s || scheme == u"ws"_s ? 80
                                                              : -1);
}
} // namespace

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && effectivePort(a) == effectivePort(b);
}

QString origin(const QUrl &url)
{
    return url.scheme().toLower() + u"://"_s + url.host().toLower() + u':' +
           QString::number(effectivePort(url));
}

QByteArray nextMethod(int status, const QByteArray &method)
{
    if (status == 303)
        return method == "HEAD" ? method : QByteArray("GET");
    if ((status == 301 || status == 302) && method == "POST")
        return "GET";
    return method;
}

bool keepsBody(int status, const QByteArray &oldMethod, const QByteArray &newMethod)
{
    return (status == 307 || status == 308) || oldMethod == newMethod;
}

QStringList dropCredentialHeaders(HeaderList &headers, const QUrl &from, const QUrl &to, bool locationTrusted)
{
    QStringList notes;
    if (sameOrigin(from, to))
        return notes;
    for (const char *name : {"Authorization", "Proxy-Authorization", "Cookie"}) {
        if (locationTrusted && qstrcmp(name, "Authorization") == 0) {
            if (Headers::contains(headers, name))
                notes.append(QCoreApplication::translate("Peephole::Redirects",
                                                         "Authorization header kept although the redirect "
                                                         "goes from %1 to %2: location-trusted is on.")
                                 .arg(origin(from), origin(to)));
            continue;
        }
        if (Headers::remove(headers, name) > 0) {
            notes.append(QCoreApplication::translate("Peephole::Redirects",
                                                     "%1 header dropped: the redirect goes from %2 to %3, "
                                                     "another origin.")
                             .arg(QLatin1StringView(name), origin(from), origin(to)));
        }
    }
    return notes;
}

void dropBodyHeaders(HeaderList &headers)
{
    for (const char *name : {"Content-Type", "Content-Length", "Content-Encoding", "Content-Language",
                             "Content-Location", "Transfer-Encoding"})
        Headers::remove(headers, name);
}

} // namespace Peephole::Redirects
