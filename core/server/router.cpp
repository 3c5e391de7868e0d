#include "router.h"

namespace Peephole {

void Router::add(const QByteArray &pattern, RouteHandler handler)
{
    for (Route &r : m_routes) {
        if (r.pattern == pattern) {
            r.handler = std::move(handler);
            return;
        }
    }
    m_routes.append(Route{pattern, std::move(handler)});
}

bool Router::remove(const QByteArray &pattern)
{
    return m_routes.removeIf([&pattern](const Route &r) { return r.pattern == pattern; }) > 0;
}

const Router::Route *Router::match(const QByteArray &path) const
{
    const Route *best = nullptr;
    qsizetype bestLength = -1;
    for (const Route &r : m_routes) {
        if (r.pattern == path)
            return &r;
        if (r.pattern.endsWith('*')) {
            const QByteArrayView prefix = QByteArrayView(r.pattern).chopped(1);
            if (path.startsWith(prefix) && prefix.size() > bestLength) {
                best = &r;
                bestLength = prefix.size();
            }
        }
    }
    return best;
}

void Router::dispatch(const ServerRequest &request, ScriptedResponse &response) const
{
    if (const Route *route = match(request.path)) {
        route->handler(request, response);
        return;
    }
    if (m_fallback) {
        m_fallback(request, response);
        return;
    }
    response = ScriptedResponse::text(404, "No route for path '" + request.path + "'\n");
}

} // namespace Peephole
