#include "stream/sseparser.h"

#include <QCoreApplication>

#include <cstring>
#include <utility>

namespace Peephole {

namespace {
const char Bom[3] = {'\xEF', '\xBB', '\xBF'};

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::SseParser", text);
}

/// UTF-8 decode per the WHATWG Encoding Standard: each maximal invalid subpart becomes one U+FFFD
/// (QString::fromUtf8 replaces every byte of a cut sequence, which differs from what browsers show).
QString decodeUtf8(const char *bytes, qsizetype size)
{
    QString out;
    out.reserve(size);
    const auto *p = reinterpret_cast<const unsigned char *>(bytes);
    char32_t cp = 0;
    int needed = 0;
    int seen = 0;
    unsigned char lower = 0x80;
    unsigned char upper = 0xBF;
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char b = p[i];
        if (needed == 0) {
            if (b < 0x80) {
                out += QChar(char16_t(b));
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
                needed = 2;
                cp = b & 0xF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
                needed = 3;
                cp = b & 0x7;
            } else {
                out += QChar::ReplacementCharacter;
            }
            continue;
        }
        if (b < lower || b > upper) {
            cp = 0;
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            out += QChar::ReplacementCharacter;
            --i; // the byte starts afresh
            continue;
        }
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        if (++seen == needed) {
            const char32_t c = cp;
            cp = 0;
            needed = seen = 0;
            out += QStringView(QChar::fromUcs4(c));
        }
    }
    if (needed)
        out += QChar::ReplacementCharacter;
    return out;
}

bool allDigits(const char *p, qsizetype n)
{
    if (n == 0)
        return false;
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
    }
    return true;
}
} // namespace

SseParser::SseParser(qsizetype maxEventBytes)
    : m_max(maxEventBytes > 0 ? maxEventBytes : DefaultMaxEventBytes)
{
}

bool SseParser::fail(const QString &message)
{
    m_error = message;
    m_line.clear();
    m_line.squeeze();
    m_data.clear();
    m_data.squeeze();
    m_type.clear();
    return false;
}

bool SseParser::feed(const char *data, qsizetype size, QList<SseEvent> *events)
{
    if (hasFailed())
        return false;
    m_parsed += size;
    while (!m_bomDone && size > 0) {
        if (*data == Bom[m_bomMatched]) {
            ++data;
            --size;
            if (++m_bomMatched == 3)
                m_bomDone = true; // one BOM skipped
            continue;
        }
        m_bomDone = true;
        // The bytes that looked like a BOM are content after all.
        const int matched = m_bomMatched;
        m_bomMatched = 0;
        if (matched > 0 && !feed(Bom, matched, events))
            return false;
        m_parsed -= matched;
    }
    const char *end = data + size;
    const char *p = data;
    while (p < end) {
        if (m_afterCr) {
            m_afterCr = false;
            if (*p == '\n') {
                ++p;
                continue;
            }
        }
        // Find the next CR or LF.
        const char *eol = p;
        while (eol < end && *eol != '\n' && *eol != '\r')
            ++eol;
        const qsizetype n = eol - p;
        if (eol == end) {
            if (m_line.size() + n > m_max) {
                return fail(tr("A line of the event stream is longer than %1 bytes; Peephole stopped "
                               "reading it (the server may never send a line end).")
                                .arg(m_max));
            }
            m_line.append(p, n);
            break;
        }
        m_afterCr = *eol == '\r';
        bool ok;
        if (m_line.isEmpty()) {
            if (n > m_max) {
                return fail(tr("A line of the event stream is longer than %1 bytes; Peephole stopped "
                               "reading it.")
                                .arg(m_max));
            }
            ok = line(p, n, events);
        } else {
            if (m_line.size() + n > m_max) {
                return fail(tr("A line of the event stream is longer than %1 bytes; Peephole stopped "
                               "reading it.")
                                .arg(m_max));
            }
            m_line.append(p, n);
            const QByteArray whole = std::exchange(m_line, {});
            ok = line(whole.constData(), whole.size(), events);
        }
        if (!ok)
            return false;
        p = eol + 1;
    }
    return true;
}

bool SseParser::line(const char *p, qsizetype n, QList<SseEvent> *events)
{
    if (n == 0) { // dispatch
        const bool hadData = m_dataSeen;
        m_dataSeen = false;
        if (!hadData) {
            m_data.clear();
            m_type.clear();
            return true;
        }
        if (m_data.endsWith('\n'))
            m_data.chop(1);
        SseEvent event;
        event.type =
            m_type.isEmpty() ? QStringLiteral("message") : decodeUtf8(m_type.constData(), m_type.size());
        event.data = decodeUtf8(m_data.constData(), m_data.size());
        event.lastEventId = m_lastEventId;
        events->append(std::move(event));
        m_data.clear();
        if (m_data.capacity() > 64 * 1024)
            m_data.squeeze();
        m_type.clear();
        return true;
    }
    if (*p == ':')
        return true; // a comment
    const char *colon = static_cast<const char *>(std::memchr(p, ':', size_t(n)));
    const qsizetype nameSize = colon ? colon - p : n;
    const char *value = colon ? colon + 1 : p + n;
    qsizetype valueSize = colon ? n - nameSize - 1 : 0;
    if (valueSize > 0 && *value == ' ') {
        ++value;
        --valueSize;
    }
    const QByteArrayView name(p, nameSize);
    if (name == "data") {
        if (m_data.size() + valueSize + 1 > m_max) {
            return fail(tr("An event of the stream carries more than %1 bytes of data; Peephole stopped "
                           "reading it.")
                            .arg(m_max));
        }
        m_data.append(value, valueSize);
        m_data.append('\n');
        m_dataSeen = true;
    } else if (name == "event") {
        m_type = QByteArray(value, valueSize);
    } else if (name == "id") {
        if (!std::memchr(value, '\0', size_t(valueSize)))
            m_lastEventId = decodeUtf8(value, valueSize);
    } else if (name == "retry") {
        if (allDigits(value, valueSize)) {
            bool ok = false;
            const qint64 ms = QByteArray(value, valueSize).toLongLong(&ok);
            if (ok)
                m_retryMs = ms;
        }
    }
    return true;
}

} // namespace Peephole
