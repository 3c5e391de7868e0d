// Runner: the verdict on one finished request.
#include "replay/runner.h"

#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "replay/expectedresponse.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Peephole {

void Runner::judge(int index, quint64 chainId, quint64 lastExchangeId)
{
    RequestResult &result = m_summary.results[index];
    result.chainId = chainId;
    result.lastExchangeId = lastExchangeId;
    const ExchangeLog *log = m_session->log();
    const Exchange *last = log->find(lastExchangeId);
    if (!last) {
        result.outcome = RequestResult::Outcome::Error;
        result.messages.append(tr("no exchange was recorded for this request"));
        return;
    }
    // The first hop, through previousId (ExchangeLog::chain() scans the whole log).
    const Exchange *first = last;
    while (first->previousId != 0) {
        const Exchange *previous = log->find(first->previousId);
        if (!previous)
            break;
        first = previous;
    }
    const qint64 startNs = first->timings.startNs;
    if (startNs >= 0 && last->timings.finishedNs >= 0)
        result.durationMs = (last->timings.finishedNs - startNs) / 1'000'000;
    result.status = last->statusCode;
    if (last->error.isError()) {
        result.outcome = RequestResult::Outcome::Error;
        result.messages.append(last->error.message);
        return;
    }

    const ExpectedResponse actual = ExpectedResponse::fromExchange(*last);
    keepForChain(index, actual);
    if (!redirectResponse(index, actual.body)) {
        result.outcome = RequestResult::Outcome::Error;
        return;
    }
    const CollectionRequest *req = m_collection.request(result.ref);
    const Variables variables = variablesFor(result.ref);
    const auto resolve = [&variables](const QString &text, QString *error) -> std::optional<QString> {
        VariableError verror;
        auto v = variables.resolve(text, tr("assertion"), &verror);
        if (!v)
            *error = verror.message;
        return v;
    };
    // Pre-request tests are in already.
    bool failed = std::any_of(result.assertions.cbegin(), result.assertions.cend(),
                              [](const AssertionResult &a) { return !a.passed; });
    if (req) {
        for (qsizetype i = 0; i < req->assertions.size(); ++i) {
            const QString &expression = req->assertions.at(i);
            bool unsupported = false;
            AssertionResult a =
                isJsAssertion(expression)
                    ? jsAssertion(index, expression, req->assertionLines.value(i, req->line), actual, &unsupported)
                    : Assertions::evaluate(expression, actual, result.durationMs, resolve);
            if (unsupported) {
                result.outcome = RequestResult::Outcome::NotRun;
                result.assertions.clear();
                result.messages.append(a.message);
                return;
            }
            if (!a.passed && req->noLog)
                a.message = tr("the response's value is not shown (# @no-log)");
            if (!a.passed) {
                failed = true;
                result.messages.append(tr("assertion \"%1\" failed: %2").arg(expression, a.message));
            }
            result.assertions.append(a);
        }
        if (!runResponseScripts(index, *req, actual, &failed))
            return;
    }

    if (m_options.updateExpected) {
        QString error;
        if (!ExpectedStore::write(m_collection, result.ref, actual, m_options.diff.ignoredHeaders, &error)) {
            result.outcome = RequestResult::Outcome::Error;
            result.messages.append(error);
            return;
        }
        result.expectedSaved = true;
        result.outcome = failed ? RequestResult::Outcome::Failed : RequestResult::Outcome::Passed;
        return;
    }

    ExpectedResponse expected;
    QString error;
    if (ExpectedStore::read(m_collection, result.ref, &expected, &error)) {
        result.compared = true;
        result.diff = ResponseDiff::compare(expected, actual, m_options.diff);
    } else if (!error.isEmpty()) {
        result.outcome = RequestResult::Outcome::Error;
        result.messages.append(error);
        return;
    }

    if (failed) {
        result.outcome = RequestResult::Outcome::Failed;
    } else if (result.compared && !result.diff.isEmpty()) {
        result.outcome = RequestResult::Outcome::Changed;
        result.messages.append(result.diff.summary());
    } else if (!result.compared && result.assertions.isEmpty() && result.status >= 400) {
        result.outcome = RequestResult::Outcome::Failed;
        result.messages.append(
            tr("the server answered %1 %2 and no assertion or expected response accepts it")
                .arg(result.status)
                .arg(QString::fromLatin1(last->reasonPhrase)));
    } else {
        result.outcome = RequestResult::Outcome::Passed;
    }
}

} // namespace Peephole
