#include "oauth/jwt.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Jwt", text);
}

constexpr qsizetype MaxTokenSize = 64 * 1024;

bool base64url(const QByteArray &in, QByteArray *out)
{
    for (char c : in) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        if (!ok)
            return false;
    }
    auto r = QByteArray::fromBase64Encoding(in, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = *r;
    return true;
}

struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

QByteArray b64(const QJsonObject &jwk, const char *name)
{
    QByteArray out;
    base64url(jwk.value(QLatin1StringView(name)).toString().toLatin1(), &out);
    return out;
}

Pkey rsaKey(const QJsonObject &jwk)
{
    const QByteArray n = b64(jwk, "n"), e = b64(jwk, "e");
    if (n.isEmpty() || e.isEmpty())
        return {};
    BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr);
    BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be);
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY *key = nullptr;
    if (ctx && params && EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return Pkey(key);
}

Pkey ecKey(const QJsonObject &jwk, const char *group, int size)
{
    const QByteArray x = b64(jwk, "x"), y = b64(jwk, "y");
    if (x.size() != size || y.size() != size)
        return {};
    const QByteArray point = QByteArray(1, '\x04') + x + y;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0);
    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size()));
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    EVP_PKEY *key = nullptr;
    if (ctx && params && EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    return Pkey(key);
}

/// JWS ECDSA signatures are r || s; OpenSSL verifies DER.
QByteArray ecdsaDer(const QByteArray &raw)
{
    const int half = int(raw.size() / 2);
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()), half, nullptr);
    BIGNUM *s = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()) + half, half, nullptr);
    ECDSA_SIG_set0(sig, r, s);
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out = len > 0 ? QByteArray(reinterpret_cast<const char *>(der), len) : QByteArray();
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

bool verifyWith(EVP_PKEY *key, const EVP_MD *md, bool pss, const QByteArray &input, const QByteArray &sig)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok = EVP_DigestVerifyInit(ctx, &pctx, md, nullptr, key) > 0;
    if (ok && pss)
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
             EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) > 0;
    ok = ok && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(sig.constData()), size_t(sig.size()),
                                reinterpret_cast<const unsigned char *>(input.constData()),
                                size_t(input.size())) == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}
} // namespace

Jwt Jwt::decode(const QString &token)
{
    Jwt j;
    const QByteArray bytes = token.trimmed().toLatin1();
    if (token.size() > MaxTokenSize) {
        j.error = tr("the token is longer than 64 KiB; not decoded");
        return j;
    }
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() == 5) {
        j.error = tr("this is an encrypted JWT (JWE, five segments); its claims cannot be read without the "
                     "recipient's key");
        return j;
    }
    if (parts.size() != 3) {
        j.error = tr("not a JWT: a JWT has three segments separated by dots, this has %1 (an opaque access "
                     "token is not meant to be decoded)")
                      .arg(parts.size());
        return j;
    }
    static const char *names[] = {"header", "payload", "signature"};
    QByteArray decoded[3];
    for (int i = 0; i < 3; ++i) {
        if ((i < 2 && parts[i].isEmpty()) || !base64url(parts[i], &decoded[i])) {
            j.error = tr("not a JWT: the %1 segment (segment %2) is not base64url").arg(
                QLatin1StringView(names[i])).arg(i + 1);
            return j;
        }
    }
    for (int i = 0; i < 2; ++i) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(decoded[i], &pe);
        if (!doc.isObject()) {
            j.error = tr("not a JWT: the %1 segment is not a JSON object (%2)")
                          .arg(QLatin1StringView(names[i]),
                               pe.error == QJsonParseError::NoError ? tr("another JSON value") : pe.errorString());
            return j;
        }
        (i == 0 ? j.header : j.payload) = doc.object();
    }
    j.signingInput = parts[0] + '.' + parts[1];
    j.signature = decoded[2];
    j.ok = true;
    return j;
}

QDateTime Jwt::claimTime(const QString &claim) const
{
    const QJsonValue v = payload.value(claim);
    if (!v.isDouble())
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC);
}

QString Jwt::relative(const QDateTime &when, const QDateTime &now)
{
    qint64 secs = now.secsTo(when);
    const bool past = secs < 0;
    secs = qAbs(secs);
    QString span;
    if (secs >= 86400)
        span = tr("%1 d %2 h").arg(secs / 86400).arg((secs % 86400) / 3600);
    else if (secs >= 3600)
        span = tr("%1 h %2 min").arg(secs / 3600).arg((secs % 3600) / 60);
    else if (secs >= 60)
        span = tr("%1 min %2 s").arg(secs / 60).arg(secs % 60);
    else
        span = tr("%1 s").arg(secs);
    return past ? tr("%1 ago").arg(span) : tr("in %1").arg(span);
}

QStringList Jwt::describe(const QDateTime &now) const
{
    QStringList lines;
    lines << tr("Algorithm: %1").arg(header.value(u"alg"_s).toString());
    if (header.contains(u"kid"_s))
        lines << tr("Key id: %1").arg(header.value(u"kid"_s).toString());
    if (header.contains(u"typ"_s))
        lines << tr("Type: %1").arg(header.value(u"typ"_s).toString());
    const QStringList times = {u"exp"_s, u"iat"_s, u"nbf"_s, u"auth_time"_s};
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        QString value;
        if (times.contains(it.key()) && it.value().isDouble()) {
            const QDateTime t = claimTime(it.key()).toLocalTime();
            value = QLocale::c().toString(t, u"yyyy-MM-dd HH:mm:ss t"_s) + u" ("_s + relative(t, now) + u')';
            if (it.key() == u"exp"_s)
                value = (t <= now ? tr("expired %1").arg(value) : tr("expires %1").arg(value));
        } else if (it.value().isString()) {
            value = it.value().toString();
        } else {
            value = QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact));
            value = value.mid(1, value.size() - 2);
        }
        lines << it.key() + u": "_s + value.left(2000);
    }
    return lines;
}

QString Jwt::sign(QJsonObject header, const QJsonObject &payload, const QByteArray &pem, QString *error)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    Pkey key(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    if (!key) {
        *error = tr("the private key is not a PEM private key (without a passphrase)");
        return {};
    }
    const bool ec = EVP_PKEY_is_a(key.get(), "EC");
    if (!ec && !EVP_PKEY_is_a(key.get(), "RSA")) {
        *error = tr("the private key must be RSA or EC P-256");
        return {};
    }
    header.insert(u"alg"_s, ec ? u"ES256"_s : u"RS256"_s);
    const auto enc = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray input = enc(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             enc(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = 0;
    QByteArray sig;
    bool ok = EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key.get()) > 0 &&
              EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()),
                             size_t(input.size())) > 0;
    if (ok) {
        sig.resize(qsizetype(len));
        ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len,
                            reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) > 0;
        sig.resize(qsizetype(len));
    }
    EVP_MD_CTX_free(ctx);
    if (ok && ec) {
        // DER -> r || s (32 bytes each), as JWS wants.
        const unsigned char *p = reinterpret_cast<const unsigned char *>(sig.constData());
        ECDSA_SIG *es = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
        ok = es != nullptr;
        if (ok) {
            QByteArray raw(64, '\0');
            BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char *>(raw.data()), 32);
            BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
            sig = raw;
            ECDSA_SIG_free(es);
        }
    }
    if (!ok) {
        *error = tr("signing with the private key failed");
        return {};
    }
    return QString::fromLatin1(input + '.' + enc(sig));
}

bool Jwt::verify(const QJsonObject &jwks, QString *message) const
{
    if (!ok) {
        *message = error;
        return false;
    }
    const QString alg = header.value(u"alg"_s).toString();
    const QString kid = header.value(u"kid"_s).toString();
    const EVP_MD *md = nullptr;
    QString kty;
    const char *group = nullptr;
    int coord = 0;
    bool pss = false;
    if (alg == u"RS256"_s || alg == u"PS256"_s)
        md = EVP_sha256(), kty = u"RSA"_s, pss = alg.startsWith(u'P');
    else if (alg == u"RS384"_s)
        md = EVP_sha384(), kty = u"RSA"_s;
    else if (alg == u"RS512"_s)
        md = EVP_sha512(), kty = u"RSA"_s;
    else if (alg == u"ES256"_s)
        md = EVP_sha256(), kty = u"EC"_s, group = "prime256v1", coord = 32;
    else if (alg == u"ES384"_s)
        md = EVP_sha384(), kty = u"EC"_s, group = "secp384r1", coord = 48;
    else if (alg == u"none"_s) {
        *message = tr("the token is not signed (alg \"none\")");
        return false;
    } else {
        *message = tr("the algorithm \"%1\" is not supported for verification (RS256/384/512, PS256, ES256/384 "
                      "are)")
                       .arg(alg.left(40));
        return false;
    }
    const QJsonArray keys = jwks.value(u"keys"_s).toArray();
    int tried = 0;
    for (const QJsonValue &v : keys) {
        const QJsonObject jwk = v.toObject();
        if (jwk.value(u"kty"_s).toString() != kty)
            continue;
        if (!kid.isEmpty() && jwk.value(u"kid"_s).toString() != kid)
            continue;
        if (jwk.contains(u"use"_s) && jwk.value(u"use"_s).toString() != u"sig"_s)
            continue;
        ++tried;
        Pkey key = kty == u"RSA"_s ? rsaKey(jwk) : ecKey(jwk, group, coord);
        if (!key)
            continue;
        QByteArray sig = signature;
        if (kty == u"EC"_s) {
            if (sig.size() != 2 * coord)
                continue;
            sig = ecdsaDer(sig);
        }
        if (verifyWith(key.get(), md, pss, signingInput, sig)) {
            *message = tr("signature valid (%1, key %2)").arg(alg, jwk.value(u"kid"_s).toString(tr("without id")));
            return true;
        }
    }
    if (tried == 0)
        *message = kid.isEmpty() ? tr("the JWKS has no %1 signing key").arg(kty)
                                 : tr("the JWKS has no %1 key with id \"%2\"").arg(kty, kid.left(100));
    else
        *message = tr("the signature does not match the JWKS key(s) (%1)").arg(alg);
    return false;
}

} // namespace Peephole
