#include "auth/ntlm.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QtEndian>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNtlm, "peephole.auth.ntlm")

namespace Peephole {

namespace {

constexpr char Signature[] = "NTLMSSP";

QByteArray utf16le(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() * 2);
    for (QChar c : s) {
        out += char(c.unicode() & 0xff);
        out += char(c.unicode() >> 8);
    }
    return out;
}

QString fromUtf16le(const QByteArray &b)
{
    QString out;
    for (qsizetype i = 0; i + 1 < b.size(); i += 2)
        out += QChar(char16_t(uchar(b[i]) | (uchar(b[i + 1]) << 8)));
    return out;
}

void put16(QByteArray &b, qsizetype at, quint16 v)
{
    b[at] = char(v & 0xff);
    b[at + 1] = char(v >> 8);
}

void put32(QByteArray &b, qsizetype at, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b[at + i] = char((v >> (8 * i)) & 0xff);
}

quint16 get16(const QByteArray &b, qsizetype at)
{
    return quint16(uchar(b[at]) | (uchar(b[at + 1]) << 8));
}

quint32 get32(const QByteArray &b, qsizetype at)
{
    return quint32(uchar(b[at])) | (quint32(uchar(b[at + 1])) << 8) | (quint32(uchar(b[at + 2])) << 16) |
           (quint32(uchar(b[at + 3])) << 24);
}

/// A security buffer (length, allocated, offset) at @p at; false when it points outside @p b.
bool field(const QByteArray &b, qsizetype at, QByteArray *out)
{
    if (at + 8 > b.size())
        return false;
    const quint16 len = get16(b, at);
    const quint32 offset = get32(b, at + 4);
    if (len == 0) {
        out->clear();
        return true;
    }
    if (offset > quint32(b.size()) || quint32(b.size()) - offset < len)
        return false;
    *out = b.mid(offset, len);
    return true;
}

QByteArray hmacMd5(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Md5);
}

QString text(const QByteArray &b, bool unicode)
{
    return unicode ? fromUtf16le(b) : QString::fromLatin1(b);
}

QStringList flagNames(quint32 flags)
{
    static const std::pair<quint32, const char *> names[] = {
        {Ntlm::Unicode, "UNICODE"},
        {Ntlm::Oem, "OEM"},
        {Ntlm::RequestTarget, "REQUEST_TARGET"},
        {Ntlm::Sign, "SIGN"},
        {Ntlm::Seal, "SEAL"},
        {Ntlm::Lm, "LM_KEY"},
        {Ntlm::NtlmFlag, "NTLM"},
        {Ntlm::Anonymous, "ANONYMOUS"},
        {Ntlm::DomainSupplied, "OEM_DOMAIN_SUPPLIED"},
        {Ntlm::WorkstationSupplied, "OEM_WORKSTATION_SUPPLIED"},
        {Ntlm::AlwaysSign, "ALWAYS_SIGN"},
        {Ntlm::TargetTypeDomain, "TARGET_TYPE_DOMAIN"},
        {Ntlm::TargetTypeServer, "TARGET_TYPE_SERVER"},
        {Ntlm::ExtendedSessionSecurity, "EXTENDED_SESSIONSECURITY"},
        {Ntlm::Identify, "IDENTIFY"},
        {Ntlm::TargetInfo, "TARGET_INFO"},
        {Ntlm::Version, "VERSION"},
        {Ntlm::Neg128, "128"},
        {Ntlm::KeyExchange, "KEY_EXCH"},
        {Ntlm::Neg56, "56"},
    };
    QStringList out;
    quint32 known = 0;
    for (const auto &[bit, name] : names) {
        known |= bit;
        if (flags & bit)
            out.append(QString::fromLatin1(name));
    }
    if (flags & ~known)
        out.append(u"0x%1"_s.arg(qulonglong(flags & ~known), 8, 16, QChar(u'0')));
    return out;
}

/// The AV pairs of a type 2 target info; @p timestamp gets MsvAvTimestamp when present.
QStringList targetInfoText(const QByteArray &info, quint64 *timestamp)
{
    QStringList out;
    qsizetype at = 0;
    while (at + 4 <= info.size()) {
        const quint16 id = get16(info, at);
        const quint16 len = get16(info, at + 2);
        if (id == 0 || at + 4 + len > info.size())
            break;
        const QByteArray value = info.mid(at + 4, len);
        static const char *const names[] = {"", "NetBIOS computer", "NetBIOS domain", "DNS computer",
                                            "DNS domain", "DNS tree"};
        if (id >= 1 && id <= 5)
            out.append(QString::fromLatin1(names[id]) + u'=' + fromUtf16le(value));
        else if (id == 7 && len == 8) {
            const quint64 t = qFromLittleEndian<quint64>(value.constData());
            if (timestamp)
                *timestamp = t;
            out.append(u"timestamp="_s +
                       QDateTime::fromMSecsSinceEpoch(qint64(t / 10000) - 11644473600000LL, Qt::UTC)
                           .toString(Qt::ISODate));
        } else if (id == 6 && len == 4) {
            out.append(u"flags=0x%1"_s.arg(qulonglong(get32(value, 0)), 8, 16, QChar(u'0')));
        }
        at += 4 + len;
    }
    return out;
}

quint64 nowFileTime()
{
    return quint64(QDateTime::currentMSecsSinceEpoch() + 11644473600000LL) * 10000;
}

} // namespace

QString NtlmMessageInfo::summary() const
{
    if (type == 0)
        return Ntlm::tr("Not an NTLM message: %1").arg(error);
    QStringList parts;
    switch (type) {
    case 1:
        parts.append(Ntlm::tr("NTLM type 1 (negotiate)"));
        break;
    case 2:
        parts.append(Ntlm::tr("NTLM type 2 (challenge)"));
        if (!targetName.isEmpty())
            parts.append(Ntlm::tr("target %1").arg(targetName));
        break;
    default:
        parts.append(Ntlm::tr("NTLM type 3 (authenticate)"));
        parts.append(Ntlm::tr("user %1").arg(user));
        parts.append(Ntlm::tr("domain %1").arg(domain.isEmpty() ? Ntlm::tr("(none)") : domain));
        parts.append(ntlmv2 ? Ntlm::tr("NTLMv2 response (%1 bytes)").arg(ntResponseLength)
                            : Ntlm::tr("NOT NTLMv2: %1-byte NT response").arg(ntResponseLength));
        break;
    }
    if (!workstation.isEmpty())
        parts.append(Ntlm::tr("workstation %1").arg(workstation));
    if (type == 1 && !domain.isEmpty())
        parts.append(Ntlm::tr("domain %1").arg(domain));
    parts.append(Ntlm::tr("flags %1").arg(flagNames.join(u'|')));
    if (!targetInfo.isEmpty())
        parts.append(Ntlm::tr("target info: %1").arg(targetInfo.join(u", "_s)));
    if (!error.isEmpty())
        parts.append(error);
    return parts.join(u"; "_s);
}

QByteArray Ntlm::negotiate()
{
    QByteArray m(32, '\0');
    memcpy(m.data(), Signature, 8);
    put32(m, 8, 1);
    put32(m, 12, NegotiateFlags);
    // Domain and workstation fields empty (offset past the header).
    put32(m, 20, 32);
    put32(m, 28, 32);
    return m;
}

QByteArray Ntlm::ntHash(const QString &password)
{
    return QCryptographicHash::hash(utf16le(password), QCryptographicHash::Md4);
}

QByteArray Ntlm::ntowfv2(const QString &password, const QString &user, const QString &domain)
{
    return hmacMd5(ntHash(password), utf16le(user.toUpper() + domain));
}

QByteArray Ntlm::ntlmv2Response(const QByteArray &ntowf, const QByteArray &serverChallenge,
                                const QByteArray &clientChallenge, quint64 fileTime,
                                const QByteArray &targetInfo)
{
    QByteArray temp(28, '\0');
    temp[0] = 1; // RespType
    temp[1] = 1; // HiRespType
    qToLittleEndian<quint64>(fileTime, temp.data() + 8);
    memcpy(temp.data() + 16, clientChallenge.constData(), 8);
    temp += targetInfo;
    temp += QByteArray(4, '\0');
    return hmacMd5(ntowf, serverChallenge + temp) + temp;
}

QByteArray Ntlm::lmv2Response(const QByteArray &ntowf, const QByteArray &serverChallenge,
                              const QByteArray &clientChallenge)
{
    return hmacMd5(ntowf, serverChallenge + clientChallenge) + clientChallenge;
}

void Ntlm::splitUser(const NtlmCredentials &c, QString *user, QString *domain)
{
    *user = c.user;
    *domain = c.domain;
    const qsizetype backslash = c.user.indexOf(u'\\');
    const qsizetype at = c.user.lastIndexOf(u'@');
    if (backslash > 0) {
        if (domain->isEmpty())
            *domain = c.user.left(backslash);
        *user = c.user.mid(backslash + 1);
    } else if (at > 0 && domain->isEmpty()) {
        *domain = c.user.mid(at + 1);
        *user = c.user.left(at);
    }
}

NtlmMessageInfo Ntlm::decode(const QByteArray &m)
{
    NtlmMessageInfo info;
    if (m.size() < 12 || memcmp(m.constData(), Signature, 8) != 0) {
        info.error = tr("no NTLMSSP signature (%1 bytes)").arg(m.size());
        return info;
    }
    const quint32 type = get32(m, 8);
    if (type < 1 || type > 3) {
        info.error = tr("unknown message type %1").arg(type);
        return info;
    }
    auto bad = [&info, type](const QString &why) {
        info.type = int(type);
        info.error = tr("malformed: %1").arg(why);
        return info;
    };
    QByteArray a, b;
    if (type == 1) {
        if (m.size() < 16)
            return bad(tr("shorter than a negotiate header"));
        info.type = 1;
        info.flags = get32(m, 12);
        if (m.size() >= 32 && field(m, 16, &a) && field(m, 24, &b)) {
            info.domain = QString::fromLatin1(a);
            info.workstation = QString::fromLatin1(b);
        }
    } else if (type == 2) {
        if (m.size() < 32)
            return bad(tr("shorter than a challenge header"));
        info.type = 2;
        info.flags = get32(m, 20);
        if (!field(m, 12, &a))
            return bad(tr("the target name points outside the message"));
        info.targetName = text(a, info.flags & Unicode);
        info.serverChallenge = m.mid(24, 8);
        if (m.size() >= 48 && (info.flags & TargetInfo)) {
            if (!field(m, 40, &b))
                return bad(tr("the target info points outside the message"));
            info.targetInfo = targetInfoText(b, nullptr);
        }
    } else {
        if (m.size() < 64)
            return bad(tr("shorter than an authenticate header"));
        info.type = 3;
        info.flags = get32(m, 60);
        QByteArray nt, domain, user, workstation;
        if (!field(m, 20, &nt) || !field(m, 28, &domain) || !field(m, 36, &user) || !field(m, 44, &workstation))
            return bad(tr("a field points outside the message"));
        const bool unicode = info.flags & Unicode;
        info.domain = text(domain, unicode);
        info.user = text(user, unicode);
        info.workstation = text(workstation, unicode);
        info.ntResponseLength = int(nt.size());
        info.ntlmv2 = nt.size() > 24;
    }
    info.flagNames = flagNames(info.flags);
    return info;
}

QByteArray Ntlm::authenticate(const QByteArray &challenge, const NtlmCredentials &credentials, QString *error,
                              const QByteArray &clientChallengeIn, quint64 fileTimeIn)
{
    const NtlmMessageInfo c = decode(challenge);
    if (c.type != 2 || !c.error.isEmpty()) {
        *error = tr("The server's NTLM challenge (type 2) could not be read: %1")
                     .arg(c.error.isEmpty() ? tr("it is a type %1 message").arg(c.type) : c.error);
        return {};
    }
    QByteArray targetInfo;
    quint64 serverTime = 0;
    if ((c.flags & TargetInfo) && challenge.size() >= 48) {
        field(challenge, 40, &targetInfo);
        targetInfoText(targetInfo, &serverTime);
    }
    QString user, domain;
    splitUser(credentials, &user, &domain);
    if (domain.isEmpty())
        domain = c.targetName; // the server's domain, as Windows clients do
    const QByteArray clientChallenge = clientChallengeIn.size() == 8 ? clientChallengeIn : [] {
        QByteArray b(8, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(b.data()), 2);
        return b;
    }();
    const quint64 fileTime = fileTimeIn ? fileTimeIn : serverTime ? serverTime : nowFileTime();
    const QByteArray key = ntowfv2(credentials.password, user, domain);
    const QByteArray nt = ntlmv2Response(key, c.serverChallenge, clientChallenge, fileTime, targetInfo);
    // With a server timestamp, MS-NLMP §3.1.5.1.2 sends an all-zero LM response.
    const QByteArray lm =
        serverTime ? QByteArray(24, '\0') : lmv2Response(key, c.serverChallenge, clientChallenge);

    const bool unicode = c.flags & Unicode;
    auto encode = [unicode](const QString &s) { return unicode ? utf16le(s) : s.toLatin1(); };
    const QByteArray d = encode(domain), u = encode(user), w = encode(credentials.workstation);
    QByteArray m(64, '\0');
    memcpy(m.data(), Signature, 8);
    put32(m, 8, 3);
    qsizetype offset = 64;
    auto append = [&m, &offset](qsizetype at, const QByteArray &data) {
        put16(m, at, quint16(data.size()));
        put16(m, at + 2, quint16(data.size()));
        put32(m, at + 4, quint32(offset));
        m += data;
        offset += data.size();
    };
    append(12, lm);
    append(20, nt);
    append(28, d);
    append(36, u);
    append(44, w);
    append(52, {}); // no session key: no signing or sealing over HTTP
    const quint32 flags = (c.flags & (Unicode | Oem | RequestTarget | NtlmFlag | AlwaysSign |
                                       ExtendedSessionSecurity | TargetInfo | Neg128 | Neg56)) |
                          NtlmFlag;
    put32(m, 60, unicode ? (flags & ~quint32(Oem)) : flags);
    qCDebug(lcNtlm) << "type 3 for user" << user << "domain" << domain << "NTLMv2" << nt.size() << "bytes";
    return m;
}

} // namespace Peephole
