#pragma once

#include "http/exchange.h"

namespace Peephole::Cli {

/// peephole-cli's exit codes; documented in --help, the README and the man page.
enum ExitCode : int {
    Success = 0,
    Usage = 2,
    InputFile = 3,
    HostNotFound = 5,
    ConnectionRefused = 6,
    Timeout = 7,
    Tls = 8,
    ConnectionReset = 9,
    MalformedResponse = 10,
    Redirects = 11,
    Proxy = 12,
    Output = 13,
    Transport = 14,
    HttpError = 22,
    AuthFailed = 25,
    RunFailed = 30,
    WsClosedByPeer = 40,    ///< ws: the server closed with a code other than 1000
    WsDropped = 41,         ///< ws: the connection dropped without a closing handshake
    WsHandshakeFailed = 42, ///< ws: the server did not switch protocols
    BodyTooLarge = 63, ///< curl's code for "maximum file size exceeded"
};

/// The exit code for a transport failure recorded in an exchange.
int exitCodeFor(ExchangeError::Kind kind);
/// The table printed by --help.
QString exitCodeHelp();

} // namespace Peephole::Cli
