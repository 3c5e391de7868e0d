#include "http/httpsession.h"

#include "http/bodystore.h"
#include "http/exchangelog.h"
#include "http/transfer.h"
#include "stream/streamstore.h"
#include "wire/connectionpool.h"

#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkProxy>

using namespace Qt::StringLiterals;

namespace Peephole {

HttpSession::HttpSession(ExchangeLog *log, QObject *parent)
    : QObject(parent), m_log(log), m_streams(new StreamStore(this)), m_jar(new QNetworkCookieJar(this)),
      m_pool(new ConnectionPool(this)), m_directHttp(qEnvironmentVariable("PEEPHOLE_HTTP_STACK") != u"qt"_s),
      m_spillThreshold(BodyStore::DefaultSpillThreshold)
{
    connect(m_log, &ExchangeLog::cleared, m_streams, &StreamStore::clear);
}

HttpSession::~HttpSession()
{
    cancelAll();
}

QNetworkCookieJar *HttpSession::cookieJar() const
{
    return m_jar;
}

QNetworkAccessManager *HttpSession::managerFor(const QUrl &proxyUrl)
{
    const QString key = proxyUrl.toString(QUrl::FullyEncoded);
    if (QNetworkAccessManager *nam = m_managers.value(key))
        return nam;
    auto *nam = new QNetworkAccessManager(this);
    // Cookies are handled by the transfer (so the record shows them); keep Qt's jar out of it.
    nam->setCookieJar(new QNetworkCookieJar(nam));
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam->setAutoDeleteReplies(false);
    if (proxyUrl.isEmpty()) {
        nam->setProxy(QNetworkProxy::NoProxy);
    } else {
        const bool socks = proxyUrl.scheme().startsWith(u"socks"_s);
        QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, proxyUrl.host(),
                            quint16(proxyUrl.port(socks ? 1080 : 8080)));
        proxy.setUser(proxyUrl.userName());
        proxy.setPassword(proxyUrl.password());
        nam->setProxy(proxy);
    }
    m_managers.insert(key, nam);
    return nam;
}

quint64 HttpSession::send(const RequestSpec &spec)
{
    const quint64 chainId = m_log->nextChainId();
    // For https through an HTTP proxy, Qt answers the CONNECT tunnel's 407 itself, with the
    // proxy's user and password: hand it the proxy credentials of the request.
    QUrl proxy = spec.options.proxy;
    if (!proxy.isEmpty() && proxy.userName().isEmpty() && !spec.auth.proxyUser.isEmpty()) {
        proxy.setUserName(spec.auth.proxyUser);
        proxy.setPassword(spec.auth.proxyPassword);
    }
    auto *transfer = new Transfer(this, managerFor(proxy), spec, chainId, m_nextOutputFile);
    m_nextOutputFile.clear();
    m_transfers.insert(chainId, transfer);
    transfer->start();
    return chainId;
}

void HttpSession::cancel(quint64 chainId)
{
    if (Transfer *t = m_transfers.value(chainId))
        t->cancel();
}

void HttpSession::cancelAll()
{
    const QList<Transfer *> transfers = m_transfers.values();
    for (Transfer *t : transfers)
        t->cancel();
}

void HttpSession::transferDone(Transfer *transfer)
{
    m_transfers.remove(transfer->chainId());
    transfer->deleteLater();
    Q_EMIT chainFinished(transfer->chainId(), transfer->lastExchangeId());
}

} // namespace Peephole
