#pragma once

// Helpers shared by the files of OAuthCommand.

#include "redact/redact.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QString>

#include <cstdio>

namespace Peephole::Cli::OAuthCli {

inline QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

inline void printError(const QString &message)
{
    std::fprintf(stderr, "peephole-cli: %s\n", Redact::escapeControls(message.toUtf8(), true).constData());
}

/// Runs an event loop until @p start calls the quit function it is given.
template<typename Start>
void waitFor(Start start)
{
    QEventLoop loop;
    bool done = false;
    start([&] {
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
}

QString usage();

} // namespace Peephole::Cli::OAuthCli
