#pragma once

#include "servermessage.h"

#include <QByteArray>
#include <QJsonObject>

namespace Peephole {

class HttpServer;

/// Ready-made routes for tests and the demo.
namespace Routes {

/// A @p status (301/302/303/307/308...) response whose Location is exactly @p location
/// (relative "/x", "../x", or absolute, e.g. another server's urlBytes() for a cross-port hop).
ScriptedResponse redirect(int status, const QByteArray &location);
/// Routes @p from to redirect(status, location).
void addRedirect(HttpServer &server, const QByteArray &from, int status, const QByteArray &location);
/// @p a redirects to @p b and @p b back to @p a, forever.
void addRedirectLoop(HttpServer &server, const QByteArray &a, const QByteArray &b, int status = 302);
/// A chain of @p hops redirects: prefix/0 → prefix/1 → ... → prefix/<hops>, which answers
/// 200 "end of chain". Locations are relative paths, or absolute URLs when @p absolute.
/// Returns the path of the first hop ("<prefix>/0").
QByteArray addRedirectChain(HttpServer &server, const QByteArray &prefix, int hops, int status = 302,
                            bool absolute = false);

/// Head after @p headDelayMs, then @p body in @p pieces chunked pieces @p pieceDelayMs apart.
ScriptedResponse slow(int headDelayMs, const QByteArray &body, int pieces = 1, int pieceDelayMs = 0);

/// Answers 200 with echoJson(request) (Content-Type: application/json).
RouteHandler echo();
/// The request as JSON: {"method", "target", "version", "path", "query", "headers": [{"name","value"}...]
/// (received order and case), "body_base64", "body_size", "chunked", "tls", "connection", "sequence"}.
/// Header bytes are mapped one to one to Latin-1 characters (QString::toLatin1() gives them back).
QJsonObject echoJson(const ServerRequest &request);

/// A 200 with a generated body of @p size bytes (with Content-Length, or chunked), produced as the
/// socket drains: fit for multi-GiB benchmarks. Bytes are largeBodyBytes(offset, n).
ScriptedResponse largeBody(qint64 size, bool chunked = false);
/// The deterministic content of largeBody(): byte i is "0-9A-Za-z+/"[i % 64].
QByteArray largeBodyBytes(qint64 offset, qint64 length);

} // namespace Routes
} // namespace Peephole
