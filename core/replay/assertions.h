#pragma once

#include "replay/expectedresponse.h"

#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace Peephole {

/// The verdict on one assertion line.
struct AssertionResult
{
    QString expression; ///< As written ("status == 200").
    bool passed = false;
    QString message; ///< Why it failed (or could not be evaluated), in words.
    QString kind;    ///< Empty for an assertion line; "test" for a client.test / pm.test verdict (its name).
};

/// Evaluates the assertions of a .http request ("?? ..." / "# @peephole-assert ...")
/// against a response:
///
///     status == 200            status < 400
///     header content-type contains json
///     header x-request-id exists          header x-debug !exists
///     body contains "ok"                   body == pong
///     body $.user.id == 7                  body $.items[0].name startsWith A
///     body $.token exists
///     duration < 500                       (milliseconds, whole chain)
///
///     body data.items[0].id == 3           (httpyac property path = $.data.items[0].id)
///
/// Operators: == (=== equals) != (!==) < <= > >= contains includes !contains
/// startsWith endsWith matches (regular expression) exists !exists isTrue
/// isFalse isNumber isString isBoolean isArray sha256 sha512 md5 (base64 of
/// the hash, as httpyac writes it). Values compare as numbers when both
/// sides are numbers, else as text; "quotes" around the value are removed.
namespace Assertions {
/// Why Peephole cannot evaluate @p expression ("?? js ...", "?? xpath ...", a JavaScript
/// expression on the body, an unknown subject or operator); empty when it can. A request
/// with such an assertion is not run.
QString unsupported(const QString &expression);
/// @p resolve expands {{variables}} in the expected value (may be empty).
AssertionResult
evaluate(const QString &expression, const ExpectedResponse &response, qint64 durationMs,
         const std::function<std::optional<QString>(const QString &, QString *)> &resolve = {});
/// The value at a JSONPath subset ("$", "$.a.b", "$.a[2]", "$['a b']") of @p json; false when absent.
bool jsonPath(const QByteArray &json, const QString &path, QJsonValue *out, QString *error);
} // namespace Assertions

} // namespace Peephole
