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
/// Operators: == != < <= > >= contains !contains startsWith endsWith matches
/// (regular expression) exists !exists. Values compare as numbers when both
/// sides are numbers, else as text; "quotes" around the value are removed.
namespace Assertions {
/// @p resolve expands {{variables}} in the expected value (may be empty).
AssertionResult
evaluate(const QString &expression, const ExpectedResponse &response, qint64 durationMs,
         const std::function<std::optional<QString>(const QString &, QString *)> &resolve = {});
/// The value at a JSONPath subset ("$", "$.a.b", "$.a[2]", "$['a b']") of @p json; false when absent.
bool jsonPath(const QByteArray &json, const QString &path, QJsonValue *out, QString *error);
} // namespace Assertions

} // namespace Peephole
