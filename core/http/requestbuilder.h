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

BuiltRequest buildRequest(const Hop &hop, const RequestOptions &options, QNetworkCookieJar *jar);

/// The User-Agent Peephole sends when the user sets none.
QByteArray defaultUserAgent();

} // namespace Peephole
