#pragma once

#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "server/httpserver.h"

#include <QSignalSpy>
#include <QTest>

namespace Peephole::Test {

/// A session, its log and a local server, and a way to send and wait.
struct EngineFixture
{
    ExchangeLog log;
    HttpSession session{&log};
    HttpServer server;

    EngineFixture()
    {
        if (!server.listen())
            qFatal("test server could not listen: %s", qPrintable(server.errorString()));
    }

    /// Sends @p spec and waits for its chain to end; returns its exchanges in hop order.
    QList<Exchange> run(const RequestSpec &spec, int timeoutMs = 20000)
    {
        QSignalSpy done(&session, &HttpSession::chainFinished);
        const quint64 chain = session.send(spec);
        if (done.isEmpty() && !done.wait(timeoutMs))
            return {};
        return log.chain(chain);
    }

    RequestSpec get(const QString &path) const
    {
        RequestSpec spec;
        spec.url = server.url(path);
        return spec;
    }
};

} // namespace Peephole::Test
