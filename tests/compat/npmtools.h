#pragma once

// newman and httpyac (npm), installed by the tests into the build tree from the checked-in
// package.json + package-lock.json of tests/compat, as tests/stream does with better-sse.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

namespace Peephole::CompatTest {

/// The folder holding node_modules; empty and @p error when npm could not install it.
inline QString npmTools(QString *error)
{
    const QString src = qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + QStringLiteral("/tests/compat/");
    const QString dir = qEnvironmentVariable("PEEPHOLE_BINARY_DIR") + QStringLiteral("/npm/compat");
    QDir().mkpath(dir);
    for (const QString &name : {QStringLiteral("package.json"), QStringLiteral("package-lock.json")}) {
        QFile::remove(dir + u'/' + name);
        if (!QFile::copy(src + name, dir + u'/' + name)) {
            *error = QStringLiteral("cannot copy ") + src + name;
            return {};
        }
    }
    if (!QFile::exists(dir + QStringLiteral("/node_modules/.bin/newman")) ||
        !QFile::exists(dir + QStringLiteral("/node_modules/.bin/httpyac"))) {
        QProcess npm;
        npm.setWorkingDirectory(dir);
        npm.start(QStringLiteral("npm"), {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")});
        if (!npm.waitForFinished(480000) || npm.exitCode() != 0) {
            *error = QStringLiteral("npm ci failed: ") + QString::fromUtf8(npm.readAllStandardError());
            return {};
        }
    }
    return dir;
}

} // namespace Peephole::CompatTest
