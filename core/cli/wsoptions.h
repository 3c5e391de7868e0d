#pragma once

#include "websocket/websocketsession.h"

#include <QStringList>

namespace Peephole::Cli {

/// Everything `peephole-cli ws` was asked to do.
struct WsOptions
{
    WebSocketSpec spec;
    bool showSecrets = false;   ///< --show-secrets: credentials in the printed handshake unmasked.
    bool json = false;          ///< --json: one JSON object per message, sent and received.
    bool binary = false;        ///< --binary: each stdin line goes out as a binary message.
    bool keepOpen = false;      ///< --keep-open: the end of stdin does not close the session.
    QString sendFile;           ///< --send-file: sent as one binary message once open.
    qint64 maxTimeMs = -1;      ///< --max-time: close (normally) after this long.
    qint64 maxMessages = -1;    ///< --max-messages: close (normally) after N received messages.
    qint64 pingIntervalMs = -1; ///< --ping: send a ping this often.
    bool passwordMissing = false;
};

/// Parses the arguments after "ws"; on error false with a one-line message.
bool parseWsOptions(const QStringList &arguments, WsOptions *options, QString *error, bool *helpShown);
QString wsHelp();

} // namespace Peephole::Cli
