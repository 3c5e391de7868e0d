#include "http/exchangelog.h"

#include <algorithm>
#include <cstring>

namespace Peephole {

ExchangeLog::ExchangeLog(QObject *parent) : QObject(parent) {}

qsizetype ExchangeLog::indexOf(quint64 id) const
{
    if (!m_ascending)
        return m_index.value(id, -1);
    if (m_items.empty())
        return -1;
    // Ids usually step by one: try the direct guess, then search the ascending ids.
    const quint64 first = m_items.front()->id;
    if (id >= first && id - first < quint64(m_items.size()) && m_items[size_t(id - first)]->id == id)
        return qsizetype(id - first);
    const auto it = std::lower_bound(m_items.cbegin(), m_items.cend(), id,
                                     [](const std::unique_ptr<Exchange> &e, quint64 v) { return e->id < v; });
    return it != m_items.cend() && (*it)->id == id ? qsizetype(it - m_items.cbegin()) : -1;
}

const Exchange *ExchangeLog::find(quint64 id) const
{
    const qsizetype i = indexOf(id);
    return i < 0 ? nullptr : m_items[size_t(i)].get();
}

QList<Exchange> ExchangeLog::chain(quint64 chainId) const
{
    QList<Exchange> out;
    for (const auto &e : m_items) {
        if (e->chainId == chainId)
            out.append(*e);
    }
    return out;
}

namespace {
constexpr qsizetype MaxInternedLength = 256;
constexpr qsizetype MaxInternedStrings = 50000;
constexpr qsizetype MaxInternedSchemes = 16;

/// A multiply-xorshift hash eight bytes at a time: the log hashes about two million short header
/// names and values per 100,000 exchanges. (Qt's seeded qHash is several times slower here, a byte
/// loop such as FNV-1a twice as slow.) A collision only leaves a value unshared.
quint64 hashOf(const QByteArray &bytes)
{
    const char *p = bytes.constData();
    qsizetype n = bytes.size();
    quint64 h = 0x9e3779b97f4a7c15ull ^ quint64(n);
    for (; n >= 8; p += 8, n -= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    quint64 tail = 0;
    std::memcpy(&tail, p, size_t(n));
    h = (h ^ tail) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}
} // namespace

QByteArray ExchangeLog::intern(const QByteArray &bytes)
{
    if (bytes.size() > MaxInternedLength || bytes.isEmpty())
        return bytes;
    const quint64 key = hashOf(bytes);
    const auto it = m_strings.constFind(key);
    if (it != m_strings.constEnd())
        return *it == bytes ? *it : bytes; // a collision just goes unshared
    if (m_strings.size() < MaxInternedStrings)
        m_strings.insert(key, bytes);
    return bytes;
}

QUrl ExchangeLog::internScheme(QUrl url)
{
    const QString scheme = url.scheme();
    if (scheme.isEmpty())
        return url;
    for (const QString &known : std::as_const(m_schemes)) {
        if (known.constData() == scheme.constData())
            return url;
        if (known == scheme) {
            const QUrl original = url;
            url.setScheme(known); // the same valid, lower-case text: only the string changes
            return url == original ? url : original;
        }
    }
    if (m_schemes.size() < MaxInternedSchemes)
        m_schemes.append(scheme);
    return url;
}

void ExchangeLog::intern(HeaderList &headers)
{
    for (HeaderField &h : headers) {
        h.name = intern(h.name);
        h.value = intern(h.value);
    }
    headers.squeeze(); // kept for the whole session: no spare capacity from building the list
}

quint64 ExchangeLog::append(Exchange exchange)
{
    intern(exchange.requestHeaders);
    intern(exchange.responseHeaders);
    exchange.method = intern(exchange.method);
    exchange.httpVersion = intern(exchange.httpVersion);
    exchange.reasonPhrase = intern(exchange.reasonPhrase);
    exchange.url = internScheme(std::move(exchange.url));
    if (exchange.id == 0)
        exchange.id = ++m_lastId;
    else
        m_lastId = qMax(m_lastId, exchange.id);
    m_lastChainId = qMax(m_lastChainId, exchange.chainId);
    const quint64 id = exchange.id;
    if (m_ascending && !m_items.empty() && id <= m_items.back()->id) {
        m_ascending = false;
        m_index.reserve(count() + 1);
        for (qsizetype i = 0; i < count(); ++i)
            m_index.insert(m_items[size_t(i)]->id, i);
    }
    if (!m_ascending)
        m_index.insert(id, count());
    m_items.push_back(std::make_unique<Exchange>(std::move(exchange)));
    Q_EMIT added(count() - 1);
    return id;
}

void ExchangeLog::update(const Exchange &exchange)
{
    const qsizetype i = indexOf(exchange.id);
    if (i < 0)
        return;
    Exchange &stored = *m_items[size_t(i)];
    const QUrl url = stored.url;
    stored = exchange;
    if (stored.url == url)
        stored.url = url; // keep the copy that shares its scheme string
    intern(stored.requestHeaders);
    intern(stored.responseHeaders);
    Q_EMIT updated(i);
}

void ExchangeLog::clear()
{
    m_items.clear();
    m_items.shrink_to_fit();
    m_index.clear();
    m_ascending = true;
    m_strings.clear();
    m_schemes.clear();
    Q_EMIT cleared();
}

} // namespace Peephole
