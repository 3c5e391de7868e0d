#pragma once

#include <cstdio>

namespace Peephole {
struct StreamMessage;
} // namespace Peephole

namespace Peephole::Cli {

/// Prints the events of an event stream as they arrive: in event-stream form
/// (`event:`, `id:`, `data:` lines and a blank line) or, with --json, one JSON
/// object per line ({"time", "event", "id", "data"}). Control bytes from the
/// server are printed escaped, never raw.
class StreamPrinter
{
public:
    StreamPrinter(std::FILE *out, bool json) : m_out(out), m_json(json) {}
    /// False when the output cannot be written (a closed pipe, a full disk).
    bool print(const StreamMessage &message);

private:
    std::FILE *m_out;
    bool m_json;
};

/// SIGINT (Ctrl-C) calls @p stop from the event loop, once; the default action is restored after.
/// Returns false when the handler cannot be installed.
bool onInterrupt(void (*stop)(void *), void *context);
void endInterruptHandling();

} // namespace Peephole::Cli
