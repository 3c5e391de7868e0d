#include "http/tlsconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Tls", text);
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    *data = f.readAll();
    return true;
}

bool loadClientCertificate(const RequestOptions &options, QSslConfiguration *config, QString *error)
{
    const QString &path = options.clientCertFile;
    QByteArray data;
    if (!readFile(path, &data, error))
        return false;
    const QByteArray pass = options.clientCertPassphrase.toUtf8();
    if (path.endsWith(u".p12"_s, Qt::CaseInsensitive) || path.endsWith(u".pfx"_s, Qt::CaseInsensitive)) {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        QSslKey key;
        QSslCertificate cert;
        QList<QSslCertificate> chain;
        if (!QSslCertificate::importPkcs12(&f, &key, &cert, &chain, pass)) {
            *error =
                tr("Cannot load the PKCS#12 client certificate %1: wrong passphrase or not a PKCS#12 file.")
                    .arg(path);
            return false;
        }
        config->setLocalCertificate(cert);
        config->setPrivateKey(key);
        if (!chain.isEmpty())
            config->setLocalCertificateChain(QList<QSslCertificate>{cert} + chain);
        return true;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(data, QSsl::Pem);
    if (certs.isEmpty()) {
        *error = tr("%1 holds no PEM certificate.").arg(path);
        return false;
    }
    QByteArray keyData = data;
    if (!options.clientKeyFile.isEmpty() && !readFile(options.clientKeyFile, &keyData, error))
        return false;
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, pass);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey, pass);
    if (key.isNull()) {
        const QString keyPath = options.clientKeyFile.isEmpty() ? path : options.clientKeyFile;
        *error =
            tr("No usable private key in %1 (PEM RSA or EC expected; is a passphrase needed?).").arg(keyPath);
        return false;
    }
    config->setLocalCertificateChain(certs);
    config->setPrivateKey(key);
    return true;
}
} // namespace

bool buildTlsConfiguration(const RequestOptions &options, QSslConfiguration *config, QString *error)
{
    *config = QSslConfiguration::defaultConfiguration();
    // Verification stays on even when the user turned it off: the transfer then ignores the
    // errors, so the exchange still records what was wrong with the certificate.
    if (!options.caFile.isEmpty()) {
        QByteArray data;
        if (!readFile(options.caFile, &data, error))
            return false;
        const QList<QSslCertificate> cas =
            QSslCertificate::fromData(data, QSsl::Pem) + QSslCertificate::fromData(data, QSsl::Der);
        if (cas.isEmpty()) {
            *error = tr("%1 holds no certificate (PEM or DER expected).").arg(options.caFile);
            return false;
        }
        config->addCaCertificates(cas);
    }
    if (!options.clientCertFile.isEmpty() && !loadClientCertificate(options, config, error))
        return false;
    return true;
}

QString describeCertificate(const QSslCertificate &cert)
{
    return tr("subject \"%1\", issuer \"%2\", valid %3 to %4, SHA-256 %5")
        .arg(cert.subjectDisplayName(), cert.issuerDisplayName(), cert.effectiveDate().toString(Qt::ISODate),
             cert.expiryDate().toString(Qt::ISODate),
             QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':')));
}

} // namespace Peephole
