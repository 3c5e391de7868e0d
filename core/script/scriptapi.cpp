#include "script/scriptapi.h"

#include "script/scriptlog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Peephole::ScriptApi {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ScriptApi", text);
}

QJsonObject scope(const VariableScope &s)
{
    QJsonObject o;
    for (auto it = s.cbegin(); it != s.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

VariableScope scopeFrom(const QJsonValue &v)
{
    VariableScope s;
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        s.insert(it.key(), it.value().toString());
    return s;
}

QJsonObject message(const ScriptMessage &m)
{
    QJsonArray headers;
    for (const HeaderField &h : m.headers) {
        if (h.enabled)
            headers.append(QJsonArray{QString::fromLatin1(h.name), QString::fromUtf8(h.value)});
    }
    return QJsonObject{{u"method"_s, QString::fromLatin1(m.method)},
                       {u"url"_s, m.url},
                       {u"status"_s, m.status},
                       {u"reason"_s, QString::fromUtf8(m.reason)},
                       {u"headers"_s, headers},
                       {u"body"_s, QString::fromUtf8(m.body)},
                       {u"durationMs"_s, double(m.durationMs)}};
}

/// Sets up the API in @p sandbox; false and @p error when it cannot (a body too large).
bool install(ScriptSandbox &sandbox, const QString &mode, const ScriptMessage &request,
             const ScriptMessage *response, const ScriptVariables &variables, QString *error)
{
    const ScriptLimits &limits = sandbox.limits();
    if (response && response->body.size() > limits.maxBodyBytes) {
        *error = tr("the response body has %1 bytes; scripts are given bodies of at most %2 MiB")
                     .arg(response->body.size())
                     .arg(limits.maxBodyBytes / (1024 * 1024));
        return false;
    }
    const QJsonObject input{
        {u"mode"_s, mode},
        {u"prelude"_s, internalFile()},
        {u"request"_s, message(request)},
        {u"response"_s, response ? QJsonValue(message(*response)) : QJsonValue()},
        {u"vars"_s, QJsonObject{{u"globals"_s, scope(variables.globals)},
                                {u"environment"_s, scope(variables.environment)},
                                {u"collection"_s, scope(variables.collection)},
                                {u"request"_s, scope(variables.request)},
                                {u"visible"_s, scope(variables.visible)}}},
        {u"limits"_s, QJsonObject{{u"log"_s, double(limits.maxLogChars)},
                                  {u"value"_s, double(limits.maxValueChars)},
                                  {u"vars"_s, limits.maxVariables},
                                  {u"tests"_s, limits.maxTests}}}};
    sandbox.engine().globalObject().setProperty(
        u"__peepholeInput"_s, QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact)));
    const ScriptSandbox::Evaluation e = sandbox.evaluate(ScriptApiDetail::prelude(), internalFile(), 1);
    if (!e.ok) {
        *error = e.error;
        qCWarning(lcScript) << "the script API did not install:" << e.error;
        return false;
    }
    return true;
}

/// The construct Peephole lacks that @p thrown (or an error it caused) is about; empty if none.
/// @p line: where the script first touched it (unchanged when unknown).
QString unsupportedUse(ScriptSandbox &sandbox, const QJSValue &thrown, int *line)
{
    const ScriptSandbox::Evaluation o = sandbox.evaluate(u"__peephole.unsupported()"_s, internalFile(), 1);
    QString construct = o.ok ? o.value.toString() : QString();
    if (construct.isEmpty() && thrown.isError() &&
        thrown.property(u"name"_s).toString() == u"PeepholeUnsupported")
        construct = thrown.property(u"construct"_s).toString();
    const ScriptSandbox::Evaluation at = sandbox.evaluate(u"__peephole.unsupportedLine()"_s, internalFile(), 1);
    if (at.ok && at.value.toInt() > 0)
        *line = at.value.toInt();
    return construct;
}

/// @p code with comments and string literals blanked (same length, lines kept).
QString withoutStringsAndComments(const QString &code)
{
    QString out = code;
    qsizetype i = 0;
    const qsizetype n = code.size();
    while (i < n) {
        const QChar c = code.at(i);
        if (c == u'/' && i + 1 < n && code.at(i + 1) == u'/') {
            while (i < n && code.at(i) != u'\n')
                out[i++] = u' ';
        } else if (c == u'/' && i + 1 < n && code.at(i + 1) == u'*') {
            while (i < n && !(code.at(i) == u'*' && i + 1 < n && code.at(i + 1) == u'/')) {
                if (code.at(i) != u'\n')
                    out[i] = u' ';
                ++i;
            }
            if (i < n) {
                out[i] = out[i + 1] = u' ';
                i += 2;
            }
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            ++i;
            while (i < n && code.at(i) != c) {
                if (code.at(i) == u'\\' && i + 1 < n)
                    out[i++] = u' ';
                if (code.at(i) != u'\n')
                    out[i] = u' ';
                ++i;
            }
            ++i;
        } else {
            ++i;
        }
    }
    return out;
}
} // namespace

QString internalFile()
{
    return u"peephole-script-api.js"_s;
}

ScriptOutcome run(const QString &code, const QString &file, int line, ScriptPhase phase,
                  const ScriptMessage &request, const ScriptMessage *response, ScriptVariables &variables,
                  const ScriptLimits &limits)
{
    ScriptOutcome outcome;
    ScriptSandbox sandbox(limits);
    sandbox.setInternalFile(internalFile());
    QString error;
    if (!install(sandbox, u"handler"_s, request, phase == ScriptPhase::Response ? response : nullptr,
                 variables, &error)) {
        outcome.status = ScriptOutcome::Status::Unsupported;
        outcome.message = tr("%1:%2: %3").arg(file).arg(line).arg(error);
        return outcome;
    }
    const ScriptSandbox::Evaluation e = sandbox.evaluate(code, file, line);
    if (!e.ok && !e.timedOut && !e.outOfMemory) {
        int at = e.line;
        const QString construct = unsupportedUse(sandbox, e.value, &at);
        if (!construct.isEmpty()) {
            outcome.status = ScriptOutcome::Status::Unsupported;
            outcome.message = tr("%1:%2: `%3` is not supported by Peephole; the script's tests were not run")
                                  .arg(file)
                                  .arg(at)
                                  .arg(construct);
            return outcome; // no verdict of a script that could not run as written
        }
    }
    if (!e.ok) {
        const bool assertion = e.value.isError() && e.value.property(u"name"_s).toString() == u"AssertionError";
        outcome.status = assertion ? ScriptOutcome::Status::Failed : ScriptOutcome::Status::Error;
        outcome.message = e.error;
        if (e.timedOut || e.outOfMemory)
            return outcome; // the engine state is not worth reading
    }
    const ScriptSandbox::Evaluation o = sandbox.evaluate(u"__peephole.output()"_s, internalFile(), 1);
    if (!o.ok) {
        outcome.status = ScriptOutcome::Status::Error;
        outcome.message = tr("%1:%2: the script's results cannot be read: %3").arg(file).arg(line).arg(o.error);
        return outcome;
    }
    const QJsonObject result = QJsonDocument::fromJson(o.value.toString().toUtf8()).object();
    const QString caught = result.value(u"unsupported"_s).toString();
    if (!caught.isEmpty()) {
        // The script caught the error itself; it still did not run as written.
        outcome.status = ScriptOutcome::Status::Unsupported;
        outcome.message = tr("%1:%2: `%3` is not supported by Peephole; the script's tests were not run")
                              .arg(file)
                              .arg(result.value(u"unsupportedLine"_s).toInt(line))
                              .arg(caught);
        outcome.tests.clear();
        return outcome;
    }
    for (const QJsonValue &t : result.value(u"tests"_s).toArray()) {
        const QJsonObject to = t.toObject();
        outcome.tests.append({to.value(u"name"_s).toString(), to.value(u"passed"_s).toBool(),
                              to.value(u"message"_s).toString(), to.value(u"line"_s).toInt()});
    }
    for (const QJsonValue &l : result.value(u"log"_s).toArray())
        outcome.log.append(l.toString());
    const QJsonObject vars = result.value(u"vars"_s).toObject();
    variables.globals = scopeFrom(vars.value(u"globals"_s));
    variables.environment = scopeFrom(vars.value(u"environment"_s));
    variables.collection = scopeFrom(vars.value(u"collection"_s));
    variables.request = scopeFrom(vars.value(u"request"_s));
    return outcome;
}

QString unsupported(const QString &code, int *line)
{
    // Members Peephole implements, by object; a deeper member is checked while running.
    static const QHash<QString, QSet<QString>> members = {
        {u"client"_s, {u"test"_s, u"assert"_s, u"log"_s, u"global"_s}},
        {u"client.global"_s, {u"set"_s, u"get"_s, u"clear"_s, u"isEmpty"_s, u"clearAll"_s}},
        {u"pm"_s,
         {u"test"_s, u"expect"_s, u"response"_s, u"request"_s, u"environment"_s, u"variables"_s,
          u"collectionVariables"_s, u"globals"_s}},
        {u"pm.response"_s,
         {u"code"_s, u"status"_s, u"json"_s, u"text"_s, u"headers"_s, u"responseTime"_s, u"to"_s}},
        {u"pm.request"_s, {u"url"_s, u"method"_s, u"headers"_s}},
        {u"pm.environment"_s, {u"get"_s, u"set"_s, u"unset"_s, u"has"_s, u"clear"_s, u"toObject"_s}},
        {u"pm.collectionVariables"_s, {u"get"_s, u"set"_s, u"unset"_s, u"has"_s, u"clear"_s, u"toObject"_s}},
        {u"pm.globals"_s, {u"get"_s, u"set"_s, u"unset"_s, u"has"_s, u"clear"_s, u"toObject"_s}},
        {u"pm.variables"_s, {u"get"_s, u"set"_s, u"unset"_s, u"has"_s}},
        {u"response"_s, {u"status"_s, u"body"_s, u"headers"_s, u"contentType"_s}},
        {u"response.headers"_s, {u"valueOf"_s, u"valuesOf"_s}},
        {u"response.contentType"_s, {u"mimeType"_s, u"charset"_s}},
        {u"request"_s, {u"variables"_s, u"environment"_s}},
        {u"request.variables"_s, {u"get"_s, u"set"_s}},
        {u"request.environment"_s, {u"get"_s}},
    };
    static const QStringList whole = {u"postman"_s, u"require"_s, u"setTimeout"_s, u"setInterval"_s};
    const QString plain = withoutStringsAndComments(code);
    static const QRegularExpression use(
        u"(?<![\\w$.])(client|pm|response|request|postman|require|setTimeout|setInterval)\\b((?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)"_s);
    // A script that declares its own "response" or "request" (const response = pm.response.json())
    // means its own variable: only the running script can tell those apart.
    static const QRegularExpression declares(
        u"(?:\\b(?:var|let|const|function)\\s+|[(,]\\s*)(response|request)\\b"_s);
    QSet<QString> own;
    for (auto it = declares.globalMatch(plain); it.hasNext();)
        own.insert(it.next().captured(1));
    for (auto it = use.globalMatch(plain); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString root = m.captured(1);
        if (own.contains(root))
            continue;
        if (line)
            *line = int(plain.left(m.capturedStart()).count(u'\n')) + 1;
        if (whole.contains(root))
            return m.captured(2).isEmpty() ? root : root + m.captured(2).simplified().remove(u' ');
        QStringList path = m.captured(2).simplified().remove(u' ').split(u'.', Qt::SkipEmptyParts);
        QString object = root;
        for (const QString &member : std::as_const(path)) {
            const auto known = members.constFind(object);
            if (known == members.constEnd())
                break;
            if (!known->contains(member))
                return object + u'.' + member;
            object += u'.' + member;
        }
    }
    return {};
}

std::optional<QJsonValue> evaluate(const QString &expression, const QString &file, int line,
                                   const ScriptMessage &response, const ScriptVariables &variables,
                                   QString *error, bool *unsupported, const ScriptLimits &limits)
{
    *unsupported = false;
    ScriptSandbox sandbox(limits);
    sandbox.setInternalFile(internalFile());
    QString why;
    if (!install(sandbox, u"httpyac"_s, ScriptMessage{}, &response, variables, &why)) {
        *unsupported = true;
        *error = tr("%1:%2: %3").arg(file).arg(line).arg(why);
        return std::nullopt;
    }
    // Evaluated as written, at its own line, then turned into JSON.
    const ScriptSandbox::Evaluation e = sandbox.evaluate(u"__peephole.value(("_s + expression + u"\n))"_s, file, line);
    if (!e.ok) {
        int at = e.line;
        const QString construct =
            e.timedOut || e.outOfMemory ? QString() : unsupportedUse(sandbox, e.value, &at);
        *unsupported = !construct.isEmpty();
        *error = *unsupported
                     ? tr("%1:%2: `%3` is not supported by Peephole").arg(file).arg(at).arg(construct)
                     : e.error;
        return std::nullopt;
    }
    const QJsonArray value = QJsonDocument::fromJson(e.value.toString().toUtf8()).array();
    if (value.isEmpty())
        return std::nullopt;
    return value.first();
}

} // namespace Peephole::ScriptApi
