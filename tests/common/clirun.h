#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Peephole::Test {

/// What a finished program gave back. exitCode is -1 when it did not start, crashed or was killed.
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

struct ProcessOptions
{
    QProcessEnvironment environment; ///< Empty: the test's own environment.
    QString workingDirectory;        ///< Empty: the test's working directory.
    int timeoutMs = 30000;           ///< Then the program is killed.
    bool closeInput = true;          ///< Close standard input at once (else an idle pipe).
};

/// Runs @p program while this thread's event loop keeps spinning (test servers in the same process
/// go on answering). Standard input is a pipe, never a terminal.
ProcessResult runProcess(const QString &program, const QStringList &args, const ProcessOptions &options = {});

/// The environment of a CLI session confined to @p home: HOME set, the XDG folders unset (so
/// they default to folders under HOME).
QProcessEnvironment environmentWithHome(const QString &home);

} // namespace Peephole::Test
