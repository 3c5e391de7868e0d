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

/// Which stack will write the request. Qt's keeps one value per field name, so repeated fields are
/// joined for it, and it needs a QNetworkRequest; Peephole's HTTP/1.1 client sends every line as
/// typed and needs nothing more than the lines.
enum class Stack { Qt, Http1 };

/// The header lines of one hop as they will be sent, plus, for Qt's stack, its QNetworkRequest.
struct BuiltRequest
{
    QNetworkRequest request; ///< Stack::Qt only.
    HeaderList sentHeaders;
    QList<QNetworkCookie> cookiesSent;
};

BuiltRequest buildRequest(const Hop &hop, const RequestOptions &options, QNetworkCookieJar *jar,
                          Stack stack = Stack::Qt);

/// The User-Agent Peephole sends when the user sets none.
QByteArray defaultUserAgent();

} // namespace Peephole
