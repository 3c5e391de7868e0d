#include "secretscan.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace SecretScan {

QList<QPair<QString, QByteArray>> forms(const Secret &s)
{
    QList<QPair<QString, QByteArray>> out;
    out.append({u"plain"_s, s.value});
    out.append({u"base64"_s, s.value.toBase64()});
    out.append(
        {u"base64url"_s, s.value.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)});
    if (!s.user.isEmpty())
        out.append({u"base64 user:secret"_s, QByteArray(s.user + ':' + s.value).toBase64()});
    out.append({u"percent-encoded"_s, QUrl::toPercentEncoding(QString::fromUtf8(s.value))});
    const QString text = QString::fromUtf8(s.value);
    QByteArray le, be;
    for (const QChar c : text) {
        le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    out.append({u"UTF-16LE"_s, le});
    out.append({u"UTF-16BE"_s, be});
    // Drop duplicates (a secret without special characters is its own percent-encoding).
    QList<QPair<QString, QByteArray>> unique;
    for (const auto &f : out) {
        bool seen = false;
        for (const auto &u : unique)
            seen = seen || u.second == f.second;
        if (!seen)
            unique.append(f);
    }
    return unique;
}

QStringList findIn(const QByteArray &bytes, const QString &label, const QList<Secret> &secrets)
{
    QStringList hits;
    for (const Secret &s : secrets) {
        for (const auto &f : forms(s)) {
            if (bytes.contains(f.second))
                hits.append(label + u": "_s + QString::fromUtf8(s.value) + u" as "_s + f.first);
        }
    }
    return hits;
}

QStringList scanTree(const QString &root, const QList<Secret> &secrets, const QStringList &allowedNames)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (allowedNames.contains(QFileInfo(path).fileName()))
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            hits.append(path + u": cannot be read"_s);
            continue;
        }
        hits += findIn(f.readAll(), path, secrets);
    }
    return hits;
}

QStringList permissionProblems(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || S_ISLNK(st.st_mode))
            continue;
        const unsigned mode = st.st_mode & 0777;
        if (S_ISDIR(st.st_mode) && mode != 0700)
            out.append(path + u": folder mode 0"_s + QString::number(mode, 8));
        else if (S_ISREG(st.st_mode) && mode != 0600)
            out.append(path + u": file mode 0"_s + QString::number(mode, 8));
    }
    return out;
}

QStringList listTree(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(root).relativeFilePath(it.next()));
    out.sort();
    return out;
}

} // namespace SecretScan
