#include "auth/sigv4.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSigV4, "peephole.auth.sigv4")

namespace Peephole {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

QByteArray algorithm(const SigV4Params &p)
{
    return p.provider1.toUpper() + "4-HMAC-SHA256";
}

QByteArray terminator(const SigV4Params &p)
{
    return p.provider1.toLower() + "4_request";
}

/// "X-Amz-" for provider2 "amz".
QByteArray queryPrefix(const SigV4Params &p)
{
    QByteArray p2 = p.provider2.toLower();
    if (!p2.isEmpty())
        p2[0] = char(QChar::toUpper(uint(uchar(p2[0]))));
    return "X-" + p2 + '-';
}

QByteArray canonicalValue(const QByteArray &value)
{
    // Trim, and collapse runs of spaces and tabs into one space (AWS: "a   b   c" -> "a b c").
    QByteArray out;
    out.reserve(value.size());
    bool space = false;
    for (char c : value.trimmed()) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

} // namespace

QByteArray SigV4::hexSha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4::uriEncode(const QByteArray &raw, bool keepSlash)
{
    QByteArray out;
    out.reserve(raw.size() * 3);
    static const char hex[] = "0123456789ABCDEF";
    for (char c : raw) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            out += '%';
            out += hex[(uchar(c) >> 4) & 0xf];
            out += hex[uchar(c) & 0xf];
        }
    }
    return out;
}

QByteArray SigV4::canonicalPath(const QByteArray &encodedPath, bool normalize)
{
    QByteArray path = encodedPath.isEmpty() ? QByteArray("/") : encodedPath;
    if (!normalize)
        return path; // S3: the path exactly as sent
    // RFC 3986 dot segments, and no empty segments (AWS: "//example//" -> "/example/").
    const bool trailing = path.endsWith('/') || path.endsWith("/.") || path.endsWith("/..");
    QList<QByteArray> segments;
    for (const QByteArray &segment : path.split('/')) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(segment);
    }
    QByteArray out = "/" + segments.join('/');
    if (trailing && !segments.isEmpty())
        out += '/';
    // Every service but S3 encodes the path as sent once more ("%20" -> "%2520").
    return uriEncode(out, true);
}

QByteArray SigV4::canonicalQuery(const QByteArray &encodedQuery)
{
    QList<std::pair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &part : encodedQuery.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        pairs.append({uriEncode(QByteArray::fromPercentEncoding(name), false),
                      uriEncode(QByteArray::fromPercentEncoding(value), false)});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto &[name, value] : std::as_const(pairs)) {
        if (!out.isEmpty())
            out += '&';
        out += name + '=' + value;
    }
    return out;
}

QByteArray SigV4::dateHeader(const SigV4Params &params)
{
    return "x-" + params.provider2.toLower() + "-date";
}

QByteArray SigV4::tokenHeader(const SigV4Params &params)
{
    return "x-" + params.provider2.toLower() + "-security-token";
}

QByteArray SigV4::contentShaHeader(const SigV4Params &params)
{
    return "x-" + params.provider2.toLower() + "-content-sha256";
}

QByteArray SigV4::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

QDateTime SigV4::parseTime(const QByteArray &text)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(text.trimmed()), u"yyyyMMdd'T'HHmmss'Z'"_s);
    if (t.isValid()) {
        t.setTimeSpec(Qt::UTC);
        return t;
    }
    return QDateTime::fromString(QString::fromLatin1(text.trimmed()), Qt::RFC2822Date).toUTC();
}

bool SigV4::parseProviders(const QString &spec, const QString &host, SigV4Params *params, QString *error)
{
    const QStringList parts = spec.split(u':');
    auto valid = [](const QString &s) {
        if (s.isEmpty() || s.size() > 64)
            return false;
        return std::all_of(s.begin(), s.end(), [](QChar c) {
            return c.isLetterOrNumber() && c.unicode() < 0x80 ? true : c == u'-' || c == u'_';
        });
    };
    if (parts.size() > 4 || !std::all_of(parts.begin(), parts.end(), valid)) {
        *error = tr("bad --aws-sigv4 \"%1\": expected provider1[:provider2[:region[:service]]], e.g. "
                    "aws:amz:us-east-1:s3 (letters, digits, - and _ only)")
                     .arg(spec);
        return false;
    }
    params->provider1 = parts.value(0).toLatin1();
    params->provider2 = parts.value(1, parts.value(0)).toLatin1();
    params->region = parts.value(2);
    params->service = parts.value(3);
    if (params->region.isEmpty() || params->service.isEmpty()) {
        // curl: "service.region.example.com" gives the missing parts.
        const QStringList labels = host.split(u'.');
        if (labels.size() < 4 || !QHostAddress(host).isNull()) {
            *error = tr("--aws-sigv4 \"%1\" names no region and service, and the host \"%2\" is not of the "
                        "form SERVICE.REGION.amazonaws.com to take them from; use "
                        "aws:amz:REGION:SERVICE")
                         .arg(spec, host);
            return false;
        }
        if (params->service.isEmpty())
            params->service = labels.at(0);
        if (params->region.isEmpty())
            params->region = labels.at(1);
    }
    return true;
}

SigV4Result SigV4::sign(const SigV4Input &input, const SigV4Params &params)
{
    SigV4Result r;
    if (params.accessKey.isEmpty() || params.secretKey.isEmpty()) {
        r.error = tr("AWS Signature V4 needs an access key and a secret key (--user KEY:SECRET).");
        return r;
    }
    if (params.region.isEmpty() || params.service.isEmpty()) {
        r.error = tr("AWS Signature V4 needs a region and a service.");
        return r;
    }
    // The canonical headers: lower-case names, sorted; repeated fields joined with commas.
    std::map<QByteArray, QList<QByteArray>> fields;
    for (const HeaderField &h : input.headers) {
        if (h.enabled)
            fields[h.name.trimmed().toLower()].append(canonicalValue(h.value));
    }
    const QByteArray dateName = dateHeader(params);
    QByteArray date;
    if (const auto it = fields.find(dateName); it != fields.end())
        date = it->second.constFirst();
    else
        date = formatTime(params.time.isValid() ? params.time : QDateTime::currentDateTimeUtc());
    const QDateTime parsed = parseTime(date);
    if (!parsed.isValid()) {
        r.error = tr("%1 \"%2\" is not a date like 20150830T123600Z.")
                      .arg(QString::fromLatin1(dateName), QString::fromLatin1(date));
        return r;
    }
    const QByteArray stamp = formatTime(parsed);
    QByteArray canonicalHeaders;
    QList<QByteArray> names;
    for (const auto &[name, values] : fields) {
        canonicalHeaders += name + ':' + values.join(',') + '\n';
        names.append(name);
    }
    r.signedHeaders = names.join(';');
    r.canonicalRequest = input.method + '\n' + canonicalPath(input.path, params.normalizePath()) + '\n' +
                         canonicalQuery(input.query) + '\n' + canonicalHeaders + '\n' + r.signedHeaders + '\n' +
                         (input.payloadHash.isEmpty() ? hexSha256({}) : input.payloadHash);
    r.credentialScope = stamp.left(8) + '/' + params.region.toUtf8() + '/' + params.service.toUtf8() + '/' +
                        terminator(params);
    r.stringToSign =
        algorithm(params) + '\n' + stamp + '\n' + r.credentialScope + '\n' + hexSha256(r.canonicalRequest);
    QByteArray key = hmac(params.provider1.toUpper() + '4' + params.secretKey.toUtf8(), stamp.left(8));
    key = hmac(key, params.region.toUtf8());
    key = hmac(key, params.service.toUtf8());
    key = hmac(key, terminator(params));
    r.signature = hmac(key, r.stringToSign).toHex();
    r.authorization = algorithm(params) + " Credential=" + params.accessKey.toUtf8() + '/' + r.credentialScope +
                      ", SignedHeaders=" + r.signedHeaders + ", Signature=" + r.signature;
    qCDebug(lcSigV4) << "signed" << input.method << "scope" << r.credentialScope << "headers" << r.signedHeaders;
    return r;
}

QUrl SigV4::presign(const QByteArray &method, const QUrl &url, const QByteArray &host, int expiresSeconds,
                    const SigV4Params &params, SigV4Result *result)
{
    SigV4Result local;
    SigV4Result &r = result ? *result : local;
    const QDateTime time = params.time.isValid() ? params.time : QDateTime::currentDateTimeUtc();
    const QByteArray stamp = formatTime(time);
    const QByteArray prefix = queryPrefix(params);
    const QByteArray scope = stamp.left(8) + '/' + params.region.toUtf8() + '/' + params.service.toUtf8() + '/' +
                             terminator(params);
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    auto add = [&query](const QByteArray &name, const QByteArray &value) {
        if (!query.isEmpty())
            query += '&';
        query += name + '=' + uriEncode(value, false);
    };
    add(prefix + "Algorithm", algorithm(params));
    add(prefix + "Credential", params.accessKey.toUtf8() + '/' + scope);
    add(prefix + "Date", stamp);
    add(prefix + "Expires", QByteArray::number(expiresSeconds));
    add(prefix + "SignedHeaders", "host");
    if (!params.sessionToken.isEmpty())
        add(prefix + "Security-Token", params.sessionToken.toUtf8());
    SigV4Input in;
    in.method = method;
    in.path = url.path(QUrl::FullyEncoded).toLatin1();
    in.query = query;
    in.headers = {{"host", host, true}};
    in.payloadHash = UnsignedPayload;
    SigV4Params p = params;
    p.time = time;
    r = sign(in, p);
    if (!r.ok())
        return {};
    add(prefix + "Signature", r.signature);
    QUrl out = url;
    out.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return out;
}

} // namespace Peephole
