#include "routes.h"

#include "httpserver.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Peephole::Routes {

namespace {
constexpr QByteArrayView Alphabet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/");
constexpr qint64 PatternBlock = 256 * 1024;

const QByteArray &patternBlock()
{
    static const QByteArray block = [] {
        QByteArray b;
        b.reserve(PatternBlock + Alphabet.size());
        while (b.size() < PatternBlock + Alphabet.size())
            b.append(Alphabet);
        return b;
    }();
    return block;
}
} // namespace

ScriptedResponse redirect(int status, const QByteArray &location)
{
    ScriptedResponse r;
    r.status = status;
    r.headers.append(HeaderField{"Location"_ba, location, true});
    r.headers.append(HeaderField{"Content-Type"_ba, "text/plain; charset=utf-8"_ba, true});
    r.body = "Redirecting to " + location + '\n';
    return r;
}

void addRedirect(HttpServer &server, const QByteArray &from, int status, const QByteArray &location)
{
    server.route(from, redirect(status, location));
}

void addRedirectLoop(HttpServer &server, const QByteArray &a, const QByteArray &b, int status)
{
    addRedirect(server, a, status, b);
    addRedirect(server, b, status, a);
}

QByteArray addRedirectChain(HttpServer &server, const QByteArray &prefix, int hops, int status, bool absolute)
{
    server.route(prefix + "/*", [&server, prefix, hops, status, absolute](const ServerRequest &request,
                                                                          ScriptedResponse &response) {
        bool ok = false;
        const int index = request.path.mid(prefix.size() + 1).toInt(&ok);
        if (!ok || index < 0 || index > hops) {
            response = ScriptedResponse::text(404, "No hop '" + request.path + "' in this chain\n");
            return;
        }
        if (index == hops) {
            response = ScriptedResponse::text(200, "end of chain\n"_ba);
            return;
        }
        const QByteArray next = prefix + '/' + QByteArray::number(index + 1);
        response = redirect(status, absolute ? server.urlBytes(QString::fromUtf8(next)) : next);
    });
    return prefix + "/0";
}

ScriptedResponse slow(int headDelayMs, const QByteArray &body, int pieces, int pieceDelayMs)
{
    ScriptedResponse r = ScriptedResponse::text(200, body);
    r.headDelayMs = headDelayMs;
    if (pieces > 1) {
        r.chunked = true;
        r.chunkSize = qMax<qint64>(1, (body.size() + pieces - 1) / pieces);
        r.chunkDelayMs = pieceDelayMs;
    }
    return r;
}

QJsonObject echoJson(const ServerRequest &request)
{
    QJsonArray headers;
    for (const HeaderField &h : request.headers)
        headers.append(QJsonObject{{u"name"_s, QString::fromLatin1(h.name)},
                                   {u"value"_s, QString::fromLatin1(h.value)}});
    return QJsonObject{
        {u"method"_s, QString::fromLatin1(request.method)},
        {u"target"_s, QString::fromLatin1(request.target)},
        {u"version"_s, QString::fromLatin1(request.version)},
        {u"path"_s, QString::fromLatin1(request.path)},
        {u"query"_s, QString::fromLatin1(request.query)},
        {u"headers"_s, headers},
        {u"body_base64"_s, QString::fromLatin1(request.body.toBase64())},
        {u"body_size"_s, double(request.bodySize)},
        {u"chunked"_s, request.chunked},
        {u"tls"_s, request.tls},
        {u"connection"_s, request.connectionId},
        {u"sequence"_s, request.sequence},
    };
}

RouteHandler echo()
{
    return [](const ServerRequest &request, ScriptedResponse &response) {
        response = ScriptedResponse::text(
            200, QJsonDocument(echoJson(request)).toJson(QJsonDocument::Indented), "application/json"_ba);
    };
}

QByteArray largeBodyBytes(qint64 offset, qint64 length)
{
    QByteArray out;
    out.reserve(length);
    while (length > 0) {
        const qint64 n = qMin(length, PatternBlock);
        out.append(QByteArrayView(patternBlock()).sliced(offset % Alphabet.size(), n));
        offset += n;
        length -= n;
    }
    return out;
}

ScriptedResponse largeBody(qint64 size, bool chunked)
{
    ScriptedResponse r;
    r.headers.append(HeaderField{"Content-Type"_ba, "application/octet-stream"_ba, true});
    r.chunked = chunked;
    r.streamLength = size;
    r.generator = [](qint64 offset, qint64 maxLen) {
        const qint64 n = qMin(maxLen, PatternBlock);
        return patternBlock().sliced(offset % Alphabet.size(), n);
    };
    return r;
}

} // namespace Peephole::Routes
