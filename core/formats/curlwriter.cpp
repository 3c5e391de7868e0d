#include "formats/curlcommand.h"

#include "formats/shellwords.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::CurlCommand", text);
}

/// Always single-quoted: 'it'\''s'.
QString quoted(const QString &value)
{
    QString out = value;
    out.replace(u'\'', u"'\\''"_s);
    return u'\'' + out + u'\'';
}

/// Bytes as a shell word: single quotes for printable UTF-8 text, $'...'
/// with escapes when the bytes hold control characters.
QString quotedBytes(const QByteArray &bytes, const QString &what, QStringList *warnings)
{
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes && warnings)
        warnings->append(
            tr("The %1 is not UTF-8 text; its bytes cannot be written exactly in a shell command.")
                .arg(what));
    bool control = false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t') {
            control = true;
            break;
        }
    }
    if (!control)
        return quoted(text);
    if (bytes.contains('\0') && warnings)
        warnings->append(
            tr("The %1 contains NUL bytes, which a command line cannot carry; it is cut there.").arg(what));
    QString out = u"$'"_s;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\'':
            out += u"\\'"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                out += c;
        }
    }
    return out + u'\'';
}

QString formQuoted(const QString &value)
{
    QString out = value;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + out + u'"';
}

QString seconds(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 3);
}

} // namespace

QString CurlCommand::fromRequest(const RequestSpec &spec, QStringList *warnings)
{
    QStringList lines;
    const QString url =
        spec.urlTemplate.isEmpty() ? QString::fromUtf8(spec.url.toEncoded()) : spec.urlTemplate;
    const RequestBody &body = spec.body;
    const bool hasBody = !body.isEmpty();

    QString first = u"curl"_s;
    const QByteArray method = spec.method.isEmpty() ? QByteArray("GET") : spec.method;
    if (method == "HEAD" && !hasBody)
        first += u" --head"_s;
    else if ((method == "GET" && !hasBody) || (method == "POST" && hasBody))
        ;
    else
        first += u" -X "_s + ShellWords::quotePosix(QString::fromUtf8(method));
    first += u' ' + quoted(url);
    lines.append(first);

    for (const HeaderField &field : spec.headers) {
        if (!field.enabled)
            continue;
        const QString name = QString::fromUtf8(field.name);
        if (field.value.isEmpty())
            lines.append(u"-H "_s + quoted(name + u';'));
        else
            lines.append(u"-H "_s +
                         quotedBytes(field.name + ": " + field.value, tr("header %1").arg(name), warnings));
    }
    if ((body.kind == RequestBody::Kind::Raw || body.kind == RequestBody::Kind::File) &&
        !body.contentType.isEmpty() && !Headers::contains(spec.headers, "content-type") &&
        body.contentType != "application/x-www-form-urlencoded") {
        lines.append(u"-H "_s + quoted(u"Content-Type: "_s + QString::fromUtf8(body.contentType)));
    }

    switch (body.kind) {
    case RequestBody::Kind::None:
        break;
    case RequestBody::Kind::Raw:
        lines.append(u"--data-raw "_s + quotedBytes(body.raw, tr("body"), warnings));
        break;
    case RequestBody::Kind::File:
        lines.append(u"--data-binary "_s + quoted(u'@' + body.filePath));
        break;
    case RequestBody::Kind::FormUrlEncoded:
        for (const auto &pair : body.form) {
            if (pair.first.isEmpty() || pair.first.contains('=')) {
                const QByteArray encoded =
                    pair.first.toPercentEncoding() + '=' + pair.second.toPercentEncoding();
                lines.append(u"--data-raw "_s + quotedBytes(encoded, tr("form field"), warnings));
                if (warnings)
                    warnings->append(tr("The form field \"%1\" was written pre-encoded.")
                                         .arg(QString::fromUtf8(pair.first)));
                continue;
            }
            lines.append(u"--data-urlencode "_s +
                         quotedBytes(pair.first + '=' + pair.second, tr("form field"), warnings));
        }
        break;
    case RequestBody::Kind::Multipart:
        for (const MultipartPart &part : body.parts) {
            const QString name = QString::fromUtf8(part.name);
            QString params;
            if (!part.contentType.isEmpty())
                params += u";type="_s + QString::fromUtf8(part.contentType);
            if (!part.filePath.isEmpty()) {
                if (!part.fileName.isEmpty())
                    params += u";filename="_s + formQuoted(QString::fromUtf8(part.fileName));
                const bool plainPath = !part.filePath.contains(u';') && !part.filePath.contains(u',') &&
                                       !part.filePath.contains(u'"');
                lines.append(u"-F "_s +
                             quoted(name + u"=@"_s + (plainPath ? part.filePath : formQuoted(part.filePath)) +
                                    params));
                continue;
            }
            const QString value = QString::fromUtf8(part.value);
            if (!part.fileName.isEmpty() && warnings)
                warnings->append(tr("The file name of the form field \"%1\" cannot be written.").arg(name));
            if (params.isEmpty()) {
                const bool special = value.startsWith(u'@') || value.startsWith(u'<') ||
                                     value.startsWith(u'"') || value.contains(u';');
                lines.append((special ? u"--form-string "_s : u"-F "_s) +
                             quotedBytes(part.name + '=' + part.value, tr("form field"), warnings));
            } else {
                lines.append(u"-F "_s + quoted(name + u'=' + formQuoted(value) + params));
            }
        }
        break;
    }

    const AuthSettings &auth = spec.auth;
    if (auth.scheme == AuthSettings::Scheme::Bearer && auth.hasToken()) {
        lines.append(u"--oauth2-bearer "_s + quoted(auth.token));
    } else if (auth.scheme != AuthSettings::Scheme::None && auth.hasUserCredentials()) {
        if (auth.scheme == AuthSettings::Scheme::Digest)
            lines.append(u"--digest"_s);
        else if (auth.scheme == AuthSettings::Scheme::Any)
            lines.append(u"--anyauth"_s);
        lines.append(u"-u "_s + quoted(auth.user + u':' + auth.password));
    }

    const RequestOptions &o = spec.options;
    const RequestOptions defaults;
    if (o.followRedirects) {
        lines.append(u"-L"_s);
        if (o.maxRedirects != defaults.maxRedirects)
            lines.append(u"--max-redirs "_s + QString::number(o.maxRedirects));
    }
    if (o.timeoutMs != defaults.timeoutMs)
        lines.append(u"-m "_s + seconds(o.timeoutMs));
    if (o.connectTimeoutMs != defaults.connectTimeoutMs)
        lines.append(u"--connect-timeout "_s + seconds(o.connectTimeoutMs));
    if (!o.verifyTls)
        lines.append(u"-k"_s);
    if (o.h2cPriorKnowledge)
        lines.append(u"--http2-prior-knowledge"_s);
    else if (!o.http2Allowed)
        lines.append(u"--http1.1"_s);
    if (!o.caFile.isEmpty())
        lines.append(u"--cacert "_s + quoted(o.caFile));
    if (!o.clientCertFile.isEmpty()) {
        QString cert = o.clientCertFile;
        cert.replace(u':', u"\\:"_s);
        if (cert.size() > 2 && cert.at(1) == u'\\' && cert.at(2) == u':')
            cert.remove(1, 1); // keep a Windows drive letter as it is
        if (!o.clientCertPassphrase.isEmpty())
            cert += u':' + o.clientCertPassphrase;
        lines.append(u"--cert "_s + quoted(cert));
    }
    if (!o.clientKeyFile.isEmpty())
        lines.append(u"--key "_s + quoted(o.clientKeyFile));
    if (!o.proxy.isEmpty()) {
        lines.append(u"-x "_s + quoted(QString::fromUtf8(o.proxy.toEncoded())));
        if (!auth.proxyUser.isEmpty())
            lines.append(u"-U "_s + quoted(auth.proxyUser + u':' + auth.proxyPassword));
    }
    return lines.join(u" \\\n  "_s) + u'\n';
}

QString CurlCommand::fromExchange(const Exchange &exchange, QStringList *warnings)
{
    RequestSpec spec;
    spec.method = exchange.method;
    spec.url = exchange.url;
    for (const HeaderField &field : exchange.requestHeaders) {
        if (field.enabled && field.name.compare("content-length", Qt::CaseInsensitive) != 0)
            spec.headers.append(field);
    }
    if (exchange.requestBody && exchange.requestBody->size() > 0) {
        spec.body.kind = RequestBody::Kind::Raw;
        constexpr qint64 limit = 64 * 1024 * 1024;
        if (exchange.requestBody->size() > limit && warnings)
            warnings->append(tr("The request body is larger than 64 MiB; only its start was written."));
        spec.body.raw = exchange.requestBody->head(limit);
    }
    spec.auth.scheme = AuthSettings::Scheme::None; // Authorization is among the recorded headers
    spec.options.followRedirects = false;          // one hop
    spec.options.verifyTls = !exchange.tls->verificationDisabled;
    if (exchange.httpVersion.startsWith("HTTP/1"))
        spec.options.http2Allowed = false;
    return fromRequest(spec, warnings);
}

} // namespace Peephole
