#include "replay/runsummary.h"

using namespace Qt::StringLiterals;

namespace Peephole {

QString RequestResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Passed:
        return u"PASS"_s;
    case Outcome::Changed:
        return u"CHANGED"_s;
    case Outcome::Failed:
        return u"FAIL"_s;
    case Outcome::Error:
        return u"ERROR"_s;
    case Outcome::Skipped:
        return u"SKIP"_s;
    case Outcome::NotRun:
        return u"NOT RUN"_s;
    }
    return {};
}

void RunSummary::recount()
{
    passed = changed = failed = errors = skipped = notRun = disabled = 0;
    for (const RequestResult &r : std::as_const(results)) {
        switch (r.outcome) {
        case RequestResult::Outcome::Passed:
            ++passed;
            break;
        case RequestResult::Outcome::Changed:
            ++changed;
            break;
        case RequestResult::Outcome::Failed:
            ++failed;
            break;
        case RequestResult::Outcome::Error:
            ++errors;
            break;
        case RequestResult::Outcome::Skipped:
            ++skipped;
            disabled += r.disabled;
            break;
        case RequestResult::Outcome::NotRun:
            ++notRun;
            break;
        }
    }
}

} // namespace Peephole
