#pragma once

#include "http/requestspec.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Peephole {

/// One scope of variables: name -> value. Values may refer to other variables.
using VariableScope = QHash<QString, QString>;

/// Why a text could not be resolved.
struct VariableError
{
    QString name;    ///< The variable concerned (empty for a syntax problem).
    QString where;   ///< "URL", "header name", "header value of Accept", "body"...
    QString message; ///< The whole explanation, ready to show.
    /// The reference is another tool's construct Peephole does not implement (an unknown
    /// {{$dynamic}} variable, a JavaScript expression or request reference), not a missing value.
    bool unsupported = false;

    bool isError() const { return !message.isEmpty(); }
};

/// Replaces {{name}} references. Scopes are searched in the order given
/// (request, folder, collection, environment: the first that defines a name
/// wins). Dynamic variables ({{$uuid}}, {{$timestamp -1 d}}, {{$datetime iso8601}},
/// {{$random.alphabetic(8)}}, {{$processEnv HOME}}, {{$dotenv KEY}}...) need no scope: see
/// DynamicVariables::evaluate().
/// An undefined variable is an error that names it and the place it was
/// found; its braces are never sent.
class Variables
{
public:
    explicit Variables(QList<VariableScope> scopes = {});

    const QList<VariableScope> &scopes() const { return m_scopes; }
    /// Where {{$dotenv NAME}} finds its .env file: @p directory (the .http file's folder), then
    /// its parents up to @p root (the collection folder).
    void setDotenvFolders(const QString &directory, const QString &root)
    {
        m_dotenvDirectory = directory;
        m_dotenvRoot = root;
    }
    /// The value of @p name from the first scope that has it.
    std::optional<QString> value(const QString &name) const;

    /// @p text with every reference replaced; std::nullopt and @p error on failure.
    std::optional<QString> resolve(const QString &text, const QString &where, VariableError *error) const;
    std::optional<QByteArray> resolve(const QByteArray &text, const QString &where,
                                      VariableError *error) const;

    /// A copy of @p spec ready to send: URL (urlTemplate, or url), header names
    /// and values, body text, form fields, multipart values and file paths,
    /// auth user, password and token. The copy's urlTemplate is empty.
    std::optional<RequestSpec> resolveRequest(const RequestSpec &spec, VariableError *error) const;

    /// True if @p text holds at least one {{...}} reference.
    static bool hasReferences(QStringView text);
    /// The names referenced in @p text, in order, without duplicates (dynamic ones included).
    static QStringList references(QStringView text);
    /// "{{name}}"
    static QString reference(const QString &name);

    /// OAuth tokens of named configurations (core/oauth): {{$oauth2 NAME}} (httpyac's form) and
    /// {{$auth.token("NAME")}} / {{$auth.idToken("NAME")}} (JetBrains'). The front end obtains the
    /// tokens before sending and puts them in a scope under oauthVariable(NAME, idToken).
    static QString oauthVariable(const QString &configuration, bool idToken);
    /// The configurations @p text refers to that way, in order, without duplicates.
    static QStringList oauthReferences(QStringView text);

private:
    /// What one resolve() may still expand (characters substituted, substitutions).
    struct Budget
    {
        qsizetype chars;
        int expansions;
    };
    std::optional<QString> resolveImpl(const QString &text, const QString &where, int depth,
                                       QStringList &chain, Budget &budget, VariableError *error) const;
    std::optional<QString> dynamicValue(const QString &expression, const QString &where,
                                        VariableError *error) const;

    QList<VariableScope> m_scopes;
    QString m_dotenvDirectory;
    QString m_dotenvRoot;
};

} // namespace Peephole
