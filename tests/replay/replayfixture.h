#pragma once

// A collection on disk and a real HttpServer on 127.0.0.1 for the replay tests.

#include "server/httpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace Peephole::TestSupport {

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Routes: /user (JSON, version settable), /text, /missing (404), /auth (200 only with
/// the right Basic credentials), /echo-header (the X-Token header back as text).
class ReplayServer
{
public:
    ReplayServer()
    {
        server.route("/user", [this](const ServerRequest &, ScriptedResponse &r) {
            r = ScriptedResponse::text(
                200, R"({"id":7,"name":"Ann","version":)" + QByteArray::number(version) + "}",
                "application/json");
            r.headers.append(HeaderField{"Date", QByteArray::number(++dateCounter), true});
        });
        server.route("/text", ScriptedResponse::text(200, "one\ntwo\nthree\n"));
        server.route("/missing", ScriptedResponse::text(404, "no such thing\n"));
        server.route("/auth", [this](const ServerRequest &req, ScriptedResponse &r) {
            r = req.header("authorization") == expectedAuthorization
                    ? ScriptedResponse::text(200, "welcome\n")
                    : ScriptedResponse::text(401, "who are you\n");
        });
        server.route("/echo-header", [](const ServerRequest &req, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, req.header("x-token"));
        });
        server.listen();
    }

    QByteArray hostPort() const { return "127.0.0.1:" + QByteArray::number(server.port()); }

    HttpServer server;
    int version = 1;
    int dateCounter = 0;
    QByteArray expectedAuthorization;
};

} // namespace Peephole::TestSupport
