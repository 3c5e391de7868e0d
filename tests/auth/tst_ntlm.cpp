// NTLM messages against the published example of MS-NLMP §4.2.4 (NTLMv2 authentication), and
// decoding of hostile input.

#include "auth/ntlm.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestNtlm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void msNlmpNtlmv2Example();
    void ourMessagesDecode();
    void hostileInputIsAnError_data();
    void hostileInputIsAnError();
    void userForms();
};

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', ""));
}

/// A type 2 message as in MS-NLMP §4.2.4.3 (challenge 0123456789abcdef, target "Domain",
/// target info NetBIOS domain "Domain", NetBIOS computer "Server").
QByteArray exampleChallenge()
{
    const QByteArray targetName = hex("44 00 6f 00 6d 00 61 00 69 00 6e 00");
    const QByteArray info = hex("02 00 0c 00 44 00 6f 00 6d 00 61 00 69 00 6e 00 01 00 0c 00 53 00 65 00 72 00 "
                                "76 00 65 00 72 00 00 00 00 00");
    QByteArray m = "NTLMSSP";
    m += '\0';
    m += hex("02000000");
    m += hex("0c000c00 38000000");          // target name at 56
    m += hex("33828ae2");                    // flags of the example
    m += hex("0123456789abcdef");            // server challenge
    m += QByteArray(8, '\0');                // reserved
    m += hex("24002400 44000000");          // target info at 68
    m += hex("0600 7017 0000 000f");         // version
    m += targetName + info;
    return m;
}
} // namespace

void TestNtlm::msNlmpNtlmv2Example()
{
    QCOMPARE(Ntlm::ntHash(u"Password"_s), hex("a4f49c406510bdcab6824ee7c30fd852"));
    const QByteArray key = Ntlm::ntowfv2(u"Password"_s, u"User"_s, u"Domain"_s);
    QCOMPARE(key, hex("0c868a403bfd7a93a3001ef22ef02e3f"));
    const QByteArray server = hex("0123456789abcdef");
    const QByteArray client = hex("aaaaaaaaaaaaaaaa");
    QCOMPARE(Ntlm::lmv2Response(key, server, client), hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"));
    const QByteArray info = hex("02000c0044006f006d00610069006e0001000c005300650072007600650072000000 0000");
    const QByteArray nt = Ntlm::ntlmv2Response(key, server, client, 0, info);
    QCOMPARE(nt.left(16), hex("68cd0ab851e51c96aabc927bebef6a1c")); // NTProofStr

    // The whole type 3 built from the example's type 2 carries that response.
    NtlmCredentials c;
    c.user = u"User"_s;
    c.domain = u"Domain"_s;
    c.password = u"Password"_s;
    c.workstation = u"COMPUTER"_s;
    QString error;
    const QByteArray type3 = Ntlm::authenticate(exampleChallenge(), c, &error, client, 1);
    QVERIFY2(!type3.isEmpty(), qPrintable(error));
    QVERIFY(type3.contains(Ntlm::ntlmv2Response(key, server, client, 1, info)));
    const NtlmMessageInfo decoded = Ntlm::decode(type3);
    QCOMPARE(decoded.type, 3);
    QCOMPARE(decoded.user, u"User"_s);
    QCOMPARE(decoded.domain, u"Domain"_s);
    QCOMPARE(decoded.workstation, u"COMPUTER"_s);
    QVERIFY(decoded.ntlmv2);
    QVERIFY2(decoded.summary().contains(u"NTLMv2"_s), qPrintable(decoded.summary()));
    // Nothing of the password or its hashes is in the message beyond the HMAC outputs.
    QVERIFY(!type3.contains(Ntlm::ntHash(u"Password"_s)));
    QVERIFY(!type3.contains(key));
}

void TestNtlm::ourMessagesDecode()
{
    const NtlmMessageInfo one = Ntlm::decode(Ntlm::negotiate());
    QCOMPARE(one.type, 1);
    QVERIFY(one.flagNames.contains(u"NTLM"_s) && one.flagNames.contains(u"EXTENDED_SESSIONSECURITY"_s));
    QVERIFY(!one.flagNames.contains(u"LM_KEY"_s));
    const NtlmMessageInfo two = Ntlm::decode(exampleChallenge());
    QCOMPARE(two.type, 2);
    QCOMPARE(two.targetName, u"Domain"_s);
    QCOMPARE(two.serverChallenge, hex("0123456789abcdef"));
    QCOMPARE(two.targetInfo, (QStringList{u"NetBIOS domain=Domain"_s, u"NetBIOS computer=Server"_s}));
    QVERIFY2(two.summary().contains(u"target Domain"_s), qPrintable(two.summary()));
}

void TestNtlm::hostileInputIsAnError_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not ntlm") << QByteArray("HTTP/1.1 200 OK");
    QByteArray type9 = exampleChallenge();
    type9[8] = 9;
    QTest::newRow("unknown type") << type9;
    QTest::newRow("truncated challenge") << exampleChallenge().left(30);
    QByteArray outside = exampleChallenge();
    outside[16] = char(0xff); // target name offset far outside
    outside[17] = char(0xff);
    QTest::newRow("offset outside") << outside;
    QByteArray longInfo = exampleChallenge();
    longInfo[40] = char(0xff); // target info length past the end
    longInfo[41] = char(0x7f);
    QTest::newRow("length outside") << longInfo;
}

void TestNtlm::hostileInputIsAnError()
{
    QFETCH(QByteArray, message);
    QString error;
    NtlmCredentials c{u"u"_s, u"d"_s, u"p"_s, {}};
    QVERIFY(Ntlm::authenticate(message, c, &error).isEmpty());
    QVERIFY2(error.contains(u"type 2"_s), qPrintable(error));
    QVERIFY(!Ntlm::decode(message).summary().isEmpty());
}

void TestNtlm::userForms()
{
    QString user, domain;
    Ntlm::splitUser({u"CORP\\alice"_s, {}, {}, {}}, &user, &domain);
    QCOMPARE(user, u"alice"_s);
    QCOMPARE(domain, u"CORP"_s);
    Ntlm::splitUser({u"alice@corp.example"_s, {}, {}, {}}, &user, &domain);
    QCOMPARE(user, u"alice"_s);
    QCOMPARE(domain, u"corp.example"_s);
    Ntlm::splitUser({u"alice"_s, u"OTHER"_s, {}, {}}, &user, &domain);
    QCOMPARE(domain, u"OTHER"_s);
}

QTEST_GUILESS_MAIN(TestNtlm)
#include "tst_ntlm.moc"
