#pragma once

#include "http/headers.h"

#include <QString>

namespace Peephole::Framing {

/// The most header fields a response head may have (the head is also capped at 1 MiB).
constexpr int MaxHeaderFields = 10000;

/// What a response head says about how its body is delimited (RFC 9112 §6.3), checked the same
/// way whichever stack read it, so both report a hostile or broken head in the same words.
struct Verdict
{
    qint64 contentLength = -1; ///< The one Content-Length; -1 when there is none (or it is overridden).
    bool chunked = false;      ///< Transfer-Encoding ends with chunked.
    QString error;             ///< Set when the framing cannot be trusted: the response is malformed.
    QString note;              ///< Set when it is suspect but readable (say so, do not reuse the connection).
};

/// Checks the Content-Length and Transfer-Encoding fields of a response head.
Verdict check(const HeaderList &headers);

/// "the response head has more than N header fields" (wire parser and Qt stack alike).
QString tooManyFields();

} // namespace Peephole::Framing
