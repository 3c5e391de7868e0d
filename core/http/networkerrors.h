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
    /// Which limit ended the hop (with timedOut) and how long it was.
    enum class Limit { Idle, Connect, Total } limit = Limit::Idle;
    int timeoutMs = 0;
    bool requestSent = false;
    QStringList tlsErrors;
};

/// Turns a failed reply into a specific error: what happened, where, what to do.
ExchangeError classifyReplyError(QNetworkReply::NetworkError error, const QString &qtMessage,
                                 const ReplyFacts &facts);

} // namespace Peephole
