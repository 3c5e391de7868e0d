#include "collections/diffview.h"

#include "collections/runresultsmodel.h"

#include <QFontDatabase>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
const auto AddedColor = u"#1e7e34"_s;
const auto RemovedColor = u"#b3261e"_s;
const auto ChangedColor = u"#b06a00"_s;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString line(const QString &color, const QString &sign, const QString &text)
{
    return u"<div style=\"color:%1; white-space:pre-wrap; font-family:monospace\">%2 %3</div>"_s.arg(
        color, sign, esc(text));
}

QString heading(const QString &text)
{
    return u"<h4 style=\"margin-top:8px; margin-bottom:2px\">%1</h4>"_s.arg(esc(text));
}

QString jsonSection(const JsonDiff::Result &json)
{
    QString html;
    for (const JsonDiff::Change &c : json.changes) {
        switch (c.kind) {
        case JsonDiff::Change::Kind::Added:
            html += line(AddedColor, u"+"_s, c.path + u": "_s + c.actual);
            break;
        case JsonDiff::Change::Kind::Removed:
            html += line(RemovedColor, u"-"_s, c.path + u": "_s + c.expected);
            break;
        case JsonDiff::Change::Kind::Changed:
            html += line(ChangedColor, u"~"_s,
                         DiffView::tr("%1: %2 \u2192 %3").arg(c.path, c.expected, c.actual));
            break;
        }
    }
    if (json.truncated)
        html += u"<p>%1</p>"_s.arg(esc(DiffView::tr("More changes are not shown.")));
    return html;
}

QString textSection(const TextDiff::Result &text)
{
    QString html;
    if (text.approximate)
        html += u"<p>%1</p>"_s.arg(
            esc(DiffView::tr("Too large for an exact diff: the differing middle is shown.")));
    for (const TextDiff::Line &l : text.lines) {
        if (l.op == TextDiff::Line::Op::Added)
            html += line(AddedColor, u"+"_s, u"%1: %2"_s.arg(l.actualLine).arg(l.text));
        else
            html += line(RemovedColor, u"-"_s, u"%1: %2"_s.arg(l.expectedLine).arg(l.text));
    }
    if (text.truncated)
        html += u"<p>%1</p>"_s.arg(esc(DiffView::tr("More changed lines are not shown.")));
    return html;
}
} // namespace

DiffView::DiffView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setAccessibleName(tr("Differences from the expected response"));
    clearView();
}

void DiffView::clearView()
{
    setHtml(u"<p style=\"color:#707070\">%1</p>"_s.arg(
        esc(tr("Select a request of the run to see how its response differs from the expected one."))));
}

QString DiffView::diffHtml(const ResponseDiffResult &diff)
{
    if (diff.isEmpty())
        return u"<p>%1</p>"_s.arg(esc(tr("The response matches the expected one.")));
    QString html;
    if (diff.statusChanged()) {
        html += heading(tr("Status"));
        html += line(RemovedColor, u"-"_s, QString::number(diff.expectedStatus));
        html += line(AddedColor, u"+"_s, QString::number(diff.actualStatus));
    }
    if (!diff.headers.isEmpty()) {
        html += heading(tr("Headers"));
        for (const HeaderChange &h : diff.headers) {
            const QString name = QString::fromLatin1(h.name);
            if (h.kind != HeaderChange::Kind::Added)
                html += line(RemovedColor, u"-"_s, name + u": "_s + QString::fromUtf8(h.expected));
            if (h.kind != HeaderChange::Kind::Removed)
                html += line(AddedColor, u"+"_s, name + u": "_s + QString::fromUtf8(h.actual));
        }
    }
    if (diff.bodyChanged) {
        switch (diff.bodyKind) {
        case ResponseDiffResult::BodyKind::Json:
            html += heading(tr("Body (JSON)"));
            html += jsonSection(diff.json);
            break;
        case ResponseDiffResult::BodyKind::Text:
            html += heading(tr("Body (text)"));
            html += textSection(diff.text);
            break;
        case ResponseDiffResult::BodyKind::Binary:
            html += heading(tr("Body (binary)"));
            html += line(RemovedColor, u"-"_s,
                         tr("%n byte(s), SHA-256 %1", nullptr, int(diff.expectedSize))
                             .arg(QString::fromLatin1(diff.expectedSha256)));
            html += line(AddedColor, u"+"_s,
                         tr("%n byte(s), SHA-256 %1", nullptr, int(diff.actualSize))
                             .arg(QString::fromLatin1(diff.actualSha256)));
            break;
        }
    }
    return html;
}

void DiffView::showDiff(const ResponseDiffResult &diff)
{
    setHtml(diffHtml(diff));
}

void DiffView::showResult(const RequestResult &result)
{
    QString html = u"<h3 style=\"color:%1; margin-bottom:2px\">%2 &nbsp;%3</h3>"_s.arg(
        RunResultsModel::outcomeColor(result.outcome).name(), RequestResult::outcomeName(result.outcome),
        esc(result.name));
    html += u"<div style=\"font-family:monospace\">%1 %2</div>"_s.arg(esc(QString::fromLatin1(result.method)),
                                                                      esc(result.url));
    // For a changed response the structured diff below says it all.
    const bool diffSaysIt = result.compared && result.outcome == RequestResult::Outcome::Changed;
    for (const QString &m : result.messages) {
        if (!diffSaysIt)
            html += u"<p>%1</p>"_s.arg(esc(m));
    }
    if (!result.assertions.isEmpty()) {
        html += heading(tr("Assertions"));
        for (const AssertionResult &a : result.assertions)
            html += line(a.passed ? AddedColor : RemovedColor, a.passed ? u"\u2713"_s : u"\u2717"_s,
                         a.message.isEmpty() ? a.expression : a.expression + u" \u2014 "_s + a.message);
    }
    if (!result.scriptLog.isEmpty()) { // client.log / console.log of its scripts
        html += heading(tr("Script log"));
        html += u"<pre>%1</pre>"_s.arg(esc(result.scriptLog.join(u'\n')));
    }
    if (result.compared)
        html += diffHtml(result.diff);
    else if (result.outcome != RequestResult::Outcome::Error)
        html += u"<p style=\"color:#707070\">%1</p>"_s.arg(
            esc(tr("No expected response is saved for this request: select its exchange in the timeline and "
                   "use Request \u203a Save Response as Expected.")));
    setHtml(html);
}

} // namespace Peephole
