#include "auth/basicauth.h"

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
/// Index of the first character outside ISO-8859-1, or -1.
qsizetype firstNonLatin1(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).unicode() > 0xff)
            return i;
    }
    return -1;
}
} // namespace

CredentialHeader BasicAuth::authorization(const QString &user, const QString &password,
                                          AuthSettings::BasicCharset charset, const Challenge *challenge)
{
    CredentialHeader out;
    if (user.contains(u':')) {
        out.error = tr("The user name “%1” contains “:”, which Basic authentication cannot carry (RFC 7617 "
                       "§2: the first colon separates user and password). Use another scheme or user name.")
                        .arg(user);
        return out;
    }
    const bool utf8 = charset == AuthSettings::BasicCharset::Utf8 ||
                      (challenge && challenge->param("charset").compare("UTF-8", Qt::CaseInsensitive) == 0);
    const QString joined = user + u':' + password;
    QByteArray bytes;
    if (utf8) {
        bytes = joined.toUtf8();
    } else {
        const qsizetype bad = firstNonLatin1(joined);
        if (bad >= 0) {
            const bool inUser = bad < user.size();
            out.error =
                tr("The %1 contains “%2” (U+%3), which ISO-8859-1 (Latin-1) cannot represent. Switch "
                   "the Basic charset to UTF-8 or remove that character.")
                    .arg(inUser ? tr("user name") : tr("password"), QString(joined.at(bad)),
                         QString::number(joined.at(bad).unicode(), 16).toUpper().rightJustified(4, u'0'));
            return out;
        }
        bytes = joined.toLatin1();
    }
    out.value = "Basic " + bytes.toBase64();
    return out;
}

} // namespace Peephole
