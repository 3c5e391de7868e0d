#pragma once

#include "http/headers.h"

#include <QNetworkReply>
#include <QObject>
#include <QSslConfiguration>
#include <QSslError>

namespace Peephole {

/// One hop on the wire, whichever stack carries it: Qt's QNetworkAccessManager
/// (TLS, proxies, HTTP/2) or Peephole's own HTTP/1.1 client for plain http
/// (core/wire). The Transfer drives both through this interface; errors use
/// QNetworkReply's codes so that one classifier words them.
class HopReply : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Sends the request; call once the signals are connected.
    virtual void start() = 0;
    /// Stops the hop; finished() follows (synchronously when it had not been emitted).
    virtual void abort() = 0;
    virtual void ignoreSslErrors() {}

    /// The response head; valid once headReceived() was emitted.
    virtual int statusCode() const = 0;
    virtual QByteArray reasonPhrase() const = 0;
    virtual QByteArray httpVersion() const = 0; ///< "HTTP/1.1", "HTTP/1.0", "HTTP/2"
    /// The response fields, one entry per field line received (wire order and case).
    virtual HeaderList responseHeaders() const = 0;
    /// Bytes of the response head as received, or -1 when the stack does not say.
    virtual qint64 headSize() const { return -1; }

    /// Body bytes received and not read yet (transfer codings removed).
    virtual qint64 bytesAvailable() const = 0;
    virtual QByteArray read(qint64 maxSize) = 0;

    virtual QNetworkReply::NetworkError error() const = 0;
    virtual QString errorString() const = 0;
    virtual QSslConfiguration sslConfiguration() const { return {}; }

Q_SIGNALS:
    void socketStartedConnecting();
    void encrypted();
    void requestSent();
    void uploadProgress();
    void sslErrors(const QList<QSslError> &errors);
    void headReceived();
    void readyRead();
    void finished();
};

} // namespace Peephole
