#pragma once

#include "http/authhook.h"
#include "http/hop.h"
#include "http/networkerrors.h"
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
class SseParser;

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
    void onDeadline();
    void onConnectTimeout();
    void restartIdleTimer();
    void pauseDeadline();
    void resumeDeadline();

    void openResponseBody();
    /// A text/event-stream response: its events go to the session's StreamStore as they arrive.
    void startEventStream();
    bool feedEvents(const char *data, qint64 size);
    void endEventStream();
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
    std::unique_ptr<SseParser> m_sse;
    QStringList m_tlsErrors;
    QTimer m_timeout;          ///< Idle: restarted on every sign of progress.
    QTimer m_deadline;         ///< Total: started once for the whole chain.
    QTimer m_connectTimeout;   ///< Until the request is on the wire.
    int m_deadlineLeftMs = -1; ///< While waiting for the user's credentials: what the deadline had left.
    ReplyFacts::Limit m_timedOutBy = ReplyFacts::Limit::Idle;
    QElapsedTimer m_sinceUpdate;
};

} // namespace Peephole
