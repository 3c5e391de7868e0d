#pragma once

#include "auth/authsettings.h"
#include "formats/importreport.h"
#include "http/requestspec.h"

#include <QList>
#include <QStringList>
#include <QString>

#include <optional>

namespace Peephole {

/// A variable of a collection, folder or request scope.
struct ImportedVariable
{
    QString name;
    QString value; ///< Empty for secrets (their value is in ImportResult::secrets).
    bool enabled = true;
    bool secret = false; ///< The value was moved out to the secrets list.

    friend bool operator==(const ImportedVariable &, const ImportedVariable &) = default;
};

/// A secret found in an imported file. Requests refer to it as {{variable}};
/// the GUI offers to move the value into the keychain. Never written to disk.
struct ImportedSecret
{
    QString where;    ///< "Users/Get user: Basic auth password", "collection variable apiKey".
    QString what;     ///< "password", "token", "API key", "header value", "variable value".
    QString variable; ///< The variable name requests now use (without braces).
    QString value;    ///< The secret itself.

    friend bool operator==(const ImportedSecret &, const ImportedSecret &) = default;
};

/// A node of an imported collection: a folder (children, no request) or a request.
struct ImportedItem
{
    QString name;
    QString description;
    QList<ImportedItem> children; ///< Folder content, in order.
    std::optional<RequestSpec>
        request; ///< Set for requests. Its auth is the effective one (inheritance applied).
    QList<ImportedVariable> variables; ///< This scope's variables (collection, folder or request).
    /// The auth declared on this item itself; std::nullopt: inherited from the parent.
    /// (Scheme::None declares "no auth".)
    std::optional<AuthSettings> auth;
    /// Postman event scripts of this item itself (JavaScript, lines joined with "\n"); Postman
    /// runs those of the collection, then of each folder, then of the request.
    QString preRequestScript;
    QString testScript;
    /// Checks on the response in Peephole's assertion syntax ("status == 200"); the Postman
    /// exporter writes them as pm.test scripts (PostmanEvents::testEvents).
    QStringList assertions;

    bool isFolder() const { return !request.has_value(); }
    /// Requests in this subtree, depth first.
    int requestCount() const;
};

struct CollectionImportResult
{
    bool ok = false;
    ParseError error;              ///< When ok is false; nothing is imported then.
    ImportedItem root;             ///< The collection: name, variables, auth, children.
    QList<ImportIssue> issues;     ///< Per item: what was not carried over.
    QList<ImportedSecret> secrets; ///< Moved out of the requests and variables.
};

} // namespace Peephole
