#pragma once

#include "http/hop.h"
#include "http/requestspec.h"

#include <QNetworkCookie>
#include <QNetworkRequest>

class QNetworkCookieJar;

namespace Peephole {

/// Turns a request body description into bytes to upload (a store in memory,
/// spilled to disk when large, or the user's file read in place).
std::shared_ptr<BodyStore> materializeBody(const RequestBody &body, QByteArray *contentType, QString *error);

/// A QNetworkRequest for one hop, plus the header lines as they will be sent.
struct BuiltRequest
{
    QNetworkRequest request;
    HeaderList sentHeaders;
    QList<QNetworkCookie> cookiesSent;
};

/// Which stack will write the request: Qt's keeps one value per field name, so repeated fields are
/// joined for it; Peephole's HTTP/1.1 client sends every line as typed.
enum class RepeatedFields { Join, Keep };

BuiltRequest buildRequest(const Hop &hop, const RequestOptions &options, QNetworkCookieJar *jar,
                          RepeatedFields repeated = RepeatedFields::Join);

/// The User-Agent Peephole sends when the user sets none.
QByteArray defaultUserAgent();

} // namespace Peephole
