#include "formats/curlcommand.h"

#include "collection/variables.h"
#include "formats/formatslog.h"
#include "formats/shellwords.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::CurlCommand", text);
}

enum class Opt {
    Request,
    Header,
    Data,
    DataRaw,
    DataBinary,
    DataUrlencode,
    Json,
    Form,
    FormString,
    User,
    Digest,
    Basic,
    AnyAuth,
    OtherAuth,
    Bearer,
    Cookie,
    Insecure,
    Location,
    MaxRedirs,
    Compressed,
    Get,
    Head,
    Url,
    UserAgent,
    Referer,
    Http10,
    Http11,
    Http2,
    Http2Prior,
    Http3,
    Proxy,
    ProxyUser,
    ConnectTimeout,
    MaxTime,
    CaCert,
    Cert,
    Key,
    Pass,
    UploadFile,
    Range,
    Silent,
    IgnoredWithArg,
    IgnoredFlag,
};

struct OptInfo
{
    Opt id;
    bool takesArg;
};

const QHash<QString, OptInfo> &longOptions()
{
    static const QHash<QString, OptInfo> table = {
        {u"request"_s, {Opt::Request, true}},
        {u"header"_s, {Opt::Header, true}},
        {u"data"_s, {Opt::Data, true}},
        {u"data-ascii"_s, {Opt::Data, true}},
        {u"data-raw"_s, {Opt::DataRaw, true}},
        {u"data-binary"_s, {Opt::DataBinary, true}},
        {u"data-urlencode"_s, {Opt::DataUrlencode, true}},
        {u"json"_s, {Opt::Json, true}},
        {u"form"_s, {Opt::Form, true}},
        {u"form-string"_s, {Opt::FormString, true}},
        {u"user"_s, {Opt::User, true}},
        {u"digest"_s, {Opt::Digest, false}},
        {u"basic"_s, {Opt::Basic, false}},
        {u"anyauth"_s, {Opt::AnyAuth, false}},
        {u"ntlm"_s, {Opt::OtherAuth, false}},
        {u"negotiate"_s, {Opt::OtherAuth, false}},
        {u"oauth2-bearer"_s, {Opt::Bearer, true}},
        {u"cookie"_s, {Opt::Cookie, true}},
        {u"insecure"_s, {Opt::Insecure, false}},
        {u"location"_s, {Opt::Location, false}},
        {u"location-trusted"_s, {Opt::Location, false}},
        {u"max-redirs"_s, {Opt::MaxRedirs, true}},
        {u"compressed"_s, {Opt::Compressed, false}},
        {u"get"_s, {Opt::Get, false}},
        {u"head"_s, {Opt::Head, false}},
        {u"url"_s, {Opt::Url, true}},
        {u"user-agent"_s, {Opt::UserAgent, true}},
        {u"referer"_s, {Opt::Referer, true}},
        {u"http1.0"_s, {Opt::Http10, false}},
        {u"http1.1"_s, {Opt::Http11, false}},
        {u"http2"_s, {Opt::Http2, false}},
        {u"http2-prior-knowledge"_s, {Opt::Http2Prior, false}},
        {u"http3"_s, {Opt::Http3, false}},
        {u"http3-only"_s, {Opt::Http3, false}},
        {u"proxy"_s, {Opt::Proxy, true}},
        {u"proxy-user"_s, {Opt::ProxyUser, true}},
        {u"connect-timeout"_s, {Opt::ConnectTimeout, true}},
        {u"max-time"_s, {Opt::MaxTime, true}},
        {u"cacert"_s, {Opt::CaCert, true}},
        {u"cert"_s, {Opt::Cert, true}},
        {u"key"_s, {Opt::Key, true}},
        {u"pass"_s, {Opt::Pass, true}},
        {u"upload-file"_s, {Opt::UploadFile, true}},
        {u"range"_s, {Opt::Range, true}},
        // Output and progress: nothing to carry over, nothing lost.
        {u"silent"_s, {Opt::Silent, false}},
        {u"show-error"_s, {Opt::Silent, false}},
        {u"verbose"_s, {Opt::Silent, false}},
        {u"include"_s, {Opt::Silent, false}},
        {u"progress-bar"_s, {Opt::Silent, false}},
        {u"no-progress-meter"_s, {Opt::Silent, false}},
        {u"no-buffer"_s, {Opt::Silent, false}},
        {u"globoff"_s, {Opt::Silent, false}},
        {u"path-as-is"_s, {Opt::Silent, false}},
        // Known options that Peephole does not carry over.
        {u"output"_s, {Opt::IgnoredWithArg, true}},
        {u"write-out"_s, {Opt::IgnoredWithArg, true}},
        {u"retry"_s, {Opt::IgnoredWithArg, true}},
        {u"retry-delay"_s, {Opt::IgnoredWithArg, true}},
        {u"retry-max-time"_s, {Opt::IgnoredWithArg, true}},
        {u"resolve"_s, {Opt::IgnoredWithArg, true}},
        {u"connect-to"_s, {Opt::IgnoredWithArg, true}},
        {u"limit-rate"_s, {Opt::IgnoredWithArg, true}},
        {u"cookie-jar"_s, {Opt::IgnoredWithArg, true}},
        {u"dump-header"_s, {Opt::IgnoredWithArg, true}},
        {u"trace"_s, {Opt::IgnoredWithArg, true}},
        {u"trace-ascii"_s, {Opt::IgnoredWithArg, true}},
        {u"stderr"_s, {Opt::IgnoredWithArg, true}},
        {u"config"_s, {Opt::IgnoredWithArg, true}},
        {u"interface"_s, {Opt::IgnoredWithArg, true}},
        {u"proxy-header"_s, {Opt::IgnoredWithArg, true}},
        {u"output-dir"_s, {Opt::IgnoredWithArg, true}},
        {u"remote-name"_s, {Opt::IgnoredFlag, false}},
        {u"remote-header-name"_s, {Opt::IgnoredFlag, false}},
        {u"fail"_s, {Opt::IgnoredFlag, false}},
        {u"fail-with-body"_s, {Opt::IgnoredFlag, false}},
        {u"ipv4"_s, {Opt::IgnoredFlag, false}},
        {u"ipv6"_s, {Opt::IgnoredFlag, false}},
        {u"tlsv1.2"_s, {Opt::IgnoredFlag, false}},
        {u"tlsv1.3"_s, {Opt::IgnoredFlag, false}},
        {u"tcp-nodelay"_s, {Opt::IgnoredFlag, false}},
        {u"no-keepalive"_s, {Opt::IgnoredFlag, false}},
        {u"proxy-insecure"_s, {Opt::IgnoredFlag, false}},
        {u"junk-session-cookies"_s, {Opt::IgnoredFlag, false}},
        {u"raw"_s, {Opt::IgnoredFlag, false}},
    };
    return table;
}

const QHash<QChar, QString> &shortOptions()
{
    static const QHash<QChar, QString> table = {
        {u'X', u"request"_s},      {u'H', u"header"_s},
        {u'd', u"data"_s},         {u'F', u"form"_s},
        {u'u', u"user"_s},         {u'b', u"cookie"_s},
        {u'k', u"insecure"_s},     {u'L', u"location"_s},
        {u'G', u"get"_s},          {u'I', u"head"_s},
        {u'A', u"user-agent"_s},   {u'e', u"referer"_s},
        {u'x', u"proxy"_s},        {u'U', u"proxy-user"_s},
        {u'm', u"max-time"_s},     {u'E', u"cert"_s},
        {u'T', u"upload-file"_s},  {u'r', u"range"_s},
        {u's', u"silent"_s},       {u'S', u"show-error"_s},
        {u'v', u"verbose"_s},      {u'i', u"include"_s},
        {u'#', u"progress-bar"_s}, {u'N', u"no-buffer"_s},
        {u'g', u"globoff"_s},      {u'o', u"output"_s},
        {u'w', u"write-out"_s},    {u'c', u"cookie-jar"_s},
        {u'D', u"dump-header"_s},  {u'K', u"config"_s},
        {u'O', u"remote-name"_s},  {u'J', u"remote-header-name"_s},
        {u'f', u"fail"_s},         {u'4', u"ipv4"_s},
        {u'6', u"ipv6"_s},         {u'j', u"junk-session-cookies"_s},
        {u'0', u"http1.0"_s},
    };
    return table;
}

/// One piece of -d/--data-* in the order given.
struct DataPiece
{
    QByteArray encoded; ///< What curl sends for this piece (after reading files).
    bool named = false; ///< --data-urlencode name=content / name@file
    QByteArray name;
    QByteArray value; ///< Unencoded value (for --data-urlencode).
    bool urlencoded = false;
    QString streamFile; ///< --data-binary @file: streamed later.
};

struct Parser
{
    QString baseDirectory;
    CurlParseResult result;
    ParseError error;

    QByteArray explicitMethod;
    QStringList urls;
    QList<qsizetype> urlOffsets;
    HeaderList headers;
    QList<DataPiece> data;
    bool json = false;
    QList<MultipartPart> parts;
    bool get = false;
    bool head = false;
    bool location = false;
    QByteArray cookies;
    bool userGiven = false;
    AuthSettings::Scheme scheme = AuthSettings::Scheme::Basic;
    std::optional<double> maxTime;
    std::optional<double> connectTimeout;
    QString uploadFile;

    void issue(const QString &item, const QString &reason) { result.issues.append({item, reason}); }

    QString resolvePath(const QString &path) const
    {
        if (baseDirectory.isEmpty() || QFileInfo(path).isAbsolute())
            return path;
        return QDir(baseDirectory).absoluteFilePath(path);
    }

    std::optional<QByteArray> readFile(const QString &option, const QString &path)
    {
        if (path == u"-") {
            issue(option, tr("Reads standard input, which Peephole cannot do; that part was left out."));
            return std::nullopt;
        }
        QFile file(resolvePath(path));
        if (!file.open(QIODevice::ReadOnly)) {
            issue(
                option,
                tr("Cannot read %1 (%2); that part was left out.").arg(file.fileName(), file.errorString()));
            return std::nullopt;
        }
        return file.readAll();
    }

    bool handle(const QString &optName, const OptInfo &info, const QString &value, const ShellWord &word);
    void addHeader(const QString &option, const QString &text);
    void addForm(const QString &option, const QString &text, bool literal);
    bool finish();
};

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
        result.request.options.proxy = QUrl(url);
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

bool Parser::finish()
{
    RequestSpec &spec = result.request;
    if (urls.isEmpty()) {
        error.message = tr("The command has no URL. Add one, e.g. curl https://example.com/");
        return false;
    }
    for (qsizetype i = 1; i < urls.size(); ++i)
        issue(urls.at(i), tr("Only the first URL is imported; this one was left out."));
    QString urlText = urls.first();
    if (!urlText.contains(u"://"_s) && !urlText.startsWith(u"{{"_s))
        urlText.prepend(u"http://"_s); // what curl assumes

    if (!data.isEmpty() && !parts.isEmpty()) {
        error.message = tr("The command mixes data (-d) and form (-F) options; curl refuses that too. "
                           "Keep one kind.");
        return false;
    }

    // Content the data pieces send when they must be joined.
    auto joinedData = [&]() -> QByteArray {
        QByteArrayList pieces;
        for (const DataPiece &p : data) {
            if (!p.streamFile.isEmpty()) {
                const std::optional<QByteArray> bytes = readFile(u"@"_s + p.streamFile, p.streamFile);
                if (bytes)
                    pieces.append(*bytes);
            } else {
                pieces.append(p.encoded);
            }
        }
        return pieces.join('&');
    };

    QByteArray method = "GET";
    if (get && !data.isEmpty()) {
        const QByteArray query = joinedData();
        if (!query.isEmpty())
            urlText += (urlText.contains(u'?') ? u"&"_s : u"?"_s) + QString::fromUtf8(query);
    } else if (!data.isEmpty()) {
        method = "POST";
        const bool allNamed = std::all_of(data.cbegin(), data.cend(),
                                          [](const DataPiece &p) { return p.urlencoded && p.named; });
        if (data.size() == 1 && !data.first().streamFile.isEmpty()) {
            if (data.first().streamFile == u"-") {
                issue(u"@-"_s, tr("Reads standard input, which Peephole cannot do; the body was left out."));
            } else {
                spec.body.kind = RequestBody::Kind::File;
                spec.body.filePath = resolvePath(data.first().streamFile);
            }
        } else if (allNamed) {
            spec.body.kind = RequestBody::Kind::FormUrlEncoded;
            for (const DataPiece &p : data)
                spec.body.form.append({p.name, p.value});
        } else {
            spec.body.kind = RequestBody::Kind::Raw;
            spec.body.raw = joinedData();
        }
        if (!spec.body.isEmpty() && !Headers::contains(headers, "content-type"))
            spec.body.contentType = json ? "application/json" : "application/x-www-form-urlencoded";
        if (json && !Headers::contains(headers, "accept"))
            headers.append({"Accept", "application/json", true});
    } else if (!parts.isEmpty()) {
        method = "POST";
        spec.body.kind = RequestBody::Kind::Multipart;
        spec.body.parts = parts;
    } else if (!uploadFile.isEmpty()) {
        method = "PUT";
        if (uploadFile == u"-") {
            issue(u"--upload-file -"_s,
                  tr("Reads standard input, which Peephole cannot do; the body was left out."));
        } else {
            spec.body.kind = RequestBody::Kind::File;
            spec.body.filePath = resolvePath(uploadFile);
            if (urlText.endsWith(u'/'))
                urlText += QFileInfo(uploadFile).fileName();
        }
    }
    if (head)
        method = "HEAD";
    if (!explicitMethod.isEmpty())
        method = explicitMethod;
    spec.method = method;

    if (Variables::hasReferences(urlText)) {
        spec.urlTemplate = urlText;
    } else {
        spec.url = QUrl(urlText);
        if (!spec.url.isValid() || spec.url.host().isEmpty()) {
            const qsizetype at = urlOffsets.value(0);
            error.message =
                tr("\"%1\" is not a valid URL%2.")
                    .arg(urls.first(), spec.url.isValid() ? QString() : u": "_s + spec.url.errorString());
            error.line = -1 - int(at); // fixed up by the caller
            return false;
        }
    }

    if (!cookies.isEmpty() && !Headers::contains(headers, "cookie"))
        headers.append({"Cookie", cookies, true});
    spec.headers = headers;

    if (userGiven) {
        spec.auth.scheme = scheme;
        spec.auth.preemptive = scheme == AuthSettings::Scheme::Basic;
    }
    spec.options.followRedirects = location;
    if (maxTime) {
        spec.options.timeoutMs = int(*maxTime * 1000);
        if (connectTimeout)
            issue(u"--connect-timeout"_s, tr("Peephole has one timeout per request; --max-time was used."));
    } else if (connectTimeout) {
        spec.options.timeoutMs = int(*connectTimeout * 1000);
        issue(u"--connect-timeout"_s, tr("Peephole has one inactivity timeout per request; it was set to the "
                                         "connect timeout."));
    }
    return true;
}

} // namespace

CurlParseResult CurlCommand::parse(const QString &commandLine, const QString &baseDirectory)
{
    const bool cmd = ShellWords::looksLikeWindowsCmd(commandLine);
    const ShellSplitResult split =
        cmd ? ShellWords::splitWindowsCmd(commandLine) : ShellWords::splitPosix(commandLine);
    if (!split.ok) {
        CurlParseResult failed;
        failed.error = split.error;
        return failed;
    }
    const QList<ShellWord> &words = split.words;
    auto failAt = [&](qsizetype offset, const QString &message) {
        CurlParseResult failed;
        lineAndColumn(commandLine, offset, &failed.error.line, &failed.error.column);
        failed.error.message = message;
        return failed;
    };
    if (words.isEmpty())
        return failAt(0, tr("The command is empty. Paste a command that starts with curl."));
    const QString program = QFileInfo(words.first().text).fileName().toLower();
    if (program != u"curl" && program != u"curl.exe")
        return failAt(
            words.first().offset,
            tr("This is not a curl command: it starts with \"%1\" instead of curl.").arg(words.first().text));

    Parser parser;
    parser.baseDirectory = baseDirectory;
    bool endOfOptions = false;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const ShellWord &word = words.at(i);
        const QString &w = word.text;
        if (endOfOptions || !w.startsWith(u'-') || w == u"-") {
            parser.urls.append(w);
            parser.urlOffsets.append(word.offset);
            continue;
        }
        if (w == u"--") {
            endOfOptions = true;
            continue;
        }
        auto takeValue = [&](const QString &option, QString *value) {
            if (i + 1 >= words.size()) {
                parser.error.message = tr("The option %1 needs a value after it.").arg(option);
                parser.error.line = -1 - int(word.offset);
                return false;
            }
            *value = words.at(++i).text;
            return true;
        };
        if (w.startsWith(u"--"_s)) {
            QString name = w.mid(2);
            const auto it = longOptions().constFind(name);
            if (it == longOptions().constEnd()) {
                if (name.startsWith(u"no-"_s) && longOptions().contains(name.mid(3)))
                    continue; // --no-location etc.: the default already
                parser.issue(w, tr("Unknown option; ignored."));
                continue;
            }
            QString value;
            if (it->takesArg && !takeValue(w, &value))
                break;
            if (!parser.handle(name, *it, value, words.at(i))) {
                if (parser.error.line == 0)
                    parser.error.line = -1 - int(words.at(i).offset);
                break;
            }
            continue;
        }
        bool stop = false;
        for (qsizetype j = 1; j < w.size(); ++j) {
            const QChar c = w.at(j);
            const auto sit = shortOptions().constFind(c);
            if (sit == shortOptions().constEnd()) {
                parser.issue(u"-"_s + c, tr("Unknown option; ignored."));
                continue;
            }
            const OptInfo info = longOptions().value(*sit);
            QString value;
            if (info.takesArg) {
                if (j + 1 < w.size()) {
                    value = w.mid(j + 1);
                } else if (!takeValue(u"-"_s + c, &value)) {
                    stop = true;
                    break;
                }
                j = w.size();
            }
            if (!parser.handle(*sit, info, value, words.at(i))) {
                if (parser.error.line == 0)
                    parser.error.line = -1 - int(word.offset);
                stop = true;
                break;
            }
        }
        if (stop)
            break;
    }
    if (parser.error.message.isEmpty())
        parser.finish();

    if (!parser.error.message.isEmpty()) {
        const qsizetype offset = parser.error.line < 0 ? -1 - parser.error.line : 0;
        return failAt(offset, parser.error.message);
    }
    parser.result.ok = true;
    qCDebug(lcFormats) << "curl command parsed:" << parser.result.request.method
                       << parser.result.issues.size() << "issues";
    return parser.result;
}

} // namespace Peephole
