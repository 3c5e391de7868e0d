#pragma once

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace Peephole::DynamicVariables {

/// The result of one {{$...}} expression.
struct Value
{
    std::optional<QString> text; ///< The value; unset on failure.
    QString error;               ///< Why not (a usage error), when text is unset.
    bool unsupported = false;    ///< Another tool's dynamic variable Peephole does not implement.
};

/// Where $dotenv looks: the .env file of @p directory, then of each parent up to @p root.
struct Context
{
    QString directory; ///< The folder of the .http file; empty: $dotenv has no file to read.
    QString root;      ///< The collection folder (the search stops there); empty: only directory.
    QDateTime now;     ///< Fixed time for tests; invalid: the current time.
};

/// Evaluates the dynamic variable @p expression (what stands between the braces, starting
/// with '$'), as the JetBrains HTTP Client, httpyac and the VS Code REST Client write them:
///
///   $uuid  $guid  $random.uuid                          a random UUID v4
///   $timestamp [OFFSET UNIT]                            Unix time in seconds
///   $isoTimestamp                                       ISO 8601 UTC, milliseconds
///   $datetime rfc1123|iso8601|"FORMAT" [OFFSET UNIT]     UTC
///   $localDatetime rfc1123|iso8601|"FORMAT" [OFFSET UNIT]
///   $randomInt [MIN MAX]  $random.integer(MIN, MAX)     MIN inclusive, MAX exclusive
///   $random.float(MIN, MAX)
///   $random.alphabetic(N) $random.alphanumeric(N) $random.hexadecimal(N) $random.email
///   $processEnv [%]NAME                                 an environment variable of this process
///   $dotenv [%]NAME                                     a value of the .env file
///
/// OFFSET is a whole number (negative allowed), UNIT one of y M w d h m s ms. FORMAT uses
/// the day.js tokens (YYYY YY MMMM MMM MM M DD D dddd ddd HH H hh h mm m ss s SSS A a ZZ Z).
/// @p lookup resolves the "%NAME" forms (NAME is then a variable holding the name).
Value evaluate(const QString &expression, const Context &context,
               const std::function<std::optional<QString>(const QString &)> &lookup);

/// A day.js format string applied to @p dt (see evaluate()).
QString formatDayjs(const QDateTime &dt, const QString &format);

} // namespace Peephole::DynamicVariables
