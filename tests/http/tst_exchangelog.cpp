// Finding exchanges by id: fresh ids (ascending), imported ids (gaps, any
// order) and an update after the log fell back to its id index.
#include "http/exchangelog.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
Exchange withId(quint64 id, const QString &url)
{
    Exchange e;
    e.id = id;
    e.method = "GET";
    e.url = QUrl(url);
    e.requestHeaders = {{"Host", "example.com"}, {"Accept", "*/*"}};
    return e;
}
} // namespace

class TestExchangeLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshIdsAreFound();
    void importedIdsWithGapsAreFound();
    void idsOutOfOrderAreFound();
    void clearForgetsEverything();
    void urlsAreKeptExactly();
};

void TestExchangeLog::freshIdsAreFound()
{
    ExchangeLog log;
    QList<quint64> ids;
    for (int i = 0; i < 50; ++i)
        ids.append(log.append(withId(0, u"https://example.com/%1"_s.arg(i))));
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(log.indexOf(ids.at(i)), qsizetype(i));
        QCOMPARE(log.find(ids.at(i))->url, QUrl(u"https://example.com/%1"_s.arg(i)));
    }
    QCOMPARE(log.indexOf(ids.last() + 1), qsizetype(-1));
    QCOMPARE(log.indexOf(0), qsizetype(-1));
    QCOMPARE(log.find(12345), nullptr);
}

void TestExchangeLog::importedIdsWithGapsAreFound()
{
    ExchangeLog log;
    const QList<quint64> ids{3, 7, 8, 20, 21, 22, 100};
    for (quint64 id : ids)
        log.append(withId(id, u"https://example.com/%1"_s.arg(id)));
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(log.indexOf(ids.at(i)), i);
    for (quint64 missing : {1, 4, 9, 23, 99, 101})
        QCOMPARE(log.indexOf(missing), qsizetype(-1));
    // New exchanges continue after the highest id.
    QCOMPARE(log.append(withId(0, u"https://example.com/next"_s)), quint64(101));
    QCOMPARE(log.indexOf(101), qsizetype(7));
}

void TestExchangeLog::idsOutOfOrderAreFound()
{
    ExchangeLog log;
    const QList<quint64> ids{10, 11, 12, 5, 30, 1};
    for (quint64 id : ids)
        log.append(withId(id, u"https://example.com/%1"_s.arg(id)));
    for (qsizetype i = 0; i < ids.size(); ++i)
        QCOMPARE(log.indexOf(ids.at(i)), i);
    QCOMPARE(log.indexOf(2), qsizetype(-1));

    QSignalSpy updated(&log, &ExchangeLog::updated);
    Exchange e = *log.find(5);
    e.statusCode = 404;
    log.update(e);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(updated.first().first().value<qsizetype>(), qsizetype(3));
    QCOMPARE(log.at(3).statusCode, 404);
    QCOMPARE(log.append(withId(0, u"https://example.com/new"_s)), quint64(31));
    QCOMPARE(log.indexOf(31), qsizetype(6));
}

void TestExchangeLog::clearForgetsEverything()
{
    ExchangeLog log;
    log.append(withId(9, u"https://example.com/a"_s));
    log.append(withId(2, u"https://example.com/b"_s));
    log.clear();
    QCOMPARE(log.count(), qsizetype(0));
    QCOMPARE(log.indexOf(9), qsizetype(-1));
    QCOMPARE(log.indexOf(2), qsizetype(-1));
    log.append(withId(4, u"https://example.com/c"_s));
    log.append(withId(5, u"https://example.com/d"_s));
    QCOMPARE(log.indexOf(5), qsizetype(1));
    QCOMPARE(log.find(4)->url, QUrl(u"https://example.com/c"_s));
}

void TestExchangeLog::urlsAreKeptExactly()
{
    // The log shares the scheme string between URLs; what it keeps must still be the same URL.
    const QList<QUrl> urls{
        QUrl(u"https://api.example.com/v1/items?page=2"_s),
        QUrl(u"HTTPS://API.example.com/v1/r%C3%A4/it%20ems?q=a%20b&x=%C3%A4#frag"_s),
        QUrl(u"https://alice:secret@api.example.com:8443/p%2Fq?"_s),
        QUrl(u"http://127.0.0.1:8080/"_s),
        QUrl(u"http://[::1]/x"_s),
        QUrl(u"https://api.example.com"_s),
        QUrl(u"file:///tmp/a%20b"_s),
        QUrl(),
    };
    ExchangeLog log;
    for (int round = 0; round < 2; ++round) {
        for (const QUrl &url : urls) {
            Exchange e = withId(0, QString());
            e.url = url;
            log.append(e);
        }
    }
    for (qsizetype i = 0; i < log.count(); ++i) {
        const QUrl &original = urls.at(i % urls.size());
        QCOMPARE(log.at(i).url, original);
        QCOMPARE(log.at(i).url.toString(), original.toString());
        QCOMPARE(log.at(i).url.toEncoded(), original.toEncoded());
    }
    // An update with the same URL keeps it; a different URL replaces it.
    Exchange e = log.at(0);
    e.statusCode = 200;
    log.update(e);
    QCOMPARE(log.at(0).url, urls.at(0));
    e.url = QUrl(u"https://api.example.com/other"_s);
    log.update(e);
    QCOMPARE(log.at(0).url, QUrl(u"https://api.example.com/other"_s));
}

QTEST_GUILESS_MAIN(TestExchangeLog)
#include "tst_exchangelog.moc"
