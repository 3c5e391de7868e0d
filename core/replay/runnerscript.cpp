// Runner: JavaScript handlers through core/script. JetBrains "< {% %}" pre-request
// scripts and "> {% %}" / "> ./handler.js" response handlers (Postman's pm API too,
// as `convert` writes a Postman collection's scripts), httpyac "?? js" assertions.
// Each client.test / pm.test is one verdict; values the scripts set feed the
// {{variables}} of later requests. A script that uses what Peephole does not
// implement makes its request NOT RUN, never PASS.
#include "replay/assertions.h"
#include "replay/runner.h"

#include "collection/environmentfile.h"
#include "collection/secretvariables.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "redact/redact.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString keyOf(const RequestRef &ref)
{
    return ref.file + u'#' + QString::number(ref.index);
}

const QStringList jsOperators = {
    u"=="_s,        u"!="_s,       u"<="_s,         u">="_s,       u"<"_s,       u">"_s,        u"contains"_s,
    u"!contains"_s, u"includes"_s, u"startsWith"_s, u"endsWith"_s, u"matches"_s, u"exists"_s,   u"!exists"_s,
    u"isTrue"_s,    u"isFalse"_s,  u"==="_s,        u"!=="_s,      u"equals"_s,  u"isNumber"_s, u"isString"_s,
    u"isBoolean"_s, u"isArray"_s,  u"sha256"_s,     u"sha512"_s,   u"md5"_s};
} // namespace

bool Runner::isJsAssertion(const QString &expression)
{
    return expression.startsWith(u"js "_s) || expression.startsWith(u"js\t"_s);
}

std::optional<QString> Runner::scriptCode(const RequestRef &ref, const HttpFileScript &script, QString *error) const
{
    if (script.path.isEmpty())
        return script.code;
    const QString dir = QFileInfo(m_collection.rootPath + u'/' + ref.file).absolutePath();
    const QString path = QDir::cleanPath(QDir(dir).absoluteFilePath(script.path));
    const QString root = QDir::cleanPath(QFileInfo(m_collection.rootPath).absoluteFilePath());
    if (!path.startsWith(root + u'/')) {
        *error = tr("%1:%2: the script file %3 is outside the collection %4; Peephole runs only scripts "
                    "of the collection")
                     .arg(ref.file)
                     .arg(script.line)
                     .arg(script.path, QDir::toNativeSeparators(root));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1:%2: cannot read the script file %3: %4")
                     .arg(ref.file)
                     .arg(script.line)
                     .arg(script.path, file.errorString());
        return std::nullopt;
    }
    const ScriptLimits limits;
    if (file.size() > limits.maxSourceChars) {
        *error = tr("%1:%2: the script file %3 has %4 bytes; scripts may have at most %5")
                     .arg(ref.file)
                     .arg(script.line)
                     .arg(script.path)
                     .arg(file.size())
                     .arg(limits.maxSourceChars);
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

QString Runner::scriptFileName(const RequestRef &ref, const HttpFileScript &script) const
{
    if (script.path.isEmpty())
        return ref.file;
    const QString dir = QFileInfo(ref.file).path();
    return QDir::cleanPath(dir == u"."_s ? script.path : dir + u'/' + script.path);
}

QStringList Runner::scriptProblems(const RequestRef &ref, const CollectionRequest &request) const
{
    QStringList reasons;
    for (const HttpFileScript &script : request.scripts) {
        QString error;
        const std::optional<QString> code = scriptCode(ref, script, &error);
        if (!code) {
            reasons.append(error);
            continue;
        }
        int line = 1;
        const QString construct = ScriptApi::unsupported(*code, &line);
        if (!construct.isEmpty())
            reasons.append(tr("%1:%2: `%3` is not supported by Peephole (in the %4)")
                               .arg(scriptFileName(ref, script))
                               .arg(script.path.isEmpty() ? script.line + line - 1 : line)
                               .arg(construct,
                                    script.phase == HttpFileScript::Phase::PreRequest
                                        ? tr("pre-request script")
                                        : tr("response handler")));
    }
    return reasons;
}

ScriptVariables Runner::scriptVariables(const RequestRef &ref) const
{
    ScriptVariables vars = m_scriptVariables;
    vars.environment = m_environment;
    vars.request = m_requestScriptVariables.value(keyOf(ref));
    const int fi = m_collection.fileIndex(ref.file);
    if (fi >= 0) {
        for (const HttpFileVariable &v : m_collection.files.at(fi).variables)
            vars.visible.insert(v.name, v.value);
    }
    for (auto it = m_options.overrides.cbegin(); it != m_options.overrides.cend(); ++it)
        vars.visible.insert(it.key(), it.value());
    return vars;
}

void Runner::keepScriptVariables(const RequestRef &ref, const ScriptVariables &vars)
{
    m_scriptVariables.globals = vars.globals;
    m_scriptVariables.collection = vars.collection;
    m_environment = vars.environment;
    m_requestScriptVariables.insert(keyOf(ref), vars.request);
}

QString Runner::withoutSecrets(const QString &line)
{
    if (!m_scriptSecretsKnown) {
        m_scriptSecretsKnown = true;
        // The private environment file's values, the keychain's (they replaced "$keychain"),
        // request credentials, and whatever a script or file keeps under a secret's name.
        QSet<QString> values;
        const QString envPath =
            m_collection.rootPath + u'/' + QString::fromLatin1(EnvironmentFile::PublicFileName);
        const QString privatePath = EnvironmentFile::privateFileFor(envPath);
        if (QFileInfo::exists(privatePath)) {
            const EnvironmentFileResult env = EnvironmentFile::readFile(privatePath);
            if (env.ok) {
                const VariableScope scope = EnvironmentFile::scopeFor(env.environments, m_options.environment);
                for (auto it = scope.cbegin(); it != scope.cend(); ++it)
                    values.insert(m_environment.value(it.key(), it.value()));
            }
        }
        for (const QString &secret : std::as_const(m_authSecrets))
            values.insert(secret);
        const auto named = [&values](const VariableScope &scope) {
            for (auto it = scope.cbegin(); it != scope.cend(); ++it) {
                if (Redact::isSecretField(it.key()) || Redact::isSecretParameter(it.key()))
                    values.insert(it.value());
            }
        };
        named(m_environment);
        for (const CollectionFile &f : std::as_const(m_collection.files)) {
            for (const HttpFileVariable &v : f.variables) {
                if (Redact::isSecretField(v.name) || Redact::isSecretParameter(v.name))
                    values.insert(v.value);
            }
        }
        for (const QString &v : std::as_const(values)) {
            if (v.size() >= 3 && v != QLatin1StringView(SecretVariables::Marker))
                m_scriptSecrets.append(v);
        }
        // Longest first, so that a secret inside another is not left half shown.
        std::sort(m_scriptSecrets.begin(), m_scriptSecrets.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }
    // Values scripts set under a secret's name are secrets too (client.global.set("token", ...)).
    QStringList now = m_scriptSecrets;
    for (const VariableScope *scope : {&m_scriptVariables.globals, &m_scriptVariables.collection}) {
        for (auto it = scope->cbegin(); it != scope->cend(); ++it) {
            if ((Redact::isSecretField(it.key()) || Redact::isSecretParameter(it.key())) && it.value().size() >= 3)
                now.append(it.value());
        }
    }
    QString out = line;
    for (const QString &secret : std::as_const(now))
        out.replace(secret, QString::fromLatin1(Redact::Redacted));
    return out;
}

bool Runner::applyScriptOutcome(int index, const HttpFileScript &script, const ScriptOutcome &outcome,
                                bool *failed)
{
    RequestResult &result = m_summary.results[index];
    for (const QString &line : outcome.log)
        result.scriptLog.append(withoutSecrets(line));
    if (outcome.status == ScriptOutcome::Status::Unsupported) {
        result.outcome = RequestResult::Outcome::NotRun;
        result.assertions.clear();
        result.messages.append(outcome.message);
        return false;
    }
    const QString file = scriptFileName(result.ref, script);
    for (const ScriptTest &t : outcome.tests) {
        AssertionResult a;
        a.expression = t.name;
        a.kind = u"test"_s;
        a.passed = t.passed;
        if (!t.passed) {
            a.message = t.line > 0 ? tr("%1:%2: %3").arg(file).arg(t.line).arg(t.message) : t.message;
            result.messages.append(tr("test \"%1\" failed: %2").arg(t.name, a.message));
            *failed = true;
        }
        result.assertions.append(a);
    }
    if (outcome.status == ScriptOutcome::Status::Failed) {
        AssertionResult a;
        a.expression = tr("assertion in %1").arg(file);
        a.kind = u"test"_s;
        a.message = outcome.message;
        result.assertions.append(a);
        result.messages.append(outcome.message);
        *failed = true;
    } else if (outcome.status == ScriptOutcome::Status::Error) {
        result.outcome = RequestResult::Outcome::Error;
        result.messages.append(outcome.message);
        return false;
    }
    return true;
}

bool Runner::runPreRequestScripts(int index, const CollectionRequest &request)
{
    RequestResult &result = m_summary.results[index];
    const RequestRef ref = result.ref;
    bool failed = false;
    for (const HttpFileScript &script : request.scripts) {
        if (script.phase != HttpFileScript::Phase::PreRequest)
            continue;
        QString error;
        const std::optional<QString> code = scriptCode(ref, script, &error);
        if (!code) {
            result.outcome = RequestResult::Outcome::NotRun;
            result.messages.append(error);
            return false;
        }
        ScriptMessage message;
        message.method = request.request.method;
        message.url = urlText(request);
        message.headers = request.request.headers;
        if (request.request.body.kind == RequestBody::Kind::Raw)
            message.body = request.request.body.raw;
        ScriptVariables vars = scriptVariables(ref);
        const ScriptOutcome outcome =
            ScriptApi::run(*code, scriptFileName(ref, script), script.path.isEmpty() ? script.line : 1,
                           ScriptPhase::PreRequest, message, nullptr, vars);
        keepScriptVariables(ref, vars);
        if (!applyScriptOutcome(index, script, outcome, &failed))
            return false;
    }
    return true; // a failed pre-request test fails the request in judge()
}

bool Runner::runResponseScripts(int index, const CollectionRequest &request, const ExpectedResponse &actual,
                                bool *failed)
{
    RequestResult &result = m_summary.results[index];
    const RequestRef ref = result.ref;
    for (const HttpFileScript &script : request.scripts) {
        if (script.phase != HttpFileScript::Phase::Response)
            continue;
        QString error;
        const std::optional<QString> code = scriptCode(ref, script, &error);
        if (!code) {
            result.outcome = RequestResult::Outcome::NotRun;
            result.messages.append(error);
            return false;
        }
        ScriptMessage sent;
        sent.method = result.method;
        sent.url = result.url;
        sent.headers = request.request.headers;
        ScriptMessage received;
        received.status = actual.status;
        received.reason = actual.reason;
        received.headers = actual.headers;
        received.body = actual.body;
        received.durationMs = result.durationMs;
        ScriptVariables vars = scriptVariables(ref);
        const ScriptOutcome outcome =
            ScriptApi::run(*code, scriptFileName(ref, script), script.path.isEmpty() ? script.line : 1,
                           ScriptPhase::Response, sent, &received, vars);
        keepScriptVariables(ref, vars);
        if (!applyScriptOutcome(index, script, outcome, failed))
            return false;
    }
    return true;
}

AssertionResult Runner::jsAssertion(int index, const QString &expression, int line, const ExpectedResponse &actual,
                                    bool *unsupported)
{
    // "js EXPRESSION [OPERATOR VALUE]": the expression up to the first operator word, as httpyac reads it.
    const RequestRef ref = m_summary.results.at(index).ref;
    QStringList words = expression.mid(3).trimmed().split(u' ', Qt::SkipEmptyParts);
    qsizetype op = 0;
    while (op < words.size() && !jsOperators.contains(words.at(op)))
        ++op;
    const QString js = words.mid(0, op).join(u' ');
    const QString rest = words.mid(op).join(u' ');
    ScriptMessage received;
    received.status = actual.status;
    received.reason = actual.reason;
    received.headers = actual.headers;
    received.body = actual.body;
    received.durationMs = m_summary.results.at(index).durationMs;
    QString error;
    const std::optional<QJsonValue> value =
        ScriptApi::evaluate(js, ref.file, line, received, scriptVariables(ref), &error, unsupported);
    AssertionResult a;
    a.expression = expression;
    if (!error.isEmpty()) {
        a.message = error;
        return a;
    }
    // The value judged by the same operators as "?? body $.v ...".
    ExpectedResponse holder;
    holder.status = actual.status;
    QJsonObject o;
    if (value)
        o.insert(u"v"_s, *value);
    holder.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    AssertionResult r = Assertions::evaluate(u"body $.v "_s + (rest.isEmpty() ? u"isTrue"_s : rest), holder,
                                             m_summary.results.at(index).durationMs);
    if (rest.isEmpty() && value && !value->isBool()) {
        // No operator: httpyac passes on a truthy value.
        const bool truthy = value->isDouble() ? value->toDouble() != 0
                            : value->isString() ? !value->toString().isEmpty()
                                                : !value->isNull();
        r.passed = truthy;
        r.message = truthy ? QString() : tr("%1 is not truthy").arg(js);
    }
    a.passed = r.passed;
    a.message = r.message.replace(u"body $.v"_s, js);
    return a;
}

} // namespace Peephole
