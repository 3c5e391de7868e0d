#include "digestverifier.h"

#include "authparams.h"
#include "sha512_256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool parseAlgorithm(QByteArrayView token, DigestAlgorithm &algorithm, bool &sess)
{
    const QByteArray upper = token.toByteArray().toUpper();
    sess = upper.endsWith("-SESS");
    const QByteArray base = sess ? upper.chopped(5) : upper;
    if (base == "MD5")
        algorithm = DigestAlgorithm::Md5;
    else if (base == "SHA-256")
        algorithm = DigestAlgorithm::Sha256;
    else if (base == "SHA-512-256")
        algorithm = DigestAlgorithm::Sha512_256;
    else
        return false;
    return true;
}

/// Decodes an RFC 8187 ext-value ("UTF-8''J%C3%A4s%C3%B8n").
QByteArray decodeExtValue(const QByteArray &value)
{
    const qsizetype first = value.indexOf('\'');
    const qsizetype second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0)
        return {};
    return QByteArray::fromPercentEncoding(value.mid(second + 1));
}

bool isNc(const QByteArray &nc)
{
    if (nc.size() != 8)
        return false;
    for (char c : nc) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}
} // namespace

DigestVerifier::DigestVerifier(DigestOptions options) : m_options(std::move(options))
{
    if (m_options.opaque.isEmpty())
        m_options.opaque = randomToken(16);
    m_clock.start();
}

void DigestVerifier::setCredentials(const QByteArray &user, const QByteArray &password)
{
    m_user = user;
    m_password = password;
}

QByteArray DigestVerifier::algorithmToken(DigestAlgorithm algorithm, bool sess)
{
    QByteArray name;
    switch (algorithm) {
    case DigestAlgorithm::Md5:
        name = "MD5"_ba;
        break;
    case DigestAlgorithm::Sha256:
        name = "SHA-256"_ba;
        break;
    case DigestAlgorithm::Sha512_256:
        name = "SHA-512-256"_ba;
        break;
    }
    return sess ? name + "-sess" : name;
}

QByteArray DigestVerifier::hexHash(DigestAlgorithm algorithm, const QByteArray &data)
{
    switch (algorithm) {
    case DigestAlgorithm::Md5:
        return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    case DigestAlgorithm::Sha256:
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    case DigestAlgorithm::Sha512_256:
        return sha512_256(data).toHex();
    }
    return {};
}

QByteArray DigestVerifier::newNonce()
{
    QByteArray nonce = m_nextNonce.isEmpty() ? randomToken(24) : m_nextNonce;
    m_nextNonce.clear();
    registerNonce(nonce);
    return nonce;
}

void DigestVerifier::registerNonce(const QByteArray &nonce)
{
    m_nonces.insert(nonce, NonceState{m_clock.elapsed(), 0, false});
    m_lastNonce = nonce;
}

void DigestVerifier::makeStale(const QByteArray &nonce)
{
    auto it = m_nonces.find(nonce);
    if (it != m_nonces.end())
        it->stale = true;
}

void DigestVerifier::makeAllStale()
{
    for (NonceState &state : m_nonces)
        state.stale = true;
}

QList<QByteArray> DigestVerifier::challenges(bool stale)
{
    const QByteArray nonce = newNonce();
    QList<QByteArray> out;
    for (DigestAlgorithm algorithm : std::as_const(m_options.algorithms)) {
        QByteArray c = "Digest realm=" + ServerAuth::quote(m_options.realm);
        if (!m_options.domain.isEmpty())
            c += ", domain=" + ServerAuth::quote(m_options.domain);
        if (!m_options.qops.isEmpty())
            c += ", qop=" + ServerAuth::quote(m_options.qops.join(", "));
        if (!m_options.omitAlgorithm)
            c += ", algorithm=" + algorithmToken(algorithm, m_options.sess);
        c += ", nonce=" + ServerAuth::quote(nonce);
        c += ", opaque=" + ServerAuth::quote(m_options.opaque);
        if (stale)
            c += ", stale=true";
        if (m_options.charsetUtf8)
            c += ", charset=UTF-8";
        if (m_options.userhash)
            c += ", userhash=true";
        out.append(c);
    }
    return out;
}

DigestVerifier::Result DigestVerifier::fail(Verdict verdict, const QByteArray &message)
{
    return Result{verdict, message, {}};
}

DigestVerifier::Result DigestVerifier::verify(const ServerRequest &request, QByteArrayView credentials)
{
    const ServerAuth::Credentials cred = ServerAuth::parseCredentials(credentials);
    if (!cred.isScheme("Digest"))
        return fail(Verdict::NotDigest, "no Digest credentials"_ba);
    if (!cred.error.isEmpty())
        return fail(Verdict::Malformed, "malformed Digest credentials: " + cred.error);
    for (const char *required : {"realm", "nonce", "uri", "response"}) {
        if (!cred.find(required))
            return fail(Verdict::Malformed, "Digest parameter '" + QByteArray(required) + "' is missing");
    }
    if (!cred.find("username") && !cred.find("username*"))
        return fail(Verdict::Malformed, "Digest parameter 'username' is missing"_ba);

    DigestAlgorithm algorithm = DigestAlgorithm::Md5;
    bool sess = false;
    const QByteArray algorithmParam = cred.find("algorithm") ? cred.value("algorithm") : "MD5"_ba;
    if (!parseAlgorithm(algorithmParam, algorithm, sess) || sess != m_options.sess ||
        !m_options.algorithms.contains(algorithm))
        return fail(Verdict::WrongAlgorithm, "algorithm '" + algorithmParam + "' was not offered");
    if (cred.value("realm") != m_options.realm)
        return fail(Verdict::WrongRealm,
                    "realm '" + cred.value("realm") + "' is not '" + m_options.realm + "'");
    if (cred.find("opaque") && cred.value("opaque") != m_options.opaque)
        return fail(Verdict::WrongOpaque, "opaque does not match the challenge"_ba);
    const QByteArray nonce = cred.value("nonce");
    auto state = m_nonces.find(nonce);
    if (state == m_nonces.end())
        return fail(Verdict::UnknownNonce, "nonce '" + nonce + "' was never issued");
    const QByteArray uri = cred.value("uri");
    if (uri != request.target &&
        uri != request.path + (request.query.isEmpty() ? ""_ba : '?' + request.query))
        return fail(Verdict::UriMismatch,
                    "uri '" + uri + "' does not match the request target '" + request.target + "'");

    const QByteArray qop = cred.value("qop");
    const QByteArray cnonce = cred.value("cnonce");
    const QByteArray ncText = cred.value("nc");
    qint64 nc = 0;
    if (m_options.qops.isEmpty()) {
        if (cred.find("qop"))
            return fail(Verdict::WrongQop, "qop was not offered (RFC 2069 mode)"_ba);
    } else {
        if (!m_options.qops.contains(qop))
            return fail(Verdict::WrongQop, "qop '" + qop + "' was not offered");
        if (!cred.find("cnonce"))
            return fail(Verdict::Malformed, "Digest parameter 'cnonce' is missing"_ba);
        const ServerAuth::Param *ncParam = cred.find("nc");
        if (!ncParam || ncParam->quoted || !isNc(ncText))
            return fail(Verdict::BadNc, "nc must be exactly 8 unquoted hex digits, got '" + ncText + "'");
        nc = ncText.toLongLong(nullptr, 16);
        if (nc <= state->lastNc)
            return fail(Verdict::BadNc, "nc " + ncText + " is not larger than the last one (" +
                                            QByteArray::number(state->lastNc, 16) + ")");
    }

    // The user: plain, RFC 8187 username*, or userhash.
    const bool userhash = cred.value("userhash").compare("true", Qt::CaseInsensitive) == 0;
    QByteArray username =
        cred.find("username*") ? decodeExtValue(cred.value("username*")) : cred.value("username");
    const QByteArray expectedUser =
        userhash && m_options.userhash ? hexHash(algorithm, m_user + ':' + m_options.realm) : m_user;
    if (userhash && !m_options.userhash)
        return fail(Verdict::WrongUser, "userhash=true but userhash was not offered"_ba);
    if (username != expectedUser)
        return fail(Verdict::WrongUser, "unknown user '" + username + "'");

    auto H = [algorithm](const QByteArray &data) { return hexHash(algorithm, data); };
    QByteArray ha1 = H(m_user + ':' + m_options.realm + ':' + m_password);
    if (sess)
        ha1 = H(ha1 + ':' + nonce + ':' + cnonce);
    const bool authInt = qop == "auth-int";
    const QByteArray bodyHash = authInt ? H(request.body) : QByteArray();
    const QByteArray ha2 = H(request.method + ':' + uri + (authInt ? ':' + bodyHash : QByteArray()));
    const QByteArray expected =
        qop.isEmpty() ? H(ha1 + ':' + nonce + ':' + ha2)
                      : H(ha1 + ':' + nonce + ':' + ncText + ':' + cnonce + ':' + qop + ':' + ha2);
    if (cred.value("response").toLower() != expected)
        return fail(Verdict::WrongResponse, "wrong Digest response (password or hashed values differ)"_ba);

    if (state->stale || m_clock.elapsed() - state->issuedMs > m_options.nonceLifetimeMs)
        return fail(Verdict::StaleNonce, "nonce is stale"_ba);
    state->lastNc = nc;

    Result ok{Verdict::Ok, {}, {}};
    if (m_options.sendAuthenticationInfo) {
        QList<QByteArray> info;
        if (m_options.sendNextNonce) {
            const QByteArray next = newNonce();
            info.append("nextnonce=" + ServerAuth::quote(next));
        }
        if (!qop.isEmpty()) {
            const QByteArray rspHa2 = H(':' + uri + (authInt ? ':' + bodyHash : QByteArray()));
            const QByteArray rspauth =
                H(ha1 + ':' + nonce + ':' + ncText + ':' + cnonce + ':' + qop + ':' + rspHa2);
            info.append("qop=" + qop);
            info.append("rspauth=" + ServerAuth::quote(rspauth));
            info.append("cnonce=" + ServerAuth::quote(cnonce));
            info.append("nc=" + ncText);
        }
        ok.authenticationInfo = info.join(", ");
    }
    return ok;
}

} // namespace Peephole
