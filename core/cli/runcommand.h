#pragma once

#include "replay/runner.h"

#include <QObject>
#include <QStringList>

namespace Peephole {
class AuthNegotiator;
class ExchangeLog;
class HttpSession;
} // namespace Peephole

namespace Peephole::Cli {

/// `peephole-cli run PATH`: runs a collection (or one .http file), prints a
/// line per request and the summary, writes reports; returns the exit code.
class RunCommand : public QObject
{
    Q_OBJECT
public:
    explicit RunCommand(QObject *parent = nullptr);

    int run(const QStringList &arguments);
    static QString help();

private:
    void printResult(const RequestResult &result);

    ExchangeLog *m_log;
    HttpSession *m_session;
    AuthNegotiator *m_negotiator;
    bool m_includeSecrets = false; ///< --include-secrets: reports and the terminal show secrets.
};

} // namespace Peephole::Cli
