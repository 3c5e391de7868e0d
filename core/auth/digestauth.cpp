#include "auth/digestauth.h"

#include "auth/challengeparser.h"
#include "auth/sha512.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QList<QByteArray> qopOptions(const Challenge &challenge)
{
    QList<QByteArray> out;
    const QList<QByteArray> parts = challenge.param("qop").split(',');
    for (const QByteArray &p : parts) {
        const QByteArray t = p.trimmed().toLower();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

bool needsExtendedUsername(const QString &user)
{
    for (QChar c : user) {
        if (c.unicode() >= 0x7f || c.unicode() < 0x20)
            return true;
    }
    return false;
}

/// RFC 8187 ext-value: UTF-8''percent-encoded.
QByteArray extValue(const QString &s)
{
    return "UTF-8''" + s.toUtf8().toPercentEncoding("!#$&+-.^_`|~");
}

} // namespace

bool DigestAuth::parseAlgorithm(QByteArrayView name, DigestHashAlgorithm *algorithm)
{
    struct Entry
    {
        QByteArrayView name;
        DigestHashAlgorithm algorithm;
    };
    static constexpr Entry entries[] = {
        {"MD5", DigestHashAlgorithm::Md5},
        {"MD5-sess", DigestHashAlgorithm::Md5Sess},
        {"SHA-256", DigestHashAlgorithm::Sha256},
        {"SHA-256-sess", DigestHashAlgorithm::Sha256Sess},
        {"SHA-512-256", DigestHashAlgorithm::Sha512_256},
        {"SHA-512-256-sess", DigestHashAlgorithm::Sha512_256Sess},
    };
    if (name.isEmpty()) {
        *algorithm = DigestHashAlgorithm::Md5;
        return true;
    }
    for (const Entry &e : entries) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0) {
            *algorithm = e.algorithm;
            return true;
        }
    }
    return false;
}

bool DigestAuth::algorithmOf(const Challenge &challenge, DigestHashAlgorithm *algorithm)
{
    return parseAlgorithm(challenge.param("algorithm"), algorithm);
}

QString DigestAuth::algorithmName(DigestHashAlgorithm algorithm)
{
    switch (algorithm) {
    case DigestHashAlgorithm::Md5:
        return u"MD5"_s;
    case DigestHashAlgorithm::Md5Sess:
        return u"MD5-sess"_s;
    case DigestHashAlgorithm::Sha256:
        return u"SHA-256"_s;
    case DigestHashAlgorithm::Sha256Sess:
        return u"SHA-256-sess"_s;
    case DigestHashAlgorithm::Sha512_256:
        return u"SHA-512-256"_s;
    case DigestHashAlgorithm::Sha512_256Sess:
        return u"SHA-512-256-sess"_s;
    }
    return {};
}

int DigestAuth::strength(DigestHashAlgorithm algorithm)
{
    switch (algorithm) {
    case DigestHashAlgorithm::Md5:
    case DigestHashAlgorithm::Md5Sess:
        return 1;
    case DigestHashAlgorithm::Sha256:
    case DigestHashAlgorithm::Sha256Sess:
        return 2;
    case DigestHashAlgorithm::Sha512_256:
    case DigestHashAlgorithm::Sha512_256Sess:
        return 3;
    }
    return 0;
}

bool DigestAuth::isSess(DigestHashAlgorithm algorithm)
{
    return algorithm == DigestHashAlgorithm::Md5Sess || algorithm == DigestHashAlgorithm::Sha256Sess ||
           algorithm == DigestHashAlgorithm::Sha512_256Sess;
}

QByteArray DigestAuth::hashHex(DigestHashAlgorithm algorithm, const QByteArray &data)
{
    switch (algorithm) {
    case DigestHashAlgorithm::Md5:
    case DigestHashAlgorithm::Md5Sess:
        return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    case DigestHashAlgorithm::Sha256:
    case DigestHashAlgorithm::Sha256Sess:
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    case DigestHashAlgorithm::Sha512_256:
    case DigestHashAlgorithm::Sha512_256Sess:
        return Sha512Family::hash(data, Sha512Family::Variant::Sha512_256).toHex();
    }
    return {};
}

QByteArray DigestAuth::newCnonce()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QByteArray DigestAuth::formatNc(quint32 nc)
{
    return QByteArray::number(nc, 16).rightJustified(8, '0');
}

DigestAnswer DigestAuth::answer(const Challenge &challenge, const DigestInput &input)
{
    DigestAnswer out;
    if (!algorithmOf(challenge, &out.algorithm)) {
        out.error = tr("The server asks for the Digest algorithm “%1”, which Peephole does not support (it "
                       "supports MD5, SHA-256 and SHA-512-256, each with -sess).")
                        .arg(QString::fromUtf8(challenge.param("algorithm")));
        return out;
    }
    const QByteArray nonce = challenge.param("nonce");
    if (nonce.isEmpty()) {
        out.error = tr("The Digest challenge has no nonce; the server's challenge is malformed.");
        return out;
    }
    const QList<QByteArray> qops = qopOptions(challenge);
    QByteArray qop;
    if (!qops.isEmpty()) {
        const bool intOffered = qops.contains("auth-int");
        const bool authOffered = qops.contains("auth");
        if (intOffered && (input.bodyAvailable || !authOffered))
            qop = "auth-int";
        else if (authOffered)
            qop = "auth";
        if (qop.isEmpty()) {
            out.error = tr("The Digest challenge offers only qop=“%1”, which Peephole does not know.")
                            .arg(QString::fromUtf8(challenge.param("qop")));
            return out;
        }
        if (qop == "auth-int" && !input.bodyAvailable) {
            out.error = tr("The server requires qop=auth-int, which hashes the whole request body, but the "
                           "body is too large to be hashed here (over 64 MiB).");
            return out;
        }
    } else if (isSess(out.algorithm)) {
        out.error = tr("The Digest challenge asks for %1 without qop; -sess algorithms need a qop.")
                        .arg(algorithmName(out.algorithm));
        return out;
    }

    const DigestHashAlgorithm alg = out.algorithm;
    const QByteArray realm = challenge.param("realm");
    const bool utf8Charset = challenge.param("charset").compare("UTF-8", Qt::CaseInsensitive) == 0;
    const bool userhash = challenge.param("userhash").compare("true", Qt::CaseInsensitive) == 0;
    const QByteArray user = input.user.toUtf8();
    const QByteArray password = input.password.toUtf8();
    const QByteArray nc = formatNc(input.nc);

    QByteArray ha1 = hashHex(alg, user + ':' + realm + ':' + password);
    if (isSess(alg))
        ha1 = hashHex(alg, ha1 + ':' + nonce + ':' + input.cnonce);
    QByteArray a2 = input.method + ':' + input.uri;
    if (qop == "auth-int")
        a2 += ':' + hashHex(alg, input.body);
    const QByteArray ha2 = hashHex(alg, a2);
    QByteArray response;
    if (qop.isEmpty())
        response = hashHex(alg, ha1 + ':' + nonce + ':' + ha2);
    else
        response = hashHex(alg, ha1 + ':' + nonce + ':' + nc + ':' + input.cnonce + ':' + qop + ':' + ha2);

    DigestTrace &t = out.trace;
    t.algorithm = challenge.param("algorithm").isEmpty() ? QByteArray("MD5") : algorithmName(alg).toLatin1();
    t.realm = realm;
    t.nonce = nonce;
    t.qop = qop;
    t.uri = input.uri;
    t.userhash = userhash;
    t.ha1 = ha1;
    t.ha2 = ha2;
    t.response = response;
    if (!qop.isEmpty()) {
        t.cnonce = input.cnonce;
        t.nc = nc;
    }

    QByteArray v = "Digest ";
    if (userhash) {
        t.userField = hashHex(alg, user + ':' + realm);
        v += "username=" + ChallengeParser::quote(t.userField);
    } else if (needsExtendedUsername(input.user) && utf8Charset) {
        t.userField = extValue(input.user);
        v += "username*=" + t.userField;
    } else {
        t.userField = user;
        v += "username=" + ChallengeParser::quote(user);
    }
    v += ", realm=" + ChallengeParser::quote(realm);
    v += ", uri=" + ChallengeParser::quote(input.uri);
    if (challenge.hasParam("algorithm"))
        v += ", algorithm=" + algorithmName(alg).toLatin1();
    v += ", nonce=" + ChallengeParser::quote(nonce);
    if (!qop.isEmpty())
        v += ", nc=" + nc + ", cnonce=" + ChallengeParser::quote(input.cnonce) + ", qop=" + qop;
    v += ", response=" + ChallengeParser::quote(response);
    if (challenge.hasParam("opaque"))
        v += ", opaque=" + ChallengeParser::quote(challenge.param("opaque"));
    if (userhash)
        v += ", userhash=true";
    out.value = v;
    return out;
}

QByteArray DigestAuth::expectedRspauth(DigestHashAlgorithm algorithm, const DigestTrace &trace,
                                       QByteArrayView responseBody)
{
    QByteArray a2 = ':' + trace.uri;
    if (trace.qop == "auth-int")
        a2 += ':' + hashHex(algorithm, responseBody.toByteArray());
    const QByteArray ha2 = hashHex(algorithm, a2);
    if (trace.qop.isEmpty())
        return hashHex(algorithm, trace.ha1 + ':' + trace.nonce + ':' + ha2);
    return hashHex(algorithm, trace.ha1 + ':' + trace.nonce + ':' + trace.nc + ':' + trace.cnonce + ':' +
                                  trace.qop + ':' + ha2);
}

} // namespace Peephole
