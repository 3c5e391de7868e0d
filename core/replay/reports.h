#pragma once

#include "replay/runsummary.h"

#include <QByteArray>
#include <QString>

namespace Peephole::Reports {

/// JUnit XML as Jenkins, GitLab and most CI read it: one <testsuite> per
/// .http file (name = its path), one <testcase> per request (classname =
/// the file path with '/' as '.'); FAIL and CHANGED are <failure> (type
/// "assertion" / "changed"), ERROR is <error>, SKIP is <skipped/>.
QByteArray junit(const RunSummary &summary, const QString &suiteName = QStringLiteral("peephole"));
/// The run as JSON: {"summary": {...}, "results": [...]} (see README).
QByteArray json(const RunSummary &summary);
/// @p summary with the secrets of core/redact replaced by "[redacted]": URL
/// passwords and secret query parameters (in each URL and in the messages
/// that quote it), values of secret headers in header diffs, and values of
/// JSON fields named like secrets in body diffs. Reports are written from
/// this unless the user asks for secrets (`run --include-secrets`).
RunSummary redacted(const RunSummary &summary);
/// Writes @p bytes through QSaveFile; false and @p error on failure.
bool writeFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace Peephole::Reports
