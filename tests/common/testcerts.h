#pragma once

#include "server/httpserver.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTemporaryDir>

namespace Peephole::Test {

/// Test PKI made with the `openssl` command line into a temporary directory
/// (removed with the object): a self-signed CA, a server certificate signed
/// by it for localhost and 127.0.0.1, a client certificate signed by it (also
/// as PKCS#12), and a self-signed server certificate no CA vouches for.
/// Keys are EC P-256, valid 30 days. Usage:
///
///     Test::TestCerts certs;
///     QVERIFY2(certs.isValid(), qPrintable(certs.errorString()));
///     server.listenTls(certs.serverOptions());
class TestCerts
{
public:
    /// Generates everything; check isValid().
    TestCerts();

    bool isValid() const { return m_error.isEmpty(); }
    /// What failed (the openssl command and its output).
    QString errorString() const { return m_error; }
    QString dir() const { return m_dir.path(); }

    QString caCertPath() const { return path(u"ca.crt"); }
    QString serverCertPath() const { return path(u"server.crt"); }
    QString serverKeyPath() const { return path(u"server.key"); }
    QString clientCertPath() const { return path(u"client.crt"); }
    QString clientKeyPath() const { return path(u"client.key"); }
    /// client.crt + client.key + ca.crt as PKCS#12, protected by p12Password().
    QString clientP12Path() const { return path(u"client.p12"); }
    static QString p12Password() { return QStringLiteral("peephole"); }
    QString selfSignedCertPath() const { return path(u"selfsigned.crt"); }
    QString selfSignedKeyPath() const { return path(u"selfsigned.key"); }

    QSslCertificate caCert() const { return loadCert(caCertPath()); }
    QSslCertificate serverCert() const { return loadCert(serverCertPath()); }
    QSslKey serverKey() const { return loadKey(serverKeyPath()); }
    QSslCertificate clientCert() const { return loadCert(clientCertPath()); }
    QSslKey clientKey() const { return loadKey(clientKeyPath()); }

    /// Options for HttpServer::listenTls() with the CA-signed server certificate. With
    /// @p requireClientCert the server demands a client certificate signed by the CA.
    ServerTlsOptions serverOptions(bool requireClientCert = false) const;
    /// Same with the self-signed certificate (clients that trust only the CA must refuse it).
    ServerTlsOptions selfSignedServerOptions() const;

    static QSslCertificate loadCert(const QString &path);
    static QSslKey loadKey(const QString &path);

private:
    QString path(QStringView name) const { return m_dir.filePath(name.toString()); }
    bool run(const QStringList &args);
    bool writeFile(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace Peephole::Test
