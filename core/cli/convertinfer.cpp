#include "cli/convertinfer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole::Cli::ConvertFormats {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

std::optional<Format> fromName(const QString &path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    if (name.endsWith(u".har"_s))
        return Format::Har;
    if (name.endsWith(u".postman_collection.json"_s) || name.endsWith(u".postman.json"_s) ||
        name.endsWith(u".json"_s))
        return Format::Postman;
    if (name.endsWith(u".http"_s) || name.endsWith(u".rest"_s))
        return Format::Http;
    if (name.endsWith(u".curl"_s) || name.endsWith(u".sh"_s))
        return Format::Curl;
    return std::nullopt;
}
} // namespace

QString formatName(Format format)
{
    switch (format) {
    case Format::Curl:
        return u"curl"_s;
    case Format::Har:
        return u"har"_s;
    case Format::Postman:
        return u"postman"_s;
    case Format::Http:
        return u"http"_s;
    }
    return QString();
}

std::optional<Format> parseFormat(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"curl")
        return Format::Curl;
    if (n == u"har")
        return Format::Har;
    if (n == u"postman")
        return Format::Postman;
    if (n == u"http" || n == u"rest")
        return Format::Http;
    return std::nullopt;
}

Inferred inferInput(const QString &path, const QByteArray &content)
{
    const QByteArray text = content.trimmed();
    if (text.startsWith('{')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        const QJsonObject root = doc.object();
        if (root.value(u"log"_s).toObject().contains(u"entries"_s))
            return {Format::Har, tr("its content (a HAR \"log\" with \"entries\")")};
        if (root.contains(u"info"_s) && root.contains(u"item"_s))
            return {Format::Postman, tr("its content (a Postman collection: \"info\" and \"item\")")};
        // Only the start of a large file is looked at: recognise the outer keys.
        static const QRegularExpression harStart(u"^\\{\\s*\"log\"\\s*:\\s*\\{"_s);
        static const QRegularExpression postmanKeys(
            u"\"_postman_id\"|\"schema\"\\s*:\\s*\"https?://schema\\.(getpostman|postman)\\.com"_s);
        const QString start = QString::fromUtf8(text.left(64 * 1024));
        if (harStart.match(start).hasMatch())
            return {Format::Har, tr("its content (a HAR \"log\")")};
        if (postmanKeys.match(start).hasMatch())
            return {Format::Postman, tr("its content (a Postman collection schema)")};
        if (const auto f = fromName(path); f && (*f == Format::Har || *f == Format::Postman))
            return {f, tr("its extension")};
        return {};
    }
    // A curl command line, possibly after a shell prompt or comments.
    static const QRegularExpression curlLine(u"^\\s*(\\$\\s+)?curl(\\.exe)?\\s"_s,
                                             QRegularExpression::MultilineOption);
    static const QRegularExpression requestLine(
        u"^\\s*([A-Z]+\\s+)?(https?://|\\{\\{|/)\\S*|^###|^\\s*(#|//)\\s*@name\\s"_s,
        QRegularExpression::MultilineOption);
    const QString s = QString::fromUtf8(text.left(64 * 1024));
    const QRegularExpressionMatch curl = curlLine.match(s);
    const QRegularExpressionMatch http = requestLine.match(s);
    if (curl.hasMatch() && (!http.hasMatch() || curl.capturedStart() <= http.capturedStart()))
        return {Format::Curl, tr("its content (a \"curl\" command)")};
    if (http.hasMatch())
        return {Format::Http, tr("its content (.http request lines)")};
    if (const auto f = fromName(path))
        return {f, tr("its extension")};
    return {};
}

Inferred inferOutput(const QString &path)
{
    if (path.isEmpty() || path == u"-")
        return {};
    if (const auto f = fromName(path))
        return {f, tr("its extension")};
    return {};
}

} // namespace Peephole::Cli::ConvertFormats
