#pragma once

#include "cli/keysecrets.h"
#include "cli/sendoptions.h"

#include <QObject>

namespace Peephole {
class Workspace;
} // namespace Peephole

namespace Peephole::Cli {

/// `peephole-cli send`: sends one request, prints its chain, returns the exit code.
class SendCommand : public QObject
{
    Q_OBJECT
public:
    explicit SendCommand(QObject *parent = nullptr);

    /// Runs the command to completion (spins an event loop) and returns the exit code.
    int run(const QStringList &arguments);

Q_SIGNALS:
    void stoppedBetweenConnections();

private:
    int finish(quint64 chainId);
    /// Ends the chain in flight on the user's behalf (Ctrl-C, --max-time, --max-events).
    void stop(const QString &reason);

    SendOptions m_options;
    KeySecrets m_keySecrets;
    Workspace *m_workspace;
    QString m_stopReason;
    qint64 m_events = 0;
    bool m_outputFailed = false;
};

} // namespace Peephole::Cli
