#include "cli/wsoptions.h"

#include "cli/exitcodes.h"

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
    QCommandLineOption header{{u"H"_s, u"header"_s},
                              tr("Add a field \"Name: value\" to the handshake; repeatable."), u"LINE"_s};
    QCommandLineOption subprotocol{u"subprotocol"_s,
                                   tr("Offer this subprotocol (Sec-WebSocket-Protocol); repeatable, in order "
                                      "of preference."),
                                   u"NAME"_s};
    QCommandLineOption user{{u"u"_s, u"user"_s},
                            tr("Credentials NAME[:PASSWORD] for a 401; asks for the password when left out."),
                            u"NAME[:PASSWORD]"_s};
    QCommandLineOption token{u"token"_s, tr("Bearer token for a 401."), u"T"_s};
    QCommandLineOption preemptive{u"preemptive"_s, tr("Send the credentials with the first handshake.")};
    QCommandLineOption insecure{{u"k"_s, u"insecure"_s}, tr("Do not verify the server's TLS certificate.")};
    QCommandLineOption cacert{u"cacert"_s, tr("Trust the CA certificates in FILE (PEM)."), u"FILE"_s};
    QCommandLineOption cert{u"cert"_s, tr("Client certificate, PEM or PKCS#12 (.p12)."), u"FILE"_s};
    QCommandLineOption key{u"key"_s, tr("Private key of the client certificate (PEM)."), u"FILE"_s};
    QCommandLineOption proxy{{u"x"_s, u"proxy"_s}, tr("Connect through http://host:port or socks5://host:port."),
                             u"URL"_s};
    QCommandLineOption proxyUser{u"proxy-user"_s, tr("Proxy credentials NAME:PASSWORD."), u"NAME:PASSWORD"_s};
    QCommandLineOption connectTimeout{u"connect-timeout"_s,
                                      tr("Give up when connecting takes more than S seconds."), u"S"_s};
    QCommandLineOption maxTime{u"max-time"_s, tr("Close the session (normally) after SECONDS."), u"SECONDS"_s};
    QCommandLineOption maxMessages{u"max-messages"_s,
                                   tr("Close the session (normally) after N received messages."), u"N"_s};
    QCommandLineOption maxMessageSize{
        u"max-message-size"_s,
        tr("Close with 1009 when an incoming message is larger than SIZE (K, M suffixes; default 64M)."),
        u"SIZE"_s};
    QCommandLineOption binary{u"binary"_s, tr("Send each line of standard input as a binary message.")};
    QCommandLineOption sendFile{u"send-file"_s, tr("Send FILE as one binary message once the session is open."),
                                u"FILE"_s};
    QCommandLineOption ping{u"ping"_s, tr("Send a ping every SECONDS (pongs are printed)."), u"SECONDS"_s};
    QCommandLineOption keepOpen{u"keep-open"_s,
                                tr("Keep the session open when standard input ends (until the server closes, "
                                   "--max-time, --max-messages or Ctrl-C).")};
    QCommandLineOption json{u"json"_s, tr("Print one JSON object per message, sent and received.")};
    QCommandLineOption showSecrets{u"show-secrets"_s,
                                   tr("Print credentials in the handshake unmasked (masked as **** by default).")};
    QCommandLineOption help{{u"h"_s, u"help"_s}, tr("Show this help.")};

    Parser()
    {
        p.setApplicationDescription(tr("Open a WebSocket, send the lines of standard input, print what arrives."));
        p.addOptions({header, subprotocol, user, token, preemptive, insecure, cacert, cert, key, proxy, proxyUser,
                      connectTimeout, maxTime, maxMessages, maxMessageSize, binary, sendFile, ping, keepOpen,
                      json, showSecrets, help});
        p.addPositionalArgument(u"URL"_s, tr("ws:// or wss:// URL."));
    }
};

bool parsePositiveSeconds(const QCommandLineParser &p, const QCommandLineOption &o, qint64 *ms, QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const double s = p.value(o).toDouble(&ok);
    if (!ok || s <= 0 || s > 2e6) {
        *error = tr("bad --%1 \"%2\": expected seconds, e.g. 2.5").arg(o.names().constLast(), p.value(o));
        return false;
    }
    *ms = qint64(s * 1000);
    return true;
}

bool readable(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.isFile() && info.isReadable())
        return true;
    *error = tr("cannot read \"%1\": no such readable file").arg(path);
    return false;
}
} // namespace

QString wsHelp()
{
    Parser parser;
    return u"Usage: peephole-cli ws [options] URL\n\n"_s + parser.p.helpText().section(u'\n', 2) + u'\n' +
           tr("Standard input: each line is sent as one message; at its end the session is closed with 1000\n"
              "once nothing arrived for 1 s, unless --keep-open. Exit 0: closed with 1000 by either side, or by you (end of input,\n"
              "--max-time, --max-messages, Ctrl-C); 63: an incoming message passed --max-message-size.\n\n") +
           exitCodeHelp();
}

bool parseWsOptions(const QStringList &arguments, WsOptions *out, QString *error, bool *helpShown)
{
    Parser ps;
    QCommandLineParser &p = ps.p;
    *helpShown = false;
    if (!p.parse(QStringList{u"peephole-cli ws"_s} + arguments)) {
        *error = p.errorText() + u' ' + tr("See peephole-cli ws --help.");
        return false;
    }
    if (p.isSet(ps.help)) {
        *helpShown = true;
        return true;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        *error = positional.isEmpty() ? tr("no URL given. Usage: peephole-cli ws [options] URL")
                                      : tr("more than one URL given: %1").arg(positional.join(u' '));
        return false;
    }
    RequestSpec &spec = out->spec.request;
    spec.url = QUrl(positional.first(), QUrl::StrictMode);
    if (!spec.url.isValid() || spec.url.host().isEmpty() ||
        (spec.url.scheme() != u"ws"_s && spec.url.scheme() != u"wss"_s)) {
        *error = tr("bad URL \"%1\": expected ws://host[:port]/path or wss://...").arg(positional.first());
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
    for (const QString &name : p.values(ps.subprotocol)) {
        if (!Headers::isValidName(name.toLatin1()) || name.contains(u',')) {
            *error = tr("bad --subprotocol \"%1\": a subprotocol is a token").arg(name);
            return false;
        }
        out->spec.subprotocols.append(name);
    }
    RequestOptions &o = spec.options;
    o.verifyTls = !p.isSet(ps.insecure);
    for (const auto &[opt, target] : {std::pair{&ps.cacert, &o.caFile}, std::pair{&ps.cert, &o.clientCertFile},
                                      std::pair{&ps.key, &o.clientKeyFile}}) {
        if (p.isSet(*opt)) {
            *target = p.value(*opt);
            if (!readable(*target, error))
                return false;
        }
    }
    if (p.isSet(ps.proxy)) {
        o.proxy = QUrl(p.value(ps.proxy), QUrl::StrictMode);
        if (!o.proxy.isValid() || o.proxy.host().isEmpty()) {
            *error = tr("bad --proxy \"%1\": expected http://host:port or socks5://host:port").arg(p.value(ps.proxy));
            return false;
        }
    }
    qint64 connectMs = -1;
    if (!parsePositiveSeconds(p, ps.connectTimeout, &connectMs, error) ||
        !parsePositiveSeconds(p, ps.maxTime, &out->maxTimeMs, error) ||
        !parsePositiveSeconds(p, ps.ping, &out->pingIntervalMs, error))
        return false;
    if (connectMs > 0)
        o.connectTimeoutMs = int(connectMs);
    if (p.isSet(ps.maxMessages)) {
        bool ok = false;
        out->maxMessages = p.value(ps.maxMessages).toLongLong(&ok);
        if (!ok || out->maxMessages < 1) {
            *error = tr("bad --max-messages \"%1\": expected a number of 1 or more").arg(p.value(ps.maxMessages));
            return false;
        }
    }
    if (p.isSet(ps.maxMessageSize)) {
        QString t = p.value(ps.maxMessageSize).trimmed().toUpper();
        qint64 unit = t.endsWith(u'K') ? 1024 : t.endsWith(u'M') ? 1024 * 1024 : t.endsWith(u'G') ? 1 << 30 : 1;
        if (unit > 1)
            t.chop(1);
        bool ok = false;
        const qint64 n = t.toLongLong(&ok);
        if (!ok || n <= 0 || n > (qint64(1) << 40) / unit) {
            *error = tr("bad --max-message-size \"%1\": expected a size such as 512K or 16M")
                         .arg(p.value(ps.maxMessageSize));
            return false;
        }
        out->spec.maxMessageSize = n * unit;
    }
    AuthSettings &a = spec.auth;
    if (p.isSet(ps.user)) {
        const QString v = p.value(ps.user);
        const qsizetype colon = v.indexOf(u':');
        a.user = colon < 0 ? v : v.left(colon);
        a.password = colon < 0 ? QString() : v.mid(colon + 1);
        out->passwordMissing = colon < 0;
    }
    if (p.isSet(ps.proxyUser)) {
        const QString v = p.value(ps.proxyUser);
        a.proxyUser = v.section(u':', 0, 0);
        a.proxyPassword = v.section(u':', 1);
    }
    a.token = p.value(ps.token);
    a.preemptive = p.isSet(ps.preemptive);
    a.fromKeychain = out->passwordMissing && !a.preemptive;
    out->sendFile = p.value(ps.sendFile);
    if (!out->sendFile.isEmpty() && !readable(out->sendFile, error))
        return false;
    out->binary = p.isSet(ps.binary);
    out->keepOpen = p.isSet(ps.keepOpen);
    out->json = p.isSet(ps.json);
    out->showSecrets = p.isSet(ps.showSecrets);
    return true;
}

} // namespace Peephole::Cli
