#include "collection/autosave.h"
#include "io/fileio.h"

#include "collection/collectionstore.h"
#include "collection/httpblocks.h"
#include "collection/storelog.h"
#include "io/fileio.h"
#include "redact/redact.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString hashOf(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(20));
}

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

Autosave::Autosave(CollectionStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &Autosave::flush);
    connect(store, &CollectionStore::requestEdited, this, [this](const RequestRef &ref) {
        if (!m_pending.contains(ref.file))
            m_pending.append(ref.file);
        if (!m_timer->isActive())
            m_timer->start();
    });
    auto settled = [this](const QString &file) {
        if (m_store && m_store->dirtyRequests(file).isEmpty()) {
            m_pending.removeAll(file);
            removeJournal(file);
        } else if (m_store) {
            writeJournal(file);
        }
    };
    connect(store, &CollectionStore::fileSaved, this, settled);
    connect(store, &CollectionStore::editsDiscarded, this, settled);
}

Autosave::~Autosave() = default;

void Autosave::setDelay(int ms)
{
    m_timer->setInterval(ms);
}

QString Autosave::journalDir() const
{
    const QString root = m_store ? m_store->rootPath() : QString();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/autosave/"_s +
           hashOf(QDir::cleanPath(root));
}

QString Autosave::journalPath(const QString &file) const
{
    return journalDir() + u'/' + hashOf(file) + u".json"_s;
}

void Autosave::flush()
{
    m_timer->stop();
    const QStringList files = std::exchange(m_pending, {});
    for (const QString &f : files)
        writeJournal(f);
}

void Autosave::writeJournal(const QString &file)
{
    if (!m_store)
        return;
    const QList<int> dirty = m_store->dirtyRequests(file);
    if (dirty.isEmpty()) {
        removeJournal(file);
        return;
    }
    const int fi = m_store->collection().fileIndex(file);
    if (fi < 0)
        return;
    QJsonObject requests;
    QStringList leftOut;
    for (int idx : dirty) {
        // A secret typed into the request stays in memory (and in the file once saved), never in the journal.
        const QString text = QString::fromUtf8(m_store->requestText(RequestRef{file, idx}));
        requests.insert(QString::number(idx), Redact::requestText(text, &leftOut));
    }
    QJsonObject o{{u"file"_s, file},
                  {u"collection"_s, m_store->rootPath()},
                  {u"base"_s, sha(m_store->collection().files.at(fi).bytes)},
                  {u"savedAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                  {u"requests"_s, requests}};
    if (!leftOut.isEmpty())
        o.insert(u"secretsLeftOut"_s, QJsonArray::fromStringList(leftOut));
    QString error;
    if (!Io::makePrivateDir(journalDir(), &error) ||
        !Io::writeFile(journalPath(file), QJsonDocument(o).toJson(), &error)) {
        qCWarning(lcCollectionStore) << "cannot write the autosave journal" << error;
        return;
    }
    Q_EMIT journalWritten(file);
}

void Autosave::removeJournal(const QString &file)
{
    QFile::remove(journalPath(file));
}

QList<RecoveryItem> Autosave::pendingRecovery() const
{
    QList<RecoveryItem> out;
    if (!m_store)
        return out;
    const QDir dir(journalDir());
    const QStringList names = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        RecoveryItem item;
        item.file = o.value(u"file"_s).toString();
        item.savedAt = QDateTime::fromString(o.value(u"savedAt"_s).toString(), Qt::ISODateWithMs);
        const QJsonObject requests = o.value(u"requests"_s).toObject();
        for (auto it = requests.begin(); it != requests.end(); ++it)
            item.requests.append(it.key().toInt());
        std::sort(item.requests.begin(), item.requests.end());
        const int fi = m_store->collection().fileIndex(item.file);
        if (item.file.isEmpty() || fi < 0)
            continue;
        item.diskChanged = sha(m_store->collection().files.at(fi).bytes) != o.value(u"base"_s).toString();
        const QJsonArray leftOut = o.value(u"secretsLeftOut"_s).toArray();
        for (const QJsonValue &v : leftOut)
            item.secretsLeftOut.append(v.toString());
        out.append(item);
    }
    return out;
}

bool Autosave::restore(const QString &file)
{
    if (!m_store)
        return false;
    bool all = true;
    const QList<RecoveryItem> items = pendingRecovery();
    for (const RecoveryItem &item : items) {
        if (!file.isEmpty() && item.file != file)
            continue;
        QFile f(journalPath(item.file));
        if (!f.open(QIODevice::ReadOnly)) {
            all = false;
            continue;
        }
        const QJsonObject requests =
            QJsonDocument::fromJson(f.readAll()).object().value(u"requests"_s).toObject();
        for (auto it = requests.begin(); it != requests.end(); ++it) {
            const HttpBlocks::BlockResult r = HttpBlocks::parse(it.value().toString().toUtf8(), 1);
            if (r.file.requests.size() != 1 ||
                !m_store->updateRequest(RequestRef{item.file, it.key().toInt()}, r.file.requests.first()))
                all = false;
        }
    }
    flush();
    return all;
}

void Autosave::discard(const QString &file)
{
    if (!file.isEmpty()) {
        removeJournal(file);
        return;
    }
    QDir(journalDir()).removeRecursively();
}

} // namespace Peephole
