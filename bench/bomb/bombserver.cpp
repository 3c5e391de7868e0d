// Serves decompression bombs on 127.0.0.1 for bench/bomb/run.sh:
//   /<coding>/<MiB>   MiB mebibytes of zeros, Content-Encoding <coding> (gzip, deflate, br, zstd)
// Each bomb is built once, on first request, and kept. Prints "port <N>" once listening.
#include "bombs.h"
#include "server/httpserver.h"

#include <QCoreApplication>
#include <QHash>

#include <cstdio>

using namespace Peephole;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    HttpServer server;
    server.setRecordRequests(false);
    QHash<QByteArray, QByteArray> built;
    server.setFallback([&built](const ServerRequest &request, ScriptedResponse &response) {
        const QList<QByteArray> parts = request.path.split('/');
        const QByteArray coding = parts.value(1);
        const qint64 mib = parts.value(2).toLongLong();
        QByteArray &bomb = built[request.path];
        if (bomb.isEmpty())
            bomb = Test::zeroBomb(coding, mib << 20);
        if (bomb.isEmpty() || mib <= 0) {
            response = ScriptedResponse::text(404, "use /gzip|deflate|br|zstd/<MiB>\n");
            return;
        }
        response = ScriptedResponse::text(200, bomb, "application/octet-stream");
        response.headers.append({"Content-Encoding", coding});
    });
    if (!server.listen()) {
        std::fprintf(stderr, "bench_bombserver: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("port %d\n", server.port());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
