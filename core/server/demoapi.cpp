#include "demoapi.h"

#include "authgate.h"
#include "demodata.h"
#include "httpserver.h"
#include "routes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
ScriptedResponse json(const QJsonObject &object)
{
    return ScriptedResponse::text(200, QJsonDocument(object).toJson(QJsonDocument::Indented),
                                  "application/json"_ba);
}

RouteHandler authenticated(const QString &scheme)
{
    return [scheme](const ServerRequest &, ScriptedResponse &response) {
        response = json(QJsonObject{{u"authenticated"_s, true},
                                    {u"scheme"_s, scheme},
                                    {u"user"_s, QString::fromUtf8(DemoApi::user())}});
    };
}
} // namespace

DemoApi::DemoApi(QObject *parent) : QObject(parent), m_server(new HttpServer(this))
{
    // Building the 2 MB document takes ~0.1 s: do it off the caller's (GUI) thread. A request for
    // /json that comes earlier waits for it on the function-local static's initialization.
    m_warmUp = QThread::create([] { DemoData::largeJson(); });
    m_warmUp->start(QThread::LowPriority);
    setupRoutes();
}

DemoApi::~DemoApi()
{
    m_warmUp->wait();
    delete m_warmUp;
}

bool DemoApi::start(quint16 port)
{
    return m_server->listen(port, QHostAddress::LocalHost);
}

void DemoApi::stop()
{
    m_server->close();
}

bool DemoApi::isRunning() const
{
    return m_server->isListening();
}

QString DemoApi::errorString() const
{
    return m_server->errorString();
}

QUrl DemoApi::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:"_s + QString::number(m_server->port()));
}

QList<DemoApi::Endpoint> DemoApi::endpoints()
{
    const QString creds = QString::fromUtf8(user() + " / " + password());
    return {
        {"GET"_ba, "/"_ba, tr("Index of the demo endpoints"), {}},
        {"GET"_ba, "/json"_ba, tr("A large JSON document (about 2 MB)"), {}},
        {"GET"_ba, "/image.png"_ba, tr("A PNG image"), {}},
        {"GET"_ba, "/redirect"_ba, tr("Redirects (302) to /json"), {}},
        {"GET"_ba, "/basic"_ba, tr("Needs Basic authentication"), u"Basic "_s + creds},
        {"GET"_ba, "/digest"_ba, tr("Needs Digest authentication (SHA-256 or MD5, qop=auth)"),
         u"Digest "_s + creds},
        {"GET"_ba, "/bearer"_ba, tr("Needs a Bearer token"), u"Bearer "_s + QString::fromUtf8(token())},
        {"GET"_ba, "/cookies"_ba, tr("Sets cookies and shows the ones it received"), {}},
        {"GET"_ba, "/slow"_ba, tr("Answers after 2 seconds and trickles its body"), {}},
        {"POST"_ba, "/echo"_ba, tr("Returns the request it received as JSON"), {}},
    };
}

void DemoApi::setupRoutes()
{
    m_server->route("/"_ba, [](const ServerRequest &, ScriptedResponse &response) {
        QJsonArray list;
        const QList<Endpoint> all = endpoints();
        for (const Endpoint &e : all)
            list.append(QJsonObject{{u"method"_s, QString::fromLatin1(e.method)},
                                    {u"path"_s, QString::fromLatin1(e.path)},
                                    {u"description"_s, e.description},
                                    {u"auth"_s, e.auth}});
        response = json(QJsonObject{{u"name"_s, u"Peephole demo API"_s}, {u"endpoints"_s, list}});
    });
    m_server->route("/json"_ba, [](const ServerRequest &, ScriptedResponse &response) {
        response = ScriptedResponse::text(200, DemoData::largeJson(), "application/json"_ba);
    });
    m_server->route("/image.png"_ba, ScriptedResponse::text(200, DemoData::png(), "image/png"_ba));
    Routes::addRedirect(*m_server, "/redirect"_ba, 302, "/json"_ba);
    m_server->route("/echo"_ba, Routes::echo());

    auto basic = std::make_shared<AuthGate>();
    basic->setCredentials(user(), password());
    basic->offerBasic(realm());
    m_server->route("/basic"_ba, protect(basic, authenticated(u"Basic"_s)));

    auto digest = std::make_shared<AuthGate>();
    digest->setCredentials(user(), password());
    DigestOptions options;
    options.realm = realm();
    options.algorithms = {DigestAlgorithm::Sha256, DigestAlgorithm::Md5};
    options.qops = {"auth"_ba};
    digest->offerDigest(options);
    m_server->route("/digest"_ba, protect(digest, authenticated(u"Digest"_s)));

    auto bearer = std::make_shared<AuthGate>();
    BearerOptions bearerOptions;
    bearerOptions.realm = realm();
    bearerOptions.tokens.insert(token(), {});
    bearerOptions.invalidTokenDescription = "The token is not valid; the demo token is \"demo-token\""_ba;
    bearer->offerBearer(bearerOptions);
    m_server->route("/bearer"_ba, protect(bearer, authenticated(u"Bearer"_s)));

    m_server->route("/cookies"_ba, [](const ServerRequest &request, ScriptedResponse &response) {
        QJsonObject received;
        const QList<QByteArray> fields = Headers::values(request.headers, "Cookie");
        for (const QByteArray &field : fields) {
            const QList<QByteArray> pairs = field.split(';');
            for (const QByteArray &pair : pairs) {
                const qsizetype eq = pair.indexOf('=');
                if (eq > 0)
                    received.insert(QString::fromUtf8(pair.first(eq).trimmed()),
                                    QString::fromUtf8(pair.mid(eq + 1).trimmed()));
            }
        }
        response = json(QJsonObject{{u"received"_s, received}});
        response.headers.append(
            HeaderField{"Set-Cookie"_ba, "session=demo-session; Path=/; HttpOnly"_ba, true});
        response.headers.append(HeaderField{"Set-Cookie"_ba, "theme=dark; Path=/; Max-Age=3600"_ba, true});
    });

    QByteArray slowBody;
    for (int i = 1; i <= 10; ++i)
        slowBody += "line " + QByteArray::number(i) + " of 10\n";
    m_server->route("/slow"_ba, Routes::slow(2000, slowBody, 10, 200));
}

} // namespace Peephole
