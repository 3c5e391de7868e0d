#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <memory>

class QFile;

namespace Peephole::Io {
class OutputFile;
}

namespace Peephole {

/// The bytes of one body. Small bodies stay in memory; past the spill
/// threshold the bytes go to a temporary file and are never held whole in
/// memory again. A body can also be written straight to a file the user
/// chose (the CLI's --output). Any byte range can be read back while or
/// after it is written, from any thread.
class BodyStore
{
public:
    static constexpr qint64 DefaultSpillThreshold = 4 * 1024 * 1024;

    /// An in-memory store that spills to a temporary file past @p spillThreshold bytes.
    explicit BodyStore(qint64 spillThreshold = DefaultSpillThreshold);
    ~BodyStore();
    BodyStore(const BodyStore &) = delete;
    BodyStore &operator=(const BodyStore &) = delete;

    /// A store that writes to @p path (truncated) and keeps nothing in memory.
    /// A path that is not a regular file (a device such as /dev/null, a FIFO) or
    /// "-" (standard output) is written in place through Io::OutputFile and
    /// cannot be read back. On failure returns nullptr and sets @p error.
    static std::shared_ptr<BodyStore> createFileBacked(const QString &path, QString *error);
    static std::shared_ptr<BodyStore> fromBytes(const QByteArray &bytes);
    /// A finished store that reads an existing file in place (a request body
    /// streamed from disk). On failure returns nullptr and sets @p error.
    static std::shared_ptr<BodyStore> fromFile(const QString &path, QString *error);

    /// Appends bytes; false (and errorString()) when the spill file cannot be written.
    bool append(const char *data, qint64 size);
    bool append(const QByteArray &bytes) { return append(bytes.constData(), bytes.size()); }
    /// Marks the body complete and flushes the file; false (and errorString())
    /// when what was written could not be delivered.
    bool finish();
    /// True when the bytes went to a device, pipe or standard output and cannot be read back.
    bool isWriteOnly() const;

    qint64 size() const;
    bool isFinished() const;
    bool isOnDisk() const;
    /// The file that holds the bytes, when on disk.
    QString filePath() const;
    QString errorString() const;

    /// Up to @p length bytes from @p offset.
    QByteArray read(qint64 offset, qint64 length) const;
    /// The whole body if it is at most @p limit bytes, else the first @p limit bytes.
    QByteArray head(qint64 limit) const { return read(0, limit); }

private:
    bool spill();

    mutable QMutex m_mutex;
    qint64 m_threshold;
    qint64 m_size = 0;
    bool m_finished = false;
    QByteArray m_memory;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<Io::OutputFile> m_sink;
    QString m_sinkPath;
    QString m_error;
};

} // namespace Peephole
