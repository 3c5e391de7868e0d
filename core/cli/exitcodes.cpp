#include "cli/exitcodes.h"

#include <QCoreApplication>

namespace Peephole::Cli {

int exitCodeFor(ExchangeError::Kind kind)
{
    using K = ExchangeError::Kind;
    switch (kind) {
    case K::None:
        return Success;
    case K::HostNotFound:
        return HostNotFound;
    case K::ConnectionRefused:
        return ConnectionRefused;
    case K::Timeout:
        return Timeout;
    case K::Tls:
        return Tls;
    case K::ConnectionReset:
        return ConnectionReset;
    case K::MalformedResponse:
        return MalformedResponse;
    case K::TooManyRedirects:
    case K::RedirectLoop:
        return Redirects;
    case K::Proxy:
        return Proxy;
    case K::Output:
        return Output;
    case K::RequestBody:
        return InputFile;
    case K::BodyTooLarge:
        return BodyTooLarge;
    case K::Cancelled:
    case K::Other:
        return Transport;
    }
    return Transport;
}

QString exitCodeHelp()
{
    return QCoreApplication::translate("Peephole::Cli",
                                       "Exit codes:\n"
                                       "   0  success\n"
                                       "   2  usage error (unknown option, bad URL, bad value)\n"
                                       "   3  an input file could not be read\n"
                                       "   5  host name not resolved\n"
                                       "   6  connection refused\n"
                                       "   7  timeout\n"
                                       "   8  TLS failure\n"
                                       "   9  connection reset or body cut short\n"
                                       "  10  malformed response\n"
                                       "  11  too many redirects or a redirect loop\n"
                                       "  12  proxy error\n"
                                       "  13  the output could not be written\n"
                                       "  14  other transport error\n"
                                       "  22  HTTP status 400 or more, with --fail\n"
                                       "  25  authentication rejected or not answered\n"
                                       "  30  run: a request failed or its response changed\n"
                                       "  40  ws: the server closed with a code other than 1000\n"
                                       "  41  ws: the connection dropped without a closing handshake\n"
                                       "  42  ws: the server did not switch protocols (no 101)\n"
                                       "  63  the decoded body passed --max-decoded-size (or looked like a "
                                       "decompression bomb)\n");
}

} // namespace Peephole::Cli
