#pragma once

#include "http/authhook.h"
#include "http/hop.h"
#include "http/requestspec.h"
#include "http/responsereader.h"

#include <QElapsedTimer>

#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;

namespace Peephole {

class HopReply;
class HttpSession;

/// Drives one chain: sends a hop, records it as an Exchange, then follows a
/// redirect or an auth retry as a new hop, until the chain ends.
class Transfer : public QObject
{
    Q_OBJECT
public:
    Transfer(HttpSession *session, QNetworkAccessManager *nam, const RequestSpec &spec, quint64 chainId,
             const QString &outputFile);
    ~Transfer() override;

    quint64 chainId() const { return m_chainId; }
    quint64 lastExchangeId() const { return m_exchange.id; }

    void start();
    void cancel();

private:
    void sendHop();
    bool carriedDirectly() const;
    bool proxyConfigured() const;
    void onSocketStartedConnecting();
    void onEncrypted();
    void onRequestSent();
    void onSslErrors(const QList<QSslError> &errors);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();

    void openResponseBody();
    bool consumesBody(int status) const;
    void followRedirect();
    void askAuth();
    void finishChain(const ExchangeError &error = {});
    void failBeforeSend(ExchangeError::Kind kind, const QString &message);
    HopContext hopContext() const;
    void publish();

    HttpSession *m_session;
    QNetworkAccessManager *m_nam;
    RequestSpec m_spec;
    quint64 m_chainId;
    QString m_outputFile;

    Hop m_hop;
    Exchange m_exchange;
    HopReply *m_reply = nullptr;
    QSet<QString> m_visited;
    int m_redirects = 0;
    int m_authRetries = 0;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_ended = false;
    bool m_headersSeen = false;
    ResponseReader m_reader;
    QStringList m_tlsErrors;
    QTimer m_timeout;
    QElapsedTimer m_sinceUpdate;
};

} // namespace Peephole
