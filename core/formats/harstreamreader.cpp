#include "formats/formatslog.h"
#include "formats/harreader_p.h"
#include "formats/jsonstream.h"

#include <QBuffer>
#include <QJsonValue>

#include <limits>

using namespace Qt::StringLiterals;

namespace Peephole {

using namespace HarDetail;

namespace {

/// Walks {"log": {"version", "creator", "entries": [...]}} through a JsonStream, one entry at a time.
class StreamReader
{
public:
    StreamReader(QIODevice *device, const HarReader::EntrySink &sink) : m_json(device), m_sink(sink) {}

    HarImportResult run()
    {
        readTop();
        if (m_json.failed()) {
            notJson(m_json.error(), &m_result);
            return m_result;
        }
        if (m_stopped) { // the sink had enough: what it got was read correctly
            m_result.ok = true;
            return m_result;
        }
        // Not a HAR: nothing read so far counts (creator, issues), as in readDocument().
        if (m_logKeys == 0 || !m_logIsObject) {
            m_result = HarImportResult();
            noLog(&m_result);
            return m_result;
        }
        if (!m_entriesIsArray) {
            m_result = HarImportResult();
            noEntries(&m_result);
            return m_result;
        }
        m_result.ok = true;
        return m_result;
    }

    qint64 earliestMs() const { return m_earliestMs; }

private:
    template<typename F>
    void members(F &&member)
    {
        if (!m_json.expect('{') || m_json.accept('}'))
            return;
        do {
            QString key;
            if (!m_json.readString(&key) || !m_json.expect(':') || !member(key))
                return;
        } while (m_json.accept(','));
        m_json.expect('}');
    }

    void readTop()
    {
        if (m_json.peek() != '{') {
            m_json.skipValue(); // valid JSON but not an object: no "log"
            m_json.expectEnd();
            return;
        }
        members([this](const QString &key) {
            if (key != u"log")
                return m_json.skipValue();
            if (m_json.peek() != '{')
                return m_json.skipValue();
            m_logIsObject = true;
            readLog();
            return !m_json.failed() && !m_stopped;
        });
        if (!m_stopped)
            m_json.expectEnd();
    }

    void readLog()
    {
        members([this](const QString &key) {
            ++m_logKeys;
            QJsonValue v;
            if (key == u"entries" && m_json.peek() == '[') {
                m_entriesIsArray = true;
                return readEntries();
            }
            if (!m_json.readValue(&v))
                return false;
            if (key == u"version")
                readVersion(v.toString(), &m_result);
            else if (key == u"creator")
                m_result.creator = creatorName(v.toObject());
            else if (key == u"entries")
                m_entriesIsArray = false;
            return true;
        });
    }

    bool readEntries()
    {
        if (!m_json.expect('[') || m_json.accept(']'))
            return !m_json.failed();
        EntryReader reader{m_result};
        bool haveBase = false;
        do {
            QJsonValue v;
            if (!m_json.readValue(&v, HarReader::MaxEntryBytes))
                return false;
            const QJsonObject entry = v.toObject();
            const QDateTime dt = parseDate(entry.value(u"startedDateTime"_s).toString());
            if (dt.isValid()) {
                m_earliestMs = qMin(m_earliestMs, dt.toMSecsSinceEpoch());
                if (!haveBase) {
                    reader.baseMs = dt.toMSecsSinceEpoch();
                    haveBase = true;
                }
            }
            Exchange ex;
            if (reader.read(entry, m_index++, &ex)) {
                RequestSpec request = HarReader::toRequest(ex);
                if (!m_sink(std::move(ex), std::move(request))) {
                    m_stopped = true;
                    return false;
                }
            }
        } while (m_json.accept(','));
        return m_json.expect(']');
    }

    JsonStream m_json;
    HarReader::EntrySink m_sink;
    HarImportResult m_result;
    int m_index = 0;
    int m_logKeys = 0;
    bool m_logIsObject = false;
    bool m_entriesIsArray = false;
    bool m_stopped = false;
    qint64 m_earliestMs = std::numeric_limits<qint64>::max();
};

} // namespace

HarImportResult HarReader::read(QIODevice *device, const EntrySink &sink)
{
    StreamReader reader(device, sink);
    HarImportResult result = reader.run();
    qCDebug(lcFormats) << "HAR streamed from" << result.creator << ":" << result.issues.size() << "issues";
    return result;
}

HarImportResult HarReader::read(QIODevice *device)
{
    QList<Exchange> exchanges;
    QList<RequestSpec> requests;
    StreamReader reader(device, [&](Exchange &&ex, RequestSpec &&request) {
        exchanges.append(std::move(ex));
        requests.append(std::move(request));
        return true;
    });
    HarImportResult result = reader.run();
    if (!result.ok)
        return result;
    // The stream timed every entry from the first one's start; the timeline counts from the earliest.
    const qint64 earliest = reader.earliestMs() == std::numeric_limits<qint64>::max() ? 0 : reader.earliestMs();
    for (Exchange &ex : exchanges) {
        const qint64 shift = startNsFor(ex.startedAt, earliest) - ex.timings.startNs;
        Timings &t = ex.timings;
        for (qint64 *ns : {&t.startNs, &t.connectStartNs, &t.tlsDoneNs, &t.requestSentNs, &t.headersNs,
                           &t.finishedNs}) {
            if (*ns >= 0)
                *ns += shift;
        }
    }
    result.exchanges = std::move(exchanges);
    result.requests = std::move(requests);
    qCDebug(lcFormats) << "HAR read from" << result.creator << ":" << result.exchanges.size() << "entries,"
                       << result.issues.size() << "issues";
    return result;
}

HarImportResult HarReader::read(const QByteArray &json)
{
    QBuffer buffer;
    buffer.setData(json);
    buffer.open(QIODevice::ReadOnly);
    return read(&buffer);
}

} // namespace Peephole
