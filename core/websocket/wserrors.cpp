#include "websocket/wserrors.h"

#include <QAbstractSocket>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::WebSocket", text);
}
} // namespace

ExchangeError socketError(const QAbstractSocket *socket, const QUrl &url, bool answered,
                          const QStringList &tlsErrors)
{
    using K = ExchangeError::Kind;
    const QString where = url.authority();
    const QString qt = socket ? socket->errorString() : QString();
    switch (socket ? socket->error() : QAbstractSocket::UnknownSocketError) {
    case QAbstractSocket::ConnectionRefusedError:
        return {K::ConnectionRefused,
                tr("Connection refused by %1: nothing listens on that port, or a firewall said no.").arg(where)};
    case QAbstractSocket::HostNotFoundError:
        return {K::HostNotFound, tr("The host name \"%1\" could not be resolved.").arg(url.host())};
    case QAbstractSocket::SocketTimeoutError:
        return {K::Timeout, tr("The connection to %1 timed out.").arg(where)};
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return {K::Tls, tlsErrors.isEmpty()
                            ? tr("The TLS handshake with %1 failed: %2").arg(where, qt)
                            : tr("The TLS handshake with %1 failed: %2. Use --cacert with the CA that signed "
                                 "the server's certificate, or -k to skip verification.")
                                  .arg(where, tlsErrors.join(u"; "_s))};
    case QAbstractSocket::RemoteHostClosedError:
        return {K::ConnectionReset,
                answered ? tr("%1 closed the connection in the middle of the handshake answer.").arg(where)
                         : tr("%1 closed the connection before answering the handshake.").arg(where)};
    case QAbstractSocket::ProxyAuthenticationRequiredError:
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
        return {K::Proxy, tr("The proxy failed on the way to %1: %2").arg(where, qt)};
    default:
        return {K::Other, tr("The connection to %1 failed: %2").arg(where, qt)};
    }
}

QString closeCodeName(int code)
{
    switch (code) {
    case 1000:
        return tr("normal closure");
    case 1001:
        return tr("going away");
    case 1002:
        return tr("protocol error");
    case 1003:
        return tr("unsupported data");
    case 1005:
        return tr("no status code");
    case 1006:
        return tr("closed abnormally, without a Close frame");
    case 1007:
        return tr("invalid payload data");
    case 1008:
        return tr("policy violation");
    case 1009:
        return tr("message too big");
    case 1010:
        return tr("mandatory extension missing");
    case 1011:
        return tr("internal server error");
    case 1015:
        return tr("TLS handshake failure");
    default:
        return {};
    }
}

} // namespace Peephole
