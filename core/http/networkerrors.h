#pragma once

#include "http/exchange.h"

#include <QNetworkReply>

namespace Peephole {

/// True for the QNetworkReply errors that only mirror an HTTP status (404,
/// 500...): those are answers, not transport failures.
bool isHttpStatusError(QNetworkReply::NetworkError error);

struct ReplyFacts
{
    QUrl url;
    bool headersReceived = false;
    qint64 bodyReceived = 0;
    qint64 contentLength = -1;
    bool timedOut = false;
    bool cancelled = false;
    int timeoutMs = 0;
    QStringList tlsErrors;
};

/// Turns a failed reply into a specific error: what happened, where, what to do.
ExchangeError classifyReplyError(QNetworkReply::NetworkError error, const QString &qtMessage,
                                 const ReplyFacts &facts);

} // namespace Peephole
