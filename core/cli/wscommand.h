#pragma once

#include "cli/wsoptions.h"

#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace Peephole {
class Workspace;
struct StreamMessage;
} // namespace Peephole

namespace Peephole::Cli {

/// `peephole-cli ws`: opens a WebSocket session (handshake printed like `send` prints a chain,
/// credentials masked), sends the lines of standard input, prints what arrives, and returns an
/// exit code that says how the session ended.
class WsCommand : public QObject
{
    Q_OBJECT
public:
    explicit WsCommand(QObject *parent = nullptr);
    ~WsCommand() override;

    int run(const QStringList &arguments);

private:
    void printHeads();
    void onInput();
    void sendPending();
    bool print(const StreamMessage &message);
    void stop(const QString &reason);
    int exitCode() const;

    WsOptions m_options;
    Workspace *m_workspace;
    WebSocketSession *m_session = nullptr;
    QSocketNotifier *m_input = nullptr;
    QByteArray m_inputBuffer;
    QList<QByteArray> m_pending;
    bool m_inputEnded = false;
    bool m_outputFailed = false;
    bool m_headsPrinted = false;
    qint64 m_received = 0;
    QString m_stopReason;
    QTimer m_linger;
};

} // namespace Peephole::Cli
