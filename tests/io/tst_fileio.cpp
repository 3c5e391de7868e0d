// Io::OutputFile against real files, devices and FIFOs.
#include "io/fileio.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
unsigned modeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return unsigned(st.st_mode) & 0777u;
}
} // namespace

class TestFileIo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newFileIsPrivateAndWhole();
    void existingFileKeepsItsPermissions();
    void devNullIsWrittenInPlace();
    void devFullIsAnErrorAndStaysADevice();
    void directoryIsRefused();
    void privateDirCreatesEveryLevel();
};

void TestFileIo::newFileIsPrivateAndWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.txt"_s);
    QString error;
    QVERIFY2(Io::writeFile(path, "hello", &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), "hello"_ba);
    QCOMPARE(modeOf(path), 0600u);
}

void TestFileIo::existingFileKeepsItsPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"shared.txt"_s);
    QVERIFY(Io::writeFile(path, "one", nullptr));
    QVERIFY(QFile::setPermissions(path,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    QVERIFY(Io::writeFile(path, "two", nullptr));
    QVERIFY(QFileInfo(path).permissions() & QFileDevice::ReadGroup);
}

void TestFileIo::devNullIsWrittenInPlace()
{
    Io::OutputFile out(u"/dev/null"_s);
    QString error;
    QVERIFY2(out.open(&error), qPrintable(error));
    QVERIFY(out.writesInPlace());
    QVERIFY(out.write("bytes"));
    QVERIFY2(out.commit(&error), qPrintable(error));
}

void TestFileIo::devFullIsAnErrorAndStaysADevice()
{
    QString error;
    QVERIFY(!Io::writeFile(u"/dev/full"_s, QByteArray(100000, 'x'), &error));
    QVERIFY2(error.contains(u"/dev/full"_s), qPrintable(error));
    struct stat st
    {
    };
    QCOMPARE(::stat("/dev/full", &st), 0);
    QVERIFY2(S_ISCHR(st.st_mode), "/dev/full was replaced");
}

void TestFileIo::directoryIsRefused()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!Io::writeFile(dir.path(), "x", &error));
    QVERIFY2(error.contains(u"directory"_s), qPrintable(error));
}

void TestFileIo::privateDirCreatesEveryLevel()
{
    QTemporaryDir dir;
    const QString deep = dir.filePath(u"a/b/c"_s);
    QString error;
    QVERIFY2(Io::makePrivateDir(deep, &error), qPrintable(error));
    QVERIFY(QFileInfo(deep).isDir());
    QCOMPARE(modeOf(dir.filePath(u"a"_s)), 0700u);
    QCOMPARE(modeOf(deep), 0700u);
}

QTEST_GUILESS_MAIN(TestFileIo)
#include "tst_fileio.moc"
