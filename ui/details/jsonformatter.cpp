#include "details/jsonformatter.h"

namespace Peephole {

JsonFormatter::JsonFormatter(int indent) : m_indent(indent) {}

void JsonFormatter::newline(QByteArray &out) const
{
    out += '\n';
    out.append(qsizetype(m_stack.size()) * m_indent, ' ');
}

void JsonFormatter::fail(const QString &message)
{
    if (m_errorOffset >= 0)
        return;
    m_errorOffset = m_offset;
    m_error = message;
}

void JsonFormatter::feed(QByteArrayView chunk, QByteArray &out)
{
    out.reserve(out.size() + chunk.size() + chunk.size() / 2);
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    while (p < end) {
        if (m_inString) {
            // Copy the run up to the next quote or backslash in one go.
            const char *run = p;
            if (m_escape) {
                m_escape = false;
                ++p;
            }
            while (p < end && *p != '"' && *p != '\\')
                ++p;
            if (p < end) {
                if (*p == '"')
                    m_inString = false;
                else
                    m_escape = true;
                ++p;
            }
            out.append(run, p - run);
            m_offset += p - run;
            continue;
        }
        const char c = *p;
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            ++p;
            ++m_offset;
            continue;
        }
        if (m_pendingOpen) {
            m_pendingOpen = false;
            const char open = m_stack.isEmpty() ? 0 : m_stack.back();
            if ((open == '{' && c == '}') || (open == '[' && c == ']')) {
                m_stack.chop(1);
                out += c;
                ++p;
                ++m_offset;
                continue;
            }
            newline(out);
        }
        switch (c) {
        case '{':
        case '[':
            out += c;
            m_stack += c;
            m_pendingOpen = true;
            break;
        case '}':
        case ']': {
            const char expected = c == '}' ? '{' : '[';
            if (m_stack.isEmpty()) {
                fail(tr("Unexpected '%1' at byte %2: nothing is open here.")
                         .arg(QLatin1Char(c))
                         .arg(m_offset));
            } else {
                if (m_stack.back() != expected)
                    fail(tr("Unexpected '%1' at byte %2: the open '%3' is not closed.")
                             .arg(QLatin1Char(c))
                             .arg(m_offset)
                             .arg(QLatin1Char(m_stack.back())));
                m_stack.chop(1);
            }
            newline(out);
            out += c;
            break;
        }
        case ',':
            out += ',';
            newline(out);
            break;
        case ':':
            out += ": ";
            break;
        case '"':
            out += c;
            m_inString = true;
            break;
        default: {
            // A number or literal: copy up to the next structural character or blank.
            const char *run = p;
            while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ':' && *p != '"' && *p != ' ' &&
                   *p != '\n' && *p != '\r' && *p != '\t' && *p != '{' && *p != '[')
                ++p;
            out.append(run, p - run);
            m_offset += p - run;
            continue;
        }
        }
        ++p;
        ++m_offset;
    }
}

void JsonFormatter::finish(QByteArray &out)
{
    if (m_pendingOpen) {
        m_pendingOpen = false;
        newline(out);
    }
    if (m_inString)
        fail(tr("The text ends inside a string (at byte %1).").arg(m_offset));
    else if (!m_stack.isEmpty())
        fail(tr("The text ends at byte %1 with %n bracket(s) still open.", nullptr, int(m_stack.size()))
                 .arg(m_offset));
    if (!out.endsWith('\n'))
        out += '\n';
}

QByteArray JsonFormatter::format(QByteArrayView json, QString *error)
{
    JsonFormatter f;
    QByteArray out;
    f.feed(json, out);
    f.finish(out);
    if (error)
        *error = f.errorString();
    return out;
}

bool JsonFormatter::looksLikeJson(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    for (const char c : head) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

} // namespace Peephole
