#include "http/framing.h"

#include <QCoreApplication>

namespace Peephole::Framing {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Framing", text);
}

QString shown(const QByteArray &value)
{
    return QString::fromLatin1(value.size() > 40 ? value.left(40) + "…" : value);
}
} // namespace

Verdict check(const HeaderList &headers)
{
    Verdict v;
    QList<QByteArray> codings;
    for (const QByteArray &value : Headers::values(headers, "Transfer-Encoding")) {
        for (const QByteArray &token : value.split(',')) {
            if (const QByteArray t = token.trimmed().toLower(); !t.isEmpty())
                codings.append(t);
        }
    }
    const QList<QByteArray> lengths = Headers::values(headers, "Content-Length");
    if (!codings.isEmpty()) {
        v.chunked = codings.last() == "chunked";
        if (!lengths.isEmpty())
            v.note = tr("The response has both Transfer-Encoding and Content-Length: %1, a shape used for "
                        "request smuggling and response splitting. The body was read by Transfer-Encoding "
                        "(RFC 9112 §6.3) and the connection is not reused.")
                         .arg(QString::fromLatin1(lengths.join(", ")));
        return v;
    }
    // Several fields, or one with a list, are fine only when every value is the same number.
    QByteArray first;
    for (const QByteArray &value : lengths) {
        for (const QByteArray &part : value.split(',')) {
            const QByteArray digits = part.trimmed();
            bool ok = !digits.isEmpty() && digits.size() <= 18;
            for (char c : digits)
                ok = ok && c >= '0' && c <= '9';
            if (!ok) {
                v.error = tr("the Content-Length \"%1\" is not a number of bytes").arg(shown(value));
                return v;
            }
            if (v.contentLength >= 0 && digits != first && digits.toLongLong() != v.contentLength) {
                v.error = tr("the response has two different Content-Length \"%1\" and \"%2\": the end of "
                             "its body cannot be known (a response-splitting shape)")
                              .arg(shown(first), shown(digits));
                return v;
            }
            if (v.contentLength < 0)
                first = digits;
            v.contentLength = digits.toLongLong();
        }
    }
    return v;
}

QString tooManyFields()
{
    return tr("the response head has more than %1 header fields").arg(MaxHeaderFields);
}

} // namespace Peephole::Framing
