#include "websocket/wshandshake.h"

#include "http/tlsconfig.h"
#include "websocket/wserrors.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QNetworkCookie>
#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWsHandshake, "peephole.websocket.handshake", QtWarningMsg)

namespace Peephole {

namespace {
constexpr qsizetype MaxHead = 64 * 1024;
constexpr qsizetype MaxBody = 1024 * 1024;
constexpr int DefaultHandshakeMs = 30000;

bool listHas(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &part : value.split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}
} // namespace

WsHandshake::WsHandshake(const QUrl &url, const HeaderList &fields, const RequestOptions &options,
                         const QNetworkProxy &proxy, QObject *parent)
    : QObject(parent), m_url(url), m_options(options), m_proxy(proxy)
{
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    m_key = QByteArray(reinterpret_cast<const char *>(random), sizeof random).toBase64();
    for (const HeaderField &f : fields) {
        if (!f.enabled)
            continue;
        m_sent.append(f);
        if (f.name.compare("Sec-WebSocket-Version", Qt::CaseInsensitive) == 0)
            m_sent.append({"Sec-WebSocket-Key", m_key, true});
    }
    if (!Headers::contains(m_sent, "Sec-WebSocket-Key"))
        m_sent.append({"Sec-WebSocket-Key", m_key, true});
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WsHandshake::onTimeout);
}

WsHandshake::~WsHandshake()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QByteArray WsHandshake::acceptFor(const QByteArray &key)
{
    return QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                    QCryptographicHash::Sha1)
        .toBase64();
}

void WsHandshake::start()
{
    const bool tls = m_url.scheme() == u"wss"_s;
    const int port = m_url.port(tls ? 443 : 80);
    m_timings.startNs = monotonicNs();
    if (tls) {
        auto *ssl = new QSslSocket(this);
        QSslConfiguration config;
        QString error;
        if (!buildTlsConfiguration(m_options, &config, &error)) {
            m_socket = ssl;
            finish({ExchangeError::Kind::Tls, error});
            return;
        }
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")}); // WebSocket over h2 is RFC 8441
        ssl->setSslConfiguration(config);
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            m_timings.tlsDoneNs = monotonicNs();
            onConnected();
        });
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            for (const QSslError &e : errors) {
                QString text = e.errorString();
                if (!e.certificate().isNull())
                    text += u" (" + describeCertificate(e.certificate()) + u')';
                m_tls.errors.append(text);
            }
            if (!m_options.verifyTls)
                ssl->ignoreSslErrors();
        });
        m_tls.verificationDisabled = !m_options.verifyTls;
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &WsHandshake::onConnected);
    }
    m_socket->setProxy(m_proxy);
    connect(m_socket, &QTcpSocket::readyRead, this, &WsHandshake::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &WsHandshake::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &WsHandshake::onSocketError);
    const int limit = m_options.connectTimeoutMs > 0 ? m_options.connectTimeoutMs
                      : m_options.timeoutMs > 0     ? m_options.timeoutMs
                                                    : DefaultHandshakeMs;
    m_timer.start(limit);
    m_timings.connectStartNs = monotonicNs();
    if (tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_url.host(), quint16(port));
    else
        m_socket->connectToHost(m_url.host(), quint16(port));
}

void WsHandshake::abort()
{
    finish({ExchangeError::Kind::Cancelled, tr("Cancelled.")});
}

void WsHandshake::onConnected()
{
    QByteArray head = "GET " + requestTargetOf(m_url) + " HTTP/1.1\r\n" + Headers::toWire(m_sent) + "\r\n";
    m_socket->write(head);
    m_timings.requestSentNs = monotonicNs();
    m_timer.start(m_options.timeoutMs > 0 ? m_options.timeoutMs : DefaultHandshakeMs);
}

void WsHandshake::onReadyRead()
{
    if (m_done)
        return;
    m_buffer += m_socket->readAll();
    if (!m_headDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > MaxHead)
                finish({ExchangeError::Kind::MalformedResponse,
                        tr("The handshake response head passed %1 KiB without ending; the connection was "
                           "closed.")
                            .arg(MaxHead / 1024)});
            return;
        }
        m_headSize = end + 4;
        m_timings.headersNs = monotonicNs();
        if (!parseHead())
            return;
        m_headDone = true;
        m_buffer.remove(0, m_headSize);
        if (m_status == 101) {
            checkSwitch();
            return;
        }
        if (m_status >= 100 && m_status < 200) { // another interim answer: not an upgrade
            finish({ExchangeError::Kind::MalformedResponse,
                    tr("The server answered %1 instead of 101 Switching Protocols.").arg(m_status)});
            return;
        }
    }
    m_body += m_buffer;
    m_buffer.clear();
    if (m_body.size() > MaxBody) {
        m_body.truncate(MaxBody);
        m_notes.append(tr("Only the first %1 KiB of the body were kept.").arg(MaxBody / 1024));
        finish();
        return;
    }
    if (m_contentLength >= 0 && m_body.size() >= m_contentLength) {
        m_body.truncate(m_contentLength);
        finish();
    }
}

bool WsHandshake::parseHead()
{
    const QList<QByteArray> lines = m_buffer.left(m_headSize - 4).split('\n');
    const QByteArray status = lines.value(0).trimmed();
    const QList<QByteArray> parts = status.split(' ');
    bool ok = false;
    m_status = parts.value(1).toInt(&ok);
    if (!status.startsWith("HTTP/") || !ok || m_status < 100 || m_status > 999) {
        finish({ExchangeError::Kind::MalformedResponse,
                tr("The handshake response does not start with an HTTP status line: \"%1\".")
                    .arg(QString::fromLatin1(status.left(80)))});
        return false;
    }
    m_version = parts.value(0);
    m_reason = status.mid(parts.value(0).size() + parts.value(1).size() + 2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !m_received.isEmpty()) { // obs-fold
            m_received.last().value += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            finish({ExchangeError::Kind::MalformedResponse,
                    tr("Line %1 of the handshake response head is not a field: \"%2\".")
                        .arg(i + 1)
                        .arg(QString::fromLatin1(line.left(80)))});
            return false;
        }
        m_received.append({line.left(colon), line.mid(colon + 1).trimmed(), true});
    }
    const QByteArray length = Headers::value(m_received, "Content-Length");
    m_contentLength = length.isNull() ? -1 : length.toLongLong();
    if (m_status != 101 && m_contentLength < 0 && Headers::contains(m_received, "Transfer-Encoding"))
        m_contentLength = 0; // a chunked error page: the head is what matters here
    if (m_status >= 200 && m_contentLength < 0 && !listHas(Headers::value(m_received, "Connection"), "close"))
        m_contentLength = 0;
    return true;
}

void WsHandshake::checkSwitch()
{
    const QByteArray upgrade = Headers::value(m_received, "Upgrade");
    const QByteArray accept = Headers::value(m_received, "Sec-WebSocket-Accept");
    m_subprotocol = Headers::value(m_received, "Sec-WebSocket-Protocol");
    const QList<QByteArray> offered =
        Headers::value(m_sent, "Sec-WebSocket-Protocol").isNull()
            ? QList<QByteArray>{}
            : Headers::value(m_sent, "Sec-WebSocket-Protocol").split(',');
    QString problem;
    if (upgrade.compare("websocket", Qt::CaseInsensitive) != 0)
        problem = tr("its Upgrade field is \"%1\", not \"websocket\"").arg(QString::fromLatin1(upgrade));
    else if (!listHas(Headers::value(m_received, "Connection"), "upgrade"))
        problem = tr("its Connection field does not say \"Upgrade\"");
    else if (accept != acceptFor(m_key))
        problem = tr("its Sec-WebSocket-Accept \"%1\" does not match the key sent (expected \"%2\")")
                      .arg(QString::fromLatin1(accept), QString::fromLatin1(acceptFor(m_key)));
    else if (!m_subprotocol.isEmpty() &&
             std::none_of(offered.begin(), offered.end(),
                          [this](const QByteArray &p) { return p.trimmed() == m_subprotocol; }))
        problem = tr("it chose the subprotocol \"%1\", which was not offered")
                      .arg(QString::fromLatin1(m_subprotocol));
    if (!problem.isEmpty()) {
        finish({ExchangeError::Kind::MalformedResponse,
                tr("The server answered 101 but %1 (RFC 6455 §4.1); the connection was closed.").arg(problem)});
        return;
    }
    m_switched = true;
    // This connection only recorded the handshake: end it with a masked Close 1000 frame.
    quint32 maskWord = QRandomGenerator::global()->generate();
    const auto *mask = reinterpret_cast<const char *>(&maskWord);
    QByteArray frame("\x88\x82", 2);
    frame.append(mask, 4);
    frame.append(char(0x03 ^ mask[0]));
    frame.append(char(0xE8 ^ mask[1]));
    m_socket->write(frame);
    m_socket->flush();
    finish();
}

void WsHandshake::onSocketError()
{
    if (m_done)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead(); // what arrived with the close comes first
    if (m_done)
        return;
    if (m_headDone && m_status != 101) {
        finish(); // a body delimited by the close
        return;
    }
    finish(socketError(m_socket, m_url, m_headDone, m_tls.errors));
}

void WsHandshake::onTimeout()
{
    if (m_done)
        return;
    const bool connected = m_timings.requestSentNs >= 0;
    finish({ExchangeError::Kind::Timeout,
            connected ? tr("No complete handshake answer from %1 within %2 s.")
                            .arg(m_url.authority())
                            .arg(m_timer.interval() / 1000.0)
                      : tr("Connecting to %1 took more than %2 s.")
                            .arg(m_url.authority())
                            .arg(m_timer.interval() / 1000.0)});
}

void WsHandshake::finish(const ExchangeError &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_timings.finishedNs = monotonicNs();
    if (!m_error.isError())
        m_error = error;
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket); ssl && ssl->isEncrypted()) {
        m_tls.used = true;
        m_tls.protocol = ssl->sessionProtocol() == QSsl::TlsV1_3 ? u"TLS 1.3"_s : u"TLS 1.2"_s;
        m_tls.cipher = ssl->sessionCipher().name();
        m_tls.chain = ssl->peerCertificateChain();
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->disconnectFromHost();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    qCDebug(lcWsHandshake) << m_url << "status" << m_status << error.message;
    Q_EMIT finished();
}

void WsHandshake::fillExchange(Exchange &e) const
{
    e.method = "GET";
    e.requestHeaders = m_sent;
    e.statusCode = m_status;
    e.reasonPhrase = m_reason;
    e.httpVersion = m_version;
    e.responseHeaders = m_received;
    e.wireHeaderSize = m_headSize;
    e.timings = m_timings;
    e.error = m_error;
    if (!m_notes.isEmpty())
        e.notes.edit().append(m_notes);
    if (m_url.scheme() == u"wss"_s)
        e.tls = m_tls;
    if (!m_body.isEmpty() || m_status != 101) {
        e.responseBody = std::make_shared<BodyStore>();
        e.responseBody->append(m_body);
        e.responseBody->finish();
        e.wireBodySize = m_body.size();
        e.decodedBodySize = m_body.size();
    }
    QList<QNetworkCookie> set;
    for (const QByteArray &v : Headers::values(m_received, "Set-Cookie"))
        set += QNetworkCookie::parseCookies(v);
    if (!set.isEmpty())
        e.cookiesSet = set;
}

} // namespace Peephole
