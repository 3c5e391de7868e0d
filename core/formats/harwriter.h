#pragma once

#include "http/exchange.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Peephole {

/// Exports exchanges as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/).
///
/// Secrets are redacted unless Options::keepSecrets, with the list of
/// core/redact (Redact::): the values of secret headers (Authorization,
/// Proxy-Authorization, Cookie, Set-Cookie, X-Api-Key…; the scheme of an
/// Authorization value and cookie names and attributes are kept), the
/// values in the cookies arrays, URL passwords, secret query parameters (in
/// url, queryString and redirectURL), and JSON or form fields named like
/// secrets in request and response bodies. Bodies are cut at Options::maxBodyBytes
/// (noted in the content's or postData's "comment"). Text bodies are written
/// as text, others in base64 (content.encoding "base64"; for request bodies
/// Peephole writes postData._encoding "base64").
///
/// Timings come from Exchange::timings: blocked = start to connection start,
/// connect = connection start to TLS done (or to request sent without TLS;
/// ssl is part of connect and -1 because the handshake's start is not
/// recorded), send, wait = request sent to response head, receive = head to
/// end; -1 where the phase did not happen or is unknown. dns is always -1
/// (name resolution is part of blocked). Each entry carries "_peephole"
/// with id, chainId, previousId, hop, reason, group, notes, error and TLS.
class HarWriter
{
public:
    struct Options
    {
        bool keepSecrets = false;
        qint64 maxBodyBytes = 10 * 1024 * 1024;
    };

    static constexpr auto Redacted = "[redacted]";

    HarWriter();
    explicit HarWriter(Options options);

    QJsonObject toJson(const QList<Exchange> &exchanges) const;
    QByteArray toBytes(const QList<Exchange> &exchanges) const;
    /// Writes through QSaveFile; false and @p error on failure.
    bool writeFile(const QString &path, const QList<Exchange> &exchanges, QString *error) const;

    /// @p value of header @p name as the export writes it (redacted or not).
    QByteArray headerValue(const QByteArray &name, const QByteArray &value) const;
    /// @p url as the export writes it.
    QString url(const QUrl &url) const;
    /// A text body as the export writes it (JSON and form fields named like secrets redacted).
    QString bodyText(const QString &text, const QByteArray &mime) const;

private:
    QJsonObject entry(const Exchange &exchange) const;
    QJsonObject request(const Exchange &exchange) const;
    QJsonObject response(const Exchange &exchange) const;

    Options m_options;
};

} // namespace Peephole
