// AuthNegotiator: schemes that sign or carry a key on every request, without a challenge:
// AWS Signature V4 (header or presigned URL) and API keys (header or query parameter).

#include "auth/authnegotiator_p.h"

#include "auth/sigv4.h"
#include "redact/redact.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Peephole {

using namespace AuthNegotiatorDetail;

namespace {

/// The Host field as the engine sends it (the port only when it is not the scheme's default).
QByteArray hostField(const HopContext &hop)
{
    const QByteArray typed = Headers::value(hop.spec->headers, "Host");
    if (!typed.isEmpty())
        return typed;
    QByteArray host = hop.url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = hop.url.port();
    if (port >= 0 && !((hop.url.scheme() == u"http"_s && port == 80) || (hop.url.scheme() == u"https"_s && port == 443)))
        host += ':' + QByteArray::number(port);
    return host;
}

/// "X-Amz-Date" from "x-amz-date".
QByteArray displayName(const QByteArray &lower)
{
    QByteArray out = lower;
    bool start = true;
    for (char &c : out) {
        if (start && c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        start = c == '-';
    }
    return out;
}

/// Fields the signature covers besides host and the x-amz-* ones: what the user typed, as curl does,
/// less the hop-by-hop fields a proxy may change.
bool signable(const QByteArray &name)
{
    for (const char *skip : {"authorization", "proxy-authorization", "connection", "expect", "host",
                             "transfer-encoding", "te", "upgrade", "keep-alive", "proxy-connection"})
        if (name.compare(skip, Qt::CaseInsensitive) == 0)
            return false;
    return true;
}

/// The canonical request for display: values of secret fields masked.
QByteArray maskedCanonical(const QByteArray &canonical)
{
    QList<QByteArray> lines = canonical.split('\n');
    if (lines.size() > 2) {
        // The query: X-Amz-Credential, X-Amz-Security-Token, an API key parameter.
        QList<QByteArray> pairs = lines[2].split('&');
        for (QByteArray &pair : pairs) {
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && Redact::isSecretParameter(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq)))))
                pair = pair.left(eq + 1) + Redact::Mask;
        }
        lines[2] = pairs.join('&');
    }
    for (qsizetype i = 3; i < lines.size(); ++i) {
        QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && Redact::isSecretHeader(line.left(colon)))
            line = line.left(colon + 1) + Redact::Mask;
    }
    return lines.join('\n');
}

bool sigv4Params(const HopContext &hop, SigV4Params *p, QString *error)
{
    const AuthSettings &s = hop.spec->auth;
    if (!SigV4::parseProviders(s.awsSigV4.isEmpty() ? u"aws:amz"_s : s.awsSigV4, hop.url.host(), p, error))
        return false;
    p->accessKey = s.user;
    p->secretKey = s.password;
    p->sessionToken = s.awsSessionToken;
    return true;
}

SigV4Trace traceOf(const SigV4Result &r, const QByteArray &payloadHash, bool presigned)
{
    SigV4Trace t;
    t.credentialScope = r.credentialScope;
    t.signedHeaders = r.signedHeaders;
    t.payloadHash = payloadHash;
    t.canonicalRequest = maskedCanonical(r.canonicalRequest);
    t.stringToSign = r.stringToSign;
    t.signature = r.signature;
    t.presigned = presigned;
    return t;
}

} // namespace

QUrl AuthNegotiator::urlFor(const HopContext &hop)
{
    if (!hop.spec || !requestCredentialsAllowed(hop))
        return hop.url;
    const AuthSettings &s = hop.spec->auth;
    if (s.scheme == AuthSettings::Scheme::ApiKey && s.apiKeyIn == AuthSettings::ApiKeyIn::Query &&
        !s.apiKeyName.isEmpty() && !s.apiKey.isEmpty()) {
        Redact::addParameterNames({s.apiKeyName});
        QUrlQuery query(hop.url);
        if (query.hasQueryItem(s.apiKeyName))
            return hop.url; // typed in the URL, or already there after a redirect within the origin
        QUrl url = hop.url;
        QString encoded = url.query(QUrl::FullyEncoded);
        if (!encoded.isEmpty())
            encoded += u'&';
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(s.apiKeyName) + '=' +
                                       QUrl::toPercentEncoding(s.apiKey));
        url.setQuery(encoded, QUrl::StrictMode);
        return url;
    }
    if (s.scheme == AuthSettings::Scheme::AwsSigV4 && s.awsPresignSeconds > 0) {
        if (QUrlQuery(hop.url).hasQueryItem(u"X-Amz-Signature"_s))
            return hop.url;
        SigV4Params p;
        QString error;
        SigV4Result r;
        QUrl url;
        if (sigv4Params(hop, &p, &error))
            url = SigV4::presign(hop.method, hop.url, hostField(hop), s.awsPresignSeconds, p, &r);
        SigV4Trace &trace = m_presigned[hop.chainId];
        if (url.isEmpty()) {
            trace = {};
            m_presignErrors[hop.chainId] = error.isEmpty() ? r.error : error;
            return hop.url;
        }
        m_presignErrors.remove(hop.chainId);
        trace = traceOf(r, SigV4::UnsignedPayload, true);
        return url;
    }
    return hop.url;
}

HeaderList AuthNegotiator::keyHeaders(const HopContext &hop, AuthRecord &record)
{
    const AuthSettings &s = hop.spec->auth;
    HeaderList out;
    if (!requestCredentialsAllowed(hop)) {
        if (s.hasUserCredentials() || !s.apiKey.isEmpty())
            record.explanation = withheldText(typedOrigin(hop), AuthOffers::originOf(hop.url));
        return out;
    }
    if (s.scheme == AuthSettings::Scheme::ApiKey) {
        if (s.apiKeyName.isEmpty() || s.apiKey.isEmpty()) {
            record.explanation = tr("API key authentication needs a name and a key.");
            return out;
        }
        if (s.apiKeyIn == AuthSettings::ApiKeyIn::Query) {
            record.sentScheme = tr("API key (query parameter %1)").arg(s.apiKeyName);
            return out;
        }
        const QByteArray name = s.apiKeyName.toLatin1();
        Redact::addHeaderNames({s.apiKeyName});
        if (!Headers::isValidName(name)) {
            record.explanation = tr("The API key header name “%1” is not a valid field name.").arg(s.apiKeyName);
            return out;
        }
        if (Headers::contains(hop.spec->headers, name))
            return out; // typed by the user: theirs wins
        out.append(HeaderField{name, s.apiKey.toUtf8(), true});
        record.sentScheme = tr("API key (header %1)").arg(s.apiKeyName);
        return out;
    }

    // AWS Signature V4.
    if (s.awsPresignSeconds > 0) {
        const auto error = m_presignErrors.constFind(hop.chainId);
        if (error != m_presignErrors.constEnd()) {
            record.explanation = tr("Not signed: %1").arg(*error);
        } else if (m_presigned.contains(hop.chainId)) {
            record.sentScheme = tr("AWS Signature V4 (presigned URL)");
            record.sigv4 = m_presigned.value(hop.chainId);
        }
        return out;
    }
    SigV4Params p;
    QString error;
    if (!sigv4Params(hop, &p, &error)) {
        record.explanation = tr("Not signed: %1").arg(error);
        return out;
    }
    SigV4Input in;
    in.method = hop.method;
    in.path = hop.url.path(QUrl::FullyEncoded).toLatin1();
    in.query = hop.url.query(QUrl::FullyEncoded).toLatin1();
    in.headers.append({"host", hostField(hop), true});
    for (const HeaderField &h : hop.spec->headers) {
        if (h.enabled && signable(h.name))
            in.headers.append(h);
    }
    const QByteArray dateName = SigV4::dateHeader(p);
    if (!Headers::contains(hop.spec->headers, dateName)) {
        const HeaderField date{displayName(dateName), SigV4::formatTime(QDateTime::currentDateTimeUtc()), true};
        in.headers.append(date);
        out.append(date);
    }
    const QByteArray tokenName = SigV4::tokenHeader(p);
    if (!p.sessionToken.isEmpty() && !Headers::contains(hop.spec->headers, tokenName)) {
        const HeaderField token{displayName(tokenName), p.sessionToken.toUtf8(), true};
        in.headers.append(token);
        out.append(token);
    }
    const QByteArray shaName = SigV4::contentShaHeader(p);
    const QByteArray typedSha = Headers::value(hop.spec->headers, shaName);
    if (!typedSha.isEmpty()) {
        in.payloadHash = typedSha.trimmed();
    } else if (s.awsPayload == AuthSettings::AwsPayload::Unsigned) {
        in.payloadHash = SigV4::UnsignedPayload;
    } else {
        bool complete = true;
        const QByteArray body = hop.hasBody ? hop.body(&complete) : QByteArray();
        if (!complete) {
            record.explanation = tr("Not signed: the body is larger than 64 MiB; choose UNSIGNED-PAYLOAD "
                                    "(--aws-payload unsigned) to sign without hashing it.");
            return {};
        }
        in.payloadHash = SigV4::hexSha256(body);
    }
    const bool shaHeader = s.awsPayload != AuthSettings::AwsPayload::Auto ||
                           p.service.compare(u"s3"_s, Qt::CaseInsensitive) == 0;
    if (typedSha.isEmpty() && shaHeader) {
        const HeaderField sha{displayName(shaName), in.payloadHash, true};
        in.headers.append(sha);
        out.append(sha);
    }
    const SigV4Result r = SigV4::sign(in, p);
    if (!r.ok()) {
        record.explanation = tr("Not signed: %1").arg(r.error);
        return {};
    }
    out.append(HeaderField{"Authorization", r.authorization, true});
    record.sentScheme = QString::fromLatin1(r.authorization.left(r.authorization.indexOf(' ')));
    record.sigv4 = traceOf(r, in.payloadHash, false);
    return out;
}

} // namespace Peephole
