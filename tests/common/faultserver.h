#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace Peephole::Test {

/// A fault-injection server for the tests: a plain TCP server that answers each request with a
/// script of raw steps — bytes, pauses, bytes dripped one at a time, a reset or a close — chosen
/// by the request's path, whatever else the request said. It is written from the socket up and
/// shares nothing with core/server, so it can play what no well-behaved server sends: cut bodies,
/// resets, ambiguous framing (Content-Length with Transfer-Encoding, two lengths), bad chunk sizes,
/// header floods, slow heads, decompression bombs. Runs on the thread it lives in, never blocks it.
class FaultServer : public QObject
{
    Q_OBJECT
public:
    struct Step
    {
        enum class Kind { Send, Drip, Wait, Close, Reset };
        Kind kind = Kind::Send;
        QByteArray bytes; ///< Send, Drip
        int ms = 0;       ///< Wait: the pause; Drip: the pause between bytes
    };
    using Script = QList<Step>;

    static Step send(QByteArray bytes) { return {Step::Kind::Send, std::move(bytes), 0}; }
    static Step drip(QByteArray bytes, int msPerByte)
    {
        return {Step::Kind::Drip, std::move(bytes), msPerByte};
    }
    static Step wait(int ms) { return {Step::Kind::Wait, {}, ms}; }
    static Step close() { return {Step::Kind::Close, {}, 0}; } ///< FIN, orderly.
    static Step reset() { return {Step::Kind::Reset, {}, 0}; } ///< RST (SO_LINGER 0).

    /// A whole response: status line, @p fields (each "Name: value"), the empty line, @p body.
    /// Nothing is added: framing is whatever @p fields say.
    static QByteArray response(int status, const QList<QByteArray> &fields, const QByteArray &body = {});

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    bool listen(); ///< On 127.0.0.1, a free port.
    QUrl url(const QString &path) const;

    /// Requests for @p path (without the query) get @p script. After a script that neither closed
    /// nor reset, the connection waits for the next request. Unknown paths get a 404.
    void route(const QByteArray &path, Script script) { routeSequence(path, {std::move(script)}); }
    /// The n-th request for @p path gets the n-th script; the last one answers the rest.
    void routeSequence(const QByteArray &path, QList<Script> scripts);

    /// How many requests arrived for @p path, over all connections.
    int hits(const QByteArray &path) const { return m_hits.value(path); }
    /// Request heads as received, in order.
    const QList<QByteArray> &heads() const { return m_heads; }

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(Connection *c);
    void play(Connection *c);
    void drop(Connection *c);

    QTcpServer *m_server = nullptr;
    QHash<QByteArray, QList<Script>> m_routes;
    QHash<QByteArray, int> m_hits;
    QList<QByteArray> m_heads;
    QList<Connection *> m_connections;
};

} // namespace Peephole::Test
