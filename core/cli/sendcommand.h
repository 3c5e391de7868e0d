#pragma once

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

private:
    int finish(quint64 chainId);

    SendOptions m_options;
    Workspace *m_workspace;
};

} // namespace Peephole::Cli
