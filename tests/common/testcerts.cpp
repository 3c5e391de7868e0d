#include "testcerts.h"

#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Peephole::Test {

namespace {
const QStringList EcKey = {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                           u"-nodes"_s};
} // namespace

bool TestCerts::run(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"openssl"_s, args);
    if (!p.waitForStarted(10000)) {
        m_error =
            u"cannot start 'openssl' (is the openssl command line tool installed?): "_s + p.errorString();
        return false;
    }
    p.waitForFinished(60000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = u"'openssl "_s + args.join(u' ') + u"' failed: "_s + QString::fromLocal8Bit(p.readAll());
        return false;
    }
    return true;
}

bool TestCerts::writeFile(const QString &name, const QByteArray &content)
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        m_error = u"cannot write "_s + f.fileName() + u": "_s + f.errorString();
        return false;
    }
    return true;
}

TestCerts::TestCerts()
{
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary directory: "_s + m_dir.errorString();
        return;
    }
    const QByteArray serverExt = "basicConstraints=CA:FALSE\n"
                                 "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                 "extendedKeyUsage=serverAuth\n"
                                 "subjectAltName=DNS:localhost,IP:127.0.0.1\n"_ba;
    const QByteArray clientExt = "basicConstraints=CA:FALSE\n"
                                 "keyUsage=critical,digitalSignature\n"
                                 "extendedKeyUsage=clientAuth\n"_ba;
    const QStringList caArgs = QStringList{u"req"_s, u"-x509"_s} + EcKey +
                               QStringList{u"-keyout"_s, u"ca.key"_s,
                                           u"-out"_s,    u"ca.crt"_s,
                                           u"-days"_s,   u"30"_s,
                                           u"-subj"_s,   u"/CN=Peephole Test CA"_s,
                                           u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                           u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s};
    auto signedCert = [this](const QString &name, const QString &cn, const QString &ext) {
        return run(QStringList{u"req"_s, u"-new"_s} + EcKey +
                   QStringList{u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s, u"-subj"_s,
                               cn}) &&
               run({u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s,
                    u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, name + u".crt"_s, u"-days"_s, u"30"_s,
                    u"-extfile"_s, ext});
    };
    const QStringList selfSignedArgs =
        QStringList{u"req"_s, u"-x509"_s} + EcKey +
        QStringList{u"-keyout"_s, u"selfsigned.key"_s,
                    u"-out"_s,    u"selfsigned.crt"_s,
                    u"-days"_s,   u"30"_s,
                    u"-subj"_s,   u"/CN=localhost"_s,
                    u"-addext"_s, u"subjectAltName=DNS:localhost,IP:127.0.0.1"_s};
    const bool ok = writeFile(u"server.ext"_s, serverExt) && writeFile(u"client.ext"_s, clientExt) &&
                    run(caArgs) && signedCert(u"server"_s, u"/CN=localhost"_s, u"server.ext"_s) &&
                    signedCert(u"client"_s, u"/CN=Peephole Test Client"_s, u"client.ext"_s) &&
                    run({u"pkcs12"_s, u"-export"_s, u"-in"_s, u"client.crt"_s, u"-inkey"_s, u"client.key"_s,
                         u"-certfile"_s, u"ca.crt"_s, u"-out"_s, u"client.p12"_s, u"-passout"_s,
                         u"pass:"_s + p12Password()}) &&
                    run(selfSignedArgs);
    if (ok && (caCert().isNull() || serverCert().isNull() || serverKey().isNull()))
        m_error = u"openssl ran but Qt cannot load the generated PEM files in "_s + m_dir.path();
}

QSslCertificate TestCerts::loadCert(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(f.readAll(), QSsl::Pem);
}

QSslKey TestCerts::loadKey(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QSslKey(f.readAll(), QSsl::Ec, QSsl::Pem);
}

ServerTlsOptions TestCerts::serverOptions(bool requireClientCert) const
{
    ServerTlsOptions o;
    o.certificate = serverCert();
    o.privateKey = serverKey();
    o.chain = {caCert()};
    if (requireClientCert) {
        o.clientCaCertificates = {caCert()};
        o.peerVerifyMode = QSslSocket::VerifyPeer;
    }
    return o;
}

ServerTlsOptions TestCerts::selfSignedServerOptions() const
{
    ServerTlsOptions o;
    o.certificate = loadCert(selfSignedCertPath());
    o.privateKey = loadKey(selfSignedKeyPath());
    return o;
}

} // namespace Peephole::Test
