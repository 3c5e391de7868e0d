#pragma once

#include <QHash>
#include <QObject>

namespace Peephole {

class WebSocketSession;
class Workspace;
struct RequestSpec;

/// The GUI's WebSocket sessions: a ws:// or wss:// request from the composer opens
/// one (headers, options and credentials as typed; a typed Sec-WebSocket-Protocol
/// becomes the offered subprotocols) instead of going to the HTTP engine. Keeps the
/// sessions, so the Messages tab can send on the one of the selected exchange.
class WebSocketLauncher : public QObject
{
    Q_OBJECT
public:
    explicit WebSocketLauncher(Workspace *workspace, QObject *parent = nullptr);

    static bool isWebSocket(const RequestSpec &spec);
    /// Opens a session for @p spec; returns it (owned by the launcher).
    WebSocketSession *open(const RequestSpec &spec);
    /// The session whose handshake ended in exchange @p exchangeId, or null.
    WebSocketSession *sessionFor(quint64 exchangeId) const;

Q_SIGNALS:
    /// The session of @p exchangeId opened (its 101 is in the log).
    void opened(quint64 exchangeId);

private:
    Workspace *m_workspace;
    QHash<quint64, WebSocketSession *> m_byChain;
};

} // namespace Peephole
