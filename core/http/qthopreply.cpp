#include "http/qthopreply.h"

#include <QNetworkAccessManager>

namespace Peephole {

namespace {
constexpr qint64 ReadBuffer = 1024 * 1024; // bounded: a slow consumer throttles the socket
}

QtHopReply::QtHopReply(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &method,
                       QIODevice *upload, QObject *parent)
    : HopReply(parent), m_nam(nam), m_request(request), m_method(method), m_upload(upload)
{
    if (upload)
        upload->setParent(this);
}

void QtHopReply::start()
{
    m_reply = m_nam->sendCustomRequest(m_request, m_method, m_upload);
    if (m_upload)
        m_upload->setParent(m_reply);
    m_reply->setReadBufferSize(ReadBuffer);
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, &HopReply::socketStartedConnecting);
    connect(m_reply, &QNetworkReply::encrypted, this, &HopReply::encrypted);
    connect(m_reply, &QNetworkReply::requestSent, this, &HopReply::requestSent);
    connect(m_reply, &QNetworkReply::sslErrors, this, &HopReply::sslErrors);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &HopReply::uploadProgress);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &QtHopReply::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        onMetaData();
        Q_EMIT readyRead();
    });
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        onMetaData();
        Q_EMIT finished();
    });
}

QtHopReply::~QtHopReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void QtHopReply::onMetaData()
{
    if (m_headSeen || !m_reply || !m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
        return;
    m_headSeen = true;
    Q_EMIT headReceived();
}

void QtHopReply::abort()
{
    if (m_reply)
        m_reply->abort();
}

void QtHopReply::ignoreSslErrors()
{
    if (m_reply)
        m_reply->ignoreSslErrors();
}

int QtHopReply::statusCode() const
{
    return m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
}

QByteArray QtHopReply::reasonPhrase() const
{
    return m_reply ? m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()
                   : QByteArray();
}

QByteArray QtHopReply::httpVersion() const
{
    const bool h2 = m_reply && m_reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    return h2 ? "HTTP/2" : "HTTP/1.1";
}

HeaderList QtHopReply::responseHeaders() const
{
    HeaderList out;
    if (!m_reply)
        return out;
    for (const auto &[name, value] : m_reply->rawHeaderPairs()) {
        // Qt joins repeated Set-Cookie fields with newlines: give each its own line again.
        if (name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
            const QList<QByteArray> parts = value.split('\n');
            for (const QByteArray &part : parts)
                out.append({name, part, true});
        } else {
            out.append({name, value, true});
        }
    }
    return out;
}

qint64 QtHopReply::bytesAvailable() const
{
    return m_reply ? m_reply->bytesAvailable() : 0;
}

QByteArray QtHopReply::read(qint64 maxSize)
{
    // read() hands over the reply's buffered blocks without copying them when it can.
    return m_reply ? m_reply->read(maxSize) : QByteArray();
}

QNetworkReply::NetworkError QtHopReply::error() const
{
    return m_reply ? m_reply->error() : QNetworkReply::OperationCanceledError;
}

QString QtHopReply::errorString() const
{
    return m_reply ? m_reply->errorString() : QString();
}

QSslConfiguration QtHopReply::sslConfiguration() const
{
    return m_reply ? m_reply->sslConfiguration() : QSslConfiguration();
}

} // namespace Peephole
