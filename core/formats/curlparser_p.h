#pragma once

// Internal to the curl parser: the option table and the parser state.

#include "formats/curlcommand.h"
#include "formats/shellwords.h"

#include <QHash>

#include <optional>

namespace Peephole::CurlDetail {

QString tr(const char *text);

enum class Opt {
    Request,
    Header,
    Data,
    DataRaw,
    DataBinary,
    DataUrlencode,
    Json,
    Form,
    FormString,
    User,
    Digest,
    Basic,
    AnyAuth,
    OtherAuth,
    Bearer,
    Cookie,
    Insecure,
    Location,
    MaxRedirs,
    Compressed,
    Get,
    Head,
    Url,
    UserAgent,
    Referer,
    Http10,
    Http11,
    Http2,
    Http2Prior,
    Http3,
    Proxy,
    ProxyUser,
    ConnectTimeout,
    MaxTime,
    CaCert,
    Cert,
    Key,
    Pass,
    UploadFile,
    Range,
    Silent,
    IgnoredWithArg,
    IgnoredFlag,
};

struct OptInfo
{
    Opt id;
    bool takesArg;
};

const QHash<QString, OptInfo> &longOptions();
const QHash<QChar, QString> &shortOptions();

struct DataPiece
{
    QByteArray encoded; ///< What curl sends for this piece (after reading files).
    bool named = false; ///< --data-urlencode name=content / name@file
    QByteArray name;
    QByteArray value; ///< Unencoded value (for --data-urlencode).
    bool urlencoded = false;
    QString streamFile; ///< --data-binary @file: streamed later.
};

struct Parser
{
    QString baseDirectory;
    CurlParseResult result;
    ParseError error;
    qsizetype errorOffset = -1; ///< Where in the command line the error is, -1: at the start.

    QByteArray explicitMethod;
    QStringList urls;
    QList<qsizetype> urlOffsets;
    HeaderList headers;
    QList<DataPiece> data;
    bool json = false;
    QList<MultipartPart> parts;
    bool get = false;
    bool head = false;
    bool location = false;
    bool http2Asked = false; ///< --http2: an h2c upgrade on http:// URLs, which Peephole does not do.
    QByteArray cookies;
    bool userGiven = false;
    AuthSettings::Scheme scheme = AuthSettings::Scheme::Basic;
    std::optional<double> maxTime;
    std::optional<double> connectTimeout;
    QString uploadFile;

    void issue(const QString &item, const QString &reason) { result.issues.append({item, reason}); }

    QString resolvePath(const QString &path) const;
    /// The content of an @file argument: a regular file of at most MaxFileBytes (a device, a FIFO
    /// or /dev/stdin in a pasted command would block or never end).
    std::optional<QByteArray> readFile(const QString &option, const QString &path);
    static constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

    bool handle(const QString &optName, const OptInfo &info, const QString &value, const ShellWord &word);
    void addHeader(const QString &option, const QString &text);
    void addForm(const QString &option, const QString &text, bool literal);
    bool finish();
};

} // namespace Peephole::CurlDetail
