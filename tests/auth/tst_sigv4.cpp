// AWS Signature V4 against AWS's published test-suite vectors (tests/auth/sigv4/) and the
// presigned-URL example of the S3 documentation.

#include "auth/sigv4.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Peephole;

class TestSigV4 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void suite_data();
    void suite();
    void presignedUrlOfTheS3Documentation();
    void providersInCurlsForm();
    void unsignedPayloadAndOtherProviders();

private:
    QJsonObject m_suite;
};

namespace {
QJsonObject loadSuite()
{
    QFile f(qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/auth/sigv4/aws-sig-v4-test-suite.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

void TestSigV4::suite_data()
{
    m_suite = loadSuite();
    QVERIFY2(!m_suite.isEmpty(), "tests/auth/sigv4/aws-sig-v4-test-suite.json could not be read");
    QTest::addColumn<QJsonObject>("testCase");
    const QJsonArray cases = m_suite.value(u"cases"_s).toArray();
    QVERIFY(cases.size() >= 20);
    for (const QJsonValue &c : cases) {
        const QJsonObject o = c.toObject();
        QTest::newRow(qPrintable(o.value(u"name"_s).toString())) << o;
    }
}

void TestSigV4::suite()
{
    QFETCH(QJsonObject, testCase);
    const QJsonObject config = m_suite.value(u"config"_s).toObject();
    SigV4Params params;
    params.accessKey = config.value(u"accessKeyId"_s).toString();
    params.secretKey = config.value(u"secretAccessKey"_s).toString();
    params.region = config.value(u"region"_s).toString();
    params.service = config.value(u"service"_s).toString();

    SigV4Input in;
    in.method = testCase.value(u"method"_s).toString().toLatin1();
    const QByteArray uri = testCase.value(u"uri"_s).toString().toUtf8();
    const qsizetype q = uri.indexOf('?');
    in.path = q < 0 ? uri : uri.left(q);
    in.query = q < 0 ? QByteArray() : uri.mid(q + 1);
    for (const QJsonValue &h : testCase.value(u"headers"_s).toArray()) {
        const QJsonArray pair = h.toArray();
        in.headers.append({pair.at(0).toString().toUtf8(), pair.at(1).toString().toUtf8(), true});
    }
    // The suite's request files carry Content-Length for form posts, but the published
    // Authorization does not sign it (its canonical request does): sign what the Authorization names.
    const QByteArray authz = testCase.value(u"authz"_s).toString().toUtf8();
    const QByteArray signedList = authz.mid(authz.indexOf("SignedHeaders=") + 14).split(',').first();
    const QList<QByteArray> names = signedList.split(';');
    HeaderList kept;
    for (const HeaderField &h : in.headers)
        if (names.contains(h.name.toLower()))
            kept.append(h);
    const bool droppedSome = kept.size() != in.headers.size();
    in.headers = kept;
    in.payloadHash = SigV4::hexSha256(testCase.value(u"body"_s).toString().toUtf8());

    const SigV4Result r = SigV4::sign(in, params);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QByteArray creq = testCase.value(u"creq"_s).toString().toUtf8();
    const QByteArray sts = testCase.value(u"sts"_s).toString().toUtf8();
    if (droppedSome) {
        QCOMPARE(r.authorization, authz);
        return;
    }
    QCOMPARE(r.canonicalRequest, creq);
    if (!sts.endsWith(SigV4::hexSha256(creq))) {
        // post-x-www-form-urlencoded-parameters: the suite's string to sign (and so its
        // Authorization) is not the hash of its own canonical request, which we match exactly.
        QSKIP("AWS suite errata: the published string to sign does not hash the published canonical "
              "request (checked above); its signature cannot be reproduced");
    }
    QCOMPARE(r.stringToSign, sts);
    QCOMPARE(r.authorization, authz);
}

void TestSigV4::presignedUrlOfTheS3Documentation()
{
    // "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", the example URL.
    SigV4Params p;
    p.accessKey = u"AKIAIOSFODNN7EXAMPLE"_s;
    p.secretKey = u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s;
    p.region = u"us-east-1"_s;
    p.service = u"s3"_s;
    p.time = QDateTime(QDate(2013, 5, 24), QTime(0, 0), Qt::UTC);
    SigV4Result r;
    const QUrl url = SigV4::presign("GET", QUrl(u"https://examplebucket.s3.amazonaws.com/test.txt"_s),
                                    "examplebucket.s3.amazonaws.com", 86400, p, &r);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(url.toString(QUrl::FullyEncoded),
             u"https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
             "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
             "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
             "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"_s);
    QVERIFY(r.canonicalRequest.endsWith("\nhost\nUNSIGNED-PAYLOAD"));

    // Temporary credentials go into the signed query.
    p.sessionToken = u"TOKEN/with+chars="_s;
    const QUrl withToken = SigV4::presign("GET", QUrl(u"https://examplebucket.s3.amazonaws.com/test.txt"_s),
                                          "examplebucket.s3.amazonaws.com", 60, p, &r);
    QCOMPARE(QUrlQuery(withToken).queryItemValue(u"X-Amz-Security-Token"_s, QUrl::FullyDecoded),
             u"TOKEN/with+chars="_s);
    QVERIFY(r.canonicalRequest.contains("X-Amz-Security-Token=TOKEN%2Fwith%2Bchars%3D"));
}

void TestSigV4::providersInCurlsForm()
{
    SigV4Params p;
    QString error;
    QVERIFY(SigV4::parseProviders(u"aws:amz:eu-west-1:execute-api"_s, u"127.0.0.1"_s, &p, &error));
    QCOMPARE(p.provider1, "aws");
    QCOMPARE(p.provider2, "amz");
    QCOMPARE(p.region, u"eu-west-1"_s);
    QCOMPARE(p.service, u"execute-api"_s);
    // Region and service from the host, as curl takes them.
    QVERIFY(SigV4::parseProviders(u"aws:amz"_s, u"sqs.us-west-2.amazonaws.com"_s, &p, &error));
    QCOMPARE(p.region, u"us-west-2"_s);
    QCOMPARE(p.service, u"sqs"_s);
    QVERIFY(!SigV4::parseProviders(u"aws:amz"_s, u"localhost"_s, &p, &error));
    QVERIFY2(error.contains(u"REGION:SERVICE"_s), qPrintable(error));
    QVERIFY(!SigV4::parseProviders(u"aws:amz:a:b:c"_s, u"localhost"_s, &p, &error));
    QVERIFY(!SigV4::parseProviders(u"aws:am z"_s, u"localhost"_s, &p, &error));
}

void TestSigV4::unsignedPayloadAndOtherProviders()
{
    SigV4Params p;
    p.accessKey = u"AK"_s;
    p.secretKey = u"SK"_s;
    p.region = u"r1"_s;
    p.service = u"s3"_s;
    SigV4Input in;
    in.method = "PUT";
    in.path = "/a%20b//c";
    in.headers = {{"Host", "h", true}, {"X-Amz-Date", "20200101T000000Z", true}};
    in.payloadHash = SigV4::UnsignedPayload;
    SigV4Result r = SigV4::sign(in, p);
    QVERIFY(r.ok());
    // S3: the path exactly as sent, and the payload as named.
    QVERIFY(r.canonicalRequest.startsWith("PUT\n/a%20b//c\n"));
    QVERIFY(r.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD"));
    // Other services: normalised and encoded once more.
    p.service = u"execute-api"_s;
    r = SigV4::sign(in, p);
    QVERIFY(r.canonicalRequest.startsWith("PUT\n/a%2520b/c\n"));
    // curl's provider form: "osc:osc" makes OSC4-HMAC-SHA256, X-Osc-Date, osc4_request.
    p.provider1 = "osc";
    p.provider2 = "osc";
    in.headers = {{"Host", "h", true}, {"X-Osc-Date", "20200101T000000Z", true}};
    r = SigV4::sign(in, p);
    QVERIFY(r.authorization.startsWith("OSC4-HMAC-SHA256 Credential=AK/20200101/r1/execute-api/osc4_request, "
                                       "SignedHeaders=host;x-osc-date, Signature="));
    // A missing secret or a bad date is an error, not a wrong signature.
    p.secretKey.clear();
    QVERIFY(!SigV4::sign(in, p).ok());
    p.secretKey = u"SK"_s;
    in.headers = {{"Host", "h", true}, {"X-Osc-Date", "yesterday", true}};
    QVERIFY(SigV4::sign(in, p).error.contains(u"yesterday"_s));
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
