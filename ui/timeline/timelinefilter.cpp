#include "timeline/timelinefilter.h"

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

struct Token
{
    QString text;
    qsizetype position = 0; ///< 1-based character position in the filter text
    bool quoted = false;
};

QList<Token> tokenize(const QString &text)
{
    QList<Token> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        Token t;
        t.position = i + 1;
        QString current;
        while (i < n && !text.at(i).isSpace()) {
            if (text.at(i) == u'"') {
                t.quoted = true;
                ++i;
                while (i < n && text.at(i) != u'"')
                    current += text.at(i++);
                if (i < n)
                    ++i; // closing quote
                continue;
            }
            current += text.at(i++);
        }
        t.text = current;
        out.append(t);
    }
    return out;
}

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

char16_t fold(char16_t c)
{
    if (c < 128)
        return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
    return QChar::toCaseFolded(c);
}

/// Case-insensitive substring test against an already case-folded needle;
/// a plain loop with an ASCII fast path (URLs are nearly always ASCII).
/// @p h: UTF-16 code units or Latin-1 bytes (as uchar), @p size of them.
template <typename Char> bool containsFolded(const Char *h, qsizetype size, QStringView needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const char16_t *k = needle.utf16();
    const qsizetype last = size - n;
    for (qsizetype i = 0; i <= last; ++i) {
        if (fold(h[i]) != k[0])
            continue;
        qsizetype j = 1;
        while (j < n && fold(h[i + j]) == k[j])
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

bool containsFolded(QStringView hay, QStringView needle)
{
    return containsFolded(hay.utf16(), hay.size(), needle);
}

bool containsFolded(QLatin1StringView hay, QStringView needle)
{
    return containsFolded(reinterpret_cast<const uchar *>(hay.data()), hay.size(), needle);
}

/// True if @p hay starts with the case-folded @p needle, ignoring case.
template <typename View> bool startsWithFolded(View hay, QStringView needle)
{
    return hay.size() >= needle.size() && containsFolded(hay.left(needle.size()), needle);
}

/// True if @p hay ends with the case-folded @p needle, ignoring case.
bool endsWithFolded(QStringView hay, QStringView needle)
{
    const qsizetype n = needle.size();
    if (hay.size() < n)
        return false;
    const char16_t *h = hay.utf16() + (hay.size() - n);
    const char16_t *k = needle.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        if (fold(h[i]) != k[i])
            return false;
    }
    return true;
}

/// The URL kept in two parts (shared origin, own path): a match may span both.
template <typename View> bool urlContainsFolded(QStringView origin, View path, QStringView needle)
{
    if (containsFolded(origin, needle) || containsFolded(path, needle))
        return true;
    for (qsizetype k = 1; k < needle.size() && k <= origin.size(); ++k) {
        if (endsWithFolded(origin, needle.left(k)) && startsWithFolded(path, needle.mid(k)))
            return true;
    }
    return false;
}

bool urlContainsFolded(const TimelineRecord &r, QStringView needle)
{
    if (r.pathIsLatin1)
        return urlContainsFolded(r.origin(), QLatin1StringView(r.pathAndQuery), needle);
    return urlContainsFolded(r.origin(), QStringView(QString::fromUtf8(r.pathAndQuery)), needle); // rare
}

} // namespace

TimelineFilter TimelineFilter::parse(const QString &text)
{
    TimelineFilter f;
    f.m_text = text;
    const QList<Token> tokens = tokenize(text);
    for (const Token &t : tokens) {
        if (t.quoted) {
            // A quoted token is always free text (a leading '-' outside the quotes still negates).
            Term term;
            QString body = t.text;
            if (body.startsWith(u'-') && t.position < text.size() && text.at(t.position) == u'"') {
                term.negate = true;
                body.remove(0, 1);
            }
            if (body.isEmpty())
                continue;
            term.alternatives.append(Alternative{Kind::Text, 0, body.toCaseFolded()});
            f.m_terms.append(term);
            continue;
        }
        if (!f.parseTerm(t.text, t.position)) {
            f.m_terms.clear();
            return f;
        }
    }
    return f;
}

bool TimelineFilter::parseTerm(const QString &token, qsizetype position)
{
    Term term;
    QString body = token;
    if (body.size() > 1 && body.startsWith(u'-')) {
        term.negate = true;
        body.remove(0, 1);
    }
    const qsizetype colon = body.indexOf(u':');
    const QString key = colon > 0 ? body.left(colon).toLower() : QString();
    static const QStringList keys = {u"status"_s, u"method"_s, u"host"_s, u"domain"_s,
                                     u"type"_s,   u"mime"_s,   u"is"_s};
    if (colon <= 0 || !keys.contains(key)) {
        term.alternatives.append(Alternative{Kind::Text, 0, body.toCaseFolded()});
        m_terms.append(term);
        return true;
    }
    const QString valueText = body.mid(colon + 1);
    if (valueText.isEmpty()) {
        m_error =
            tr("The term '%1' at character %2 has no value. Examples: status:404, status:4xx, method:POST, "
               "host:example.com, type:json, is:error.")
                .arg(token)
                .arg(position);
        return false;
    }
    const QStringList values = valueText.split(u',', Qt::SkipEmptyParts);
    for (const QString &v : values) {
        Alternative alt;
        if (key == u"status") {
            const QString lower = v.toLower();
            if (isDigits(v) && v.size() == 3) {
                alt.kind = Kind::Status;
                alt.number = v.toInt();
            } else if (lower.size() == 3 && lower.at(0) >= u'1' && lower.at(0) <= u'5' &&
                       lower.mid(1) == u"xx") {
                alt.kind = Kind::StatusClass;
                alt.number = lower.at(0).digitValue();
            } else if (lower == u"error" || lower == u"failed") {
                alt.kind = Kind::StatusError;
            } else {
                m_error =
                    tr("'%1' in the term '%2' at character %3 is not a status. Use a code (404), a class "
                       "(4xx) or 'error'.")
                        .arg(v, token)
                        .arg(position);
                return false;
            }
        } else if (key == u"method") {
            alt.kind = Kind::Method;
            alt.text = v;
        } else if (key == u"host" || key == u"domain") {
            QString host = v.toCaseFolded();
            if (host.startsWith(u"*.")) {
                alt.kind = Kind::HostSuffix;
                alt.text = host.mid(1); // ".example.com"
            } else {
                alt.kind = Kind::Host;
                alt.text = host;
            }
        } else if (key == u"type" || key == u"mime") {
            alt.kind = Kind::Type;
            alt.text = v.toLower();
        } else if (key == u"is") {
            const QString lower = v.toLower();
            if (lower == u"error")
                alt.kind = Kind::IsError;
            else if (lower == u"auth")
                alt.kind = Kind::IsAuth;
            else if (lower == u"redirect")
                alt.kind = Kind::IsRedirect;
            else if (lower == u"pending")
                alt.kind = Kind::IsPending;
            else if (lower == u"hop")
                alt.kind = Kind::IsHop;
            else {
                m_error = tr("'%1' in the term '%2' at character %3 is unknown. Use is:error, is:auth, "
                             "is:redirect, is:pending or is:hop.")
                              .arg(v, token)
                              .arg(position);
                return false;
            }
        }
        term.alternatives.append(alt);
    }
    if (term.alternatives.isEmpty()) {
        m_error = tr("The term '%1' at character %2 has no value.").arg(token).arg(position);
        return false;
    }
    m_terms.append(term);
    return true;
}

bool TimelineFilter::matchOne(const Alternative &alt, const TimelineRecord &r)
{
    switch (alt.kind) {
    case Kind::Text:
        return urlContainsFolded(r, alt.text) || containsFolded(r.method(), alt.text) ||
               containsFolded(r.statusText(), alt.text);
    case Kind::Status:
        return r.statusCode == alt.number;
    case Kind::StatusClass:
        return r.statusCode / 100 == alt.number && !r.isError();
    case Kind::StatusError:
        return r.isError();
    case Kind::Method:
        return r.method().compare(alt.text, Qt::CaseInsensitive) == 0;
    case Kind::Host: {
        const QStringView host = r.host();
        const qsizetype n = alt.text.size();
        if (host.size() == n)
            return endsWithFolded(host, alt.text);
        return host.size() > n && host.at(host.size() - n - 1) == u'.' && endsWithFolded(host, alt.text);
    }
    case Kind::HostSuffix:
        return endsWithFolded(r.host(), alt.text);
    case Kind::Type:
        return r.mime().contains(alt.text);
    case Kind::IsError:
        return r.isError();
    case Kind::IsAuth:
        return r.isAuthChallenge();
    case Kind::IsRedirect:
        return r.statusCode >= 300 && r.statusCode < 400;
    case Kind::IsPending:
        return !r.finished;
    case Kind::IsHop:
        return r.hop > 0;
    }
    return false;
}

bool TimelineFilter::matches(const TimelineRecord &r) const
{
    for (const Term &term : m_terms) {
        bool hit = false;
        for (const Alternative &alt : term.alternatives) {
            if (matchOne(alt, r)) {
                hit = true;
                break;
            }
        }
        if (hit == term.negate)
            return false;
    }
    return true;
}

} // namespace Peephole
