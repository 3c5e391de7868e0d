#include "cli/sendoptions.h"

#include "auth/sigv4.h"
#include "cli/exitcodes.h"
#include "redact/redact.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

struct Parser
{
    QCommandLineParser p;
    QCommandLineOption method{{u"X"_s, u"request"_s}, tr("Request method (any token)."), u"METHOD"_s};
    QCommandLineOption header{
        {u"H"_s, u"header"_s}, tr("Add a header line \"Name: value\"; repeatable."), u"LINE"_s};
    QCommandLineOption data{
        {u"d"_s, u"data"_s}, tr("Request body; @FILE reads a file. Implies POST."), u"DATA"_s};
    QCommandLineOption dataFile{u"data-file"_s, tr("Stream the request body from FILE. Implies POST."),
                                u"FILE"_s};
    QCommandLineOption output{{u"o"_s, u"output"_s}, tr("Write the response body to FILE."), u"FILE"_s};
    QCommandLineOption har{u"har"_s, tr("Write the chain of exchanges as a HAR 1.2 log to FILE."), u"FILE"_s};
    QCommandLineOption noFollow{u"no-follow"_s, tr("Do not follow redirects.")};
    QCommandLineOption maxRedirects{u"max-redirects"_s, tr("Follow at most N redirects (default 10)."),
                                    u"N"_s};
    QCommandLineOption insecure{{u"k"_s, u"insecure"_s}, tr("Do not verify the server's TLS certificate.")};
    QCommandLineOption cacert{u"cacert"_s, tr("Trust the CA certificates in FILE (PEM)."), u"FILE"_s};
    QCommandLineOption cert{u"cert"_s, tr("Client certificate, PEM or PKCS#12 (.p12)."), u"FILE"_s};
    QCommandLineOption key{u"key"_s, tr("Private key of the client certificate (PEM)."), u"FILE"_s};
    QCommandLineOption proxy{
        {u"x"_s, u"proxy"_s}, tr("Send through this proxy: http://host:port or socks5://..."), u"URL"_s};
    QCommandLineOption timeout{{u"m"_s, u"timeout"_s},
                               tr("Give up when the whole exchange (redirects and auth legs included) takes "
                                  "more than S seconds (default: no limit)."),
                               u"S"_s};
    QCommandLineOption connectTimeout{
        u"connect-timeout"_s, tr("Give up when connecting (DNS, TCP, TLS) takes more than S seconds."),
        u"S"_s};
    QCommandLineOption idleTimeout{
        u"idle-timeout"_s, tr("Give up after S seconds without any data (default 30; 0: never)."), u"S"_s};
    QCommandLineOption maxDecodedSize{
        u"max-decoded-size"_s,
        tr("Stop when a compressed body decodes to more than SIZE bytes (K, M, G suffixes; default 1G, "
           "with a guard against decompression bombs that an explicit SIZE turns off)."),
        u"SIZE"_s};
    QCommandLineOption http2{u"http2"_s, tr("Allow HTTP/2 over TLS (the default).")};
    QCommandLineOption http11{u"http1.1"_s, tr("Use HTTP/1.1 only.")};
    QCommandLineOption h2c{u"h2c"_s, tr("Cleartext HTTP/2 with prior knowledge.")};
    QCommandLineOption fail{{u"f"_s, u"fail"_s},
                            tr("Exit with code 22 when the final status is 400 or more.")};
    QCommandLineOption verbose{{u"v"_s, u"verbose"_s}, tr("Also show timings, TLS, cookies and challenges.")};
    QCommandLineOption head{
        {u"I"_s, u"head"_s},
        tr("Print the heads only, no body (the method stays; use -X HEAD to send HEAD).")};
    QCommandLineOption bodyOnly{u"body-only"_s, tr("Print the response body only.")};
    QCommandLineOption user{{u"u"_s, u"user"_s},
                            tr("Credentials NAME[:PASSWORD]; asks for the password when left out."),
                            u"NAME[:PASSWORD]"_s};
    QCommandLineOption auth{u"auth"_s,
                            tr("Which scheme to use: any (default), basic, digest, bearer, ntlm (--user DOMAIN\\NAME:PASSWORD), "
                               "aws-sigv4, apikey."),
                            u"SCHEME"_s};
    QCommandLineOption awsSigV4{
        u"aws-sigv4"_s,
        tr("Sign with AWS Signature V4 (curl's form): PROVIDER1[:PROVIDER2[:REGION[:SERVICE]]], e.g. "
           "aws:amz:us-east-1:s3; --user ACCESS_KEY:SECRET_KEY (the secret is asked for, or read from "
           "the keychain, when left out)."),
        u"SPEC"_s};
    QCommandLineOption awsSessionToken{u"aws-session-token"_s,
                                       tr("Temporary credentials: sent as X-Amz-Security-Token."), u"TOKEN"_s};
    QCommandLineOption awsPayload{
        u"aws-payload"_s,
        tr("Payload hash for AWS Signature V4: auto (hash; X-Amz-Content-Sha256 for s3), hash (always send "
           "X-Amz-Content-Sha256), unsigned (UNSIGNED-PAYLOAD)."),
        u"MODE"_s};
    QCommandLineOption awsPresign{
        u"aws-presign"_s, tr("Send a presigned URL valid for SECONDS instead of an Authorization header."),
        u"SECONDS"_s};
    QCommandLineOption apiKey{u"api-key"_s,
                              tr("API key (with --auth apikey); read from the keychain or asked for when left "
                                 "out."),
                              u"KEY"_s};
    QCommandLineOption apiKeyName{u"api-key-name"_s,
                                  tr("Header or query parameter carrying the API key (default X-Api-Key)."),
                                  u"NAME"_s};
    QCommandLineOption apiKeyIn{u"api-key-in"_s, tr("Where the API key goes: header (default) or query."),
                                u"WHERE"_s};
    QCommandLineOption token{u"token"_s, tr("Bearer token."), u"T"_s};
    QCommandLineOption proxyUser{u"proxy-user"_s, tr("Proxy credentials NAME[:PASSWORD]."),
                                 u"NAME[:PASSWORD]"_s};
    QCommandLineOption saveCredentials{u"save-credentials"_s,
                                       tr("Store credentials that worked in the OS keychain.")};
    QCommandLineOption preemptive{u"preemptive"_s, tr("Send credentials with the first request.")};
    QCommandLineOption locationTrusted{
        u"location-trusted"_s,
        tr("Also send the credentials (and typed Authorization/Cookie headers) to other origins that "
           "redirects lead to. Off by default: they go only to the origin of URL.")};
    QCommandLineOption latin1{u"basic-latin1"_s, tr("Encode Basic credentials as Latin-1 (legacy servers).")};
    QCommandLineOption showSecrets{u"show-secrets"_s,
                                   tr("Print credentials (Authorization, cookies, secret query parameters) "
                                      "unmasked; by default they are shown as ****.")};
    QCommandLineOption json{u"json"_s,
                            tr("Print the events of an event stream as one JSON object per line.")};
    QCommandLineOption maxTime{u"max-time"_s, tr("Stop an event stream after SECONDS (a clean exit)."),
                               u"SECONDS"_s};
    QCommandLineOption maxEvents{u"max-events"_s, tr("Stop an event stream after N events (a clean exit)."),
                                 u"N"_s};
    QCommandLineOption reconnect{
        u"reconnect"_s, tr("When an event stream ends, reconnect after its retry time (default 3 s), "
                           "sending Last-Event-ID.")};
    QCommandLineOption includeSecrets{u"include-secrets"_s,
                                      tr("Keep credentials, cookies and secret parameters in the HAR file.")};
    QCommandLineOption oauth{u"oauth"_s,
                             tr("Authorize with a Bearer token of the OAuth configuration NAME (see peephole-cli "
                                "oauth): refreshed when expired, and once more after a 401 invalid_token."),
                             u"NAME"_s};
    QCommandLineOption help{{u"h"_s, u"help"_s}, tr("Show this help.")};

    Parser()
    {
        p.setApplicationDescription(tr("Send one request and print every exchange of its chain."));
        p.addOptions({method,
                      header,
                      data,
                      dataFile,
                      output,
                      har,
                      noFollow,
                      maxRedirects,
                      insecure,
                      cacert,
                      cert,
                      key,
                      proxy,
                      timeout,
                      connectTimeout,
                      idleTimeout,
                      maxDecodedSize,
                      http2,
                      http11,
                      h2c,
                      fail,
                      verbose,
                      head,
                      bodyOnly,
                      user,
                      auth,
                      token,
                      proxyUser,
                      saveCredentials,
                      preemptive,
                      latin1,
                      locationTrusted,
                      showSecrets,
                      json,
                      maxTime,
                      maxEvents,
                      reconnect,
                      help});
        p.addOptions({includeSecrets, oauth});
        p.addOptions({awsSigV4, awsSessionToken, awsPayload, awsPresign, apiKey, apiKeyName, apiKeyIn});
        p.addPositionalArgument(u"URL"_s,
                                tr("The URL to send to (http:// is assumed when no scheme is given)."));
    }
};

bool splitUser(const QString &value, QString *user, QString *password)
{
    const qsizetype colon = value.indexOf(u':');
    if (colon < 0) {
        *user = value;
        return false;
    }
    *user = value.left(colon);
    *password = value.mid(colon + 1);
    return true;
}

/// "2.5" -> 2500 ms; false with a message naming the option when it is not a number of seconds.
bool parseSeconds(const QCommandLineParser &p, const QCommandLineOption &option, int *ms, QString *error)
{
    if (!p.isSet(option))
        return true;
    bool ok = false;
    const double seconds = p.value(option).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 2e6) {
        *error = tr("bad --%1 \"%2\": expected seconds, e.g. 2.5")
                     .arg(option.names().value(1, option.names().constFirst()), p.value(option));
        return false;
    }
    *ms = int(seconds * 1000);
    return true;
}

/// "64M" -> 67108864; false when it is not a size.
bool parseSize(const QString &text, qint64 *bytes)
{
    QString t = text.trimmed().toUpper();
    qint64 unit = 1;
    if (t.endsWith(u'B'))
        t.chop(1);
    if (t.endsWith(u'K'))
        unit = 1024;
    else if (t.endsWith(u'M'))
        unit = 1024 * 1024;
    else if (t.endsWith(u'G'))
        unit = 1024LL * 1024 * 1024;
    if (unit > 1)
        t.chop(1);
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    if (!ok || n <= 0 || n > (qint64(1) << 50) / unit)
        return false;
    *bytes = n * unit;
    return true;
}

bool checkReadable(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile() || !info.isReadable()) {
        *error = tr("cannot read \"%1\": no such readable file").arg(path);
        return false;
    }
    return true;
}
/// --aws-sigv4 and --api-key options (curl's --aws-sigv4 implies the scheme, as there).
bool parseKeyAuth(const QCommandLineParser &p, const Parser &ps, SendOptions *out, QString *error)
{
    AuthSettings &a = out->spec.auth;
    if (p.isSet(ps.awsSigV4)) {
        if (p.isSet(ps.auth) && a.scheme != AuthSettings::Scheme::AwsSigV4) {
            *error = tr("--aws-sigv4 signs the request; it cannot be combined with --auth %1").arg(p.value(ps.auth));
            return false;
        }
        a.scheme = AuthSettings::Scheme::AwsSigV4;
        a.awsSigV4 = p.value(ps.awsSigV4);
    }
    if (a.scheme == AuthSettings::Scheme::AwsSigV4) {
        SigV4Params check;
        if (!SigV4::parseProviders(a.awsSigV4.isEmpty() ? u"aws:amz"_s : a.awsSigV4, out->spec.url.host(),
                                   &check, error))
            return false;
        if (a.user.isEmpty()) {
            *error = tr("AWS Signature V4 needs --user ACCESS_KEY[:SECRET_KEY]");
            return false;
        }
        // The secret comes from the keychain (or a prompt) before sending: nothing challenges first.
        a.fromKeychain = false;
        a.preemptive = false;
        a.awsSessionToken = p.value(ps.awsSessionToken);
        const QString payload = p.value(ps.awsPayload).toLower();
        if (payload.isEmpty() || payload == u"auto"_s)
            a.awsPayload = AuthSettings::AwsPayload::Auto;
        else if (payload == u"hash"_s)
            a.awsPayload = AuthSettings::AwsPayload::Hash;
        else if (payload == u"unsigned"_s || payload == u"unsigned-payload"_s)
            a.awsPayload = AuthSettings::AwsPayload::Unsigned;
        else {
            *error = tr("bad --aws-payload \"%1\": expected auto, hash or unsigned").arg(p.value(ps.awsPayload));
            return false;
        }
        if (p.isSet(ps.awsPresign)) {
            bool ok = false;
            a.awsPresignSeconds = p.value(ps.awsPresign).toInt(&ok);
            if (!ok || a.awsPresignSeconds < 1 || a.awsPresignSeconds > 604800) {
                *error = tr("bad --aws-presign \"%1\": expected 1 to 604800 seconds").arg(p.value(ps.awsPresign));
                return false;
            }
        }
    } else if (p.isSet(ps.awsSessionToken) || p.isSet(ps.awsPayload) || p.isSet(ps.awsPresign)) {
        *error = tr("--aws-session-token, --aws-payload and --aws-presign need --aws-sigv4");
        return false;
    }
    if (p.isSet(ps.apiKey) || p.isSet(ps.apiKeyName) || p.isSet(ps.apiKeyIn)) {
        if (p.isSet(ps.auth) && a.scheme != AuthSettings::Scheme::ApiKey) {
            *error = tr("--api-key goes with --auth apikey, not --auth %1").arg(p.value(ps.auth));
            return false;
        }
        a.scheme = AuthSettings::Scheme::ApiKey;
    }
    if (a.scheme == AuthSettings::Scheme::ApiKey) {
        a.apiKey = p.value(ps.apiKey);
        a.apiKeyName = p.isSet(ps.apiKeyName) ? p.value(ps.apiKeyName).trimmed() : u"X-Api-Key"_s;
        const QString where = p.value(ps.apiKeyIn).toLower();
        if (where.isEmpty() || where == u"header"_s)
            a.apiKeyIn = AuthSettings::ApiKeyIn::Header;
        else if (where == u"query"_s)
            a.apiKeyIn = AuthSettings::ApiKeyIn::Query;
        else {
            *error = tr("bad --api-key-in \"%1\": expected header or query").arg(p.value(ps.apiKeyIn));
            return false;
        }
        if (a.apiKeyName.isEmpty() ||
            (a.apiKeyIn == AuthSettings::ApiKeyIn::Header && !Headers::isValidName(a.apiKeyName.toLatin1()))) {
            *error = tr("bad --api-key-name \"%1\": expected a header field name").arg(a.apiKeyName);
            return false;
        }
        // Masked and redacted like any other secret from here on.
        if (a.apiKeyIn == AuthSettings::ApiKeyIn::Header)
            Redact::addHeaderNames({a.apiKeyName});
        else
            Redact::addParameterNames({a.apiKeyName});
    }
    return true;
}
} // namespace

QString sendHelp()
{
    Parser parser;
    return u"Usage: peephole-cli send [options] URL\n\n"_s + parser.p.helpText().section(u'\n', 2) + u'\n' +
           exitCodeHelp();
}

bool parseSendOptions(const QStringList &arguments, SendOptions *out, QString *error, bool *helpShown)
{
    Parser ps;
    QCommandLineParser &p = ps.p;
    *helpShown = false;
    if (!p.parse(QStringList{u"peephole-cli send"_s} + arguments)) {
        *error = p.errorText() + u' ' + tr("See peephole-cli send --help.");
        return false;
    }
    if (p.isSet(ps.help)) {
        *helpShown = true;
        return true;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        *error = positional.isEmpty() ? tr("no URL given. Usage: peephole-cli send [options] URL")
                                      : tr("more than one URL given: %1").arg(positional.join(u' '));
        return false;
    }
    RequestSpec &spec = out->spec;
    QString urlText = positional.first();
    if (!urlText.contains(u"://"_s))
        urlText.prepend(u"http://"_s);
    spec.url = QUrl(urlText, QUrl::StrictMode);
    if (!spec.url.isValid() || spec.url.host().isEmpty()) {
        *error = tr("bad URL \"%1\": %2")
                     .arg(positional.first(), spec.url.isValid() ? tr("no host") : spec.url.errorString());
        return false;
    }
    if (spec.url.scheme() != u"http"_s && spec.url.scheme() != u"https"_s) {
        *error = tr("bad URL \"%1\": only http and https are supported").arg(positional.first());
        return false;
    }
    for (const QString &line : p.values(ps.header)) {
        const qsizetype colon = line.indexOf(u':');
        const QByteArray name = line.left(colon).trimmed().toLatin1();
        if (colon <= 0 || !Headers::isValidName(name)) {
            *error = tr("bad header \"%1\": expected \"Name: value\" with a valid field name").arg(line);
            return false;
        }
        spec.headers.append({name, line.mid(colon + 1).trimmed().toUtf8(), true});
    }
    if (p.isSet(ps.data) && p.isSet(ps.dataFile)) {
        *error = tr("use either --data or --data-file, not both");
        return false;
    }
    if (p.isSet(ps.data)) {
        const QString data = p.values(ps.data).join(u'&');
        if (data.startsWith(u'@')) {
            if (!checkReadable(data.mid(1), error))
                return false;
            spec.body.kind = RequestBody::Kind::File;
            spec.body.filePath = data.mid(1);
        } else {
            spec.body.kind = RequestBody::Kind::Raw;
            spec.body.raw = data.toUtf8();
        }
        spec.body.contentType = "application/x-www-form-urlencoded";
    } else if (p.isSet(ps.dataFile)) {
        if (!checkReadable(p.value(ps.dataFile), error))
            return false;
        spec.body.kind = RequestBody::Kind::File;
        spec.body.filePath = p.value(ps.dataFile);
        spec.body.contentType = "application/octet-stream";
    }
    spec.method = p.isSet(ps.method)    ? p.value(ps.method).toLatin1()
                  : spec.body.isEmpty() ? QByteArray("GET")
                                        : QByteArray("POST");
    if (!Headers::isValidName(spec.method)) {
        *error = tr("bad method \"%1\": a method is a token (letters, digits, !#$%&'*+-.^_`|~)")
                     .arg(p.value(ps.method));
        return false;
    }

    RequestOptions &o = spec.options;
    o.followRedirects = !p.isSet(ps.noFollow);
    if (p.isSet(ps.maxRedirects)) {
        bool ok = false;
        o.maxRedirects = p.value(ps.maxRedirects).toInt(&ok);
        if (!ok || o.maxRedirects < 0) {
            *error = tr("bad --max-redirects \"%1\": expected a number of 0 or more")
                         .arg(p.value(ps.maxRedirects));
            return false;
        }
    }
    if (!parseSeconds(p, ps.timeout, &o.timeoutMs, error) ||
        !parseSeconds(p, ps.connectTimeout, &o.connectTimeoutMs, error) ||
        !parseSeconds(p, ps.idleTimeout, &o.idleTimeoutMs, error))
        return false;
    if (p.isSet(ps.maxDecodedSize) && !parseSize(p.value(ps.maxDecodedSize), &o.maxDecodedSize)) {
        *error = tr("bad --max-decoded-size \"%1\": expected a size such as 500M or 2G")
                     .arg(p.value(ps.maxDecodedSize));
        return false;
    }
    o.verifyTls = !p.isSet(ps.insecure);
    for (const auto &[opt, target] :
         {std::pair{&ps.cacert, &o.caFile}, std::pair{&ps.cert, &o.clientCertFile},
          std::pair{&ps.key, &o.clientKeyFile}}) {
        if (p.isSet(*opt)) {
            *target = p.value(*opt);
            if (!checkReadable(*target, error))
                return false;
        }
    }
    if (p.isSet(ps.proxy)) {
        o.proxy = QUrl(p.value(ps.proxy), QUrl::StrictMode);
        if (!o.proxy.isValid() || o.proxy.host().isEmpty()) {
            *error = tr("bad --proxy \"%1\": expected http://host:port or socks5://host:port")
                         .arg(p.value(ps.proxy));
            return false;
        }
    }
    o.http2Allowed = !p.isSet(ps.http11);
    o.h2cPriorKnowledge = p.isSet(ps.h2c);

    AuthSettings &a = spec.auth;
    if (p.isSet(ps.user))
        out->passwordMissing = !splitUser(p.value(ps.user), &a.user, &a.password);
    if (p.isSet(ps.proxyUser))
        out->proxyPasswordMissing = !splitUser(p.value(ps.proxyUser), &a.proxyUser, &a.proxyPassword);
    a.token = p.value(ps.token);
    out->oauthName = p.value(ps.oauth);
    a.preemptive = p.isSet(ps.preemptive);
    a.locationTrusted = p.isSet(ps.locationTrusted);
    // --user NAME without a password: the keychain's credential for this origin, realm and user when
    // the server asks; else a terminal prompt. Preemptive sending needs the password before the
    // challenge, so it is asked for at once.
    a.fromKeychain = out->passwordMissing && !a.preemptive;
    a.saveToKeychain = p.isSet(ps.saveCredentials);
    a.basicCharset =
        p.isSet(ps.latin1) ? AuthSettings::BasicCharset::Latin1 : AuthSettings::BasicCharset::Utf8;
    if (p.isSet(ps.auth)) {
        const QString s = p.value(ps.auth).toLower();
        if (s == u"any"_s)
            a.scheme = AuthSettings::Scheme::Any;
        else if (s == u"basic"_s)
            a.scheme = AuthSettings::Scheme::Basic;
        else if (s == u"digest"_s)
            a.scheme = AuthSettings::Scheme::Digest;
        else if (s == u"bearer"_s)
            a.scheme = AuthSettings::Scheme::Bearer;
        else if (s == u"ntlm"_s)
            a.scheme = AuthSettings::Scheme::Ntlm;
        else if (s == u"aws-sigv4"_s || s == u"aws"_s || s == u"sigv4"_s)
            a.scheme = AuthSettings::Scheme::AwsSigV4;
        else if (s == u"apikey"_s || s == u"api-key"_s)
            a.scheme = AuthSettings::Scheme::ApiKey;
        else {
            *error = tr("bad --auth \"%1\": expected any, basic, digest, bearer, ntlm, aws-sigv4 or apikey")
                         .arg(p.value(ps.auth));
            return false;
        }
    }
    if (!parseKeyAuth(p, ps, out, error))
        return false;

    out->outputFile = p.value(ps.output);
    out->harFile = p.value(ps.har);
    out->fail = p.isSet(ps.fail);
    out->showSecrets = p.isSet(ps.showSecrets);
    out->json = p.isSet(ps.json);
    out->reconnect = p.isSet(ps.reconnect);
    if (p.isSet(ps.maxTime)) {
        bool ok = false;
        const double seconds = p.value(ps.maxTime).toDouble(&ok);
        if (!ok || seconds <= 0) {
            *error = tr("bad --max-time \"%1\": expected seconds, e.g. 2.5").arg(p.value(ps.maxTime));
            return false;
        }
        out->maxTimeMs = qint64(seconds * 1000);
    }
    if (p.isSet(ps.maxEvents)) {
        bool ok = false;
        out->maxEvents = p.value(ps.maxEvents).toLongLong(&ok);
        if (!ok || out->maxEvents < 1) {
            *error = tr("bad --max-events \"%1\": expected a number of 1 or more").arg(p.value(ps.maxEvents));
            return false;
        }
    }
    out->includeSecrets = p.isSet(ps.includeSecrets);
    const int modes = int(p.isSet(ps.verbose)) + int(p.isSet(ps.head)) + int(p.isSet(ps.bodyOnly));
    if (modes > 1) {
        *error = tr("choose one of --verbose, --head and --body-only");
        return false;
    }
    out->mode = p.isSet(ps.verbose)    ? SendOptions::Mode::Verbose
                : p.isSet(ps.head)     ? SendOptions::Mode::Head
                : p.isSet(ps.bodyOnly) ? SendOptions::Mode::BodyOnly
                                       : SendOptions::Mode::Normal;
    return true;
}

} // namespace Peephole::Cli
