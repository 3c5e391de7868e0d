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

QByteArray junit(const RunSummary &summary, const QString &suiteName)
{
    // Group by file, keeping the run's order of first appearance.
    QStringList files;
    QMap<QString, QList<const RequestResult *>> byFile;
    for (const RequestResult &r : summary.results) {
        if (!byFile.contains(r.ref.file))
            files.append(r.ref.file);
        byFile[r.ref.file].append(&r);
    }
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(u"testsuites"_s);
    w.writeAttribute(u"name"_s, suiteName);
    w.writeAttribute(u"tests"_s, QString::number(summary.total()));
    w.writeAttribute(u"failures"_s, QString::number(summary.failed + summary.changed));
    w.writeAttribute(u"errors"_s, QString::number(summary.errors));
    w.writeAttribute(u"skipped"_s, QString::number(summary.skipped));
    w.writeAttribute(u"time"_s, seconds(summary.durationMs));
    int id = 0;
    for (const QString &file : std::as_const(files)) {
        const QList<const RequestResult *> &results = byFile[file];
        int failures = 0, errors = 0, skipped = 0;
        qint64 ms = 0;
        for (const RequestResult *r : results) {
            failures +=
                r->outcome == RequestResult::Outcome::Failed || r->outcome == RequestResult::Outcome::Changed;
            errors += r->outcome == RequestResult::Outcome::Error;
            skipped += r->outcome == RequestResult::Outcome::Skipped;
            ms += std::max<qint64>(r->durationMs, 0);
        }
        QString className = file;
        if (className.endsWith(u".http"_s) || className.endsWith(u".rest"_s))
            className.chop(5);
        className.replace(u'/', u'.');
        w.writeStartElement(u"testsuite"_s);
        w.writeAttribute(u"name"_s, file);
        w.writeAttribute(u"id"_s, QString::number(id++));
        w.writeAttribute(u"tests"_s, QString::number(results.size()));
        w.writeAttribute(u"failures"_s, QString::number(failures));
        w.writeAttribute(u"errors"_s, QString::number(errors));
        w.writeAttribute(u"skipped"_s, QString::number(skipped));
        w.writeAttribute(u"time"_s, seconds(ms));
        w.writeAttribute(u"timestamp"_s, summary.startedAt.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s));
        for (const RequestResult *r : results) {
            w.writeStartElement(u"testcase"_s);
            w.writeAttribute(u"name"_s, r->name);
            w.writeAttribute(u"classname"_s, className);
            w.writeAttribute(u"time"_s, seconds(r->durationMs));
            const QString text = r->messages.join(u'\n');
            switch (r->outcome) {
            case RequestResult::Outcome::Passed:
                break;
            case RequestResult::Outcome::Failed:
            case RequestResult::Outcome::Changed:
                w.writeStartElement(u"failure"_s);
                w.writeAttribute(u"type"_s, r->outcome == RequestResult::Outcome::Changed ? u"changed"_s
                                                                                          : u"assertion"_s);
                w.writeAttribute(u"message"_s, r->messages.value(0).section(u'\n', 0, 0));
                w.writeCharacters(text);
                w.writeEndElement();
                break;
            case RequestResult::Outcome::Error:
                w.writeStartElement(u"error"_s);
                w.writeAttribute(u"type"_s, u"error"_s);
                w.writeAttribute(u"message"_s, r->messages.value(0).section(u'\n', 0, 0));
                w.writeCharacters(text);
                w.writeEndElement();
                break;
            case RequestResult::Outcome::Skipped:
            case RequestResult::Outcome::NotRun:
                w.writeStartElement(u"skipped"_s);
                if (!r->messages.isEmpty())
                    w.writeAttribute(u"message"_s, r->messages.value(0).section(u'\n', 0, 0));
                w.writeCharacters(text);
                w.writeEndElement();
                break;
            }
            w.writeTextElement(u"system-out"_s,
                               QString::fromLatin1(r->method) + u' ' + r->url + u" -> "_s +
                                   (r->status ? QString::number(r->status) : u"no response"_s));
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
                      {u"messages"_s, QJsonArray::fromStringList(r.messages)}};
        QJsonArray assertions;
        for (const AssertionResult &a : r.assertions)
            assertions.append(QJsonObject{
                {u"expression"_s, a.expression}, {u"passed"_s, a.passed}, {u"message"_s, a.message}});
        o.insert(u"assertions"_s, assertions);
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
                        {u"bailed"_s, summary.bailed}};
    return QJsonDocument(QJsonObject{{u"summary"_s, s}, {u"results"_s, results}}).toJson();
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
