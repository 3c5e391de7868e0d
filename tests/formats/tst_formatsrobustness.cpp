#include "collection/environmentfile.h"
#include "formats/curlcommand.h"
#include "formats/harreader.h"
#include "formats/httpfile.h"
#include "formats/postman.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

// Every prefix of real files and commands (what a cut-off download or a
// half-pasted command looks like) gives either a result or a clear error,
// never a crash and never a half import.
class TestFormatsRobustness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void truncatedJson_data();
    void truncatedJson();
    void truncatedHttpFile();
    void truncatedCurl();

private:
    static QByteArray fixture(const QString &name)
    {
        QFile file(qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/formats/fixtures/"_s + name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot open fixture %s", qPrintable(file.fileName()));
        return file.readAll();
    }
};

void TestFormatsRobustness::truncatedJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("chrome") << u"chrome.har"_s;
    QTest::newRow("firefox") << u"firefox.har"_s;
    QTest::newRow("postman") << u"postman_collection.json"_s;
    QTest::newRow("env") << u"http-client.env.json"_s;
}

void TestFormatsRobustness::truncatedJson()
{
    QFETCH(QString, file);
    const QByteArray data = fixture(file);
    int failures = 0;
    for (qsizetype n = 0; n < data.size(); n += 7) {
        const QByteArray cut = data.left(n);
        if (file.endsWith(u".har"_s)) {
            const HarImportResult r = HarReader::read(cut);
            if (!r.ok) {
                ++failures;
                QVERIFY(!r.error.message.isEmpty());
                QVERIFY(r.exchanges.isEmpty());
            }
        } else if (file.startsWith(u"postman"_s)) {
            const CollectionImportResult r = PostmanImporter::read(cut);
            if (!r.ok) {
                ++failures;
                QVERIFY(!r.error.message.isEmpty());
                QVERIFY(r.root.children.isEmpty());
                QVERIFY(r.secrets.isEmpty());
            }
        } else {
            const EnvironmentFileResult r = EnvironmentFile::read(cut);
            if (!r.ok) {
                ++failures;
                QVERIFY(!r.error.message.isEmpty());
                QVERIFY(r.environments.isEmpty());
            }
        }
    }
    QVERIFY(failures > 0); // cut JSON is refused
}

void TestFormatsRobustness::truncatedHttpFile()
{
    const QByteArray data = fixture(u"jetbrains.http"_s);
    for (qsizetype n = 0; n <= data.size(); ++n) {
        const HttpFileParseResult r = HttpFileParser::parse(data.left(n));
        QVERIFY(r.ok);
        for (const ParseError &e : r.errors) {
            QVERIFY(e.line > 0);
            QVERIFY(!e.message.isEmpty());
        }
        // Whatever loaded can be written and read back with the same requests.
        const HttpFileParseResult back = HttpFileParser::parse(HttpFileWriter::write(r.file));
        QCOMPARE(back.file.requests.size(), r.file.requests.size());
    }
}

void TestFormatsRobustness::truncatedCurl()
{
    const QString command =
        u"curl -X POST 'https://api.example.com/v1/items?x=1' \\\n"
        u"  -H \"Content-Type: application/json\" \\\n"
        u"  --data-raw $'{\"a\": \"it\\'s\"}' -u alice:pw --digest -F 'f=@/tmp/x;type=a/b' -sSL"_s;
    for (qsizetype n = 0; n <= command.size(); ++n) {
        const CurlParseResult r = CurlCommand::parse(command.left(n));
        if (!r.ok) {
            QVERIFY(!r.error.message.isEmpty());
            QVERIFY(r.error.line >= 1);
            QVERIFY(r.error.column >= 1);
        }
    }
}

QTEST_GUILESS_MAIN(TestFormatsRobustness)
#include "tst_formatsrobustness.moc"
