#include "collection/environmentfile.h"
#include "formats/curlcommand.h"
#include "formats/httpfile.h"
#include "formats/secretmover.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
} // namespace

class TestSecretMover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void movesEveryLiteralSecret()
    {
        const CurlParseResult r = CurlCommand::parse(
            u"curl -u alice:pw1 -H 'X-Api-Key: k2' -H 'Authorization: Bearer t3' -H 'X-Trace: keep' "
            "'https://h/x?token=q4&page=1' -H 'Content-Type: application/x-www-form-urlencoded' "
            "--data 'user=a&password=f5'"_s,
            QDir::currentPath());
        QVERIFY(r.ok);
        HttpFile file;
        HttpFileRequest req;
        req.name = u"Sign in"_s;
        req.request = r.request;
        file.requests.append(req);
        file.variables.append({u"apiSecret"_s, u"v6"_s});
        file.variables.append({u"host"_s, u"h"_s});
        const QList<ImportedSecret> moved = SecretMover::moveOut(&file);
        QStringList values;
        for (const ImportedSecret &s : moved)
            values.append(s.value);
        for (const QString &v : {u"pw1"_s, u"k2"_s, u"t3"_s, u"q4"_s, u"f5"_s, u"v6"_s})
            QVERIFY2(values.contains(v), qPrintable(values.join(u' ')));
        QStringList warnings;
        const QByteArray text = HttpFileWriter::write(file, &warnings);
        for (const char *v : {"pw1", "k2", "t3", "q4", "f5", "v6"})
            QVERIFY2(!text.contains(v), text.constData());
        QVERIFY(text.contains("X-Trace: keep"));
        QVERIFY(text.contains("Authorization: Bearer {{signIn_authorization}}"));
        QVERIFY(text.contains("@host = h"));
        // Nothing left to move the second time.
        QVERIFY(SecretMover::moveOut(&file).isEmpty());
    }

    void storePrivateMergesAndIgnores()
    {
        QTemporaryDir dir;
        const QString env = dir.filePath(u"http-client.private.env.json"_s);
        QVERIFY(write(env, R"({"dev": {"other": "x"}, "$shared": {"old": "y"}})"));
        QFile::setPermissions(env, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QVERIFY(write(dir.filePath(u".gitignore"_s), "build/"));
        QStringList report;
        QString error;
        QVERIFY2(SecretMover::storePrivate({{u"here"_s, u"token"_s, u"a_token"_s, u"s3cr3t"_s}}, dir.path(),
                                           &report, &error),
                 qPrintable(error));
        const EnvironmentFileResult r = EnvironmentFile::readFile(env);
        QVERIFY(r.ok);
        QCOMPARE(r.environments.size(), 2);
        QCOMPARE(r.environments.at(0).variables.value(u"other"_s), u"x"_s);
        QCOMPARE(r.environments.at(1).variables.value(u"old"_s), u"y"_s);
        QCOMPARE(r.environments.at(1).variables.value(u"a_token"_s), u"s3cr3t"_s);
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(env) & others, QFileDevice::Permissions());
        QCOMPARE(readAll(dir.filePath(u".gitignore"_s)), "build/\nhttp-client.private.env.json\n"_ba);
        QVERIFY(report.join(u'\n').contains(u"{{a_token}}"_s));
        // Twice: the .gitignore line is not repeated.
        QVERIFY(SecretMover::storePrivate({{u"here"_s, u"token"_s, u"b_token"_s, u"z"_s}}, dir.path(),
                                          &report, &error));
        QCOMPARE(readAll(dir.filePath(u".gitignore"_s)), "build/\nhttp-client.private.env.json\n"_ba);
    }
};

QTEST_GUILESS_MAIN(TestSecretMover)
#include "tst_secretmover.moc"
