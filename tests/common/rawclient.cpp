#include "rawclient.h"

#include <QSslConfiguration>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Peephole::Test {

RawClient::RawClient() : m_socket(std::make_unique<QSslSocket>())
{
    QObject::connect(m_socket.get(), &QSslSocket::readyRead, m_socket.get(), [this] { pull(); });
    QObject::connect(m_socket.get(), &QSslSocket::disconnected, m_socket.get(), [this] {
        pull();
        m_closed = true;
    });
    QObject::connect(m_socket.get(), &QSslSocket::errorOccurred, m_socket.get(),
                     [this](QAbstractSocket::SocketError e) {
                         pull();
                         m_error = e;
                         if (e == QAbstractSocket::RemoteHostClosedError ||
                             m_socket->state() != QAbstractSocket::ConnectedState)
                             m_closed = true;
                     });
    QObject::connect(m_socket.get(), &QSslSocket::sslErrors, m_socket.get(),
                     [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
}

RawClient::~RawClient()
{
    m_socket->disconnect(); // no slot may touch members during the socket's destruction
    m_socket->abort();
}

void RawClient::pull()
{
    if (m_socket->isOpen())
        m_buffer += m_socket->readAll();
}

bool RawClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket->connectToHost(u"127.0.0.1"_s, port);
    return QTest::qWaitFor(
               [this] { return m_socket->state() == QAbstractSocket::ConnectedState || m_closed; },
               timeoutMs) &&
           m_socket->state() == QAbstractSocket::ConnectedState;
}

bool RawClient::connectTls(quint16 port, const QList<QSslCertificate> &caCertificates,
                           const QSslCertificate &clientCert, const QSslKey &clientKey, int timeoutMs)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(caCertificates);
    if (!clientCert.isNull()) {
        config.setLocalCertificate(clientCert);
        config.setPrivateKey(clientKey);
    }
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(u"localhost"_s);
    m_socket->connectToHostEncrypted(u"127.0.0.1"_s, port);
    return QTest::qWaitFor([this] { return m_socket->isEncrypted() || m_closed; }, timeoutMs) &&
           m_socket->isEncrypted();
}

void RawClient::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

bool RawClient::waitForBytes(qsizetype count, int timeoutMs)
{
    return QTest::qWaitFor([this, count] { return m_buffer.size() >= count || m_closed; }, timeoutMs) &&
           m_buffer.size() >= count;
}

QByteArray RawClient::readUntilClosed(int timeoutMs)
{
    (void)QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
    pull();
    return std::exchange(m_buffer, {});
}

RawClient::Parse RawClient::tryParse(RawResponse &out, bool headRequest, bool atEof)
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return Parse::NeedMore;
    out = RawResponse{};
    out.head = m_buffer.first(headEnd + 4);
    const QList<QByteArray> lines = m_buffer.first(headEnd).split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    if (parts.size() < 2)
        return Parse::Bad;
    out.version = parts[0];
    out.status = parts[1].toInt();
    out.reason = statusLine.mid(parts[0].size() + parts[1].size() + 2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            out.headers.append(HeaderField{line.first(colon), line.mid(colon + 1).trimmed(), true});
    }
    qsizetype pos = headEnd + 4;
    const bool noBody = headRequest || out.status == 204 || out.status == 304 || out.status / 100 == 1;
    const bool chunked = out.header("Transfer-Encoding").toLower().contains("chunked");
    if (noBody) {
        // nothing
    } else if (chunked) {
        for (;;) {
            const qsizetype eol = m_buffer.indexOf("\r\n", pos);
            if (eol < 0)
                return atEof ? Parse::Bad : Parse::NeedMore;
            QByteArray sizeText = m_buffer.mid(pos, eol - pos);
            if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
                sizeText.truncate(semi);
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok)
                return Parse::Bad;
            if (size == 0) {
                qsizetype p = eol + 2;
                for (;;) {
                    const qsizetype e = m_buffer.indexOf("\r\n", p);
                    if (e < 0)
                        return atEof ? Parse::Bad : Parse::NeedMore;
                    const QByteArray line = m_buffer.mid(p, e - p);
                    p = e + 2;
                    if (line.isEmpty())
                        break;
                    const qsizetype colon = line.indexOf(':');
                    out.trailers.append(HeaderField{line.first(qMax<qsizetype>(colon, 0)),
                                                    line.mid(colon + 1).trimmed(), true});
                }
                pos = p;
                break;
            }
            if (m_buffer.size() < eol + 2 + size + 2)
                return atEof ? Parse::Bad : Parse::NeedMore;
            out.body += m_buffer.mid(eol + 2, size);
            pos = eol + 2 + size + 2;
        }
        out.rawBody = m_buffer.mid(headEnd + 4, pos - headEnd - 4);
    } else if (out.header("Content-Length").isNull()) {
        if (!atEof)
            return Parse::NeedMore; // delimited by close
        out.body = m_buffer.mid(pos);
        out.rawBody = out.body;
        pos = m_buffer.size();
    } else {
        const qint64 length = out.header("Content-Length").toLongLong();
        if (m_buffer.size() - pos < length)
            return atEof ? Parse::Bad : Parse::NeedMore;
        out.body = m_buffer.mid(pos, length);
        out.rawBody = out.body;
        pos += length;
    }
    out.complete = true;
    out.raw = m_buffer.first(pos);
    m_buffer.remove(0, pos);
    return Parse::Done;
}

RawResponse RawClient::exchange(const QByteArray &method, const QByteArray &target, const HeaderList &headers,
                                const QByteArray &body, int timeoutMs)
{
    QByteArray bytes = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + Headers::toWire(headers);
    if (!body.isEmpty())
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    send(bytes + "\r\n" + body);
    return readResponse(timeoutMs, method == "HEAD").value_or(RawResponse{});
}

std::optional<RawResponse> RawClient::readResponse(int timeoutMs, bool headRequest)
{
    RawResponse out;
    Parse state = Parse::NeedMore;
    (void)QTest::qWaitFor(
        [&] {
            pull();
            state = tryParse(out, headRequest, m_closed);
            return state != Parse::NeedMore || m_closed;
        },
        timeoutMs);
    if (state == Parse::Done)
        return out;
    if (state == Parse::Bad && m_buffer.contains("\r\n\r\n")) {
        // Truncated: hand out what arrived, marked incomplete.
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        out.complete = false;
        out.raw = std::exchange(m_buffer, {});
        out.head = out.raw.first(headEnd + 4);
        out.rawBody = out.raw.mid(headEnd + 4);
        return out;
    }
    return std::nullopt;
}

} // namespace Peephole::Test
