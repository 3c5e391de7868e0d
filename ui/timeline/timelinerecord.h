#pragma once

#include "http/exchange.h"

#include <QHash>
#include <QString>
#include <QStringView>

#include <array>
#include <deque>
#include <memory>

namespace Peephole {

/// The outcome class of an exchange, for colour and filtering.
enum class StatusClass { Pending, Informational, Success, Redirect, ClientError, ServerError, Error };

/// The texts a row shows that repeat across rows: interned by the factory as
/// one block per distinct (method, status, type, origin, error) combination,
/// so 100,000 rows share a few hundred of them.
struct TimelineTexts
{
    QString method;       ///< "GET"
    QString statusText;   ///< "200 OK", "Connection refused"
    QString mime;         ///< Full mime type, lower case.
    QString mimeShort;    ///< "json", "html", "png"
    QString origin;       ///< "https://api.example.com:8443": the URL up to the path, without user info.
    QString errorMessage; ///< The transport error in words, empty without one.
    qint32 hostPos = 0;   ///< The host inside origin.
    qint32 hostLen = 0;
};

/// What the timeline keeps per row: a small record built once from the
/// Exchange with what filtering needs (repeating strings interned, the rest
/// computed once), so that a filter pass compares plain fields and never
/// re-formats text. What only painting and sorting need (chain id, timings,
/// size) stays in the log's Exchange of the same row. Display text is
/// computed lazily, only for rows that get painted, and cached. 64 bytes
/// plus the path string (one byte a character).
struct TimelineRecord
{
    static constexpr int CachedColumns = 9;

    quint64 id = 0;
    int hop = 0;
    int statusCode = 0;
    ExchangeError::Kind errorKind = ExchangeError::Kind::None;
    bool finished = false;
    bool chainShade = false;  ///< Alternates from one chain to the next.
    bool pathIsLatin1 = true; ///< pathAndQuery holds Latin-1 (else UTF-8: a character past U+00FF).
    /// Shared texts, owned by the TimelineRecordFactory that made the record
    /// (valid until it is cleared or destroyed). Never null.
    const TimelineTexts *texts = nullptr;
    /// The display form of the path and query, empty when the URL has none; the
    /// origin is in texts. Latin-1 (nearly always) or UTF-8, see pathIsLatin1:
    /// half the bytes of a QString.
    QByteArray pathAndQuery;

    /// Lazily computed display strings (null until a view asked).
    mutable std::unique_ptr<std::array<QString, CachedColumns>> text;

    const QString &method() const { return texts->method; }
    const QString &statusText() const { return texts->statusText; }
    const QString &mime() const { return texts->mime; }
    const QString &mimeShort() const { return texts->mimeShort; }
    const QString &errorMessage() const { return texts->errorMessage; }
    QStringView host() const { return QStringView(texts->origin).mid(texts->hostPos, texts->hostLen); }
    /// Path and query ("/" when the URL has none).
    QString path() const;
    /// path() compared by code point, without decoding when both are Latin-1.
    static bool pathLessThan(const TimelineRecord &a, const TimelineRecord &b);
    /// "https://api.example.com:8443": the display URL up to the path.
    QStringView origin() const { return texts->origin; }
    /// The display URL without user info and fragment: origin() + path and query.
    QString url() const;
    StatusClass statusClass() const;
    bool isAuthChallenge() const { return statusCode == 401 || statusCode == 407; }
    bool isError() const { return errorKind != ExchangeError::Kind::None; }
};

/// The latest instant known in @p timings, -1 if none.
qint64 lastKnownNs(const Timings &timings);
/// Decoded response body bytes as the timeline shows them, -1 unknown.
qint64 displaySize(const Exchange &exchange);

/// Builds records, interning the strings that repeat across rows (methods,
/// mime types, status texts, origins) so that 100k rows share a handful of
/// copies.
class TimelineRecordFactory
{
public:
    TimelineRecordFactory();
    ~TimelineRecordFactory();
    TimelineRecordFactory(const TimelineRecordFactory &) = delete;
    TimelineRecordFactory &operator=(const TimelineRecordFactory &) = delete;

    TimelineRecord make(const Exchange &exchange);
    /// Forgets the interned texts: only once no record made so far is used any more.
    void clear();

private:
    struct TextsKey
    {
        const void *method;
        const void *status;
        const void *mime;
        const void *origin;
        QString errorMessage;
        friend bool operator==(const TextsKey &, const TextsKey &) = default;
        friend size_t qHash(const TextsKey &k, size_t seed)
        {
            return qHashMulti(seed, k.method, k.status, k.mime, k.origin, k.errorMessage);
        }
    };

    QString intern(const QString &s);
    QString methodText(const QByteArray &method);
    QString originText(QStringView origin);
    QString statusText(const Exchange &exchange);
    std::pair<QString, QString> mimeTexts(const HeaderList &responseHeaders);

    QHash<QString, QString> m_strings;
    QHash<QByteArray, QString> m_methods;
    QHash<int, QString> m_standardStatus;                   ///< "200 OK" by code, for standard reason phrases
    QHash<QByteArray, std::pair<QString, QString>> m_mimes; ///< Content-Type value -> (mime, short)
    QHash<size_t, QString> m_origins; ///< "https://host:port" by hash (a collision goes unshared)
    QHash<TextsKey, const TimelineTexts *> m_textsIndex;
    std::deque<TimelineTexts> m_texts; ///< Never moves its elements: records point into it.
};

/// "Connection refused", "Timed out"... for an error kind.
QString errorKindText(ExchangeError::Kind kind);
/// The standard reason phrase of a status code, or an empty string.
QString standardReasonPhrase(int statusCode);
/// "json" for application/json, "png" for image/png, "html"...
QString shortMimeType(const QString &mime);

} // namespace Peephole
