#pragma once

#include "http/requestspec.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace Peephole {

/// The Options tab: timeout, redirects, TLS, HTTP/2 and proxy.
class OptionsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit OptionsEditor(QWidget *parent = nullptr);

    RequestOptions options() const;
    void setOptions(const RequestOptions &options);

Q_SIGNALS:
    void edited();

private:
    QDoubleSpinBox *m_timeout;
    QCheckBox *m_follow;
    QSpinBox *m_maxRedirects;
    QCheckBox *m_verify;
    QLineEdit *m_caFile;
    QLineEdit *m_clientCert;
    QLineEdit *m_clientKey;
    QCheckBox *m_http2;
    QCheckBox *m_h2c;
    QLineEdit *m_proxy;
};

} // namespace Peephole
