#pragma once

#include "cli/sendoptions.h"
#include "http/exchange.h"

#include <QTextStream>

namespace Peephole::Cli {

/// Prints exchanges the way `curl -v` does: "> " request heads, "< "
/// response heads, "* " notes. Heads go to one stream (stderr by default),
/// the body to another (stdout).
class ExchangePrinter
{
public:
    ExchangePrinter(FILE *heads, FILE *body, SendOptions::Mode mode);

    void printHeads(const Exchange &exchange);
    /// Streams the body from its store; refuses binary bodies on a terminal.
    /// False when standard output (or the body stream) refused the bytes (closed pipe, full disk).
    bool printBody(const Exchange &exchange);

    /// --show-secrets: print credentials as they are instead of masked.
    void setShowSecrets(bool show) { m_showSecrets = show; }

    static QByteArray requestLine(const Exchange &exchange);
    static QByteArray statusLine(const Exchange &exchange);

private:
    void note(const QString &text);
    QByteArray shown(const HeaderField &h) const;
    void printVerbose(const Exchange &exchange);

    FILE *m_heads;
    FILE *m_body;
    SendOptions::Mode m_mode;
    bool m_showSecrets = false;
};

} // namespace Peephole::Cli
