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

    static QByteArray requestLine(const Exchange &exchange);
    static QByteArray statusLine(const Exchange &exchange);

private:
    void note(const QString &text);
    void printVerbose(const Exchange &exchange);

    FILE *m_heads;
    FILE *m_body;
    SendOptions::Mode m_mode;
};

} // namespace Peephole::Cli
