#pragma once

#include "collection/variables.h"
#include "http/headers.h"
#include "script/scriptsandbox.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Peephole {

/// A request or a response as a script sees it.
struct ScriptMessage
{
    QByteArray method; ///< Requests.
    QString url;       ///< Requests.
    int status = 0;    ///< Responses.
    QByteArray reason; ///< Responses.
    HeaderList headers;
    QByteArray body;
    qint64 durationMs = -1; ///< Responses: the whole chain.
};

/// The variables scripts read and write. They outlive one script: the runner
/// keeps them for the run, so a value set by a script feeds the {{variables}}
/// of later requests.
struct ScriptVariables
{
    VariableScope globals;     ///< client.global, pm.globals.
    VariableScope environment; ///< request.environment, pm.environment (the run's copy, never the file).
    VariableScope collection;  ///< pm.collectionVariables.
    VariableScope request;     ///< request.variables, pm.variables: this request only.
    VariableScope visible;     ///< Read only: other variables of the request (file variables...).
};

/// One client.test / pm.test verdict.
struct ScriptTest
{
    QString name;
    bool passed = false;
    QString message; ///< Why it failed.
    int line = 0;    ///< Line of the failed check in the script's file (0: unknown).
};

struct ScriptOutcome
{
    enum class Status {
        Ok,          ///< Ran to the end (tests may have failed: see tests).
        Failed,      ///< client.assert / pm.expect failed outside a test.
        Error,       ///< Threw, timed out, ran out of memory or a limit was passed.
        Unsupported, ///< Used an API Peephole does not implement: its tests were not run.
    };
    Status status = Status::Ok;
    QString message; ///< "file:line: ..." for anything but Ok.
    QList<ScriptTest> tests;
    QStringList log; ///< client.log / console.log lines.
};

enum class ScriptPhase { PreRequest, Response };

/// The API of JetBrains HTTP Client handler scripts (client, request, response,
/// jsonPath), a subset of Postman's pm object, and httpyac's "?? js" context,
/// run in a ScriptSandbox.
///
/// JetBrains: client.test(name, fn), client.assert(condition, message),
/// client.log(...), client.global.set/get/clear/isEmpty/clearAll, response.status,
/// response.body (parsed JSON for a JSON content type, else text),
/// response.headers.valueOf/valuesOf, response.contentType.mimeType/charset,
/// request.variables.get/set, request.environment.get, jsonPath(obj, "$.a[0]").
///
/// Postman: pm.test, pm.expect(v) with to/be/been/is/that/which/and/has/have/with/
/// at/of/same/does/still/also, not, deep, equal/eql/include/property/a/an/above/below/
/// least/most/lengthOf/match/oneOf, ok/true/false/null/undefined/exist/empty;
/// pm.response.code/status/json()/text()/headers.get/has/responseTime and
/// pm.response.to.have.status/header, to.be.ok (200), success (2xx)...;
/// pm.environment/variables/collectionVariables/globals get/set/unset/has/clear/toObject;
/// pm.request.url/method/headers.get. console.log.
///
/// Anything else on those objects, and require(), setTimeout(), postman.*, lodash,
/// CryptoJS..., makes the outcome Unsupported, naming the construct.
namespace ScriptApi {
/// The name the API's own code has in stacks and messages.
QString internalFile();

/// Runs @p code (as if it started at line @p line of @p file). @p response is null
/// before the request is sent. @p variables are read and updated.
ScriptOutcome run(const QString &code, const QString &file, int line, ScriptPhase phase,
                  const ScriptMessage &request, const ScriptMessage *response, ScriptVariables &variables,
                  const ScriptLimits &limits = {});

/// A first look at @p code before anything is sent: the first API member it uses
/// that Peephole does not implement ("pm.sendRequest"), or empty. Comments and
/// strings are ignored; what this misses is caught while the script runs. @p line (may be
/// null) receives its line in @p code (1-based).
QString unsupported(const QString &code, int *line = nullptr);

/// httpyac "?? js EXPRESSION": its value (std::nullopt for undefined) with
/// response.statusCode/statusMessage/headers/body/parsedBody/contentType/duration and
/// the variables as globals. @p error is set ("file:line: ...") when it throws;
/// @p unsupported when it uses what Peephole does not implement.
std::optional<QJsonValue> evaluate(const QString &expression, const QString &file, int line,
                                   const ScriptMessage &response, const ScriptVariables &variables,
                                   QString *error, bool *unsupported, const ScriptLimits &limits = {});
} // namespace ScriptApi

namespace ScriptApiDetail {
const QString &prelude();
}

} // namespace Peephole
