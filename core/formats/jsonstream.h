#pragma once

#include "formats/importreport.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

class QIODevice;

namespace Peephole {

/// Reads a JSON document from a device a piece at a time, so that a reader
/// can walk the outer structure (objects, arrays, keys) itself and take the
/// values it wants one by one: a 500 MB HAR is read one entry at a time
/// instead of as one QJsonDocument (which costs ~10× the file).
///
/// Each value taken is checked and converted by QJsonDocument, so what is
/// valid JSON is exactly what Qt accepts; the outer structure is checked
/// here. The first problem sets error() (line, column, message) and every
/// later call fails.
class JsonStream
{
public:
    /// Values (other than those read with readValue(..., MaxEntryBytes)) over this size are refused.
    static constexpr qint64 MaxValueBytes = 64 * 1024 * 1024;
    /// Objects and arrays nested deeper than this fail, as in QJsonDocument.
    static constexpr int MaxNesting = 1024;

    explicit JsonStream(QIODevice *device);

    /// Skips blanks; the next byte, or 0 at the end of the input (or after an error).
    char peek();
    /// Consumes @p c (after blanks) or fails with "expected c".
    bool expect(char c);
    /// Consumes @p c when it comes next (after blanks).
    bool accept(char c);
    /// A string (an object key), decoded.
    bool readString(QString *out);
    /// The next value as Qt reads it; fails on invalid JSON or a value over @p maxBytes.
    bool readValue(QJsonValue *out, qint64 maxBytes = MaxValueBytes);
    /// Skips the next value, checking it as readValue() does.
    bool skipValue() { return readValue(nullptr); }
    /// After the document: only blanks may remain.
    bool expectEnd();

    bool failed() const { return m_error.isError(); }
    ParseError error() const { return m_error; }
    /// Fails with @p message at the current position (or keeps the first error).
    bool fail(const QString &message);

private:
    bool fill();
    /// Consumes one byte (tracking line and column); false at the end.
    bool next(char *c);
    /// The raw bytes of the next value into m_capture.
    bool capture(qint64 maxBytes);
    bool failAt(int line, int column, const QString &message);

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    int m_line = 1;
    int m_column = 1;
    int m_depth = 0; ///< Containers open around the current position.
    QByteArray m_capture;
    ParseError m_error;
};

} // namespace Peephole
