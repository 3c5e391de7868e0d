#include "collection/collectionloader.h"

#include "collection/httpblocks.h"
#include "collection/storelog.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

namespace Peephole::CollectionLoader {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::CollectionStore", text);
}

bool isHidden(const QString &name)
{
    return name.startsWith(u'.');
}
} // namespace

QStringList environmentNames(const QString &root)
{
    QStringList names;
    for (const QString &file : {u"http-client.env.json"_s, u"http-client.private.env.json"_s}) {
        QFile f(root + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != u"$shared"_s && !names.contains(it.key()))
                names.append(it.key());
        }
    }
    return names;
}

void parseInto(CollectionFile *file)
{
    file->requests.clear();
    file->blockOfRequest.clear();
    file->variables.clear();
    file->imports.clear();
    file->problems.clear();
    file->blocks = HttpBlocks::split(file->bytes);
    int line = 1;
    for (int b = 0; b < file->blocks.size(); ++b) {
        const QByteArray &block = file->blocks.at(b);
        HttpBlocks::BlockResult r = HttpBlocks::parse(block, line);
        file->problems += r.problems;
        file->variables += r.file.variables;
        file->imports += r.file.imports;
        for (CollectionRequest &req : r.file.requests) {
            file->requests.append(std::move(req));
            file->blockOfRequest.append(b);
        }
        line += int(block.count('\n'));
    }
}

CollectionFile loadFile(const QString &rootPath, const QString &relativePath)
{
    CollectionFile file;
    file.path = relativePath;
    QFile f(rootPath + u'/' + relativePath);
    if (!f.open(QIODevice::ReadOnly)) {
        file.problems.append(FileProblem{0, tr("cannot read the file: %1").arg(f.errorString())});
        return file;
    }
    file.bytes = f.readAll();
    parseInto(&file);
    return file;
}

bool load(const QString &rootPath, Collection *collection, QString *error)
{
    const QFileInfo rootInfo(rootPath);
    if (!rootInfo.isDir() || !rootInfo.isReadable()) {
        *error = tr("%1 is not a readable folder").arg(QDir::toNativeSeparators(rootPath));
        return false;
    }
    Collection c;
    c.rootPath = rootInfo.absoluteFilePath();
    c.id = Collection::idFor(rootInfo.fileName());
    const QDir root(c.rootPath);

    // Folders first: a breadth-first walk that skips hidden folders.
    c.folders.append(CollectionFolder{QString(), rootInfo.fileName(), -1, {}, {}});
    QStringList filePaths;
    for (int i = 0; i < c.folders.size(); ++i) {
        const QString rel = c.folders.at(i).path;
        QDir dir(rel.isEmpty() ? c.rootPath : c.rootPath + u'/' + rel);
        const QFileInfoList entries =
            dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &e : entries) {
            if (isHidden(e.fileName()))
                continue;
            const QString childRel = rel.isEmpty() ? e.fileName() : rel + u'/' + e.fileName();
            if (e.isDir()) {
                c.folders[i].folders.append(int(c.folders.size()));
                c.folders.append(CollectionFolder{childRel, e.fileName(), i, {}, {}});
            } else if (e.fileName().endsWith(u".http"_s) || e.fileName().endsWith(u".rest"_s)) {
                filePaths.append(childRel);
            }
        }
    }
    std::sort(filePaths.begin(), filePaths.end());

    // Parse in parallel: each task owns one slot.
    c.files.resize(filePaths.size());
    QThreadPool *pool = QThreadPool::globalInstance();
    std::atomic<int> next{0};
    const QString rootAbs = c.rootPath;
    auto work = [&]() {
        for (int k = next++; k < filePaths.size(); k = next++)
            c.files[k] = loadFile(rootAbs, filePaths.at(k));
    };
    QThreadPool local;
    local.setMaxThreadCount(pool->maxThreadCount());
    for (int t = 1; t < std::min(int(filePaths.size()), local.maxThreadCount()); ++t)
        local.start(work);
    work(); // this thread helps
    local.waitForDone();

    // Attach files to folders.
    QHash<QString, int> folderByPath;
    for (int i = 0; i < c.folders.size(); ++i)
        folderByPath.insert(c.folders.at(i).path, i);
    for (int k = 0; k < c.files.size(); ++k) {
        const QString &p = c.files.at(k).path;
        const qsizetype slash = p.lastIndexOf(u'/');
        const int folder = folderByPath.value(slash < 0 ? QString() : p.left(slash), 0);
        c.folders[folder].files.append(k);
    }
    for (const CollectionFile &f : std::as_const(c.files)) {
        for (const FileProblem &p : f.problems)
            qCDebug(lcCollectionStore) << "cannot load" << f.path << "line" << p.line << p.message;
    }
    *collection = std::move(c);
    return true;
}

} // namespace Peephole::CollectionLoader
