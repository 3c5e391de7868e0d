#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Peephole::Cli::ConvertFormats {

enum class Format { Curl, Har, Postman, Http };

std::optional<Format> parseFormat(const QString &name);
QString formatName(Format format);

/// What `convert` guessed and why ("its content", "its extension .har").
struct Inferred
{
    std::optional<Format> format;
    QString reason; ///< Human-readable, translated; empty when nothing was inferred.
};

/// The format of an input, from its content first (a HAR "log.entries", a Postman "info"+"item",
/// a "curl" word, request lines), then its file name.
Inferred inferInput(const QString &path, const QByteArray &content);
/// The format to write to @p path, from its name (".har", ".postman_collection.json", ".json",
/// ".http", ".rest", ".curl", ".sh"); nothing for standard output or an unknown extension.
Inferred inferOutput(const QString &path);

} // namespace Peephole::Cli::ConvertFormats
