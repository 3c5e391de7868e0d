// Serves generated bodies on 127.0.0.1 for benchmarks:
//   /bytes/<N>  N bytes with a Content-Length, produced as the socket drains
//   /ok         a small 200
// Prints "port <N>" on stdout once listening, then runs until killed.
#include "server/httpserver.h"
#include "server/routes.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Peephole::HttpServer server;
    server.setRecordRequests(false);
    server.route("/bytes/*",
                 [](const Peephole::ServerRequest &request, Peephole::ScriptedResponse &response) {
                     const qint64 size = request.path.mid(int(sizeof("/bytes/") - 1)).toLongLong();
                     response = Peephole::Routes::largeBody(size);
                 });
    server.route("/ok", Peephole::ScriptedResponse::text(200, "ok\n"));
    server.setFallback([](const Peephole::ServerRequest &, Peephole::ScriptedResponse &r) {
        r = Peephole::ScriptedResponse::text(200, "ok\n");
    });
    const quint16 port = argc > 1 ? quint16(QByteArray(argv[1]).toUShort()) : 0;
    if (!server.listen(port)) {
        std::fprintf(stderr, "bench_server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("port %d\n", server.port());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
