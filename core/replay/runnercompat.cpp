// Runner: requests that are not sent because of what their file says
// ("# @disabled", constructs of other tools Peephole does not implement).
#include "replay/assertions.h"
#include "replay/runner.h"

#include "http/headers.h"
#include "io/fileio.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole {

bool Runner::refuse(int index, const CollectionRequest &request)
{
    RequestResult &result = m_summary.results[index];
    const QString file = result.ref.file;
    for (const HttpFileWarning &w : request.warnings)
        result.warnings.append(tr("%1:%2: warning: %3").arg(file).arg(w.line).arg(w.message));
    if (request.disabled) {
        result.outcome = RequestResult::Outcome::Skipped;
        result.disabled = true;
        result.messages.append(tr("%1:%2: disabled by # @disabled").arg(file).arg(request.line));
        return true;
    }
    QStringList reasons;
    for (const HttpFileUnsupported &u : request.unsupported)
        reasons.append(
            tr("%1:%2: `%3` is not supported (%4)").arg(file).arg(u.line).arg(u.construct, u.hint));
    for (qsizetype i = 0; i < request.assertions.size(); ++i) {
        if (isJsAssertion(request.assertions.at(i)))
            continue; // runnerscript.cpp
        const QString why = Assertions::unsupported(request.assertions.at(i));
        if (!why.isEmpty())
            reasons.append(tr("%1:%2: `?? %3` is not supported (%4)")
                               .arg(file)
                               .arg(request.assertionLines.value(i, request.line))
                               .arg(request.assertions.at(i), why));
    }
    reasons += scriptProblems(result.ref, request);
    if (reasons.isEmpty())
        return false;
    result.outcome = RequestResult::Outcome::NotRun;
    result.messages = reasons;
    result.messages.append(tr("the request was not sent: Peephole cannot do what the file asks for"));
    return true;
}

void Runner::applyAuthShorthands(RequestSpec &spec)
{
    // As httpyac reads them: "user:password" first (up to the last colon), then "user password".
    static const QRegularExpression colon(u"^(Basic|Digest)\\s+(.*):(.*)$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression pair(u"^(Basic|Digest)\\s+(\\S+)\\s+(\\S.*)$"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 0; i < spec.headers.size(); ++i) {
        const HeaderField &h = spec.headers.at(i);
        if (!h.enabled || h.name.compare("authorization", Qt::CaseInsensitive) != 0)
            continue;
        const QString value = QString::fromUtf8(h.value).trimmed();
        QRegularExpressionMatch m = colon.match(value);
        if (!m.hasMatch() || m.captured(2).isEmpty())
            m = pair.match(value);
        if (!m.hasMatch())
            continue; // "Basic dXNlcjpwYXNz", "Bearer ...": sent as written
        // Credentials, not a header: they go only to the request's origin, Digest answers the challenge.
        spec.auth.scheme = m.captured(1).compare(u"digest"_s, Qt::CaseInsensitive) == 0
                               ? AuthSettings::Scheme::Digest
                               : AuthSettings::Scheme::Basic;
        spec.auth.user = m.captured(2);
        spec.auth.password = m.captured(3);
        spec.auth.preemptive = spec.auth.scheme == AuthSettings::Scheme::Basic;
        spec.auth.fromKeychain = false;
        spec.headers.removeAt(i);
        return;
    }
}

bool Runner::redirectResponse(int index, const QByteArray &body)
{
    RequestResult &result = m_summary.results[index];
    const CollectionRequest *req = m_collection.request(result.ref);
    if (!req)
        return true;
    const QDir dir = QFileInfo(m_collection.rootPath + u'/' + result.ref.file).absoluteDir();
    for (const QString &line : req->responseHandler) {
        const bool overwrite = line.startsWith(u">>! "_s);
        if (!overwrite && !line.startsWith(u">> "_s))
            continue;
        VariableError verror;
        const std::optional<QString> target =
            variablesFor(result.ref)
                .resolve(line.mid(overwrite ? 4 : 3).trimmed(), tr("response file"), &verror);
        if (!target) {
            result.messages.append(verror.message);
            return false;
        }
        QString path = QDir::cleanPath(dir.absoluteFilePath(*target));
        if (!overwrite) {
            // ">>" never replaces a file: "out.json" exists -> "out-1.json", "out-2.json"...
            const QFileInfo info(path);
            const QString base = info.completeBaseName(), suffix = info.suffix();
            for (int n = 1; QFileInfo::exists(path) && n < 10000; ++n)
                path = info.absolutePath() + u'/' + base + u'-' + QString::number(n) +
                       (suffix.isEmpty() ? QString() : u'.' + suffix);
        }
        QString why;
        if (!Io::writeFile(path, body, &why)) {
            result.messages.append(
                tr("the response was not saved to %1: %2").arg(QDir::toNativeSeparators(path), why));
            return false;
        }
    }
    return true;
}

} // namespace Peephole
