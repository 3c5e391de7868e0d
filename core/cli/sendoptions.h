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
    bool showSecrets = false;     ///< --show-secrets: credentials printed unmasked.
    /// --user NAME without a password: the keychain's credential (spec.auth.fromKeychain), else ask
    /// on the terminal when challenged (with --preemptive: ask before sending).
    bool includeSecrets = false;  ///< --include-secrets: files (HAR) keep credentials.
    bool passwordMissing = false;
    QString oauthName; ///< --oauth NAME: a Bearer token from that OAuth configuration (refreshed as needed).
    bool proxyPasswordMissing = false;
    // Event streams (text/event-stream): events are printed as they arrive.
    bool json = false;     ///< --json: one JSON object per event per line.
    qint64 maxTimeMs = -1; ///< --max-time: stop (cleanly) after this long; -1 = no limit.
    qint64 maxEvents = -1; ///< --max-events: stop (cleanly) after N events; -1 = no limit.
    bool reconnect =
        false; ///< --reconnect: when the stream ends, send again with Last-Event-ID after `retry`.
};

/// Parses the arguments after "send". On error returns false and a one-line
/// message in @p error (with what is wrong and what to do).
bool parseSendOptions(const QStringList &arguments, SendOptions *options, QString *error, bool *helpShown);

/// The text of `peephole-cli send --help`.
QString sendHelp();

} // namespace Peephole::Cli
