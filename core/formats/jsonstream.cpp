#include "formats/jsonstream.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Peephole {

namespace {
constexpr qint64 ChunkSize = 256 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::JsonStream", text);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool endsScalar(char c)
{
    return isBlank(c) || c == ',' || c == '}' || c == ']' || c == ':';
}

void advance(char c, int *line, int *column)
{
    if (c == '\n') {
        ++*line;
        *column = 1;
    } else if ((uchar(c) & 0xC0) != 0x80) { // a character starts here (UTF-8)
        ++*column;
    }
}
} // namespace

JsonStream::JsonStream(QIODevice *device) : m_device(device) {}

bool JsonStream::fill()
{
    if (m_eof || failed())
        return false;
    m_buffer.resize(ChunkSize);
    const qint64 n = m_device->read(m_buffer.data(), ChunkSize);
    if (n < 0) {
        m_buffer.clear();
        m_pos = 0;
        m_eof = true;
        return fail(tr("Cannot read the input: %1").arg(m_device->errorString()));
    }
    m_buffer.resize(qsizetype(n));
    m_pos = 0;
    if (n == 0)
        m_eof = true;
    return n > 0;
}

bool JsonStream::next(char *c)
{
    if (m_pos >= m_buffer.size() && !fill())
        return false;
    *c = m_buffer.at(m_pos++);
    advance(*c, &m_line, &m_column);
    return true;
}

char JsonStream::peek()
{
    for (;;) {
        if (failed())
            return 0;
        if (m_pos >= m_buffer.size() && !fill())
            return 0;
        const char c = m_buffer.at(m_pos);
        if (!isBlank(c))
            return c == 0 ? char(1) : c; // a NUL byte is not the end: let the parser reject it
        advance(c, &m_line, &m_column);
        ++m_pos;
    }
}

bool JsonStream::accept(char c)
{
    if (peek() != c)
        return false;
    char consumed;
    if (!next(&consumed))
        return false;
    if (c == '{' || c == '[')
        ++m_depth;
    else if (c == '}' || c == ']')
        --m_depth;
    return true;
}

bool JsonStream::expect(char c)
{
    if (accept(c))
        return true;
    if (failed())
        return false;
    if (peek() == 0)
        return fail(tr("The input ends early: \"%1\" was expected.").arg(QLatin1Char(c)));
    return fail(tr("\"%1\" was expected.").arg(QLatin1Char(c)));
}

bool JsonStream::expectEnd()
{
    if (peek() != 0)
        return fail(tr("There is more after the end of the JSON document."));
    return !failed();
}

bool JsonStream::failAt(int line, int column, const QString &message)
{
    if (!m_error.isError()) {
        m_error.line = line;
        m_error.column = column;
        m_error.message = message;
    }
    return false;
}

bool JsonStream::fail(const QString &message)
{
    return failAt(m_line, m_column, message);
}

bool JsonStream::capture(qint64 maxBytes)
{
    m_capture.clear();
    const char first = peek();
    if (first == 0)
        return failed() ? false : fail(tr("The input ends early: a value was expected."));
    if (endsScalar(first))
        return fail(tr("A value was expected."));
    const bool scalar = first != '{' && first != '[' && first != '"';
    int depth = 0;
    bool inString = false;
    bool escape = false;
    qsizetype from = m_pos;
    for (;;) {
        if (m_pos >= m_buffer.size()) {
            m_capture.append(m_buffer.constData() + from, m_pos - from);
            if (m_capture.size() > maxBytes)
                return fail(tr("A value is larger than %1 MiB.").arg(maxBytes / (1024 * 1024)));
            if (!fill()) {
                if (failed())
                    return false;
                if (scalar)
                    return true; // a number or a literal at the very end
                return fail(tr("The input ends inside a value."));
            }
            from = 0;
            continue;
        }
        const char c = m_buffer.at(m_pos);
        bool last = false;
        if (scalar) {
            if (endsScalar(c))
                break;
        } else if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"') {
                inString = false;
                last = depth == 0;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            // As deep as QJsonDocument allows in one document, counting the containers around.
            if (++depth + m_depth > MaxNesting) {
                m_capture.clear();
                return fail(tr("too deeply nested document"));
            }
        } else if (c == '}' || c == ']') {
            last = --depth == 0;
        }
        advance(c, &m_line, &m_column);
        ++m_pos;
        if (last)
            break;
    }
    m_capture.append(m_buffer.constData() + from, m_pos - from);
    if (m_capture.size() > maxBytes)
        return fail(tr("A value is larger than %1 MiB.").arg(maxBytes / (1024 * 1024)));
    return true;
}

bool JsonStream::readValue(QJsonValue *out, qint64 maxBytes)
{
    if (failed())
        return false;
    const char first = peek(); // past the blanks: the value starts here
    const int startLine = m_line;
    const int startColumn = m_column;
    if (!capture(maxBytes))
        return false;
    const bool container = first == '{' || first == '[';
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(container ? m_capture : '[' + m_capture + ']', &error);
    if (error.error != QJsonParseError::NoError) {
        // Where in the file: from the value's start, through its bytes.
        qsizetype offset = container ? error.offset : error.offset - 1;
        offset = qBound(qsizetype(0), offset, m_capture.size());
        int l = startLine;
        int c = startColumn;
        for (qsizetype i = 0; i < offset; ++i)
            advance(m_capture.at(i), &l, &c);
        m_capture.clear();
        return failAt(l, c, error.errorString());
    }
    if (out) {
        if (!container)
            *out = doc.array().at(0);
        else if (doc.isObject())
            *out = doc.object();
        else
            *out = doc.array();
    }
    m_capture.clear();
    m_capture.squeeze();
    return true;
}

bool JsonStream::readString(QString *out)
{
    if (peek() != '"')
        return failed() ? false : fail(tr("A string was expected."));
    QJsonValue v;
    if (!readValue(&v))
        return false;
    *out = v.toString();
    return true;
}

} // namespace Peephole
