#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

class QFileDevice;

namespace Peephole::Io {

/// Every file Peephole writes goes through here (qBittorrent's utils/io idea):
/// - a regular file, or a path that does not exist yet, is written atomically
///   (QSaveFile: a failed write leaves the old file untouched);
/// - an existing path that is not a regular file (a device such as /dev/null or
///   /dev/full, a FIFO, a socket) is written in place and never replaced;
/// - "-" (when allowed) is standard output;
/// - a file Peephole creates is 0600 unless the caller asks for the umask's
///   default; an existing file keeps its permissions;
/// - every write error (full disk, closed pipe) is detected and reported, so
///   nothing claims success that was not written.
class OutputFile
{
public:
    enum class Permissions { Private, Default };
    struct Options
    {
        Permissions permissions = Permissions::Private;
        bool allowStdout = false; ///< "-" means standard output.
    };

    explicit OutputFile(QString path);
    OutputFile(QString path, Options options);
    ~OutputFile(); ///< Without commit(), a regular file is left as it was.
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    /// Opens for writing; false with a specific message ("cannot write PATH: …").
    bool open(QString *error);
    /// Appends; false once any write failed (the message is kept for commit()).
    bool write(QByteArrayView bytes);
    /// Flushes and, for a regular file, renames it into place. False with a
    /// message when anything failed on the way.
    bool commit(QString *error);
    /// Drops what was written to a regular file; a device or pipe keeps what it got.
    void cancel();

    /// True when the target is written in place (device, FIFO, standard output).
    bool writesInPlace() const { return m_inPlace; }
    const QString &path() const { return m_path; }

private:
    QString failure(const QString &reason) const;

    QString m_path;
    Options m_options;
    std::unique_ptr<QFileDevice> m_device;
    QString m_error;
    bool m_inPlace = false;
};

/// Writes @p bytes to @p path through an OutputFile (atomic, 0600 when new).
bool writeFile(const QString &path, QByteArrayView bytes, QString *error, OutputFile::Options options = {});

/// Creates @p path (and missing parents) with mode 0700 for each directory it creates.
bool makePrivateDir(const QString &path, QString *error = nullptr);

/// Sets the process umask to 077, so that whatever else the process creates
/// (QSettings files, caches) is private too. Called by both entry points.
void restrictUmask();

} // namespace Peephole::Io
