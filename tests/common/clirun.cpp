#include "clirun.h"

#include <QProcess>
#include <QSignalSpy>

namespace Peephole::Test {

ProcessResult runProcess(const QString &program, const QStringList &args, const ProcessOptions &options)
{
    QProcess p;
    if (!options.environment.isEmpty())
        p.setProcessEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(program, args);
    if (options.closeInput)
        p.closeWriteChannel();
    ProcessResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!finished.wait(options.timeoutMs) && finished.isEmpty()) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QProcessEnvironment environmentWithHome(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        env.remove(QString::fromLatin1(name));
    return env;
}

} // namespace Peephole::Test
