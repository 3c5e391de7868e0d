#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QThread;

namespace Peephole {

class HttpServer;

/// The demo API that `peephole --demo` serves on 127.0.0.1 (a free port),
/// so a new user can try every feature without network access.
///
/// Endpoints (any method unless noted):
///   /             index: JSON list of the endpoints
///   /json         a ~2 MB deterministic JSON document
///   /image.png    a 256x256 PNG
///   /redirect     302 to /json
///   /basic        Basic auth (demo / peephole)
///   /digest       Digest auth, SHA-256 and MD5 offered, qop=auth (demo / peephole)
///   /bearer       Bearer token "demo-token"; a wrong one gets error="invalid_token"
///   /cookies      sets two cookies and echoes the cookies received
///   /slow         head after 2 s, then the body trickled in 10 pieces
///   /echo         the request as JSON (method, target, headers in order, body)
class DemoApi : public QObject
{
    Q_OBJECT
public:
    /// One endpoint, for building the demo collection and the index.
    struct Endpoint
    {
        QByteArray method; ///< Suggested method.
        QByteArray path;
        QString description; ///< Translated, one line.
        QString auth;        ///< "" or e.g. "Basic demo / peephole".
    };

    explicit DemoApi(QObject *parent = nullptr);
    ~DemoApi() override;

    /// Starts serving on 127.0.0.1:@p port (0: a free port). False on failure (see errorString()).
    bool start(quint16 port = 0);
    void stop();
    bool isRunning() const;
    QString errorString() const;
    /// "http://127.0.0.1:<port>" (no trailing slash).
    QUrl baseUrl() const;
    /// The underlying server (requests() shows what the demo received).
    HttpServer *server() const { return m_server; }

    static QList<Endpoint> endpoints();
    static QByteArray user() { return QByteArrayLiteral("demo"); }
    static QByteArray password() { return QByteArrayLiteral("peephole"); }
    static QByteArray token() { return QByteArrayLiteral("demo-token"); }
    static QByteArray realm() { return QByteArrayLiteral("Peephole demo"); }

private:
    void setupRoutes();

    HttpServer *m_server;
    QThread *m_warmUp; ///< Builds the /json document in the background.
};

} // namespace Peephole
