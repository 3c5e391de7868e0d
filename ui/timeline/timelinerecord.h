#pragma once

#include "http/exchange.h"

#include <QHash>
#include <QString>
#include <QStringView>

#include <array>
#include <memory>

namespace Peephole {

/// The outcome class of an exchange, for colour and filtering.
enum class StatusClass { Pending, Informational, Success, Redirect, ClientError, ServerError, Error };

/// What the timeline keeps per row: a small record built once from the
/// Exchange (strings interned or computed once), so that sorting and
/// filtering compare plain fields and never re-format text. Display text is
/// computed lazily, only for rows that get painted, and cached.
struct TimelineRecord
{
    static constexpr int CachedColumns = 9;

    quint64 id = 0;
    quint64 chainId = 0;
    int hop = 0;
    int statusCode = 0;
    ExchangeError::Kind errorKind = ExchangeError::Kind::None;
    bool finished = false;
    bool chainShade = false; ///< Alternates from one chain to the next.
    QString method;          ///< Interned.
    QString statusText;      ///< "200 OK", "Connection refused"; interned.
    QString url;             ///< Display form without user info.
    qint32 hostPos = 0;
    qint32 hostLen = 0;
    qint32 pathPos = 0;
    QString mime;      ///< Full mime type, lower case; interned.
    QString mimeShort; ///< "json", "html", "png"; interned.
    qint64 size = -1;  ///< Decoded body bytes, -1 unknown.
    Timings timings;
    QString errorMessage;

    /// Lazily computed display strings (null until a view asked).
    mutable std::unique_ptr<std::array<QString, CachedColumns>> text;

    QStringView host() const { return QStringView(url).mid(hostPos, hostLen); }
    /// Path and query ("/" when the URL has none).
    QStringView path() const
    {
        return pathPos < url.size() ? QStringView(url).mid(pathPos) : QStringView(u"/");
    }
    StatusClass statusClass() const;
    bool isAuthChallenge() const { return statusCode == 401 || statusCode == 407; }
    bool isError() const { return errorKind != ExchangeError::Kind::None; }
    /// The latest instant known for this exchange, -1 if none.
    qint64 lastKnownNs() const;
};

/// Builds records, interning the strings that repeat across rows (methods,
/// mime types, status texts) so that 100k rows share a handful of copies.
class TimelineRecordFactory
{
public:
    TimelineRecord make(const Exchange &exchange);
    void clear();

private:
    QString intern(const QString &s);
    QString methodText(const QByteArray &method);
    QString statusText(const Exchange &exchange);
    std::pair<QString, QString> mimeTexts(const HeaderList &responseHeaders);

    QHash<QString, QString> m_strings;
    QHash<QByteArray, QString> m_methods;
    QHash<int, QString> m_standardStatus;                   ///< "200 OK" by code, for standard reason phrases
    QHash<QByteArray, std::pair<QString, QString>> m_mimes; ///< Content-Type value -> (mime, short)
};

/// "Connection refused", "Timed out"... for an error kind.
QString errorKindText(ExchangeError::Kind kind);
/// The standard reason phrase of a status code, or an empty string.
QString standardReasonPhrase(int statusCode);
/// "json" for application/json, "png" for image/png, "html"...
QString shortMimeType(const QString &mime);

} // namespace Peephole
