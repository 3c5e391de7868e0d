#pragma once

#include "cli/sendoptions.h"
#include "http/exchange.h"

#include <QTextStream>

namespace Peephole::Cli {

/// Prints exchanges the way `curl -v` does: "> " request heads, "< "
/// response heads, "* " notes. Heads go to one stream (stderr by default),
/// the body to another (stdout).
///
/// Credentials are masked unless @p showSecrets (Redact::maskHeaderValue():
/// "Authorization: Basic alice:****", "Bearer ****", cookie values, secret
/// query parameters). Control bytes a server sent (ESC, C0 but tab, DEL, C1)
/// are printed as \xHH in heads and notes, and in a body written to a
/// terminal; a body piped elsewhere stays byte for byte.
class ExchangePrinter
{
public:
    ExchangePrinter(FILE *heads, FILE *body, SendOptions::Mode mode, bool showSecrets = false);

    void printHeads(const Exchange &exchange);
    /// Streams the body from its store; refuses binary bodies on a terminal.
    /// False when standard output (or the body stream) refused the bytes (closed pipe, full disk).
    bool printBody(const Exchange &exchange);

    /// --show-secrets: print credentials as they are instead of masked.
    void setShowSecrets(bool show) { m_showSecrets = show; }

    /// The request line as sent (secret query values masked unless @p showSecrets).
    static QByteArray requestLine(const Exchange &exchange, bool showSecrets = true);
    static QByteArray statusLine(const Exchange &exchange);

private:
    void note(const QString &text);
    void printVerbose(const Exchange &exchange);
    QByteArray field(const HeaderField &field) const;

    FILE *m_heads;
    FILE *m_body;
    SendOptions::Mode m_mode;
    bool m_showSecrets = false;
};

} // namespace Peephole::Cli
