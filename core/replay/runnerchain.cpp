// Runner: request chaining. "# @name login" names a request; another one
// uses its response through {{login.response.body.$.token}},
// {{login.response.headers.Location}} (JetBrains / REST Client) or
// {{login.token}} (httpyac: a property of the JSON body), or asks for it with
// "# @ref login". "# @import ./other.http" makes the named requests of
// another file of the collection known. The requests a selection depends on
// run first, once; a dependency that did not pass makes its dependants NOT RUN.
#include "replay/assertions.h"
#include "replay/jsondiff.h"
#include "replay/runner.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString key(const RequestRef &ref)
{
    return ref.file + u'#' + QString::number(ref.index);
}

/// Every text of @p r where {{references}} may stand.
QStringList textsOf(const CollectionRequest &r)
{
    const RequestSpec &s = r.request;
    QStringList texts{s.urlTemplate, s.body.filePath, s.auth.user, s.auth.password, s.auth.token};
    for (const HeaderField &h : s.headers)
        texts << QString::fromUtf8(h.name) << QString::fromUtf8(h.value);
    if (s.body.kind == RequestBody::Kind::Raw)
        texts << QString::fromUtf8(s.body.raw);
    for (const MultipartPart &p : s.body.parts)
        texts << QString::fromUtf8(p.value) << p.filePath;
    texts += r.assertions;
    texts += r.responseHandler;
    return texts;
}

/// "{{ login.response.body.$.token }}" -> {"login", "login.response.body.$.token"} for each reference.
QList<std::pair<QString, QString>> chainReferences(const CollectionRequest &r)
{
    static const QRegularExpression re(u"\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\.([^{}]*?)\\s*\\}\\}"_s);
    QList<std::pair<QString, QString>> out;
    for (const QString &text : textsOf(r)) {
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            out.append({m.captured(1), m.captured(1) + u'.' + m.captured(2)});
        }
    }
    return out;
}

/// The value @p path ("response.body.$.token", "response.headers.Location", "token") takes in
/// @p response; nullopt and @p error when it has none.
std::optional<QString> valueIn(const ExpectedResponse &response, const QString &path, QString *error)
{
    const auto json = [&](const QString &jsonPath) -> std::optional<QString> {
        QJsonValue v;
        QString why;
        if (!Assertions::jsonPath(response.body, jsonPath, &v, &why)) {
            *error =
                why.isEmpty()
                    ? QCoreApplication::translate("Peephole::Runner", "the response has no %1").arg(jsonPath)
                    : why;
            return std::nullopt;
        }
        return v.isString() ? v.toString() : JsonDiff::toText(v);
    };
    if (path.startsWith(u"response."_s)) {
        const QString rest = path.mid(9);
        if (rest == u"body"_s || rest == u"body.*"_s)
            return QString::fromUtf8(response.body);
        if (rest.startsWith(u"body.$"_s))
            return json(rest.mid(5));
        if (rest == u"status"_s)
            return QString::number(response.status);
        if (rest.startsWith(u"headers."_s)) {
            const QList<QByteArray> values = Headers::values(response.headers, rest.mid(8).toLatin1());
            if (values.isEmpty()) {
                *error = QCoreApplication::translate("Peephole::Runner", "the response has no %1 header")
                             .arg(rest.mid(8));
                return std::nullopt;
            }
            return QString::fromLatin1(values.join(", "));
        }
        *error = QCoreApplication::translate("Peephole::Runner",
                                             "\"%1\" is not known: use response.body.$.path, response.body, "
                                             "response.headers.NAME or response.status")
                     .arg(path);
        return std::nullopt;
    }
    if (path.startsWith(u"request."_s)) {
        *error = QCoreApplication::translate("Peephole::Runner", "values of the request (%1) are not kept")
                     .arg(path);
        return std::nullopt;
    }
    // httpyac: a property of the parsed body ("token", "data.items[0].id"; "json.token" alike).
    static const QRegularExpression property(
        u"^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*|\\[\\d+\\])*$"_s);
    if (!property.match(path).hasMatch()) {
        *error =
            QCoreApplication::translate("Peephole::Runner", "\"%1\" is a JavaScript expression").arg(path);
        return std::nullopt;
    }
    QString why;
    QJsonValue v;
    if (path.startsWith(u"json."_s) && !Assertions::jsonPath(response.body, u"$.json"_s, &v, &why) &&
        why.isEmpty())
        return json(u"$."_s + path.mid(5));
    return json(u"$."_s + path);
}
} // namespace

std::optional<RequestRef> Runner::namedRequest(const Collection &collection, const QString &file,
                                               const QString &name)
{
    QStringList files{file};
    QSet<QString> seen;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &f = files.at(i);
        if (seen.contains(f))
            continue;
        seen.insert(f);
        const int fi = collection.fileIndex(f);
        if (fi < 0)
            continue;
        const CollectionFile &cf = collection.files.at(fi);
        for (int r = 0; r < cf.requests.size(); ++r) {
            if (cf.requests.at(r).name == name)
                return RequestRef{f, r};
        }
        const QString dir = f.contains(u'/') ? f.section(u'/', 0, -2) : QString();
        for (const QString &import : cf.imports)
            files.append(QDir::cleanPath(dir.isEmpty() ? import : dir + u'/' + import));
    }
    return std::nullopt;
}

QList<RequestRef> Runner::dependenciesOf(const Collection &collection, const RequestRef &ref,
                                         QStringList *unknownRefs)
{
    QList<RequestRef> out;
    const CollectionRequest *r = collection.request(ref);
    if (!r)
        return out;
    const auto add = [&](const QString &name, bool explicitRef) {
        const std::optional<RequestRef> d = namedRequest(collection, ref.file, name);
        if (!d) {
            if (explicitRef && unknownRefs)
                unknownRefs->append(name);
            return; // {{x.y}} that names no request: a variable, judged when resolved
        }
        if (!out.contains(*d) && !(*d == ref))
            out.append(*d);
    };
    for (const QString &name : r->refs)
        add(name, true);
    for (const auto &[name, expression] : chainReferences(*r))
        add(name, false);
    return out;
}

QList<RequestRef> Runner::withDependencies(const Collection &collection, const QList<RequestRef> &selection,
                                           QHash<QString, QString> *errors)
{
    QList<RequestRef> out;
    QList<RequestRef> stack;
    const std::function<void(const RequestRef &)> visit = [&](const RequestRef &ref) {
        if (out.contains(ref))
            return;
        if (stack.contains(ref)) {
            // A cycle: every request on it is an error, named with its file and line.
            QStringList names;
            for (qsizetype i = stack.indexOf(ref); i < stack.size(); ++i) {
                const CollectionRequest *r = collection.request(stack.at(i));
                names.append(r ? displayName(*r) : key(stack.at(i)));
            }
            names.append(names.first());
            for (qsizetype i = stack.indexOf(ref); i < stack.size() && errors; ++i) {
                const CollectionRequest *r = collection.request(stack.at(i));
                errors->insert(key(stack.at(i)), QCoreApplication::translate("Peephole::Runner",
                                                                             "%1:%2: the requests depend on "
                                                                             "each other in a cycle: %3")
                                                     .arg(stack.at(i).file)
                                                     .arg(r ? r->line : 0)
                                                     .arg(names.join(u" \u2192 "_s)));
            }
            return;
        }
        stack.append(ref);
        QStringList unknown;
        for (const RequestRef &d : dependenciesOf(collection, ref, &unknown))
            visit(d);
        if (!unknown.isEmpty() && errors) {
            const CollectionRequest *r = collection.request(ref);
            errors->insert(key(ref), QCoreApplication::translate(
                                         "Peephole::Runner", "%1:%2: # @ref %3: no request of this name in "
                                                             "the file or the files it imports")
                                         .arg(ref.file)
                                         .arg(r ? r->line : 0)
                                         .arg(unknown.join(u", "_s)));
        }
        stack.removeLast();
        if (!out.contains(ref))
            out.append(ref);
    };
    for (const RequestRef &ref : selection)
        visit(ref);
    return out;
}

bool Runner::dependenciesDone(int index) const
{
    for (int d : m_dependsOn.value(index)) {
        if (!m_completed.value(d))
            return false;
    }
    return true;
}

bool Runner::prepareChain(int index)
{
    RequestResult &result = m_summary.results[index];
    const QString k = key(result.ref);
    if (m_chainErrors.contains(k)) {
        result.outcome = RequestResult::Outcome::Error;
        result.messages.append(m_chainErrors.value(k));
        return false;
    }
    const CollectionRequest *req = m_collection.request(result.ref);
    for (int d : m_dependsOn.value(index)) {
        const RequestResult &dep = m_summary.results.at(d);
        if (dep.outcome == RequestResult::Outcome::Passed || dep.outcome == RequestResult::Outcome::Changed)
            continue;
        result.outcome = RequestResult::Outcome::NotRun;
        result.messages.append(tr("%1:%2: depends on \"%3\" (%4), which did not pass (%5)")
                                   .arg(result.ref.file)
                                   .arg(req ? req->line : 0)
                                   .arg(dep.name, dep.ref.file, RequestResult::outcomeName(dep.outcome)));
        return false;
    }
    if (!req)
        return true;
    VariableScope scope;
    for (const auto &[name, expression] : chainReferences(*req)) {
        const std::optional<RequestRef> d = namedRequest(m_collection, result.ref.file, name);
        if (!d)
            continue;
        const int at = int(m_selection.indexOf(*d));
        if (!m_chainResponses.contains(at))
            continue; // not run: reported above
        QString error;
        const std::optional<QString> value =
            valueIn(m_chainResponses.value(at), expression.mid(name.size() + 1), &error);
        if (!value) {
            result.outcome = RequestResult::Outcome::Error;
            result.messages.append(
                tr("%1:%2: {{%3}}: %4").arg(result.ref.file).arg(req->line).arg(expression, error));
            return false;
        }
        if (Variables::hasReferences(*value)) {
            // A response never injects references of its own.
            result.outcome = RequestResult::Outcome::Error;
            result.messages.append(
                tr("%1:%2: {{%3}}: the value holds \"{{\", which Peephole does not substitute")
                    .arg(result.ref.file)
                    .arg(req->line)
                    .arg(expression));
            return false;
        }
        scope.insert(expression, *value);
    }
    m_chainScopes.insert(k, scope);
    return true;
}

void Runner::keepForChain(int index, const ExpectedResponse &response)
{
    for (const QList<int> &deps : std::as_const(m_dependsOn)) {
        if (deps.contains(index)) {
            m_chainResponses.insert(index, response);
            return;
        }
    }
}

} // namespace Peephole
