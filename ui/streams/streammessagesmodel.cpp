#include "streams/streammessagesmodel.h"

#include "common/sizetext.h"
#include "http/exchange.h"
#include "stream/streamstore.h"


using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr int PreviewChars = 300;

QString kindText(const StreamMessage &m)
{
    switch (m.kind) {
    case StreamMessage::Kind::SseEvent:
        return m.type;
    case StreamMessage::Kind::Text:
        return StreamMessagesModel::tr("text");
    case StreamMessage::Kind::Binary:
        return StreamMessagesModel::tr("binary");
    case StreamMessage::Kind::Ping:
        return StreamMessagesModel::tr("ping");
    case StreamMessage::Kind::Pong:
        return StreamMessagesModel::tr("pong");
    case StreamMessage::Kind::Close:
        return StreamMessagesModel::tr("close");
    }
    return {};
}

QString preview(const StreamMessage &m)
{
    if (m.kind == StreamMessage::Kind::Close) {
        const QString reason = QString::fromUtf8(m.data.left(PreviewChars));
        return m.closeCode < 0 ? reason : QString::number(m.closeCode) + (reason.isEmpty() ? QString() : u" " + reason);
    }
    if (m.kind == StreamMessage::Kind::Binary || m.kind == StreamMessage::Kind::Ping ||
        m.kind == StreamMessage::Kind::Pong) {
        const QByteArray head = m.data.left(PreviewChars / 3);
        return QString::fromLatin1(head.toHex(' ')) + (m.data.size() > head.size() ? u" \u2026"_s : QString());
    }
    QString text = QString::fromUtf8(m.data.left(PreviewChars * 4)).left(PreviewChars);
    for (QChar &c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QChar(0x2423); // newlines and controls shown as one visible mark
    if (m.data.size() > text.size())
        text += u'\u2026';
    return text;
}
} // namespace

StreamMessagesModel::StreamMessagesModel(StreamStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(store, &StreamStore::messageAdded, this, &StreamMessagesModel::onMessageAdded);
    connect(store, &StreamStore::opened, this, [this](quint64 id) {
        if (id == m_id)
            onMessageAdded(id);
    });
    connect(store, &StreamStore::cleared, this, [this] {
        beginResetModel();
        m_rows = 0;
        m_dropped = 0;
        endResetModel();
    });
}

void StreamMessagesModel::setExchange(quint64 id)
{
    if (id == m_id)
        return;
    beginResetModel();
    m_id = id;
    const StreamRecord *r = record();
    m_rows = r ? int(r->messages.size()) : 0;
    m_dropped = r ? r->dropped : 0;
    endResetModel();
}

const StreamRecord *StreamMessagesModel::record() const
{
    return m_store && m_id ? m_store->find(m_id) : nullptr;
}

const StreamMessage *StreamMessagesModel::message(int row) const
{
    const StreamRecord *r = record();
    if (!r || row < 0 || row >= m_rows)
        return nullptr;
    // Rows start at m_dropped; the store may have dropped more since the last flush.
    const qsizetype at = qsizetype(row + m_dropped - r->dropped);
    return at >= 0 && at < r->messages.size() ? &r->messages.at(at) : nullptr;
}

int StreamMessagesModel::pendingCount() const
{
    const StreamRecord *r = record();
    return r ? int(r->dropped + r->messages.size() - m_dropped) - m_rows : 0;
}

void StreamMessagesModel::onMessageAdded(quint64 id)
{
    if (id != m_id || m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &StreamMessagesModel::flush, Qt::QueuedConnection);
}

void StreamMessagesModel::flush()
{
    m_scheduled = false;
    const StreamRecord *r = record();
    if (!r)
        return;
    ++m_flushes;
    // Drop from the top what the store dropped under its caps.
    const int gone = int(qMin<qint64>(r->dropped - m_dropped, m_rows));
    if (gone > 0) {
        beginRemoveRows({}, 0, gone - 1);
        m_rows -= gone;
        m_dropped += gone;
        endRemoveRows();
    }
    if (r->dropped > m_dropped) { // dropped even some that were never rows
        m_dropped = r->dropped;
    }
    const int total = int(r->messages.size());
    if (total > m_rows) {
        beginInsertRows({}, m_rows, total - 1);
        m_rows = total;
        endInsertRows();
    }
}

int StreamMessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int StreamMessagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamMessagesModel::data(const QModelIndex &index, int role) const
{
    const StreamMessage *m = index.isValid() ? message(index.row()) : nullptr;
    if (!m)
        return {};
    const bool sent = m->direction == StreamMessage::Direction::Sent;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return wallClockAt(m->timeNs).toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case DirectionColumn:
            return m->kind == StreamMessage::Kind::SseEvent ? QString() : sent ? tr("\u2191 sent") : tr("\u2193 received");
        case TypeColumn:
            return m->frames > 1 ? tr("%1 (%n frames)", nullptr, m->frames).arg(kindText(*m)) : kindText(*m);
        case SizeColumn:
            return sizeText(m->data.size());
        case DataColumn:
            return preview(*m);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DataColumn && m->kind == StreamMessage::Kind::SseEvent && !m->id.isEmpty())
            return tr("id: %1").arg(m->id);
        return {};
    case KindRole:
        return int(m->kind);
    case SentRole:
        return sent;
    case RawDataRole:
        return m->data;
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    return {};
}

QVariant StreamMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Direction");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case DataColumn:
        return tr("Data");
    }
    return {};
}

} // namespace Peephole
