#include "streams/websocketlauncher.h"

#include "websocket/websocketsession.h"
#include "workspace/workspace.h"

using namespace Qt::StringLiterals;

namespace Peephole {

WebSocketLauncher::WebSocketLauncher(Workspace *workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace)
{
}

bool WebSocketLauncher::isWebSocket(const RequestSpec &spec)
{
    const QString scheme = spec.url.scheme().toLower();
    return scheme == u"ws"_s || scheme == u"wss"_s;
}

WebSocketSession *WebSocketLauncher::open(const RequestSpec &spec)
{
    WebSocketSpec ws;
    ws.request = spec;
    for (const HeaderField &f : spec.headers) {
        if (!f.enabled || f.name.compare("Sec-WebSocket-Protocol", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &p : f.value.split(','))
            if (!p.trimmed().isEmpty())
                ws.subprotocols.append(QString::fromUtf8(p.trimmed()));
    }
    auto *session = new WebSocketSession(m_workspace->session(), this);
    connect(session, &WebSocketSession::opened, this, [this, session] { Q_EMIT opened(session->exchangeId()); });
    session->open(ws);
    m_byChain.insert(session->chainId(), session);
    return session;
}

WebSocketSession *WebSocketLauncher::sessionFor(quint64 exchangeId) const
{
    for (WebSocketSession *s : m_byChain)
        if (s->exchangeId() == exchangeId)
            return s;
    return nullptr;
}

} // namespace Peephole
