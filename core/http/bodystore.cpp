#include "http/bodystore.h"

#include "io/fileio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace Peephole {

BodyStore::BodyStore(qint64 spillThreshold) : m_threshold(spillThreshold) {}

BodyStore::~BodyStore() = default;

std::shared_ptr<BodyStore> BodyStore::createFileBacked(const QString &path, QString *error)
{
    auto store = std::make_shared<BodyStore>(0);
    const QFileInfo info(path);
    if (path == u"-"_s || (info.exists() && !info.isFile() && !info.isDir())) {
        // Never replaced, never read back: written in place as it arrives.
        auto sink = std::make_unique<Io::OutputFile>(
            path, Io::OutputFile::Options{Io::OutputFile::Permissions::Private, true});
        if (!sink->open(error))
            return nullptr;
        store->m_sink = std::move(sink);
        store->m_sinkPath = path;
        return store;
    }
    auto file = std::make_unique<QFile>(path);
    // Unbuffered: a full disk fails the write that hit it, not a flush nobody checks.
    if (!file->open(QIODevice::ReadWrite | QIODevice::Truncate | QIODevice::Unbuffered)) {
        if (error)
            *error = QObject::tr("Cannot write the response body to %1: %2").arg(path, file->errorString());
        return nullptr;
    }
    store->m_file = std::move(file);
    return store;
}

std::shared_ptr<BodyStore> BodyStore::fromBytes(const QByteArray &bytes)
{
    auto store = std::make_shared<BodyStore>();
    store->append(bytes);
    store->finish();
    return store;
}

std::shared_ptr<BodyStore> BodyStore::fromFile(const QString &path, QString *error)
{
    auto store = std::make_shared<BodyStore>(0);
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = QObject::tr("Cannot read the request body file %1: %2").arg(path, file->errorString());
        return nullptr;
    }
    store->m_size = file->size();
    store->m_file = std::move(file);
    store->m_finished = true;
    return store;
}

bool BodyStore::spill()
{
    auto file = std::make_unique<QTemporaryFile>(QDir::tempPath() + u"/peephole-body-XXXXXX"_s);
    if (!file->open()) {
        m_error = QObject::tr("Cannot create a temporary file for a large body in %1: %2")
                      .arg(QDir::tempPath(), file->errorString());
        return false;
    }
    if (file->write(m_memory) != m_memory.size()) {
        m_error = file->errorString();
        return false;
    }
    m_memory = QByteArray();
    m_file = std::move(file);
    return true;
}

bool BodyStore::append(const char *data, qint64 size)
{
    if (size <= 0)
        return true;
    QMutexLocker lock(&m_mutex);
    if (m_sink) {
        if (!m_sink->write(QByteArrayView(data, size))) {
            QString why;
            m_sink->commit(&why);
            m_sink.reset();
            m_error = why;
            return false;
        }
        m_size += size;
        return true;
    }
    if (!m_error.isEmpty())
        return false;
    if (!m_file && m_size + size > m_threshold) {
        if (!spill())
            return false;
    }
    if (m_file) {
        if (!m_file->seek(m_size) || m_file->write(data, size) != size) {
            m_error = QObject::tr("Cannot write body data to %1: %2")
                          .arg(m_file->fileName(), m_file->errorString());
            return false;
        }
    } else {
        m_memory.append(data, size);
    }
    m_size += size;
    return true;
}

bool BodyStore::finish()
{
    QMutexLocker lock(&m_mutex);
    if (m_finished)
        return m_error.isEmpty();
    m_finished = true;
    if (m_sink) {
        QString why;
        if (!m_sink->commit(&why))
            m_error = why;
        m_sink.reset();
    } else if (m_file && !m_file->flush()) {
        m_error =
            QObject::tr("Cannot write body data to %1: %2").arg(m_file->fileName(), m_file->errorString());
    }
    return m_error.isEmpty();
}

bool BodyStore::isWriteOnly() const
{
    QMutexLocker lock(&m_mutex);
    return !m_sinkPath.isEmpty();
}

qint64 BodyStore::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_size;
}

bool BodyStore::isFinished() const
{
    QMutexLocker lock(&m_mutex);
    return m_finished;
}

bool BodyStore::isOnDisk() const
{
    QMutexLocker lock(&m_mutex);
    return m_file != nullptr;
}

QString BodyStore::filePath() const
{
    QMutexLocker lock(&m_mutex);
    return m_file ? m_file->fileName() : m_sinkPath;
}

QString BodyStore::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

QByteArray BodyStore::read(qint64 offset, qint64 length) const
{
    QMutexLocker lock(&m_mutex);
    if (offset < 0 || offset >= m_size || length <= 0 || !m_sinkPath.isEmpty())
        return {};
    length = qMin(length, m_size - offset);
    if (!m_file)
        return m_memory.mid(offset, length);
    // The write position is always m_size; reads seek and the next append seeks back.
    if (!m_file->seek(offset))
        return {};
    return m_file->read(length);
}

} // namespace Peephole
