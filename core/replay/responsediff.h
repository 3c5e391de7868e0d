#pragma once

#include "replay/expectedresponse.h"
#include "replay/jsondiff.h"
#include "replay/textdiff.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Peephole {

/// How a received response is compared with the expected one.
struct DiffOptions
{
    /// Header names (case-insensitive) left out of the comparison and of
    /// saved expected responses: those that change on every call or describe
    /// the transport rather than the resource. User-editable.
    QStringList ignoredHeaders = defaultIgnoredHeaders();
    static QStringList defaultIgnoredHeaders();
};

/// A header that differs, by lower-case name; several fields of one name are joined with ", ".
struct HeaderChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QByteArray name;
    QByteArray expected;
    QByteArray actual;
};

/// Everything that differs between an expected and an actual response.
struct ResponseDiffResult
{
    enum class BodyKind { Json, Text, Binary };

    int expectedStatus = 0;
    int actualStatus = 0;
    QList<HeaderChange> headers;
    BodyKind bodyKind = BodyKind::Text;
    bool bodyChanged = false;
    JsonDiff::Result json;   ///< BodyKind::Json
    TextDiff::Result text;   ///< BodyKind::Text
    qint64 expectedSize = 0; ///< Body sizes (all kinds)
    qint64 actualSize = 0;
    QByteArray expectedSha256; ///< Hex; BodyKind::Binary
    QByteArray actualSha256;

    bool statusChanged() const { return expectedStatus != actualStatus; }
    bool isEmpty() const { return !statusChanged() && headers.isEmpty() && !bodyChanged; }
    /// Plain-text report, one difference a line (for the CLI and reports).
    QString summary(int maxLines = 40) const;
};

namespace ResponseDiff {
/// Compares @p actual with @p expected. The body is compared as JSON when
/// both parse as JSON (and a content type says json, or it starts with { or [),
/// as text when both are valid UTF-8 without NUL bytes, else as bytes (size and SHA-256).
ResponseDiffResult compare(const ExpectedResponse &expected, const ExpectedResponse &actual,
                           const DiffOptions &options = {});
} // namespace ResponseDiff

} // namespace Peephole
