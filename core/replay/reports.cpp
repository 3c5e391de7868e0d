#include "replay/reports.h"
#include "io/fileio.h"

#include "redact/redact.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Peephole::Reports {

namespace {
QString seconds(qint64 ms)
{
    return QString::number(double(std::max<qint64>(ms, 0)) / 1000.0, 'f', 3);
}

QString headerKind(HeaderChange::Kind k)
{
    return k == HeaderChange::Kind::Added     ? u"added"_s
           : k == HeaderChange::Kind::Removed ? u"removed"_s
                                              : u"changed"_s;
}

QJsonObject diffJson(const ResponseDiffResult &d)
{
    QJsonObject o;
    o.insert(u"expectedStatus"_s, d.expectedStatus);
    o.insert(u"actualStatus"_s, d.actualStatus);
    QJsonArray headers;
    for (const HeaderChange &h : d.headers)
        headers.append(QJsonObject{{u"kind"_s, headerKind(h.kind)},
                                   {u"name"_s, QString::fromLatin1(h.name)},
                                   {u"expected"_s, QString::fromLatin1(h.expected)},
                                   {u"actual"_s, QString::fromLatin1(h.actual)}});
    o.insert(u"headers"_s, headers);
    o.insert(u"bodyChanged"_s, d.bodyChanged);
    switch (d.bodyKind) {
    case ResponseDiffResult::BodyKind::Json: {
        o.insert(u"bodyKind"_s, u"json"_s);
        QJsonArray changes;
        for (const JsonDiff::Change &c : d.json.changes)
            changes.append(
                QJsonObject{{u"kind"_s, c.kind == JsonDiff::Change::Kind::Added     ? u"added"_s
                                        : c.kind == JsonDiff::Change::Kind::Removed ? u"removed"_s
                                                                                    : u"changed"_s},
                            {u"path"_s, c.path},
                            {u"expected"_s, c.expected},
                            {u"actual"_s, c.actual}});
        o.insert(u"json"_s, changes);
        break;
    }
    case ResponseDiffResult::BodyKind::Text: {
        o.insert(u"bodyKind"_s, u"text"_s);
        QJsonArray lines;
        for (const TextDiff::Line &l : d.text.lines)
            lines.append(QJsonObject{{u"op"_s, l.op == TextDiff::Line::Op::Added ? u"+"_s : u"-"_s},
                                     {u"expectedLine"_s, l.expectedLine},
                                     {u"actualLine"_s, l.actualLine},
                                     {u"text"_s, l.text}});
        o.insert(u"lines"_s, lines);
        break;
    }
    case ResponseDiffResult::BodyKind::Binary:
        o.insert(u"bodyKind"_s, u"binary"_s);
        o.insert(u"expectedSha256"_s, QString::fromLatin1(d.expectedSha256));
        o.insert(u"actualSha256"_s, QString::fromLatin1(d.actualSha256));
        break;
    }
    o.insert(u"expectedSize"_s, d.expectedSize);
    o.insert(u"actualSize"_s, d.actualSize);
    return o;
}
} // namespace

RunSummary redacted(const RunSummary &summary)
{
    RunSummary out = summary;
    const QByteArray mark(Redact::Redacted);
    for (RequestResult &r : out.results) {
        const QString url = Redact::urlText(r.url);
        if (url != r.url) {
            for (QString &m : r.messages)
                m.replace(r.url, url);
            r.url = url;
        }
        for (HeaderChange &h : r.diff.headers) {
            if (!Redact::isSecretHeader(h.name))
                continue;
            h.expected = Redact::headerValue(h.name, h.expected);
            h.actual = Redact::headerValue(h.name, h.actual);
        }
        for (JsonDiff::Change &c : r.diff.json.changes) {
            // The last member name of a path such as "$.user.password" or "/user/password".
            const QString last =
                c.path.section(QRegularExpression(u"[./\\[\\]'\"]+"_s), -1, -1, QString::SectionSkipEmpty);
            if (!Redact::isSecretField(last)) {
                // An object or array may hold secret fields deeper down.
                c.expected = QString::fromUtf8(Redact::jsonBody(c.expected.toUtf8()));
                c.actual = QString::fromUtf8(Redact::jsonBody(c.actual.toUtf8()));
                continue;
            }
            if (!c.expected.isEmpty())
                c.expected = QString::fromLatin1(mark);
            if (!c.actual.isEmpty())
                c.actual = QString::fromLatin1(mark);
        }
    }
    return out;
}

namespace {
/// One <testcase>: an assertion of a request, or the request itself.
struct JunitCase
{
    QString name;
    qint64 ms = 0;
    enum class Kind { Passed, Failure, Error, Skipped } kind = Kind::Passed;
    QString type; ///< Of a failure: "assertion" or "changed".
    QString message;
    QString text;
    QString systemOut;
};

QList<JunitCase> casesOf(const RequestResult &r)
{
    const QString out = QString::fromLatin1(r.method) + u' ' + r.url + u" -> "_s +
                        (r.status ? QString::number(r.status) : u"no response"_s);
    const QString text = r.messages.join(u'\n');
    const QString first = r.messages.value(0).section(u'\n', 0, 0);
    QList<JunitCase> cases;
    JunitCase request{r.name, std::max<qint64>(r.durationMs, 0), JunitCase::Kind::Passed, {}, {}, {}, out};
    switch (r.outcome) {
    case RequestResult::Outcome::Skipped:
    case RequestResult::Outcome::NotRun:
        request.kind = JunitCase::Kind::Skipped;
        request.message = r.outcome == RequestResult::Outcome::NotRun
                              ? RequestResult::outcomeName(r.outcome) + u": "_s + first
                              : first;
        request.text = text;
        return {request};
    case RequestResult::Outcome::Error:
        request.kind = JunitCase::Kind::Error;
        request.message = first;
        request.text = text;
        return {request};
    case RequestResult::Outcome::Passed:
    case RequestResult::Outcome::Failed:
    case RequestResult::Outcome::Changed:
        break;
    }
    // One testcase per assertion (as newman and httpyac report them).
    for (const AssertionResult &a : r.assertions) {
        JunitCase c{
            r.name + u" \u203a "_s + a.expression, request.ms, JunitCase::Kind::Passed, {}, {}, {}, out};
        if (!a.passed) {
            c.kind = JunitCase::Kind::Failure;
            c.type = u"assertion"_s;
            c.message = a.message;
            c.text = a.message;
        }
        cases.append(c);
    }
    const bool assertionFailed = std::any_of(r.assertions.cbegin(), r.assertions.cend(),
                                             [](const AssertionResult &a) { return !a.passed; });
    if (r.outcome == RequestResult::Outcome::Changed) {
        JunitCase c{r.name + u" \u203a expected response"_s,
                    request.ms,
                    JunitCase::Kind::Failure,
                    u"changed"_s,
                    first,
                    text,
                    out};
        cases.append(c);
    } else if (r.outcome == RequestResult::Outcome::Failed && !assertionFailed) {
        request.kind = JunitCase::Kind::Failure; // status >= 400 with nothing accepting it
        request.type = u"assertion"_s;
        request.message = first;
        request.text = text;
        cases.append(request);
    } else if (cases.isEmpty()) {
        cases.append(request);
    }
    return cases;
}
} // namespace

QByteArray junit(const RunSummary &summary, const QString &suiteName)
{
    // Group by file, keeping the run's order of first appearance.
    QStringList files;
    QMap<QString, QList<JunitCase>> byFile;
    for (const RequestResult &r : summary.results) {
        if (!byFile.contains(r.ref.file))
            files.append(r.ref.file);
        byFile[r.ref.file] += casesOf(r);
    }
    const auto count = [](const QList<JunitCase> &cases, JunitCase::Kind kind) {
        return QString::number(std::count_if(cases.cbegin(), cases.cend(),
                                             [kind](const JunitCase &c) { return c.kind == kind; }));
    };
    QList<JunitCase> all;
    for (const QString &file : std::as_const(files))
        all += byFile.value(file);
    // With its time zone (UTC, "Z"), as xs:dateTime allows.
    const QString timestamp = summary.startedAt.toUTC().toString(Qt::ISODate);
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(u"testsuites"_s);
    w.writeAttribute(u"name"_s, suiteName);
    w.writeAttribute(u"tests"_s, QString::number(all.size()));
    w.writeAttribute(u"failures"_s, count(all, JunitCase::Kind::Failure));
    w.writeAttribute(u"errors"_s, count(all, JunitCase::Kind::Error));
    w.writeAttribute(u"skipped"_s, count(all, JunitCase::Kind::Skipped));
    w.writeAttribute(u"time"_s, seconds(summary.durationMs));
    int id = 0;
    for (const QString &file : std::as_const(files)) {
        const QList<JunitCase> cases = byFile.value(file);
        qint64 ms = 0;
        for (const RequestResult &r : summary.results)
            ms += r.ref.file == file ? std::max<qint64>(r.durationMs, 0) : 0;
        QString className = file;
        if (className.endsWith(u".http"_s) || className.endsWith(u".rest"_s))
            className.chop(5);
        className.replace(u'/', u'.');
        w.writeStartElement(u"testsuite"_s);
        w.writeAttribute(u"name"_s, file);
        w.writeAttribute(u"id"_s, QString::number(id++));
        w.writeAttribute(u"tests"_s, QString::number(cases.size()));
        w.writeAttribute(u"failures"_s, count(cases, JunitCase::Kind::Failure));
        w.writeAttribute(u"errors"_s, count(cases, JunitCase::Kind::Error));
        w.writeAttribute(u"skipped"_s, count(cases, JunitCase::Kind::Skipped));
        w.writeAttribute(u"time"_s, seconds(ms));
        w.writeAttribute(u"timestamp"_s, timestamp);
        for (const JunitCase &c : cases) {
            w.writeStartElement(u"testcase"_s);
            w.writeAttribute(u"name"_s, c.name);
            w.writeAttribute(u"classname"_s, className);
            w.writeAttribute(u"time"_s, seconds(c.ms));
            switch (c.kind) {
            case JunitCase::Kind::Passed:
                break;
            case JunitCase::Kind::Failure:
            case JunitCase::Kind::Error:
                w.writeStartElement(c.kind == JunitCase::Kind::Failure ? u"failure"_s : u"error"_s);
                w.writeAttribute(u"type"_s, c.kind == JunitCase::Kind::Failure ? c.type : u"error"_s);
                w.writeAttribute(u"message"_s, c.message);
                w.writeCharacters(c.text);
                w.writeEndElement();
                break;
            case JunitCase::Kind::Skipped:
                w.writeStartElement(u"skipped"_s);
                if (!c.message.isEmpty())
                    w.writeAttribute(u"message"_s, c.message);
                w.writeCharacters(c.text);
                w.writeEndElement();
                break;
            }
            w.writeTextElement(u"system-out"_s, c.systemOut);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QByteArray json(const RunSummary &summary)
{
    QJsonArray results;
    for (const RequestResult &r : summary.results) {
        QJsonObject o{{u"file"_s, r.ref.file},
                      {u"index"_s, r.ref.index},
                      {u"name"_s, r.name},
                      {u"folder"_s, r.folder},
                      {u"method"_s, QString::fromLatin1(r.method)},
                      {u"url"_s, r.url},
                      {u"outcome"_s, RequestResult::outcomeName(r.outcome)},
                      {u"status"_s, r.status},
                      {u"timeMs"_s, r.durationMs},
                      {u"messages"_s, QJsonArray::fromStringList(r.messages)},
                      {u"warnings"_s, QJsonArray::fromStringList(r.warnings)}};
        QJsonArray assertions;
        for (const AssertionResult &a : r.assertions)
            assertions.append(QJsonObject{{u"expression"_s, a.expression},
                                          {u"passed"_s, a.passed},
                                          {u"message"_s, a.message},
                                          {u"kind"_s, a.kind.isEmpty() ? u"assertion"_s : a.kind}});
        o.insert(u"assertions"_s, assertions);
        if (!r.scriptLog.isEmpty())
            o.insert(u"scriptLog"_s, QJsonArray::fromStringList(r.scriptLog));
        if (r.compared)
            o.insert(u"diff"_s, diffJson(r.diff));
        if (r.expectedSaved)
            o.insert(u"expectedSaved"_s, true);
        results.append(o);
    }
    const QJsonObject s{{u"environment"_s, summary.environment},
                        {u"startedAt"_s, summary.startedAt.toUTC().toString(Qt::ISODate)},
                        {u"durationMs"_s, summary.durationMs},
                        {u"total"_s, summary.total()},
                        {u"passed"_s, summary.passed},
                        {u"changed"_s, summary.changed},
                        {u"failed"_s, summary.failed},
                        {u"errors"_s, summary.errors},
                        {u"skipped"_s, summary.skipped},
                        {u"notRun"_s, summary.notRun},
                        {u"disabled"_s, summary.disabled},
                        {u"bailed"_s, summary.bailed},
                        {u"cancelled"_s, summary.cancelled}};
    return QJsonDocument(QJsonObject{{u"schemaVersion"_s, 1}, // docs/run-report.schema.json
                                     {u"summary"_s, s},
                                     {u"results"_s, results}})
        .toJson();
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QString why;
    if (!Io::writeFile(path, bytes, &why, {Io::OutputFile::Permissions::Private, true})) {
        *error = QCoreApplication::translate("Peephole::Reports", "the report was not written: %1").arg(why);
        return false;
    }
    return true;
}

} // namespace Peephole::Reports
