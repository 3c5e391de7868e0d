#include "io/fileio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Peephole::Io {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Io", text);
}

bool isExistingNonRegular(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

constexpr QFileDevice::Permissions privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

OutputFile::OutputFile(QString path) : OutputFile(std::move(path), Options{}) {}

OutputFile::OutputFile(QString path, Options options) : m_path(std::move(path)), m_options(options) {}

OutputFile::~OutputFile()
{
    cancel();
}

QString OutputFile::failure(const QString &reason) const
{
    const QString shown = m_path == "-"_L1 ? tr("standard output") : QDir::toNativeSeparators(m_path);
    return tr("cannot write %1: %2").arg(shown, reason);
}

bool OutputFile::open(QString *error)
{
    m_error.clear();
    if (m_path.isEmpty()) {
        m_error = tr("no output path given");
        if (error)
            *error = m_error;
        return false;
    }
    if (m_options.allowStdout && m_path == "-"_L1) {
        auto file = std::make_unique<QFile>();
        if (!file->open(STDOUT_FILENO, QIODevice::WriteOnly, QFileDevice::DontCloseHandle)) {
            m_error = failure(file->errorString());
        } else {
            m_device = std::move(file);
            m_inPlace = true;
        }
    } else if (QFileInfo(m_path).isDir()) {
        m_error = failure(tr("it is a directory; name a file"));
    } else if (isExistingNonRegular(m_path)) {
        // A device or FIFO: written in place. Renaming a temporary file over it
        // would replace the node (as root, even /dev/full).
        auto file = std::make_unique<QFile>(m_path);
        if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            m_error = failure(file->errorString());
        } else {
            m_device = std::move(file);
            m_inPlace = true;
        }
    } else {
        const bool existed = QFileInfo::exists(m_path);
        auto file = std::make_unique<QSaveFile>(m_path);
        if (!file->open(QIODevice::WriteOnly)) {
            m_error = failure(file->errorString());
        } else {
            if (!existed && m_options.permissions == Permissions::Private)
                file->setPermissions(privateMode);
            m_device = std::move(file);
            m_inPlace = false;
        }
    }
    if (!m_error.isEmpty()) {
        if (error)
            *error = m_error;
        return false;
    }
    return true;
}

bool OutputFile::write(QByteArrayView bytes)
{
    if (!m_error.isEmpty())
        return false;
    if (!m_device) {
        m_error = failure(tr("the file is not open"));
        return false;
    }
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = m_device->write(bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            m_error = failure(m_device->errorString());
            return false;
        }
        done += n;
    }
    return true;
}

bool OutputFile::commit(QString *error)
{
    if (m_error.isEmpty() && !m_device)
        m_error = failure(tr("the file is not open"));
    if (m_error.isEmpty()) {
        if (auto *save = qobject_cast<QSaveFile *>(m_device.get())) {
            if (!save->commit())
                m_error = failure(save->errorString());
        } else {
            // flush() reports what a buffered write could not deliver (ENOSPC, EPIPE).
            if (!m_device->flush() || m_device->error() != QFileDevice::NoError)
                m_error = failure(m_device->errorString());
            m_device->close();
            if (m_error.isEmpty() && m_device->error() != QFileDevice::NoError)
                m_error = failure(m_device->errorString());
        }
    }
    m_device.reset();
    if (!m_error.isEmpty()) {
        if (error)
            *error = m_error;
        return false;
    }
    return true;
}

void OutputFile::cancel()
{
    if (!m_device)
        return;
    if (auto *save = qobject_cast<QSaveFile *>(m_device.get()))
        save->cancelWriting();
    m_device.reset();
}

bool writeFile(const QString &path, QByteArrayView bytes, QString *error, OutputFile::Options options)
{
    OutputFile out(path, options);
    if (!out.open(error))
        return false;
    out.write(bytes);
    return out.commit(error);
}

bool makePrivateDir(const QString &path, QString *error)
{
    QFileInfo info(path);
    if (info.isDir())
        return true;
    // Create each missing level with 0700.
    QStringList missing;
    // QDir::cdUp() refuses to step into a folder that does not exist either: walk the path text.
    QString level = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    while (!level.isEmpty() && !QFileInfo(level).exists()) {
        missing.prepend(level);
        const QString parent = QFileInfo(level).absolutePath();
        if (parent == level)
            break;
        level = parent;
    }
    for (const QString &p : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(p).constData(), 0700) != 0 && !QFileInfo(p).isDir()) {
            if (error)
                *error = tr("cannot create the folder %1: %2")
                             .arg(QDir::toNativeSeparators(p), QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
    }
    return true;
}

void restrictUmask()
{
    ::umask(077);
}

} // namespace Peephole::Io
