#include "auth/challengeparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {
/// "Scheme[name=value,name2=\"quoted\"]" or "Scheme<token68>", joined by " | ".
QByteArray describe(const QList<Challenge> &challenges)
{
    QByteArrayList parts;
    for (const Challenge &c : challenges) {
        QByteArray s = c.scheme;
        if (!c.token68.isEmpty())
            s += '<' + c.token68 + '>';
        if (!c.params.isEmpty()) {
            QByteArrayList ps;
            for (const AuthParam &p : c.params)
                ps.append(p.name + '=' + (p.quoted ? '"' + p.value + '"' : p.value));
            s += '[' + ps.join(',') + ']';
        }
        parts.append(s);
    }
    return parts.join(" | ");
}

QByteArray describe(const QList<ChallengeProblem> &problems)
{
    QByteArrayList parts;
    for (const ChallengeProblem &p : problems)
        parts.append(QByteArray::number(p.field) + ':' + QByteArray::number(p.offset));
    return parts.join(' ');
}
} // namespace

class TestChallengeParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void problemsSayWhat();
    void caseInsensitiveLookup();
    void joinedFieldsParseLikeSeparateOnes();
    void hostileInputIsBounded_data();
    void hostileInputIsBounded();
    void everyPrefixParses();
    void authenticationInfoParams();
    void quoteRoundTrips();
};

void TestChallengeParser::parse_data()
{
    QTest::addColumn<QByteArrayList>("fields");
    QTest::addColumn<QByteArray>("challenges");
    QTest::addColumn<QByteArray>("problems");

    auto row = [](const char *name, QByteArrayList f, QByteArray c, QByteArray p = {}) {
        QTest::newRow(name) << f << c << p;
    };
    row("basic", {R"(Basic realm="simple")"}, R"(Basic[realm="simple"])");
    row("scheme only", {"Negotiate"}, "Negotiate");
    row("token68", {"Negotiate YIIBhAYGKwYBBQUCoIIBeDCCAXSgGDAWBgkqhkiC9xIBAgIGCSqGSIb3EgECAqKCAVYEggFS"},
        "Negotiate<YIIBhAYGKwYBBQUCoIIBeDCCAXSgGDAWBgkqhkiC9xIBAgIGCSqGSIb3EgECAqKCAVYEggFS>");
    row("token68 padding", {"Foo abc==, Bar"}, "Foo<abc==> | Bar");
    row("token68 single pad then param challenge", {"Foo a=, Basic realm=x"}, "Foo<a=> | Basic[realm=x]");
    row("two challenges one field", {R"(Basic realm="a", Digest realm="b", nonce="n", qop="auth,auth-int")"},
        R"(Basic[realm="a"] | Digest[realm="b",nonce="n",qop="auth,auth-int"])");
    row("several fields", {R"(Basic realm="a")", R"(Bearer realm="b", error="invalid_token")"},
        R"(Basic[realm="a"] | Bearer[realm="b",error="invalid_token"])");
    row("rfc9110 example",
        {R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")"},
        R"(Newauth[realm="apps",type=1,title="Login to "apps""] | Basic[realm="simple"])");
    row("escapes", {R"(Basic realm="a\\b\"c\d")"}, R"(Basic[realm="a\b"cd"])");
    row("bws around equals", {"Digest realm = \"x\" ,\tnonce\t=\tabc"}, R"(Digest[realm="x",nonce=abc])");
    row("empty elements", {", , Basic realm=x , , Bearer ,, "}, "Basic[realm=x] | Bearer");
    row("empty field", {""}, "");
    row("empty quoted value", {R"(Basic realm="")"}, R"(Basic[realm=""])");
    row("quoted value with comma", {R"(Digest qop="auth,auth-int", realm="a, b")"},
        R"(Digest[qop="auth,auth-int",realm="a, b"])");
    row("obs-text kept", {"Basic realm=\"caf\xc3\xa9\""}, "Basic[realm=\"caf\xc3\xa9\"]");
    row("case kept", {"bAsIc REALM=x"}, "bAsIc[REALM=x]");
    // Malformed input: a problem with its offset, then the rest still parses.
    row("unterminated quote", {R"(Basic realm="oops, Digest realm="x")"},
        R"(Basic[realm="oops, Digest realm="])", "0:33");
    row("unterminated quote at end", {R"(Basic realm="never)"}, "Basic", "0:12");
    row("garbage element", {R"(Basic realm=x, @@@, Digest realm=y)"}, "Basic[realm=x] | Digest[realm=y]",
        "0:15");
    row("param before scheme", {R"(realm=x, Basic realm=y)"}, "Basic[realm=y]", "0:0");
    row("missing value", {R"(Basic a=b, realm=, Digest nonce=n)"}, "Basic[a=b] | Digest[nonce=n]", "0:17");
    row("scheme then name= is a token68", {R"(Basic realm=, Digest nonce=n)"},
        "Basic<realm=> | Digest[nonce=n]");
    row("junk after value", {R"(Basic realm="a" junk, Digest nonce=n)"},
        R"(Basic[realm="a"] | Digest[nonce=n])", "0:16");
    row("duplicate param", {R"(Basic realm=a, realm=b)"}, "Basic[realm=a]", "0:15");
    row("param after token68", {R"(Foo abc==, x=y)"}, "Foo<abc==>", "0:11");
    row("unquoted base64 nonce accepted", {R"(Digest nonce=ab/c+d==, realm=r)"},
        "Digest[nonce=ab/c+d==,realm=r]", "0:13");
    row("quoted string where token68 expected", {R"(Foo "bar", Basic realm=x)"}, "Foo | Basic[realm=x]",
        "0:4");
    row("bad char after scheme", {"Basic;realm=x, Bearer"}, "Basic | Bearer", "0:5");
    row("problem in second field", {"Basic realm=x", "Digest realm=\"y"}, "Basic[realm=x] | Digest", "1:13");
    row("control char in quotes", {QByteArray("Basic realm=\"a\x01z\"", 17)}, "Basic[realm=\"a\x01z\"]",
        "0:14");
    row("backslash at end", {"Basic realm=\"a\\"}, "Basic", "0:12");
}

void TestChallengeParser::parse()
{
    QFETCH(QByteArrayList, fields);
    QFETCH(QByteArray, challenges);
    QFETCH(QByteArray, problems);
    const ChallengeParseResult r = ChallengeParser::parse(fields);
    QCOMPARE(describe(r.challenges), challenges);
    QCOMPARE(describe(r.problems), problems);
    for (const ChallengeProblem &p : r.problems)
        QVERIFY(!p.message.isEmpty());
}

void TestChallengeParser::problemsSayWhat()
{
    ChallengeParseResult r = ChallengeParser::parse(R"(Basic realm="oops)"_ba);
    QCOMPARE(r.problems.size(), 1);
    QVERIFY2(r.problems.at(0).message.contains(u"never closed"_s), qPrintable(r.problems.at(0).message));
    QVERIFY(r.problems.at(0).message.contains(u"realm"_s));

    r = ChallengeParser::parse(R"(Basic realm=a, realm=b)"_ba);
    QVERIFY2(r.problems.at(0).message.contains(u"twice"_s), qPrintable(r.problems.at(0).message));
}

void TestChallengeParser::caseInsensitiveLookup()
{
    const ChallengeParseResult r =
        ChallengeParser::parse(R"(DIGEST Realm="x", NONCE=abc, Algorithm=sha-256)"_ba);
    QCOMPARE(r.challenges.size(), 1);
    const Challenge &c = r.challenges.at(0);
    QVERIFY(c.isScheme("digest"));
    QCOMPARE(c.param("realm"), "x"_ba);
    QCOMPARE(c.param("nonce"), "abc"_ba);
    QVERIFY(c.hasParam("ALGORITHM"));
    QVERIFY(c.param("opaque").isNull());
}

void TestChallengeParser::joinedFieldsParseLikeSeparateOnes()
{
    const QByteArrayList fields = {R"(Digest realm="a", nonce="x, y", algorithm=SHA-256)", "Negotiate",
                                   R"(Basic realm="b")", "Foo abc=="};
    const ChallengeParseResult separate = ChallengeParser::parse(fields);
    const ChallengeParseResult joined = ChallengeParser::parse(fields.join(", "));
    QCOMPARE(separate.challenges.size(), 4);
    QCOMPARE(joined.challenges, separate.challenges);
    QVERIFY(joined.problems.isEmpty());
}

void TestChallengeParser::hostileInputIsBounded_data()
{
    QTest::addColumn<QByteArrayList>("fields");
    const int n = 200000;
    QTest::newRow("many commas") << QByteArrayList{QByteArray(n, ',')};
    QTest::newRow("many schemes") << QByteArrayList{QByteArray("A, ").repeated(n / 3)};
    QTest::newRow("many params") << QByteArrayList{"Basic " + QByteArray("a=b, ").repeated(n / 5)};
    QTest::newRow("many distinct params") << QByteArrayList{[] {
        QByteArray s = "Digest ";
        for (int i = 0; i < 20000; ++i)
            s += "p" + QByteArray::number(i) + "=v, ";
        return s;
    }()};
    QTest::newRow("many problems") << QByteArrayList{QByteArray("@, ").repeated(n / 3)};
    QTest::newRow("open quote") << QByteArrayList{"Basic realm=\"" + QByteArray(n, '\\')};
    QTest::newRow("many quotes") << QByteArrayList{QByteArray(n, '"')};
    QTest::newRow("equals run") << QByteArrayList{"Foo " + QByteArray(n, '=')};
    QTest::newRow("huge field") << QByteArrayList{"Basic realm=\"" + QByteArray(2 * 1024 * 1024, 'x') + '"'};
    QTest::newRow("many fields") << QByteArrayList(1000, "Basic realm=x");
    QTest::newRow("nul bytes") << QByteArrayList{QByteArray(1000, '\0')};
}

void TestChallengeParser::hostileInputIsBounded()
{
    QFETCH(QByteArrayList, fields);
    const ChallengeParseResult r = ChallengeParser::parse(fields);
    QVERIFY(r.challenges.size() <= ChallengeParser::MaxChallenges);
    QVERIFY(r.problems.size() <= ChallengeParser::MaxProblems + 2);
    for (const Challenge &c : r.challenges)
        QVERIFY(c.params.size() <= ChallengeParser::MaxParamsPerChallenge);
    const bool capped = r.challenges.size() == ChallengeParser::MaxChallenges || !r.problems.isEmpty();
    const bool legit = QTest::currentDataTag() == QByteArray("many commas");
    QVERIFY2(capped || legit, "hostile input must be reported");
}

void TestChallengeParser::everyPrefixParses()
{
    // Cutting a realistic field anywhere must never crash, and what parses
    // before the cut stays the same.
    const QByteArray field =
        R"(Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe\"x", Negotiate abc==, Basic realm="b")"_ba;
    for (qsizetype i = 0; i <= field.size(); ++i) {
        const ChallengeParseResult r = ChallengeParser::parse(field.left(i));
        if (i > 6) {
            QVERIFY(!r.challenges.isEmpty());
            QVERIFY(r.challenges.at(0).isScheme("Digest"));
        }
    }
    QCOMPARE(ChallengeParser::parse(field).challenges.size(), 3);
}

void TestChallengeParser::authenticationInfoParams()
{
    QList<ChallengeProblem> problems;
    const QList<AuthParam> params = ChallengeParser::parseParams(
        R"(rspauth="abc", nextnonce="n2", qop=auth, nc=00000001, cnonce="c")"_ba, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(params.size(), 5);
    QCOMPARE(params.at(1), (AuthParam{"nextnonce", "n2", true}));
    QCOMPARE(params.at(3), (AuthParam{"nc", "00000001", false}));
    ChallengeParser::parseParams("rspauth=\"x, @", &problems);
    QVERIFY(!problems.isEmpty());
}

void TestChallengeParser::quoteRoundTrips()
{
    const QByteArray tricky = R"(a "b" \c, d)"_ba;
    const ChallengeParseResult r = ChallengeParser::parse("X v=" + ChallengeParser::quote(tricky));
    QCOMPARE(r.challenges.value(0).param("v"), tricky);
    QVERIFY(r.problems.isEmpty());
}

QTEST_GUILESS_MAIN(TestChallengeParser)
#include "tst_challengeparser.moc"
