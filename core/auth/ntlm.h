#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Peephole {

/// One NTLM message decoded for display (MS-NLMP §2.2.1): which leg, its flags, the names in it,
/// whether an authenticate message carries an NTLMv2 response. Never holds a password or hash.
struct NtlmMessageInfo
{
    int type = 0; ///< 1 negotiate, 2 challenge, 3 authenticate; 0: not NTLM.
    quint32 flags = 0;
    QStringList flagNames;
    QString targetName;  ///< Type 2.
    QStringList targetInfo; ///< Type 2: "NetBIOS domain=CORP", "DNS computer=srv.corp.example" …
    QByteArray serverChallenge; ///< Type 2 (8 bytes).
    QString domain;      ///< Types 1 and 3.
    QString user;        ///< Type 3.
    QString workstation; ///< Types 1 and 3.
    bool ntlmv2 = false; ///< Type 3: the NT response is NTLMv2 (longer than 24 bytes).
    int ntResponseLength = 0;
    QString error; ///< Why it could not be decoded.

    /// One line: "NTLM type 2 (challenge): target CORP, flags UNICODE|NTLM|…, …".
    QString summary() const;
};

struct NtlmCredentials
{
    QString user;   ///< "user", "DOMAIN\\user" or "user@domain".
    QString domain; ///< Overrides a domain in user.
    QString password;
    QString workstation;
};

/// NTLM (NTLMv2 only) built and parsed here: MD4 through QCryptographicHash::Md4 (Qt's own
/// implementation, so OpenSSL 3's legacy provider is not needed), HMAC-MD5 through
/// QMessageAuthenticationCode. LM and NTLMv1 responses are never sent.
class Ntlm
{
    Q_DECLARE_TR_FUNCTIONS(Ntlm)
public:
    enum Flag : quint32 {
        Unicode = 0x00000001,
        Oem = 0x00000002,
        RequestTarget = 0x00000004,
        Sign = 0x00000010,
        Seal = 0x00000020,
        Lm = 0x00000080,
        NtlmFlag = 0x00000200,
        Anonymous = 0x00000800,
        DomainSupplied = 0x00001000,
        WorkstationSupplied = 0x00002000,
        AlwaysSign = 0x00008000,
        TargetTypeDomain = 0x00010000,
        TargetTypeServer = 0x00020000,
        ExtendedSessionSecurity = 0x00080000,
        Identify = 0x00100000,
        TargetInfo = 0x00800000,
        Version = 0x02000000,
        Neg128 = 0x20000000,
        KeyExchange = 0x40000000,
        Neg56 = 0x80000000,
    };

    /// The flags of our negotiate message.
    static constexpr quint32 NegotiateFlags =
        Unicode | Oem | RequestTarget | NtlmFlag | AlwaysSign | ExtendedSessionSecurity | Neg128 | Neg56;

    /// Type 1 message.
    static QByteArray negotiate();
    /// Type 3 message answering @p challenge (a type 2) with an NTLMv2 response. @p clientChallenge
    /// (8 bytes) and @p fileTime (100 ns since 1601; 0: the server's timestamp, else now) are for tests.
    static QByteArray authenticate(const QByteArray &challenge, const NtlmCredentials &credentials,
                                   QString *error, const QByteArray &clientChallenge = {},
                                   quint64 fileTime = 0);
    static NtlmMessageInfo decode(const QByteArray &message);

    // The steps (MS-NLMP §3.3.2), exposed for the published test vectors.
    static QByteArray ntHash(const QString &password);
    static QByteArray ntowfv2(const QString &password, const QString &user, const QString &domain);
    /// NTProofStr followed by the blob ("temp").
    static QByteArray ntlmv2Response(const QByteArray &ntowfv2, const QByteArray &serverChallenge,
                                     const QByteArray &clientChallenge, quint64 fileTime,
                                     const QByteArray &targetInfo);
    static QByteArray lmv2Response(const QByteArray &ntowfv2, const QByteArray &serverChallenge,
                                   const QByteArray &clientChallenge);
    static void splitUser(const NtlmCredentials &c, QString *user, QString *domain);
};

} // namespace Peephole
