// Opens a generated collection of 10,000 requests in 1,000 folders and prints
// how long it takes: the parallel load alone, and CollectionStore::open
// (load + watching every folder and file).
//   bench_collection [FOLDERS] [FILES_PER_FOLDER] [REQUESTS_PER_FILE]

#include "collection/collectionloader.h"
#include "collection/collectionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QThreadPool>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Peephole;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"peephole.*.debug=false\npeephole.*.info=false"_s);
    const QStringList args = app.arguments();
    const int folders = args.value(1, u"1000"_s).toInt();
    const int filesPerFolder = args.value(2, u"10"_s).toInt();
    const int requestsPerFile = args.value(3, u"1"_s).toInt();

    QTemporaryDir dir;
    const QString root = dir.path() + u"/bench-collection"_s;
    QElapsedTimer t;
    t.start();
    int requests = 0;
    for (int f = 0; f < folders; ++f) {
        // 1,000 folders as 100 groups of 10 sub-folders.
        const QString folder = root + u"/group-%1/folder-%2"_s.arg(f / 10).arg(f);
        QDir().mkpath(folder);
        for (int k = 0; k < filesPerFolder; ++k) {
            QByteArray text;
            for (int r = 0; r < requestsPerFile; ++r) {
                text += "### request " + QByteArray::number(r) + "\n# @name r" +
                        QByteArray::number(requests) + "\nPOST https://{{host}}/api/items/" +
                        QByteArray::number(requests) +
                        "?page=1\nAccept: application/json\nContent-Type: application/json\n"
                        "Authorization: Bearer {{token}}\n?? status == 200\n\n{\"id\": " +
                        QByteArray::number(requests) + ", \"name\": \"item\"}\n\n";
                ++requests;
            }
            QFile out(folder + u"/file-%1.http"_s.arg(k));
            if (!out.open(QIODevice::WriteOnly))
                return 1;
            out.write(text);
        }
    }
    std::printf("generated %d requests in %d files, %d folders in %.2f s\n", requests,
                folders * filesPerFolder, folders, double(t.elapsed()) / 1000.0);

    QList<qint64> loads, opens;
    for (int round = 0; round < 5; ++round) {
        Collection c;
        QString error;
        t.restart();
        if (!CollectionLoader::load(root, &c, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        loads.append(t.elapsed());
        if (c.requestCount() != requests) {
            std::fprintf(stderr, "loaded %d requests, expected %d\n", c.requestCount(), requests);
            return 1;
        }
        CollectionStore store;
        t.restart();
        if (!store.open(root, &error))
            return 1;
        opens.append(t.elapsed());
    }
    // Where the time goes: one thread, read + parse only.
    {
        QStringList rel;
        QDirIterator it(root, {u"*.http"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            rel.append(QDir(root).relativeFilePath(it.next()));
        QElapsedTimer p;
        p.start();
        qint64 readNs = 0;
        for (const QString &r : std::as_const(rel)) {
            QElapsedTimer rt;
            rt.start();
            QFile f(root + u'/' + r);
            if (f.open(QIODevice::ReadOnly))
                f.readAll();
            readNs += rt.nsecsElapsed();
        }
        const qint64 readMs = readNs / 1000000;
        p.restart();
        for (const QString &r : std::as_const(rel))
            CollectionLoader::loadFile(root, r);
        std::printf("one thread: read only %lld ms, read + parse %lld ms (%lld files)\n", readMs, p.elapsed(),
                    qint64(rel.size()));
    }
    std::sort(loads.begin(), loads.end());
    std::sort(opens.begin(), opens.end());
    std::printf("load (parallel parse, %d threads): median %lld ms, best %lld ms\n",
                QThreadPool::globalInstance()->maxThreadCount(), loads.at(2), loads.first());
    std::printf("CollectionStore::open (load + watch %d paths): median %lld ms, best %lld ms\n",
                folders + folders / 10 + 1 + folders * filesPerFolder, opens.at(2), opens.first());
    return 0;
}
