#include "oidcfixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

OidcFixture::~OidcFixture()
{
    m_server.kill();
    m_server.waitForFinished();
}

bool OidcFixture::start(QString *error)
{
    const QString src = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/oauth/"_s;
    const QString dir = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + u"/npm/oauth"_s;
    if (!QDir().mkpath(dir)) {
        *error = u"cannot create "_s + dir;
        return false;
    }
    for (const QString &name : {u"package.json"_s, u"package-lock.json"_s, u"oidc-server.mjs"_s}) {
        QFile::remove(dir + u'/' + name);
        if (!QFile::copy(src + name, dir + u'/' + name)) {
            *error = u"cannot copy "_s + src + name;
            return false;
        }
    }
    if (!QFile::exists(dir + u"/node_modules/oidc-provider/package.json"_s)) {
        QProcess npm;
        npm.setWorkingDirectory(dir);
        npm.start(u"npm"_s, {u"ci"_s, u"--no-audit"_s, u"--no-fund"_s});
        if (!npm.waitForFinished(300000) || npm.exitCode() != 0) {
            *error = u"npm ci failed: "_s + QString::fromUtf8(npm.readAllStandardError());
            return false;
        }
    }
    m_server.setWorkingDirectory(dir);
    m_server.start(u"node"_s, {u"oidc-server.mjs"_s});
    if (!m_server.waitForStarted()) {
        *error = u"node is not installed"_s;
        return false;
    }
    QByteArray out;
    while (!out.contains("APIPORT ") || !out.endsWith('\n')) {
        if (!m_server.waitForReadyRead(30000)) {
            *error = u"oidc-server.mjs did not start: "_s + QString::fromUtf8(m_server.readAllStandardError());
            return false;
        }
        out += m_server.readAllStandardOutput();
    }
    const auto m = QRegularExpression(u"PORT (\\d+)\\nAPIPORT (\\d+)"_s).match(QString::fromLatin1(out));
    m_port = m.captured(1).toInt();
    m_apiPort = m.captured(2).toInt();
    return m_port > 0 && m_apiPort > 0;
}
