#include "formats/httpfile.h"
#include "io/fileio.h"

#include "formats/httpfile_p.h"
#include "collection/variables.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::HttpFileWriter", text);
}

void writeRequest(QByteArray &out, const HttpFileRequest &req, QStringList *warnings)
{
    const RequestSpec &spec = req.request;
    const RequestOptions defaults;
    const QString itemName = req.name.isEmpty() ? QString::fromUtf8(spec.method) : req.name;
    auto warn = [&](const QString &message) {
        if (warnings)
            warnings->append(itemName + u": "_s + message);
    };

    out += "###\n";
    if (!req.name.isEmpty())
        out += "# @name " + req.name.toUtf8() + '\n';
    for (const QString &comment : req.comments)
        out += comment.toUtf8() + '\n';
    if (!spec.options.followRedirects)
        out += "# @no-redirect\n";
    else if (spec.options.maxRedirects != defaults.maxRedirects)
        out += "# @peephole-max-redirects " + QByteArray::number(spec.options.maxRedirects) + '\n';
    if (!spec.options.useCookieJar)
        out += "# @no-cookie-jar\n";
    if (spec.options.timeoutMs != defaults.timeoutMs)
        out += "# @peephole-timeout " + QByteArray::number(spec.options.timeoutMs) + '\n';
    if (!spec.options.verifyTls)
        out += "# @peephole-insecure\n";
    if (spec.auth.locationTrusted)
        out += "# @peephole-location-trusted\n";
    if (spec.options.connectTimeoutMs != defaults.connectTimeoutMs)
        out += "# @connection-timeout " + QByteArray::number(spec.options.connectTimeoutMs) + " ms\n";
    if (!spec.options.proxy.isEmpty())
        out += "# @proxy " + spec.options.proxy.toEncoded(QUrl::RemoveUserInfo) + '\n';
    if (!spec.auth.proxyUser.isEmpty() || !spec.auth.proxyPassword.isEmpty()) {
        out += "# @peephole-proxy-auth " + HttpFileDetail::proxyAuthDirective(spec.auth).toUtf8() + '\n';
        if (!spec.auth.proxyPassword.isEmpty() && !Variables::hasReferences(spec.auth.proxyPassword))
            warn(tr("the proxy password was not written (no secrets in .http files); use a {{variable}}."));
    }
    if (!spec.options.caFile.isEmpty())
        out += "# @peephole-cacert " + spec.options.caFile.toUtf8() + '\n';
    if (!spec.options.clientCertFile.isEmpty())
        out += "# @peephole-cert " + spec.options.clientCertFile.toUtf8() + '\n';
    if (!spec.options.clientKeyFile.isEmpty())
        out += "# @peephole-key " + spec.options.clientKeyFile.toUtf8() + '\n';
    if (!spec.options.clientCertPassphrase.isEmpty())
        warn(tr("the client certificate passphrase was not written; Peephole asks for it."));
    const AuthReference auth = req.auth.isSet ? req.auth : AuthReference::fromSettings(spec.auth);
    if (auth.isSet) {
        out += "# @peephole-auth " + auth.toDirective().toUtf8() + '\n';
        if (!req.auth.isSet && auth.source == AuthReference::SecretSource::Keychain)
            warn(tr("the secret was not written; it must be in the keychain."));
    }
    if (req.disabled)
        out += "# @disabled\n";
    for (const QString &assertion : req.assertions)
        out += "# @peephole-assert " + assertion.toUtf8() + '\n';
    for (const QString &line : req.preRequest)
        out += line.toUtf8() + '\n';

    const QString url =
        spec.urlTemplate.isEmpty() ? QString::fromUtf8(spec.url.toEncoded()) : spec.urlTemplate;
    out += (spec.method.isEmpty() ? QByteArray("GET") : spec.method) + ' ' + url.toUtf8();
    if (!req.httpVersion.isEmpty())
        out += ' ' + req.httpVersion;
    else if (spec.options.h2cPriorKnowledge)
        out += " HTTP/2 (Prior Knowledge)"; // JetBrains' form
    else if (!spec.options.http2Allowed)
        out += " HTTP/1.1";
    out += '\n';

    HeaderList headers = spec.headers;
    QByteArray bodyText;
    const RequestBody &body = spec.body;
    switch (body.kind) {
    case RequestBody::Kind::None:
        break;
    case RequestBody::Kind::Raw:
        bodyText = body.raw;
        break;
    case RequestBody::Kind::File:
        bodyText = (req.bodyFileWithVariables ? "<@ " : "< ") + body.filePath.toUtf8();
        break;
    case RequestBody::Kind::FormUrlEncoded: {
        QByteArrayList pairs;
        for (const auto &pair : body.form)
            pairs.append(pair.first.toPercentEncoding() + '=' + pair.second.toPercentEncoding());
        bodyText = pairs.join('&');
        if (!Headers::contains(headers, "content-type"))
            headers.append({"Content-Type", "application/x-www-form-urlencoded", true});
        break;
    }
    case RequestBody::Kind::Multipart: {
        QByteArray boundary = HttpFileDetail::multipartBoundary(Headers::value(headers, "content-type"));
        if (boundary.isEmpty()) {
            boundary = "PeepholeBoundary";
            Headers::remove(headers, "content-type");
            headers.append({"Content-Type", "multipart/form-data; boundary=" + boundary, true});
        }
        bodyText = HttpFileDetail::writeMultipart(body.parts, boundary);
        break;
    }
    }
    if ((body.kind == RequestBody::Kind::Raw || body.kind == RequestBody::Kind::File) &&
        !body.contentType.isEmpty() && !Headers::contains(headers, "content-type"))
        headers.append({"Content-Type", body.contentType, true});

    for (const HeaderField &field : headers) {
        if (field.enabled)
            out += field.name + ": " + field.value + '\n';
        else
            out += "# @peephole-disabled " + field.name + ": " + field.value + '\n';
    }
    for (const QString &comment : req.headerComments)
        out += comment.toUtf8() + '\n';

    bodyText.replace("\r\n", "\n");
    while (bodyText.endsWith('\n') || bodyText.endsWith(' ') || bodyText.endsWith('\t'))
        bodyText.chop(1);
    if (!bodyText.isEmpty()) {
        const QList<QByteArray> lines = bodyText.split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("###"))
                warn(tr(
                    "a body line starts with \"###\" and will be read back as the start of a new request."));
            else if (line.startsWith("> ") || line.startsWith("<> ") || line.startsWith(">> "))
                warn(tr("a body line starts like a response handler and will be read back as one."));
        }
        if (body.kind != RequestBody::Kind::File && lines.size() == 1 && bodyText.startsWith("< "))
            warn(tr("the body starts with \"< \" and will be read back as a file reference."));
    }
    if (!bodyText.isEmpty() || !req.responseHandler.isEmpty()) {
        out += '\n';
        if (!bodyText.isEmpty())
            out += bodyText + '\n';
        if (!bodyText.isEmpty() && !req.responseHandler.isEmpty())
            out += '\n';
        for (const QString &line : req.responseHandler)
            out += line.toUtf8() + '\n';
    }
}

} // namespace

QByteArray HttpFileWriter::write(const HttpFile &file, QStringList *warnings)
{
    QByteArray out;
    for (const QString &comment : file.leadingComments)
        out += comment.toUtf8() + '\n';
    if (!file.leadingComments.isEmpty())
        out += '\n';
    for (const HttpFileVariable &var : file.variables)
        out += '@' + var.name.toUtf8() + " = " + var.value.trimmed().toUtf8() + '\n';
    if (!file.variables.isEmpty())
        out += '\n';
    bool first = true;
    auto writeUnparsed = [&](qsizetype position) {
        for (const HttpFileUnparsedBlock &block : file.unparsed) {
            if (block.position != position)
                continue;
            if (!first)
                out += '\n';
            out += block.separator.toUtf8() + '\n';
            for (const QString &line : block.lines)
                out += line.toUtf8() + '\n';
            first = false;
        }
    };
    for (qsizetype i = 0; i < file.requests.size(); ++i) {
        writeUnparsed(i);
        if (!first)
            out += '\n';
        writeRequest(out, file.requests.at(i), warnings);
        first = false;
    }
    writeUnparsed(file.requests.size());
    return out;
}

bool HttpFileWriter::writeFile(const QString &path, const HttpFile &file, QString *error,
                               QStringList *warnings)
{
    return Io::writeFile(path, write(file, warnings), error);
}

} // namespace Peephole
