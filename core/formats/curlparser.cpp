#include "formats/curlparser_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Peephole::CurlDetail {

QString Parser::resolvePath(const QString &path) const
{
    if (baseDirectory.isEmpty() || QFileInfo(path).isAbsolute())
        return path;
    return QDir::cleanPath(QDir(baseDirectory).absoluteFilePath(path));
}

std::optional<QByteArray> Parser::readFile(const QString &option, const QString &path)
{
    if (path == u"-") {
        issue(option, tr("Reads standard input, which Peephole cannot do; that part was left out."));
        return std::nullopt;
    }
    QFile file(resolvePath(path));
    if (file.fileName() == u"/dev/null")
        return QByteArray();
    const QFileInfo info(file.fileName());
    if (info.exists() && !info.isFile()) {
        issue(option, tr("%1 is not a regular file (a device, a FIFO or a directory); that part was left out.")
                          .arg(file.fileName()));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        issue(option,
              tr("Cannot read %1 (%2); that part was left out.").arg(file.fileName(), file.errorString()));
        return std::nullopt;
    }
    QByteArray bytes = file.read(MaxFileBytes + 1);
    if (bytes.size() > MaxFileBytes) {
        issue(option, tr("%1 is larger than %2 MiB; that part was left out.")
                          .arg(file.fileName())
                          .arg(MaxFileBytes / (1024 * 1024)));
        return std::nullopt;
    }
    return bytes;
}

void Parser::addHeader(const QString &option, const QString &text)
{
    if (text.startsWith(u'@')) {
        issue(option,
              tr("Headers read from the file %1 were not imported; add them by hand.").arg(text.mid(1)));
        return;
    }
    const qsizetype colon = text.indexOf(u':');
    const qsizetype semi = text.indexOf(u';');
    if (colon < 0 && semi == text.size() - 1 && semi > 0) {
        headers.append(
            {text.left(semi).trimmed().toUtf8(), QByteArray(), true}); // "Name;" sends an empty value
        return;
    }
    if (colon <= 0) {
        issue(option + u' ' + text, tr("Not a header (\"Name: value\"); left out."));
        return;
    }
    const QByteArray name = text.left(colon).trimmed().toUtf8();
    const QByteArray value = text.mid(colon + 1).trimmed().toUtf8();
    if (value.isEmpty()) {
        issue(option + u' ' + text,
              tr("In curl this removes the header curl would add by itself; Peephole has no such header "
                 "to remove, so it was left out."));
        return;
    }
    headers.append({name, value, true});
}

// -F name=value | name=@file;type=..;filename=.. | name=<file | name="quoted;value";type=..
void Parser::addForm(const QString &option, const QString &text, bool literal)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0) {
        issue(option + u' ' + text, tr("Not a form field (\"name=value\"); left out."));
        return;
    }
    MultipartPart part;
    part.name = text.left(eq).toUtf8();
    QString rest = text.mid(eq + 1);
    if (literal) {
        part.value = rest.toUtf8();
        parts.append(part);
        return;
    }
    QChar mode;
    if (rest.startsWith(u'@') || rest.startsWith(u'<')) {
        mode = rest.at(0);
        rest.remove(0, 1);
    }
    auto readValue = [](QString &s) {
        QString v;
        if (s.startsWith(u'"')) {
            qsizetype i = 1;
            for (; i < s.size() && s.at(i) != u'"'; ++i) {
                if (s.at(i) == u'\\' && i + 1 < s.size())
                    ++i;
                v += s.at(i);
            }
            s = s.mid(i + 1);
        } else {
            const qsizetype semi = s.indexOf(u';');
            v = semi < 0 ? s : s.left(semi);
            s = semi < 0 ? QString() : s.mid(semi);
        }
        return v;
    };
    const QString content = readValue(rest);
    while (rest.startsWith(u';')) {
        rest.remove(0, 1);
        const qsizetype peq = rest.indexOf(u'=');
        const QString key = (peq < 0 ? rest : rest.left(peq)).trimmed().toLower();
        rest = peq < 0 ? QString() : rest.mid(peq + 1);
        const QString pvalue = readValue(rest);
        if (key == u"type")
            part.contentType = pvalue.toUtf8();
        else if (key == u"filename")
            part.fileName = pvalue.toUtf8();
        else
            issue(option + u' ' + text, tr("The form parameter \"%1\" is not supported; left out.").arg(key));
    }
    if (mode == u'@') {
        if (content.contains(u',')) {
            issue(option + u' ' + text,
                  tr("Several files in one field are not supported; only the first was kept."));
        }
        part.filePath = resolvePath(content.section(u',', 0, 0));
    } else if (mode == u'<') {
        const std::optional<QByteArray> bytes = readFile(option + u' ' + text, content);
        if (!bytes)
            return;
        part.value = *bytes;
    } else {
        part.value = content.toUtf8();
    }
    parts.append(part);
}

bool Parser::handle(const QString &optName, const OptInfo &info, const QString &value, const ShellWord &word)
{
    const QString option = u"--"_s + optName;
    switch (info.id) {
    case Opt::Request:
        explicitMethod = value.toUtf8();
        break;
    case Opt::Header:
        addHeader(option, value);
        break;
    case Opt::UserAgent:
        headers.append({"User-Agent", value.toUtf8(), true});
        break;
    case Opt::Referer: {
        QString referer = value;
        if (referer.endsWith(u";auto"_s)) {
            referer.chop(5);
            issue(u"--referer ;auto"_s, tr("Automatic referers on redirects are not supported."));
        }
        if (!referer.isEmpty())
            headers.append({"Referer", referer.toUtf8(), true});
        break;
    }
    case Opt::Range:
        headers.append({"Range", "bytes=" + value.toUtf8(), true});
        break;
    case Opt::Data:
    case Opt::DataRaw:
    case Opt::DataBinary:
    case Opt::Json: {
        DataPiece piece;
        if (info.id != Opt::DataRaw && value.startsWith(u'@')) {
            const QString path = value.mid(1);
            if (info.id == Opt::DataBinary || info.id == Opt::Json) {
                piece.streamFile = path;
            } else {
                const std::optional<QByteArray> bytes = readFile(option + u' ' + value, path);
                if (!bytes)
                    break;
                piece.encoded = *bytes;
                piece.encoded.replace("\r", "").replace("\n", ""); // curl strips newlines for -d @file
            }
        } else {
            piece.encoded = value.toUtf8();
        }
        if (info.id == Opt::Json)
            json = true;
        data.append(piece);
        break;
    }
    case Opt::DataUrlencode: {
        DataPiece piece;
        piece.urlencoded = true;
        qsizetype sep = value.indexOf(u'=');
        if (sep < 0)
            sep = value.indexOf(u'@');
        QByteArray content;
        if (sep < 0) {
            content = value.toUtf8();
        } else if (value.at(sep) == u'=') {
            piece.name = value.left(sep).toUtf8();
            content = value.mid(sep + 1).toUtf8();
        } else {
            piece.name = value.left(sep).toUtf8();
            const std::optional<QByteArray> bytes = readFile(option + u' ' + value, value.mid(sep + 1));
            if (!bytes)
                break;
            content = *bytes;
        }
        piece.named = !piece.name.isEmpty();
        piece.value = content;
        const QByteArray encoded = content.toPercentEncoding();
        piece.encoded = piece.named ? piece.name + '=' + encoded : encoded;
        data.append(piece);
        break;
    }
    case Opt::Form:
        addForm(option, value, false);
        break;
    case Opt::FormString:
        addForm(option, value, true);
        break;
    case Opt::User: {
        userGiven = true;
        const qsizetype colon = value.indexOf(u':');
        result.request.auth.user = colon < 0 ? value : value.left(colon);
        if (colon < 0)
            issue(u"--user"_s, tr("No password was given (curl would ask for it); enter it in Peephole."));
        else
            result.request.auth.password = value.mid(colon + 1);
        break;
    }
    case Opt::Digest:
        scheme = AuthSettings::Scheme::Digest;
        break;
    case Opt::Basic:
        scheme = AuthSettings::Scheme::Basic;
        break;
    case Opt::AnyAuth:
        scheme = AuthSettings::Scheme::Any;
        break;
    case Opt::OtherAuth:
        scheme = AuthSettings::Scheme::Any;
        issue(option, tr("This authentication scheme is not supported; Peephole answers Basic or Digest "
                         "challenges with the same credentials instead."));
        break;
    case Opt::Bearer:
        result.request.auth.scheme = AuthSettings::Scheme::Bearer;
        result.request.auth.token = value;
        result.request.auth.preemptive = true;
        break;
    case Opt::Cookie:
        if (value.contains(u'=')) {
            if (!cookies.isEmpty())
                cookies += "; ";
            cookies += value.trimmed().toUtf8();
        } else {
            issue(option + u' ' + value, tr("Reading cookies from a file is not supported; left out."));
        }
        break;
    case Opt::Insecure:
        result.request.options.verifyTls = false;
        break;
    case Opt::Location:
        location = true;
        if (optName == u"location-trusted")
            issue(option, tr("Credentials are still dropped on redirects to another host."));
        break;
    case Opt::MaxRedirs: {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok) {
            error.message = tr("--max-redirs needs a whole number, not \"%1\".").arg(value);
            return false;
        }
        if (n < 0) {
            result.request.options.maxRedirects = 1000;
            issue(option, tr("Unlimited redirects are limited to 1000."));
        } else {
            result.request.options.maxRedirects = n;
        }
        break;
    }
    case Opt::Compressed:
    case Opt::Silent:
        break;
    case Opt::Get:
        get = true;
        break;
    case Opt::Head:
        head = true;
        break;
    case Opt::Url:
        urls.append(value);
        urlOffsets.append(word.offset);
        break;
    case Opt::Http10:
        result.request.options.http2Allowed = false;
        issue(option, tr("HTTP/1.0 is not supported; HTTP/1.1 is used."));
        break;
    case Opt::Http11:
        result.request.options.http2Allowed = false;
        break;
    case Opt::Http2:
        result.request.options.http2Allowed = true;
        http2Asked = true;
        break;
    case Opt::Http2Prior:
        result.request.options.http2Allowed = true;
        result.request.options.h2cPriorKnowledge = true;
        break;
    case Opt::Http3:
        issue(option, tr("HTTP/3 is not supported; HTTP/2 or HTTP/1.1 is used."));
        break;
    case Opt::Proxy: {
        const QString url = value.contains(u"://"_s) ? value : u"http://"_s + value;
        QUrl proxy(url);
        if (!proxy.isValid() || proxy.host().isEmpty()) {
            error.message = tr("--proxy needs a proxy URL (host:port), not \"%1\".").arg(value);
            return false;
        }
        if (!proxy.userInfo().isEmpty()) {
            // curl -x http://user:pass@host: the same as --proxy-user; the credentials go to the proxy only.
            result.request.auth.proxyUser = proxy.userName(QUrl::FullyDecoded);
            result.request.auth.proxyPassword = proxy.password(QUrl::FullyDecoded);
            proxy.setUserInfo(QString());
        }
        result.request.options.proxy = proxy;
        break;
    }
    case Opt::ProxyUser: {
        const qsizetype colon = value.indexOf(u':');
        result.request.auth.proxyUser = colon < 0 ? value : value.left(colon);
        result.request.auth.proxyPassword = colon < 0 ? QString() : value.mid(colon + 1);
        break;
    }
    case Opt::ConnectTimeout:
    case Opt::MaxTime: {
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        if (!ok || seconds < 0) {
            error.message = tr("%1 needs a number of seconds, not \"%2\".").arg(option, value);
            return false;
        }
        (info.id == Opt::MaxTime ? maxTime : connectTimeout) = seconds;
        break;
    }
    case Opt::CaCert:
        result.request.options.caFile = resolvePath(value);
        break;
    case Opt::Cert: {
        // "file:passphrase"; a ':' in the file name is written "\:", a drive letter "C:\" is kept.
        QString file;
        QString pass;
        bool inPass = false;
        for (qsizetype i = 0; i < value.size(); ++i) {
            const QChar c = value.at(i);
            if (!inPass && c == u'\\' && i + 1 < value.size() && value.at(i + 1) == u':') {
                file += u':';
                ++i;
            } else if (!inPass && c == u':' && !(i == 1 && value.at(0).isLetter())) {
                inPass = true;
            } else {
                (inPass ? pass : file) += c;
            }
        }
        result.request.options.clientCertFile = resolvePath(file);
        if (inPass)
            result.request.options.clientCertPassphrase = pass;
        break;
    }
    case Opt::Key:
        result.request.options.clientKeyFile = resolvePath(value);
        break;
    case Opt::Pass:
        result.request.options.clientCertPassphrase = value;
        break;
    case Opt::UploadFile:
        uploadFile = value;
        break;
    case Opt::IgnoredWithArg:
        issue(option + u' ' + value, tr("Not carried over: Peephole has no equivalent."));
        break;
    case Opt::IgnoredFlag:
        issue(option, tr("Not carried over: Peephole has no equivalent."));
        break;
    }
    return true;
}

} // namespace Peephole::CurlDetail
