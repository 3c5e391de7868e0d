#pragma once

#include "servermessage.h"

#include <QByteArray>
#include <QList>

namespace Peephole {

/// Maps request paths to handlers. A pattern is an exact path ("/a/b") or a
/// prefix ending in '*' ("/files/*" matches "/files/x/y"). Exact patterns win,
/// then the longest prefix. The method is not part of the match: handlers
/// look at request.method themselves.
class Router
{
public:
    /// Adds or replaces the handler for @p pattern.
    void add(const QByteArray &pattern, RouteHandler handler);
    bool remove(const QByteArray &pattern);
    void clear() { m_routes.clear(); }
    /// Handler used when no pattern matches; default: 404 with a text body naming the path.
    void setFallback(RouteHandler handler) { m_fallback = std::move(handler); }
    /// Fills @p response with the matching handler (or the fallback).
    void dispatch(const ServerRequest &request, ScriptedResponse &response) const;

private:
    struct Route
    {
        QByteArray pattern;
        RouteHandler handler;
    };
    const Route *match(const QByteArray &path) const;

    QList<Route> m_routes;
    RouteHandler m_fallback;
};

} // namespace Peephole
