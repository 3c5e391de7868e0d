#include "details/tlsview.h"

#include "http/exchange.h"

#include <QHeaderView>
#include <QLocale>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QTreeWidgetItem *row(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, {name, value});
    item->setToolTip(1, value);
    return item;
}

QTreeWidgetItem *row(QTreeWidget *tree, const QString &name, const QString &value)
{
    auto *item = new QTreeWidgetItem(tree, {name, value});
    item->setToolTip(1, value);
    return item;
}

QString names(const QSslCertificate &cert, bool subject)
{
    QStringList parts;
    const QList<QByteArray> attributes = subject ? cert.subjectInfoAttributes() : cert.issuerInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values = subject ? cert.subjectInfo(attribute) : cert.issuerInfo(attribute);
        for (const QString &v : values)
            parts << QString::fromLatin1(attribute) + u'=' + v;
    }
    return parts.join(u", ");
}

QString fingerprint(const QSslCertificate &cert, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(cert.digest(algorithm).toHex(':').toUpper());
}
} // namespace

TlsView::TlsView(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Field"), tr("Value")});
    setUniformRowHeights(true);
    header()->resizeSection(0, 200);
}

void TlsView::setExchange(const Exchange &e)
{
    clear();
    const TlsInfo &tls = *e.tls;
    if (!tls.used) {
        auto *item = new QTreeWidgetItem(this, {e.url.scheme() == u"https"
                                                    ? tr("No TLS session was recorded for this exchange.")
                                                    : tr("Not encrypted: this exchange used plain HTTP.")});
        item->setFirstColumnSpanned(true);
        return;
    }
    row(this, tr("Protocol"), tls.protocol);
    row(this, tr("Cipher"), tls.cipher);
    QString verification;
    if (tls.verificationDisabled)
        verification = tr("Disabled for this request: the certificate was not checked.");
    else if (tls.errors.isEmpty())
        verification = tr("Passed");
    else
        verification = tr("Failed (%n error(s))", nullptr, int(tls.errors.size()));
    QTreeWidgetItem *verify = row(this, tr("Verification"), verification);
    for (const QString &error : tls.errors)
        row(verify, tr("Error"), error);
    verify->setExpanded(true);

    auto *chain = new QTreeWidgetItem(this, {tr("Certificate chain (%1)").arg(tls.chain.size())});
    chain->setFirstColumnSpanned(true);
    chain->setExpanded(true);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    for (qsizetype i = 0; i < tls.chain.size(); ++i) {
        const QSslCertificate &cert = tls.chain.at(i);
        QStringList cn = cert.subjectInfo(QSslCertificate::CommonName);
        const QString title = cn.isEmpty() ? names(cert, true) : cn.join(u", ");
        auto *item = new QTreeWidgetItem(chain, {i == 0 ? tr("%1 (leaf)").arg(title) : title});
        item->setFirstColumnSpanned(true);
        item->setExpanded(i == 0);
        row(item, tr("Subject"), names(cert, true));
        row(item, tr("Issuer"), names(cert, false));
        row(item, tr("Valid from"),
            locale.toString(cert.effectiveDate().toLocalTime(), QLocale::ShortFormat));
        QString until = locale.toString(cert.expiryDate().toLocalTime(), QLocale::ShortFormat);
        if (cert.expiryDate() < now)
            until += u"  "_s + tr("(expired)");
        else if (cert.effectiveDate() > now)
            until += u"  "_s + tr("(not yet valid)");
        row(item, tr("Valid until"), until);
        const auto alternatives = cert.subjectAlternativeNames();
        if (!alternatives.isEmpty())
            row(item, tr("Alternative names"), QStringList(alternatives.values()).join(u", "));
        row(item, tr("Serial number"), QString::fromLatin1(cert.serialNumber()));
        const QSslKey key = cert.publicKey();
        if (!key.isNull()) {
            QString algorithm;
            switch (key.algorithm()) {
            case QSsl::Rsa:
                algorithm = u"RSA"_s;
                break;
            case QSsl::Ec:
                algorithm = u"EC"_s;
                break;
            case QSsl::Dsa:
                algorithm = u"DSA"_s;
                break;
            case QSsl::Dh:
                algorithm = u"DH"_s;
                break;
            case QSsl::Opaque:
                algorithm = tr("opaque");
                break;
            }
            row(item, tr("Public key"), tr("%1, %2 bits").arg(algorithm).arg(key.length()));
        }
        row(item, tr("SHA-256 fingerprint"), fingerprint(cert, QCryptographicHash::Sha256));
        row(item, tr("SHA-1 fingerprint"), fingerprint(cert, QCryptographicHash::Sha1));
        if (cert.isSelfSigned())
            row(item, tr("Note"), tr("Self-signed"));
    }
}

} // namespace Peephole
