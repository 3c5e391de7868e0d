#pragma once

#include "collection/collection.h"
#include "http/headers.h"

#include <QByteArray>
#include <QStringList>

namespace Peephole {

struct Exchange;

/// A response as saved for comparison, or as received.
///
/// Layout on disk (git-friendly, next to the collection, committed with it):
///     <collection>/.peephole/expected/<file path without .http>/<request>.response
/// where <request> is the request's name made file-safe, or "request-<n>"
/// (1-based position in its file) when it has none. The file holds the status
/// line, the header lines, a blank line and the body bytes exactly, with "\n"
/// line ends in the head. Headers that change on every call (the diff's
/// ignore list: Date, ETag...) are left out so re-recording gives no churn.
struct ExpectedResponse
{
    QByteArray httpVersion = "HTTP/1.1";
    int status = 0;
    QByteArray reason;
    HeaderList headers;
    QByteArray body;

    static ExpectedResponse fromExchange(const Exchange &exchange);
    QByteArray toBytes(const QStringList &ignoredHeaders = {}) const;
    /// False and @p error when @p bytes is not a response.
    static bool parse(const QByteArray &bytes, ExpectedResponse *out, QString *error);
    QByteArray contentType() const;
};

namespace ExpectedStore {
/// The file-safe name used for @p request (index @p index in its file).
QString slug(const CollectionRequest &request, int index);
/// Absolute path of the expected response of @p ref.
QString pathFor(const Collection &collection, const RequestRef &ref);
/// Reads it; false when there is none (@p error empty) or it is unreadable (@p error set).
bool read(const Collection &collection, const RequestRef &ref, ExpectedResponse *out, QString *error);
/// Writes it through QSaveFile.
bool write(const Collection &collection, const RequestRef &ref, const ExpectedResponse &response,
           const QStringList &ignoredHeaders, QString *error);
} // namespace ExpectedStore

} // namespace Peephole
