#pragma once

#include "formats/httpfile.h"
#include "formats/importeditem.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Peephole {

/// Reads Postman Collection v2.1 (and v2.0) files.
///
/// Folders become nested items; requests keep their URL (string or object;
/// ":name" path variables become {{name}} with a request-scope variable),
/// method, headers (disabled ones stay disabled) and body: raw (the
/// options.raw.language gives the content type), urlencoded, formdata (text
/// and file), file, graphql (sent as JSON). Auth: basic, digest, bearer,
/// noauth, apikey (as a header or query parameter), oauth2 with a saved
/// access token (as bearer), inherit from the parent when absent.
///
/// Secrets (passwords, tokens, API keys, credentials in Authorization-like
/// headers, values of variables whose name or type says secret) are never
/// left in the produced items: they are replaced by a {{variable}}
/// reference and returned in CollectionImportResult::secrets.
class PostmanImporter
{
public:
    static CollectionImportResult read(const QByteArray &json);
    static CollectionImportResult readFile(const QString &path);
};

/// Writes Postman Collection v2.1. Never writes a secret: passwords and
/// tokens that are not {{variable}} references and the values of secret
/// variables are written empty (and reported in @p warnings). An item whose
/// auth is std::nullopt inherits (no "auth" is written).
class PostmanExporter
{
public:
    static QByteArray write(const ImportedItem &collection, QStringList *warnings = nullptr);
    static bool writeFile(const QString &path, const ImportedItem &collection, QString *error,
                          QStringList *warnings = nullptr);
};

/// Postman event scripts in .http files (postmanscripts.cpp).
namespace PostmanScripts {
/// @p first then @p second, as Postman runs them (collection, folders, request).
QString chained(const QString &first, const QString &second);
/// Writes @p preRequest and @p test (Postman JavaScript) into @p request as inline
/// JetBrains handlers: "< {% … %}" before the request line, "> {% … %}" after it.
/// Peephole's runner executes them with its pm API (core/script).
void attach(HttpFileRequest &request, const QString &preRequest, const QString &test);
} // namespace PostmanScripts

} // namespace Peephole
