#pragma once

#include "formats/importreport.h"
#include "http/exchange.h"
#include "http/requestspec.h"

#include <QList>
#include <QString>

namespace Peephole {

struct HarImportResult
{
    bool ok = false;
    ParseError error;            ///< Set when the file is not a HAR at all; then nothing is imported.
    QString creator;             ///< "Chrome 120.0", "Firefox 121.0", "Peephole 0.1.0"...
    QList<Exchange> exchanges;   ///< One per importable entry, to open as a timeline.
    QList<RequestSpec> requests; ///< The same entries as requests to send again (parallel to exchanges).
    /// The requests the user made (HarChains::userRequests): one per chain, redirect and auth hops
    /// folded in, "[redacted]" values as {{variables}}. What `convert` and collections import.
    QList<RequestSpec> userRequests;
    QList<ImportIssue> issues; ///< Entries skipped, bodies missing or not carried over...
};

/// Reads HAR 1.2 files as Chrome, Firefox and Peephole save them.
///
/// Exchanges: bodies go into BodyStore::fromBytes (base64 content decoded),
/// timings are rebuilt from the HAR phases on a clock that starts at the
/// earliest entry (Timings::startNs = nanoseconds after it), Peephole's own
/// "_peephole" fields restore chain and hop. Requests: HTTP/2 pseudo-headers
/// (":authority"...), Host and Content-Length are dropped, the body comes
/// from postData.text (or its params).
class HarReader
{
public:
    static HarImportResult read(const QByteArray &json);
    static HarImportResult readFile(const QString &path);
    /// The request to send again for a recorded exchange.
    static RequestSpec toRequest(const Exchange &exchange);
};

} // namespace Peephole
