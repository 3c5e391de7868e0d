#include "http/networkerrors.h"

#include <QCoreApplication>

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::NetworkErrors", text);
}

QString hostPort(const QUrl &url)
{
    return url.host() + u':' + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}
} // namespace

bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    return (code >= 201 && code <= 299) || (code >= 401 && code <= 499);
}

ExchangeError classifyReplyError(QNetworkReply::NetworkError error, const QString &qtMessage,
                                 const ReplyFacts &facts)
{
    using Kind = ExchangeError::Kind;
    if (facts.cancelled)
        return {Kind::Cancelled, tr("Cancelled.")};
    if (facts.timedOut) {
        const QString phase = facts.headersReceived ? tr("receiving the body")
                              : facts.requestSent   ? tr("waiting for the response head")
                                                    : tr("connecting and sending the request");
        const QString seconds = QString::number(facts.timeoutMs / 1000.0);
        switch (facts.limit) {
        case ReplyFacts::Limit::Total:
            return {Kind::Timeout, tr("Timed out after %1 s while %2 from %3: that is the whole exchange's "
                                      "time limit (--timeout). Raise it if the server is just slow.")
                                       .arg(seconds, phase, hostPort(facts.url))};
        case ReplyFacts::Limit::Connect:
            return {Kind::Timeout, tr("Timed out after %1 s while connecting to %2 (--connect-timeout). "
                                      "Check the host and port, and any firewall or proxy on the way.")
                                       .arg(seconds, hostPort(facts.url))};
        case ReplyFacts::Limit::Idle:
            break;
        }
        return {Kind::Timeout, tr("No data from %1 for %2 s while %3: timed out (--idle-timeout). Raise the "
                                  "limit or check that the server answers.")
                                   .arg(hostPort(facts.url), seconds, phase)};
    }
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return {Kind::ConnectionRefused,
                tr("Connection refused by %1: nothing listens there. Check the host and port, and that the "
                   "server is running.")
                    .arg(hostPort(facts.url))};
    case QNetworkReply::HostNotFoundError:
        return {Kind::HostNotFound,
                tr("Host name \"%1\" could not be resolved. Check the spelling and your DNS.")
                    .arg(facts.url.host())};
    case QNetworkReply::TimeoutError:
        return {Kind::Timeout, tr("Connection to %1 timed out.").arg(hostPort(facts.url))};
    case QNetworkReply::SslHandshakeFailedError: {
        QString msg = tr("TLS handshake with %1 failed: %2.").arg(hostPort(facts.url), qtMessage);
        if (!facts.tlsErrors.isEmpty())
            msg += u' ' + facts.tlsErrors.join(u"; ");
        msg +=
            u' ' + tr("Trust the certificate with a CA file, or turn TLS verification off for this request.");
        return {Kind::Tls, msg};
    }
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        if (facts.headersReceived) {
            const QString expected =
                facts.contentLength >= 0 ? tr(" of %1 expected").arg(facts.contentLength) : QString();
            return {Kind::ConnectionReset,
                    tr("Connection to %1 closed while reading the body, after %2 bytes%3.")
                        .arg(hostPort(facts.url))
                        .arg(facts.bodyReceived)
                        .arg(expected)};
        }
        return {Kind::ConnectionReset,
                tr("Connection to %1 closed before a response arrived.").arg(hostPort(facts.url))};
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
        return {Kind::MalformedResponse,
                tr("Malformed response from %1: %2.").arg(hostPort(facts.url), qtMessage)};
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return {Kind::Proxy, tr("Proxy error: %1.").arg(qtMessage)};
    case QNetworkReply::OperationCanceledError:
        return {Kind::Cancelled, tr("Cancelled.")};
    default:
        break;
    }
    if (facts.headersReceived && facts.contentLength >= 0 && facts.bodyReceived < facts.contentLength) {
        return {Kind::ConnectionReset, tr("The body was cut after %1 of %2 bytes: %3.")
                                           .arg(facts.bodyReceived)
                                           .arg(facts.contentLength)
                                           .arg(qtMessage)};
    }
    return {Kind::Other, qtMessage};
}

} // namespace Peephole
