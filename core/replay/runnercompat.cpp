// Runner: requests that are not sent because of what their file says
// ("# @disabled", constructs of other tools Peephole does not implement).
#include "replay/assertions.h"
#include "replay/runner.h"

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
        const QString why = Assertions::unsupported(request.assertions.at(i));
        if (!why.isEmpty())
            reasons.append(tr("%1:%2: `?? %3` is not supported (%4)")
                               .arg(file)
                               .arg(request.assertionLines.value(i, request.line))
                               .arg(request.assertions.at(i), why));
    }
    if (reasons.isEmpty())
        return false;
    result.outcome = RequestResult::Outcome::NotRun;
    result.messages = reasons;
    result.messages.append(tr("the request was not sent: Peephole cannot do what the file asks for"));
    return true;
}

} // namespace Peephole
