#pragma once

#include "http/headers.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

namespace Peephole::Redirects {

/// Scheme, host and port (default ports made explicit) are the same.
bool sameOrigin(const QUrl &a, const QUrl &b);
/// "https://host:port"
QString origin(const QUrl &url);

/// The method of the next hop: 303 turns anything but HEAD into GET; 301/302
/// turn POST into GET (as browsers do); 307/308 keep the method.
QByteArray nextMethod(int status, const QByteArray &method);
/// Whether the next hop keeps the request body.
bool keepsBody(int status, const QByteArray &oldMethod, const QByteArray &newMethod);

/// Removes the credential headers that must not travel to another origin
/// (Authorization, Proxy-Authorization, Cookie) and returns one note per
/// header removed. With @p locationTrusted a typed Authorization is kept (and noted).
QStringList dropCredentialHeaders(HeaderList &headers, const QUrl &from, const QUrl &to,
                                  bool locationTrusted = false);
/// Removes the body headers (Content-Type, Content-Length...) when a hop drops its body.
void dropBodyHeaders(HeaderList &headers);

} // namespace Peephole::Redirects
