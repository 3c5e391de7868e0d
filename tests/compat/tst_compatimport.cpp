#include "server/authgate.h"
#include "server/httpserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "clirun.h"

using namespace Qt::StringLiterals;
using namespace Peephole;

// What a user who brings a curl line, a HAR or a Postman export gets from
// `peephole-cli convert` and `peephole-cli run`: formats inferred and said,
// every option carried or refused by name, and the converted file sends what
// the original did — checked on a real server (which is also the proxy).
class TestCompatImport : public QObject
{
    Q_OBJECT

    Test::ProcessResult cli(const QStringList &args)
    {
        Test::ProcessOptions options;
        options.environment = Test::environmentWithHome(m_dir.path() + u"/home"_s);
        return Test::runProcess(QStringLiteral(PEEPHOLE_CLI), args, options);
    }

    QString write(const QString &name, QByteArray text)
    {
        text.replace("HOST", host());
        const QString path = m_dir.path() + u'/' + name;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text);
        return path;
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QByteArray host() const { return "127.0.0.1:" + QByteArray::number(m_server.port()); }

    /// The requests the server saw for @p path, oldest first.
    QList<ServerRequest> seen(const QByteArray &path) const
    {
        QList<ServerRequest> out;
        for (const ServerRequest &r : m_server.requests()) {
            if (r.path == path)
                out.append(r);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.route("/inspect", [](const ServerRequest &, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, "inspected\n");
            r.gzip = true;
        });
        m_server.route("/start", [](const ServerRequest &req, ScriptedResponse &r) {
            r = ScriptedResponse::text(302, "moved\n");
            r.headers.append({"Location", "/inspect?" + req.query, true});
        });
        m_server.route("/echo", [](const ServerRequest &req, ScriptedResponse &r) {
            r = ScriptedResponse::text(200, req.body);
        });
        QVERIFY(m_server.listen());
    }

    void convertInfersBothFormatsAndSaysSo()
    {
        const QString curl = write(u"infer/login.txt"_s, "curl -H 'X-A: 1' http://HOST/echo\n");
        Test::ProcessResult r = cli({u"convert"_s, curl, m_dir.path() + u"/infer/login.http"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("as curl: inferred from its content"), r.err.constData());
        QVERIFY2(r.err.contains("as http: inferred from its extension"), r.err.constData());
        QVERIFY(read(m_dir.path() + u"/infer/login.http"_s).contains(QByteArray("GET http://" + host() + "/echo")));

        // .http -> Postman (.postman_collection.json) -> HAR, each inferred from content and name.
        const QString pm = m_dir.path() + u"/infer/c.postman_collection.json"_s;
        r = cli({u"convert"_s, m_dir.path() + u"/infer/login.http"_s, pm});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("as http: inferred from its content"), r.err.constData());
        QVERIFY(r.err.contains("as postman: inferred from its extension"));
        const QString har = m_dir.path() + u"/infer/c.har"_s;
        r = cli({u"convert"_s, pm, har});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("as postman: inferred from its content"), r.err.constData());
        QVERIFY(r.err.contains("as har: inferred from its extension"));
        // A HAR with a misleading name is still read as HAR; --to wins over the extension.
        const QString odd = write(u"infer/capture.txt"_s, read(har));
        r = cli({u"convert"_s, u"--to"_s, u"curl"_s, odd, m_dir.path() + u"/infer/out.http"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("as har: inferred from its content"), r.err.constData());
        QVERIFY(!r.err.contains("writing"));
        QVERIFY(read(m_dir.path() + u"/infer/out.http"_s).startsWith("curl"));
        // Nothing to infer from: a clear usage error naming the option.
        const QString blob = write(u"infer/blob.bin"_s, "\x01\x02 nothing\n");
        r = cli({u"convert"_s, blob, m_dir.path() + u"/infer/x.http"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("give --from"), r.err.constData());
        r = cli({u"convert"_s, curl});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("give --to"), r.err.constData());
        QVERIFY(!QFileInfo::exists(m_dir.path() + u"/infer/x.http"_s));
    }

    void curlOptionsAreCarriedIntoTheHttpFileAndSent()
    {
        auto gate = std::make_shared<AuthGate>(AuthRole::Proxy);
        gate->setCredentials("pu", "proxy pw");
        gate->offerBasic("proxy");
        m_server.setProxyGate(gate);
        // origin.invalid resolves nowhere: only a request through the proxy (this server) arrives.
        const QString in = write(
            u"curl/cmd.curl"_s,
            "curl -x http://HOST --proxy-user 'pu:proxy pw' --http1.1 --compressed -k --max-time 20 \\\n"
            "  -L -G --data-urlencode 'q=a b&c' -b 'flavour=oat' -c jar.txt -u key: \\\n"
            "  --cacert ./ca.pem http://origin.invalid/start\n");
        const QString out = m_dir.path() + u"/curl/cmd.http"_s;
        Test::ProcessResult r = cli({u"convert"_s, in, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("--cookie-jar jar.txt"), r.err.constData()); // refused by name
        const QByteArray http = read(out);
        QVERIFY2(http.contains(QByteArray("# @proxy http://" + host() + '\n')), http.constData());
        QVERIFY2(http.contains("# @peephole-proxy-auth user=pu secret={{"), http.constData());
        QVERIFY(!http.contains("proxy pw"));
        QVERIFY(http.contains("# @peephole-insecure\n"));
        QVERIFY(http.contains("# @peephole-timeout 20000\n"));
        QVERIFY2(http.contains(QByteArray("# @peephole-cacert " + QDir(m_dir.path()).absoluteFilePath(u"curl/ca.pem"_s).toUtf8() + '\n')), http.constData());
        QVERIFY(http.contains("# @peephole-auth basic user=key preemptive\n"));
        QVERIFY2(http.contains("GET http://origin.invalid/start?q=a%20b%26c HTTP/1.1\n"), http.constData());
        QVERIFY(http.contains("Cookie: {{")); // a secret: its value went to the private environment file
        QVERIFY(!http.contains("@no-redirect"));
        const QByteArray privateEnv = read(m_dir.path() + u"/curl/http-client.private.env.json"_s);
        QVERIFY(privateEnv.contains("proxy pw"));
        QVERIFY(privateEnv.contains("flavour=oat"));

        // Run it: through the proxy with its credentials, HTTP/1.1, the redirect followed, the query,
        // cookie and the empty-password Basic credentials sent, the gzip body decoded.
        QByteArray runnable = http;
        runnable.replace("# @peephole-cacert", "# cacert not needed for http:");
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(runnable);
        f.close();
        const qsizetype before = m_server.requests().size();
        r = cli({u"run"_s, out});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("PASS     200"), r.out.constData());
        const QList<ServerRequest> inspected = seen("/inspect");
        QVERIFY(!inspected.isEmpty());
        const ServerRequest &last = inspected.last();
        QVERIFY(last.absoluteForm);
        QCOMPARE(last.header("proxy-authorization"), QByteArray("Basic " + QByteArray("pu:proxy pw").toBase64()));
        QCOMPARE(last.header("authorization"), QByteArray("Basic " + QByteArray("key:").toBase64()));
        QCOMPARE(last.header("cookie"), QByteArray("flavour=oat"));
        QCOMPARE(last.query, QByteArray("q=a%20b%26c"));
        QCOMPARE(last.version, QByteArray("HTTP/1.1"));
        QVERIFY(last.header("accept-encoding").contains("gzip"));
        QVERIFY(gate->rejectionCount() >= 1);
        QVERIFY(m_server.requests().size() > before);
        m_server.setProxyGate(nullptr);
    }

    void curlHttpVersionsAreCarriedOrRefusedByName()
    {
        const QString in = write(u"versions/h2.curl"_s, "curl --http2 http://HOST/echo\n");
        Test::ProcessResult r = cli({u"convert"_s, in, m_dir.path() + u"/versions/h2.http"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning: --http2: On an http:// URL"), r.err.constData());
        const QString prior = write(u"versions/prior.curl"_s, "curl --http2-prior-knowledge http://HOST/echo\n");
        r = cli({u"convert"_s, prior, m_dir.path() + u"/versions/prior.http"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(read(m_dir.path() + u"/versions/prior.http"_s).contains("/echo HTTP/2 (Prior Knowledge)\n"));
        QVERIFY(!r.err.contains("warning"));
    }

    void curlFormsAreCarriedAndSent()
    {
        write(u"form/up.txt"_s, "file content 42\n");
        const QString in = write(u"form/form.curl"_s,
                                 "curl -F 'name=Ann' -F 'doc=@./up.txt;type=text/plain' http://HOST/echo\n");
        const QString out = m_dir.path() + u"/form/form.http"_s;
        Test::ProcessResult r = cli({u"convert"_s, in, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray http = read(out);
        QVERIFY2(http.contains(QByteArray("POST http://" + host() + "/echo")), http.constData());
        QVERIFY2(http.contains("Content-Disposition: form-data; name=\"doc\""), http.constData());
        r = cli({u"run"_s, out});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        const ServerRequest last = seen("/echo").last();
        QVERIFY(last.header("content-type").startsWith("multipart/form-data; boundary="));
        QVERIFY2(last.body.contains("name=\"name\"\r\n\r\nAnn\r\n"), last.body.constData());
        QVERIFY(last.body.contains("filename=\"up.txt\""));
        QVERIFY(last.body.contains("Content-Type: text/plain\r\n\r\nfile content 42\n"));
    }

    void harChainsBecomeTheRequestTheUserMade()
    {
        // What a browser records for one click: the redirect, the 401, the retry with credentials.
        // And a request whose secrets a sanitiser replaced by "[redacted]".
        auto entry = [](const QByteArray &method, const QByteArray &url, int status, const QByteArray &reqHeaders,
                        const QByteArray &respHeaders, const QByteArray &post = {}) -> QByteArray {
            return "{\"startedDateTime\":\"2026-01-05T10:00:00.000Z\",\"time\":1,"
                   "\"request\":{\"method\":\"" + method + "\",\"url\":\"" + url +
                   "\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[" + reqHeaders +
                   "],\"queryString\":[],\"cookies\":[],\"headersSize\":-1,\"bodySize\":-1" + post +
                   "},\"response\":{\"status\":" + QByteArray::number(status) +
                   ",\"statusText\":\"\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[" + respHeaders +
                   "],\"cookies\":[],\"content\":{\"size\":0,\"mimeType\":\"text/plain\"},"
                   "\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":0},\"cache\":{},"
                   "\"timings\":{\"send\":0,\"wait\":1,\"receive\":0}}";
        };
        auto h = [](const QByteArray &name, const QByteArray &value) -> QByteArray {
            return "{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}";
        };
        const QByteArray base = "http://" + host();
        QByteArrayList entries{
            entry("GET", base + "/old", 302, h("Accept", "*/*"), h("Location", "/gated")),
            entry("GET", base + "/gated", 401, h("Accept", "*/*"), h("WWW-Authenticate", "Basic realm=\\\"r\\\"")),
            entry("GET", base + "/gated", 200,
                  h("Accept", "*/*") + ',' + h("Authorization", QByteArray("Basic " + QByteArray("ann:pw 1").toBase64())), {}),
            entry("POST", base + "/echo?token=%5Bredacted%5D&page=2", 200,
                  h("X-Api-Key", "[redacted]") + ',' + h("Cookie", "sid=[redacted]; theme=dark") + ',' +
                      h("Content-Type", "application/json"),
                  {}, ",\"postData\":{\"mimeType\":\"application/json\",\"text\":"
                      "\"{\\\"user\\\":\\\"ann\\\",\\\"password\\\":\\\"[redacted]\\\"}\"}"),
        };
        const QString har = write(u"har/session.har"_s,
                                  "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\","
                                  "\"version\":\"537.36\"},\"entries\":[" + entries.join(',') + "]}}");
        const QString out = m_dir.path() + u"/har/session.http"_s;
        Test::ProcessResult r = cli({u"convert"_s, har, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("converted 2 requests"), r.err.constData());
        QVERIFY2(r.err.contains("The entries 2, 3 are the redirects and authentication retries"), r.err.constData());
        const QByteArray http = read(out);
        QVERIFY2(!http.contains("redacted]"), http.constData());
        QVERIFY(!http.contains("%5Bredacted"));
        QVERIFY(!http.contains("/gated"));
        QVERIFY(!http.contains("pw 1"));
        QVERIFY2(http.contains(QByteArray("GET " + base + "/old\n")), http.constData());
        QVERIFY2(http.contains("# @peephole-auth basic user=ann secret={{"), http.constData());
        QVERIFY2(http.contains(QByteArray("POST " + base + "/echo?token={{token}}&page=2\n")), http.constData());
        QVERIFY(http.contains("X-Api-Key: {{x_api_key}}\n"));
        QVERIFY(http.contains("Cookie: sid={{cookie_sid}}; theme=dark\n"));
        QVERIFY(http.contains("\"password\":\"{{password}}\""));
        QVERIFY(r.err.contains("{{cookie_sid}}"));

        // Run: the first request follows the redirect and answers the Basic challenge itself; the second
        // is an error naming the variable until the user sets it, then sends the values given.
        auto gate = std::make_shared<AuthGate>();
        gate->setCredentials("ann", "pw 1");
        gate->offerBasic("r");
        m_server.route("/old", [](const ServerRequest &, ScriptedResponse &resp) {
            resp = ScriptedResponse::text(302, "moved\n");
            resp.headers.append({"Location", "/gated", true});
        });
        m_server.route("/gated", [gate](const ServerRequest &req, ScriptedResponse &resp) {
            const AuthGate::Outcome o = gate->check(req);
            resp = o.allowed ? ScriptedResponse::text(200, "in\n") : o.rejection;
        });
        r = cli({u"run"_s, out});
        QCOMPARE(r.exitCode == 0, false);
        QVERIFY2(r.out.contains("PASS     200"), r.out.constData());
        QVERIFY2(r.out.contains("token"), r.out.constData());
        r = cli({u"run"_s, u"--var"_s, u"token=T1"_s, u"--var"_s, u"x_api_key=K1"_s, u"--var"_s,
                 u"cookie_sid=S1"_s, u"--var"_s, u"password=P1"_s, out});
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        const ServerRequest last = seen("/echo").last();
        QCOMPARE(last.query, QByteArray("token=T1&page=2"));
        QCOMPARE(last.header("x-api-key"), QByteArray("K1"));
        QCOMPARE(last.header("cookie"), QByteArray("sid=S1; theme=dark"));
        QCOMPARE(last.body, QByteArray(R"({"user":"ann","password":"P1"})"));
        QCOMPARE(seen("/gated").last().header("authorization"), QByteArray("Basic " + QByteArray("ann:pw 1").toBase64()));
    }

private:
    QTemporaryDir m_dir;
    HttpServer m_server;
};

QTEST_GUILESS_MAIN(TestCompatImport)
#include "tst_compatimport.moc"
