#pragma once

#include "collection/collection.h"
#include "replay/assertions.h"
#include "replay/responsediff.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Peephole {

/// The verdict on one request of a run.
struct RequestResult
{
    enum class Outcome {
        Passed,  ///< Assertions held and the response matched the expected one (if any).
        Changed, ///< Assertions held but the response differs from the expected one.
        Failed,  ///< An assertion failed (or, with neither assertions nor expected response, status >= 400).
        Error,   ///< Not sent or no response: undefined variable, missing secret, transport failure.
        Skipped, ///< Not run on purpose: "# @disabled", --bail stopped the run, or cancelled.
        NotRun,  ///< Not sent: it uses a construct Peephole does not implement (see messages).
    };

    RequestRef ref;
    QString name;   ///< displayName()
    QString folder; ///< Folder path of its file ("" for the root).
    QByteArray method;
    QString url; ///< As sent (variables resolved); the template when it could not be resolved.
    Outcome outcome = Outcome::Skipped;
    int status = 0;
    qint64 durationMs = -1; ///< First hop start to last hop end.
    quint64 chainId = 0;
    quint64 lastExchangeId = 0;
    QStringList messages; ///< Why it failed, errored, changed or was not run, in words.
    QStringList warnings; ///< "file:line: unknown directive @x: ..." (the request still ran).
    QList<AssertionResult> assertions; ///< ?? lines, then client.test / pm.test verdicts.
    QStringList scriptLog;             ///< client.log / console.log lines of its scripts.
    bool compared = false; ///< An expected response existed and was compared.
    ResponseDiffResult diff;
    bool expectedSaved = false;
    bool disabled = false; ///< Skipped because of "# @disabled".

    /// "PASS", "CHANGED", "FAIL", "ERROR", "SKIP", "NOT RUN"
    static QString outcomeName(Outcome outcome);
};

/// Counts and per-request results of a run, in selection order.
struct RunSummary
{
    QString group; ///< ExchangeLog group label of the run's exchanges.
    QString environment;
    QDateTime startedAt;
    qint64 durationMs = 0;
    int passed = 0;
    int changed = 0;
    int failed = 0;
    int errors = 0;
    int skipped = 0;
    int notRun = 0;
    int disabled = 0; ///< Of the skipped: those marked "# @disabled".
    bool bailed = false;
    bool cancelled = false;
    QList<RequestResult> results;

    int total() const { return int(results.size()); }
    /// Nothing failed, changed, errored or was not run; requests skipped by "# @disabled" do not count.
    bool allPassed() const
    {
        return changed == 0 && failed == 0 && errors == 0 && notRun == 0 && skipped == disabled;
    }
    void recount();
};

} // namespace Peephole

Q_DECLARE_METATYPE(Peephole::RequestResult)
Q_DECLARE_METATYPE(Peephole::RunSummary)
