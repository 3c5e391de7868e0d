#include "cli/wscommand.h"

#include "auth/authoffers.h"
#include "cli/exchangeprinter.h"
#include "cli/exitcodes.h"
#include "cli/streamprinter.h"
#include "cli/terminalcredentials.h"
#include "cli/terminalprompt.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "stream/streamstore.h"
#include "websocket/wserrors.h"
#include "workspace/workspace.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
/// After the end of standard input, the session closes once nothing arrived for this long.
constexpr int LingerMs = 1000;

void printError(const QString &message)
{
    std::fprintf(stderr, "peephole-cli: %s\n", qPrintable(message));
}

void note(const QString &text)
{
    std::fprintf(stderr, "* %s\n", qPrintable(text));
}

/// Text as received, with control characters but newline and tab escaped (a server cannot drive the terminal).
QByteArray printable(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        const auto u = uchar(c);
        if ((u < 0x20 && u != '\t' && u != '\n') || u == 0x7f)
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        else
            out += c;
    }
    const QString s = QString::fromUtf8(out); // C1 controls (U+0080..U+009F) too
    QString cleaned;
    for (const QChar ch : s)
        cleaned += (ch.unicode() >= 0x80 && ch.unicode() < 0xa0)
                       ? u"\\u%1"_s.arg(int(ch.unicode()), 4, 16, QChar(u'0'))
                       : QString(ch);
    return cleaned.toUtf8();
}

QString kindName(StreamMessage::Kind kind)
{
    switch (kind) {
    case StreamMessage::Kind::Text:
        return u"text"_s;
    case StreamMessage::Kind::Binary:
        return u"binary"_s;
    case StreamMessage::Kind::Ping:
        return u"ping"_s;
    case StreamMessage::Kind::Pong:
        return u"pong"_s;
    case StreamMessage::Kind::Close:
        return u"close"_s;
    case StreamMessage::Kind::SseEvent:
        return u"event"_s;
    }
    return {};
}
} // namespace

WsCommand::WsCommand(QObject *parent) : QObject(parent), m_workspace(new Workspace(this))
{
    m_linger.setSingleShot(true);
    m_linger.setInterval(LingerMs);
    connect(&m_linger, &QTimer::timeout, this, [this] { stop(tr("end of standard input")); });
}

WsCommand::~WsCommand() = default;

int WsCommand::run(const QStringList &arguments)
{
    QString error;
    bool help = false;
    if (!parseWsOptions(arguments, &m_options, &error, &help)) {
        printError(error);
        return error.contains(u"cannot read"_s) ? InputFile : Usage;
    }
    if (help) {
        std::fputs(qPrintable(wsHelp()), stdout);
        return Success;
    }
    AuthSettings &auth = m_options.spec.request.auth;
    if (m_options.passwordMissing && !auth.fromKeychain &&
        !promptSecret(tr("Password for %1 at %2: ").arg(auth.user, m_options.spec.request.url.host()),
                      &auth.password)) {
        printError(tr("--user %1 has no password and there is no terminal to ask on; use --user NAME:PASSWORD")
                       .arg(auth.user));
        return Usage;
    }
    TerminalCredentials prompt;
    if (auth.fromKeychain)
        prompt.setKnownUser(AuthOffers::originOf(m_options.spec.request.url), auth.user);
    m_workspace->setCredentialProvider(&prompt);

    HttpSession *http = m_workspace->session();
    StreamStore *streams = http->streams();
    m_session = new WebSocketSession(http, this);
    QEventLoop loop;
    QTimer ping;
    connect(m_session, &WebSocketSession::finished, &loop, &QEventLoop::quit);
    connect(m_session, &WebSocketSession::opened, this, [this, &ping] {
        printHeads();
        if (!m_session->subprotocol().isEmpty())
            note(tr("subprotocol: %1").arg(m_session->subprotocol()));
        if (!m_options.sendFile.isEmpty()) {
            QFile f(m_options.sendFile);
            if (!f.open(QIODevice::ReadOnly)) {
                printError(tr("cannot read \"%1\": %2").arg(m_options.sendFile, f.errorString()));
                stop(tr("--send-file could not be read"));
                return;
            }
            m_session->sendBinary(f.readAll());
        }
        if (m_options.pingIntervalMs > 0)
            ping.start(std::chrono::milliseconds(m_options.pingIntervalMs));
        sendPending();
    });
    connect(&ping, &QTimer::timeout, this, [this] { m_session->ping("peephole"); });
    connect(streams, &StreamStore::messageAdded, this, [this, streams](quint64 id, qint64 received) {
        const StreamRecord *record = streams->find(id);
        if (!record || id != m_session->exchangeId())
            return;
        const qsizetype index = qsizetype(received - record->dropped - 1);
        if (index < 0 || index >= record->messages.size())
            return;
        const StreamMessage &m = record->messages.at(index);
        if (!print(m)) {
            m_outputFailed = true;
            stop(tr("the standard output cannot be written"));
            return;
        }
        if (m_linger.isActive())
            m_linger.start();
        const bool data = m.kind == StreamMessage::Kind::Text || m.kind == StreamMessage::Kind::Binary;
        if (data && m.direction == StreamMessage::Direction::Received && ++m_received == m_options.maxMessages)
            stop(tr("--max-messages %1 reached").arg(m_options.maxMessages));
    });
    QTimer maxTime;
    maxTime.setSingleShot(true);
    connect(&maxTime, &QTimer::timeout, this,
            [this] { stop(tr("--max-time %1 s reached").arg(double(m_options.maxTimeMs) / 1000.0)); });
    if (m_options.maxTimeMs > 0)
        maxTime.start(std::chrono::milliseconds(m_options.maxTimeMs));
    onInterrupt([](void *self) { static_cast<WsCommand *>(self)->stop(tr("interrupted (Ctrl-C)")); }, this);

    ::fcntl(STDIN_FILENO, F_SETFL, ::fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_input, &QSocketNotifier::activated, this, &WsCommand::onInput);

    m_session->open(m_options.spec);
    if (m_session->state() != WebSocketSession::State::Closed)
        loop.exec();
    endInterruptHandling();
    delete m_input;
    m_input = nullptr;
    printHeads(); // the session never opened: the handshake chain shows why
    m_workspace->setCredentialProvider(nullptr);
    return exitCode();
}

void WsCommand::printHeads()
{
    if (m_headsPrinted)
        return;
    m_headsPrinted = true;
    ExchangePrinter printer(stderr, stdout, SendOptions::Mode::Normal, m_options.showSecrets);
    for (const Exchange &e : m_workspace->log()->chain(m_session->chainId()))
        printer.printHeads(e);
}

void WsCommand::onInput()
{
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n > 0) {
            m_inputBuffer.append(buffer, n);
            continue;
        }
        if (n == 0) {
            m_inputEnded = true;
            m_input->setEnabled(false);
            if (!m_inputBuffer.isEmpty() && !m_inputBuffer.endsWith('\n')) // a last line without a newline
                m_inputBuffer.append('\n');
        }
        break; // EAGAIN: all read for now
    }
    qsizetype nl;
    while ((nl = m_inputBuffer.indexOf('\n')) >= 0) {
        QByteArray line = m_inputBuffer.left(nl);
        m_inputBuffer.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        m_pending.append(line);
    }
    sendPending();
}

void WsCommand::sendPending()
{
    if (m_session->state() != WebSocketSession::State::Open)
        return;
    for (const QByteArray &line : std::as_const(m_pending)) {
        if (m_options.binary)
            m_session->sendBinary(line);
        else
            m_session->sendText(QString::fromUtf8(line));
    }
    m_pending.clear();
    if (m_inputEnded && !m_options.keepOpen)
        m_linger.start(); // closes once nothing arrived for a while: the answers still come in
}

bool WsCommand::print(const StreamMessage &m)
{
    const bool received = m.direction == StreamMessage::Direction::Received;
    QByteArray text;
    if (m_options.json) {
        QJsonObject o;
        o.insert(u"time"_s, wallClockAt(m.timeNs).toString(Qt::ISODateWithMs));
        o.insert(u"direction"_s, received ? u"received"_s : u"sent"_s);
        o.insert(u"type"_s, kindName(m.kind));
        if (m.kind == StreamMessage::Kind::Close) {
            o.insert(u"code"_s, m.closeCode);
            o.insert(u"reason"_s, QString::fromUtf8(m.data));
        } else {
            o.insert(u"size"_s, m.data.size());
            if (m.frames > 1)
                o.insert(u"frames"_s, int(m.frames));
            if (m.kind == StreamMessage::Kind::Text)
                o.insert(u"data"_s, QString::fromUtf8(m.data));
            else
                o.insert(u"base64"_s, QString::fromLatin1(m.data.toBase64()));
        }
        text = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    } else if (!received) {
        return true; // what was typed is not echoed
    } else if (m.kind == StreamMessage::Kind::Text) {
        text = printable(m.data) + '\n';
    } else if (m.kind == StreamMessage::Kind::Binary) {
        text = tr("[binary, %n byte(s)] ", nullptr, int(qMin<qsizetype>(m.data.size(), INT_MAX))).toUtf8() +
               m.data.left(64).toHex(' ') + (m.data.size() > 64 ? " ..." : "") + '\n';
    } else if (m.kind == StreamMessage::Kind::Pong) {
        note(tr("pong: %1").arg(QString::fromUtf8(printable(m.data))));
        return true;
    } else {
        return true; // Close: reported by the exit
    }
    return std::fwrite(text.constData(), 1, size_t(text.size()), stdout) == size_t(text.size()) &&
           std::fflush(stdout) == 0;
}

void WsCommand::stop(const QString &reason)
{
    if (!m_stopReason.isEmpty())
        return;
    m_stopReason = reason;
    m_session->close(1000, QString());
}

int WsCommand::exitCode() const
{
    using End = WebSocketSession::End;
    const QString code = m_session->closeCode() >= 0 ? QString::number(m_session->closeCode()) : QString();
    if (m_outputFailed) {
        printError(tr("cannot write the messages to the standard output"));
        return Output;
    }
    switch (m_session->end()) {
    case End::None:
    case End::Normal:
        if (!m_stopReason.isEmpty())
            note(tr("closed by Peephole (%1)").arg(m_stopReason));
        else
            note(tr("closed by the server: %1 %2").arg(code, m_session->closeReason()).trimmed());
        return Success;
    case End::ClosedByPeer: {
        const QString name = closeCodeName(m_session->closeCode());
        printError(tr("the server closed the session with %1%2%3")
                       .arg(code, name.isEmpty() ? QString() : u" ("_s + name + u')',
                            m_session->closeReason().isEmpty() ? QString() : u": "_s + m_session->closeReason()));
        return WsClosedByPeer;
    }
    case End::Dropped:
        printError(tr("the connection dropped without a closing handshake (1006)"));
        return WsDropped;
    case End::TooBig:
        printError(tr("an incoming message was larger than --max-message-size (%1 bytes); closed with 1009")
                       .arg(m_options.spec.maxMessageSize));
        return BodyTooLarge;
    case End::HandshakeFailed:
        printError(m_session->error().message);
        return WsHandshakeFailed;
    case End::AuthFailed:
        printError(m_session->error().message);
        return AuthFailed;
    case End::Error:
        printError(m_session->error().message);
        if (m_session->error().kind == ExchangeError::Kind::Cancelled && !m_stopReason.isEmpty())
            return Timeout;
        return exitCodeFor(m_session->error().kind);
    }
    return Transport;
}

} // namespace Peephole::Cli
