// Exchange::auth and ::tls are copy-on-write values: copies of an exchange
// must behave as independent values, and unset parts read as empty.
#include "http/cowvalue.h"
#include "http/exchange.h"
#include "http/exchangelog.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestCowValue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unsetReadsAsEmpty();
    void copiesDoNotSeeEachOthersEdits();
    void assignmentReplacesOnlyThisCopy();
    void resetGoesBackToEmpty();
    void assigningEmptyUnsets();
    void logKeepsItsOwnCopy();
};

void TestCowValue::unsetReadsAsEmpty()
{
    const Exchange e;
    QVERIFY(!e.auth.isSet());
    QVERIFY(!e.tls.isSet());
    QVERIFY(e.auth->challenges.isEmpty());
    QVERIFY(e.auth->sentScheme.isNull());
    QVERIFY(!e.auth->rejected);
    QVERIFY(e.auth->digest.response.isNull());
    QVERIFY(!e.tls->used);
    QVERIFY(e.tls->chain.isEmpty());
    QVERIFY(*e.auth == AuthRecord{});
    // Reading never allocates.
    QVERIFY(!e.auth.isSet());
}

void TestCowValue::copiesDoNotSeeEachOthersEdits()
{
    Exchange a;
    a.auth.edit().sentScheme = u"Basic"_s;
    a.tls.edit().protocol = u"TLS 1.3"_s;
    Exchange b = a;
    QCOMPARE(b.auth->sentScheme, u"Basic"_s);
    QCOMPARE(b.tls->protocol, u"TLS 1.3"_s);

    b.auth.edit().sentScheme = u"Digest SHA-256"_s;
    b.auth.edit().rejected = true;
    b.tls.edit().errors.append(u"self-signed"_s);
    QCOMPARE(a.auth->sentScheme, u"Basic"_s);
    QVERIFY(!a.auth->rejected);
    QVERIFY(a.tls->errors.isEmpty());
    QCOMPARE(b.auth->sentScheme, u"Digest SHA-256"_s);
    QVERIFY(b.auth->rejected);
    QCOMPARE(b.tls->errors, QStringList{u"self-signed"_s});

    // The other direction, and from an unset original.
    Exchange c;
    Exchange d = c;
    c.auth.edit().explanation = u"token expired"_s;
    QVERIFY(d.auth->explanation.isEmpty());
    QVERIFY(!d.auth.isSet());
}

void TestCowValue::assignmentReplacesOnlyThisCopy()
{
    Exchange a;
    a.auth.edit().chosenScheme = u"Bearer"_s;
    const Exchange b = a;
    AuthRecord r;
    r.isProxy = true;
    r.chosenScheme = u"Digest MD5"_s;
    a.auth = r;
    QCOMPARE(a.auth->chosenScheme, u"Digest MD5"_s);
    QVERIFY(a.auth->isProxy);
    QCOMPARE(b.auth->chosenScheme, u"Bearer"_s);
    QVERIFY(!b.auth->isProxy);
    r.chosenScheme = u"changed after assignment"_s;
    QCOMPARE(a.auth->chosenScheme, u"Digest MD5"_s);
}

void TestCowValue::resetGoesBackToEmpty()
{
    CowValue<QStringList> v;
    v.edit().append(u"one"_s);
    const CowValue<QStringList> copy = v;
    v.reset();
    QVERIFY(!v.isSet());
    QVERIFY(v->isEmpty());
    QCOMPARE(*copy, QStringList{u"one"_s});
}

void TestCowValue::assigningEmptyUnsets()
{
    Exchange e;
    e.notes = QStringList{u"Authorization dropped"_s};
    QVERIFY(e.notes.isSet());
    const Exchange before = e;
    e.notes = QStringList();
    QVERIFY(!e.notes.isSet());
    QVERIFY(e.notes->isEmpty());
    QCOMPARE(*before.notes, QStringList{u"Authorization dropped"_s});
    e.cookiesSet.edit() += QNetworkCookie("session", "1");
    QCOMPARE(e.cookiesSet->size(), 1);
    QVERIFY(!e.cookiesSent.isSet());
    // A record without isEmpty() is stored even when default: assigning it is an explicit choice.
    e.auth = AuthRecord{};
    QVERIFY(e.auth.isSet());
}

void TestCowValue::logKeepsItsOwnCopy()
{
    // The engine appends its working copy to the log, then goes on editing it.
    ExchangeLog log;
    Exchange working;
    working.auth.edit().sentScheme = u"Basic"_s;
    const quint64 id = log.append(working);
    working.auth.edit().sentScheme = u"Digest SHA-256"_s;
    working.tls.edit().used = true;
    QCOMPARE(log.find(id)->auth->sentScheme, u"Basic"_s);
    QVERIFY(!log.find(id)->tls->used);
    working.id = id;
    log.update(working);
    QCOMPARE(log.find(id)->auth->sentScheme, u"Digest SHA-256"_s);
    QVERIFY(log.find(id)->tls->used);
}

QTEST_GUILESS_MAIN(TestCowValue)
#include "tst_cowvalue.moc"
