#pragma once

// Shared by harreader.cpp (entries, the whole-document reader) and
// harstreamreader.cpp (the streamed reader).

#include "formats/harreader.h"

#include <QDateTime>
#include <QJsonObject>

namespace Peephole::HarDetail {

QString tr(const char *text);
QDateTime parseDate(const QString &text);
/// Nanoseconds from @p baseMs to @p startedAt on the timeline clock (0 when unknown), clamped
/// so that no HAR can overflow it.
qint64 startNsFor(const QDateTime &startedAt, qint64 baseMs);

/// Reads one entry.
struct EntryReader
{
    HarImportResult &result;
    qint64 baseMs = 0; ///< Timings count from here (ms since the epoch).

    /// False when the entry is skipped (the issue says why).
    bool read(const QJsonObject &entry, int index, Exchange *out);
};

void readVersion(const QString &version, HarImportResult *result);
QString creatorName(const QJsonObject &creator);
/// The result of a file that is not JSON (error at @p where).
void notJson(const ParseError &where, HarImportResult *result);
void noLog(HarImportResult *result);
void noEntries(HarImportResult *result);

} // namespace Peephole::HarDetail
