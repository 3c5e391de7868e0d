#include "collection/collection.h"

#include <QCryptographicHash>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Peephole {

QString urlText(const CollectionRequest &request)
{
    return request.request.urlTemplate.isEmpty() ? request.request.url.toString()
                                                 : request.request.urlTemplate;
}

QString displayName(const CollectionRequest &request)
{
    if (!request.name.isEmpty())
        return request.name;
    return QString::fromLatin1(request.request.method) + u' ' + urlText(request);
}

int Collection::fileIndex(const QString &path) const
{
    // files are sorted by path
    const auto it = std::lower_bound(files.cbegin(), files.cend(), path,
                                     [](const CollectionFile &f, const QString &p) { return f.path < p; });
    return it != files.cend() && it->path == path ? int(it - files.cbegin()) : -1;
}

int Collection::folderIndex(const QString &path) const
{
    for (qsizetype i = 0; i < folders.size(); ++i) {
        if (folders.at(i).path == path)
            return int(i);
    }
    return -1;
}

const CollectionRequest *Collection::request(const RequestRef &ref) const
{
    const int f = fileIndex(ref.file);
    if (f < 0 || ref.index < 0 || ref.index >= files.at(f).requests.size())
        return nullptr;
    return &files.at(f).requests.at(ref.index);
}

QList<RequestRef> Collection::allRequests() const
{
    return requestsUnder(QString());
}

QList<RequestRef> Collection::requestsUnder(const QString &path) const
{
    QList<RequestRef> out;
    const QString prefix = path.isEmpty() ? QString() : path + u'/';
    for (const CollectionFile &f : files) {
        if (!prefix.isEmpty() && !f.path.startsWith(prefix) && f.path != path)
            continue;
        for (int i = 0; i < f.requests.size(); ++i)
            out.append(RequestRef{f.path, i});
    }
    return out;
}

QList<const CollectionFile *> Collection::problems() const
{
    QList<const CollectionFile *> out;
    for (const CollectionFile &f : files) {
        if (!f.problems.isEmpty())
            out.append(&f);
    }
    return out;
}

int Collection::requestCount() const
{
    int n = 0;
    for (const CollectionFile &f : files)
        n += int(f.requests.size());
    return n;
}

QString Collection::idFor(const QString &rootName)
{
    const QByteArray hash = QCryptographicHash::hash(QByteArray("peephole-collection:" + rootName.toUtf8()),
                                                     QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toHex().left(16));
}

} // namespace Peephole
