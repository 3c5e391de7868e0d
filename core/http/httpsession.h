#pragma once

#include "http/requestspec.h"

#include <QHash>
#include <QObject>

class QNetworkAccessManager;
class QNetworkCookieJar;

namespace Peephole {

class AuthHook;
class ConnectionPool;
class ExchangeLog;
class StreamStore;
class Transfer;

/// Sends requests and records every hop in an ExchangeLog. Redirects are
/// followed here, not by Qt, so each hop is its own exchange; 401/407 go to
/// the AuthHook. One cookie jar per session. Many chains can be in flight.
class HttpSession : public QObject
{
    Q_OBJECT
public:
    explicit HttpSession(ExchangeLog *log, QObject *parent = nullptr);
    ~HttpSession() override;

    ExchangeLog *log() const { return m_log; }
    /// The events of responses that are streams (text/event-stream), by exchange id.
    StreamStore *streams() const { return m_streams; }
    QNetworkCookieJar *cookieJar() const;

    /// The authentication layer; not owned. Without one, 401/407 end the chain.
    void setAuthHook(AuthHook *hook) { m_authHook = hook; }
    AuthHook *authHook() const { return m_authHook; }

    /// Where the response body of the chain's final hop is written instead of
    /// memory (the CLI's --output). Applies to the next send() only.
    void setOutputFileForNextSend(const QString &path) { m_nextOutputFile = path; }
    /// Bodies larger than this spill to a temporary file.
    void setSpillThreshold(qint64 bytes) { m_spillThreshold = bytes; }
    /// Plain http:// hops without a proxy go through Peephole's own HTTP/1.1
    /// client (core/wire) unless this is off; then Qt's stack carries every hop.
    /// Off when the environment sets PEEPHOLE_HTTP_STACK=qt.
    void setDirectHttp(bool on) { m_directHttp = on; }
    bool directHttp() const { return m_directHttp; }
    ConnectionPool *connectionPool() const { return m_pool; }

    /// Group label written into every exchange of the following sends.
    void setGroup(const QString &group) { m_group = group; }

    /// Starts sending @p spec; returns the chain id its exchanges carry.
    quint64 send(const RequestSpec &spec);
    /// Cancels a chain in flight; its current exchange ends as Cancelled.
    void cancel(quint64 chainId);
    void cancelAll();
    int inFlight() const { return int(m_transfers.size()); }

Q_SIGNALS:
    /// The chain ended (success, HTTP error, failure or cancel). @p lastExchangeId is its final hop.
    void chainFinished(quint64 chainId, quint64 lastExchangeId);

private:
    friend class Transfer;
    void transferDone(Transfer *transfer);

    ExchangeLog *m_log;
    StreamStore *m_streams;
    QNetworkAccessManager *managerFor(const QUrl &proxy);

    QNetworkCookieJar *m_jar;
    ConnectionPool *m_pool;
    bool m_directHttp;
    QHash<QString, QNetworkAccessManager *> m_managers; ///< One per proxy ("" = direct).
    AuthHook *m_authHook = nullptr;
    QHash<quint64, Transfer *> m_transfers;
    QString m_nextOutputFile;
    QString m_group;
    qint64 m_spillThreshold;
};

} // namespace Peephole
