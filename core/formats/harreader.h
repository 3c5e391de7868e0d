#pragma once

#include "formats/importreport.h"
#include "http/exchange.h"
#include "http/requestspec.h"

#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace Peephole {

struct HarImportResult
{
    bool ok = false;
    ParseError error;            ///< Set when the file is not a HAR at all; then nothing is imported.
    QString creator;             ///< "Chrome 120.0", "Firefox 121.0", "Peephole 0.1.0"...
    QList<Exchange> exchanges;   ///< One per importable entry, to open as a timeline.
    QList<RequestSpec> requests; ///< The same entries as requests to send again (parallel to exchanges).
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
    /// Largest single entry read (a body of about 700 MB in base64); a larger one fails the file.
    static constexpr qint64 MaxEntryBytes = qint64(1) << 30;

    /// Receives each entry as soon as it is read; return false to stop reading.
    using EntrySink = std::function<bool(Exchange &&exchange, RequestSpec &&request)>;

    /// The HAR read one entry at a time (JsonStream), collected in the result.
    static HarImportResult read(const QByteArray &json);
    static HarImportResult readFile(const QString &path);
    static HarImportResult read(QIODevice *device);
    /// Streams: each entry goes to @p sink and is not kept, so memory stays at about one
    /// entry whatever the file's size (exchanges and requests of the result stay empty).
    /// Timings count from the first entry's start, not the earliest. When the result is
    /// not ok (invalid JSON further on), what the sink got is to be thrown away.
    static HarImportResult read(QIODevice *device, const EntrySink &sink);
    /// The reader as it was before streaming: the whole document parsed at once
    /// (QJsonDocument, ~10× the file in memory). Kept as the reference the streamed
    /// reader is compared with (tst_har, tests/fuzz/fuzz_har).
    static HarImportResult readDocument(const QByteArray &json);
    /// The request to send again for a recorded exchange.
    static RequestSpec toRequest(const Exchange &exchange);
};

} // namespace Peephole
