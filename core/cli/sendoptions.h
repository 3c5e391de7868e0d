#pragma once

#include "http/requestspec.h"

#include <QStringList>

namespace Peephole::Cli {

/// Everything `peephole-cli send` was asked to do.
struct SendOptions
{
    enum class Mode { Normal, Verbose, Head, BodyOnly };

    RequestSpec spec;
    Mode mode = Mode::Normal;
    QString outputFile;
    QString harFile;
    bool fail = false;
    bool showSecrets = false;     ///< --show-secrets: the terminal shows credentials unmasked.
    bool includeSecrets = false;  ///< --include-secrets: files (HAR) keep credentials.
    bool passwordMissing = false; ///< --user NAME without a password: ask on the terminal.
    bool proxyPasswordMissing = false;
};

/// Parses the arguments after "send". On error returns false and a one-line
/// message in @p error (with what is wrong and what to do).
bool parseSendOptions(const QStringList &arguments, SendOptions *options, QString *error, bool *helpShown);

/// The text of `peephole-cli send --help`.
QString sendHelp();

} // namespace Peephole::Cli
