#include "digestanswer.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>
#include <QString>

using namespace Qt::StringLiterals;

namespace Peephole::Test {

QByteArray digestHash(const QByteArray &algorithm, const QByteArray &data)
{
    const QByteArray base = algorithm.toUpper().replace("-SESS", "");
    if (base.isEmpty() || base == "MD5")
        return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    if (base == "SHA-256")
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    QProcess p;
    p.start(u"openssl"_s, {u"dgst"_s, u"-sha512-256"_s, u"-r"_s});
    p.write(data);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return p.readAllStandardOutput().split(' ').value(0).trimmed();
}

QByteArray authParam(const QByteArray &field, const char *name)
{
    const QRegularExpression re(u"(?:^|[\\s,])"_s + QString::fromLatin1(name) +
                                u"=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))"_s);
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(field));
    if (!m.hasMatch())
        return {};
    QByteArray value = (m.captured(1) + m.captured(2)).toLatin1();
    return value.replace("\\\"", "\"").replace("\\\\", "\\");
}

QByteArray DigestAnswer::ha1() const
{
    QByteArray h = digestHash(algorithm, user + ':' + realm + ':' + password);
    if (algorithm.toUpper().endsWith("-SESS"))
        h = digestHash(algorithm, h + ':' + nonce + ':' + cnonce);
    return h;
}

QByteArray DigestAnswer::response() const
{
    QByteArray a2 = method + ':' + uri;
    if (qop == "auth-int")
        a2 += ':' + digestHash(algorithm, body);
    if (qop.isEmpty())
        return digestHash(algorithm, ha1() + ':' + nonce + ':' + digestHash(algorithm, a2));
    return digestHash(algorithm, ha1() + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' +
                                     digestHash(algorithm, a2));
}

QByteArray DigestAnswer::rspauth() const
{
    QByteArray a2 = ':' + uri;
    if (qop == "auth-int")
        a2 += ':' + digestHash(algorithm, body);
    return digestHash(algorithm, ha1() + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' +
                                     digestHash(algorithm, a2));
}

QByteArray DigestAnswer::authorization() const
{
    const QByteArray name = userhash ? digestHash(algorithm, user + ':' + realm) : user;
    QByteArray v = "Digest username=\"" + name + "\", realm=\"" + realm + "\", uri=\"" + uri + "\"";
    if (!algorithm.isEmpty())
        v += ", algorithm=" + algorithm;
    v += ", nonce=\"" + nonce + "\"";
    if (!qop.isEmpty())
        v += ", nc=" + (quoteNc ? '"' + nc + '"' : nc) + ", cnonce=\"" + cnonce + "\", qop=" + qop;
    v += ", response=\"" + response() + "\"";
    if (!opaque.isEmpty())
        v += ", opaque=\"" + opaque + "\"";
    if (userhash)
        v += ", userhash=true";
    return v;
}

} // namespace Peephole::Test
