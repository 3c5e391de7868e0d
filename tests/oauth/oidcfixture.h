#pragma once

#include <QProcess>
#include <QString>

/// oidc-provider (npm) started from tests/oauth/oidc-server.mjs on free loopback ports,
/// installed with `npm ci` into build/npm/oauth the first time.
class OidcFixture
{
public:
    ~OidcFixture();
    /// False with @p error when npm or node fail.
    bool start(QString *error);
    int port() const { return m_port; }
    int apiPort() const { return m_apiPort; }
    QString issuer() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString api() const { return QStringLiteral("http://127.0.0.1:%1/api/me").arg(m_apiPort); }

private:
    QProcess m_server;
    int m_port = 0;
    int m_apiPort = 0;
};
