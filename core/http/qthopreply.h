#pragma once

#include "http/hopreply.h"

#include <QNetworkRequest>
#include <QPointer>

class QNetworkAccessManager;

namespace Peephole {

/// A hop carried by QNetworkAccessManager: https, proxies, HTTP/2 and h2c.
class QtHopReply : public HopReply
{
    Q_OBJECT
public:
    QtHopReply(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &method,
               QIODevice *upload, QObject *parent);
    ~QtHopReply() override;

    void start() override;
    void abort() override;
    void ignoreSslErrors() override;
    int statusCode() const override;
    QByteArray reasonPhrase() const override;
    QByteArray httpVersion() const override;
    HeaderList responseHeaders() const override;
    qint64 bytesAvailable() const override;
    QByteArray read(qint64 maxSize) override;
    QNetworkReply::NetworkError error() const override;
    QString errorString() const override;
    QSslConfiguration sslConfiguration() const override;

private:
    void onMetaData();

    QNetworkAccessManager *m_nam;
    QNetworkRequest m_request;
    QByteArray m_method;
    QIODevice *m_upload;
    QPointer<QNetworkReply> m_reply;
    bool m_headSeen = false;
};

} // namespace Peephole
