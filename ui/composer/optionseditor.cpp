#include "composer/optionseditor.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace Peephole {

OptionsEditor::OptionsEditor(QWidget *parent)
    : QWidget(parent), m_timeout(new QDoubleSpinBox(this)),
      m_follow(new QCheckBox(tr("Follow redirects"), this)), m_maxRedirects(new QSpinBox(this)),
      m_verify(new QCheckBox(tr("Verify the server's TLS certificate"), this)), m_caFile(new QLineEdit(this)),
      m_clientCert(new QLineEdit(this)), m_clientKey(new QLineEdit(this)),
      m_http2(new QCheckBox(tr("Allow HTTP/2 over TLS"), this)),
      m_h2c(new QCheckBox(tr("Cleartext HTTP/2 with prior knowledge (h2c)"), this)),
      m_proxy(new QLineEdit(this))
{
    m_timeout->setRange(0, 3600);
    m_timeout->setDecimals(1);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("No timeout"));
    m_maxRedirects->setRange(0, 100);
    m_caFile->setPlaceholderText(tr("Extra CA certificates (PEM file)"));
    m_clientCert->setPlaceholderText(tr("Client certificate (PEM or .p12)"));
    m_clientKey->setPlaceholderText(tr("Client key (PEM), when not in the certificate file"));
    m_proxy->setPlaceholderText(tr("http://host:port or socks5://host:port"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(QString(), m_follow);
    form->addRow(tr("Redirect limit:"), m_maxRedirects);
    form->addRow(QString(), m_verify);
    form->addRow(tr("CA file:"), m_caFile);
    form->addRow(tr("Client certificate:"), m_clientCert);
    form->addRow(tr("Client key:"), m_clientKey);
    form->addRow(QString(), m_http2);
    form->addRow(QString(), m_h2c);
    form->addRow(tr("Proxy:"), m_proxy);

    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, &OptionsEditor::edited);
    connect(m_maxRedirects, &QSpinBox::valueChanged, this, &OptionsEditor::edited);
    for (QCheckBox *c : {m_follow, m_verify, m_http2, m_h2c})
        connect(c, &QCheckBox::toggled, this, &OptionsEditor::edited);
    for (QLineEdit *e : {m_caFile, m_clientCert, m_clientKey, m_proxy})
        connect(e, &QLineEdit::textEdited, this, &OptionsEditor::edited);
    connect(m_follow, &QCheckBox::toggled, m_maxRedirects, &QWidget::setEnabled);
    setOptions(RequestOptions{});
}

RequestOptions OptionsEditor::options() const
{
    RequestOptions o;
    o.timeoutMs = int(m_timeout->value() * 1000);
    o.followRedirects = m_follow->isChecked();
    o.maxRedirects = m_maxRedirects->value();
    o.verifyTls = m_verify->isChecked();
    o.caFile = m_caFile->text();
    o.clientCertFile = m_clientCert->text();
    o.clientKeyFile = m_clientKey->text();
    o.http2Allowed = m_http2->isChecked();
    o.h2cPriorKnowledge = m_h2c->isChecked();
    o.proxy = QUrl(m_proxy->text().trimmed());
    return o;
}

void OptionsEditor::setOptions(const RequestOptions &o)
{
    QSignalBlocker blocker(this);
    m_timeout->setValue(o.timeoutMs / 1000.0);
    m_follow->setChecked(o.followRedirects);
    m_maxRedirects->setValue(o.maxRedirects);
    m_maxRedirects->setEnabled(o.followRedirects);
    m_verify->setChecked(o.verifyTls);
    m_caFile->setText(o.caFile);
    m_clientCert->setText(o.clientCertFile);
    m_clientKey->setText(o.clientKeyFile);
    m_http2->setChecked(o.http2Allowed);
    m_h2c->setChecked(o.h2cPriorKnowledge);
    m_proxy->setText(o.proxy.toString());
}

} // namespace Peephole
