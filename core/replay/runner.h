#pragma once

#include "collection/collection.h"
#include "collection/secretvariablestore.h"
#include "collection/variables.h"
#include "replay/expectedresponse.h"
#include "replay/runsummary.h"
#include "script/scriptapi.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace Peephole {

class HttpSession;

/// How a run is done.
struct RunOptions
{
    QString environment; ///< http-client.env.json environment; empty: only "$shared" and file variables.
    int concurrency = 1; ///< Requests in flight at once (1: strictly in order).
    bool bail = false;   ///< Stop at the first request that does not pass; the rest are Skipped.
    bool updateExpected = false; ///< Save each response as the expected one (and count it as passed).
    DiffOptions diff;
    VariableScope overrides; ///< Variables given on the command line; win over every other scope.
};

/// Runs requests of a collection and judges each response (assertions, then
/// the expected response). Variables are resolved before anything is sent;
/// an undefined variable stops that request with a message naming it. Every
/// exchange goes into the session's ExchangeLog under the run's group label.
///
/// Variable scopes, first match wins: overrides, the file's "@name = value"
/// lines, the environment (private file over public, then "$shared").
/// A variable whose value in the environment file is "$keychain" is a secret:
/// its value is read from the SecretVariableStore under
/// SecretVariableStore::variableKey(collection id, environment, name).
/// An auth reference with secret=keychain reads
/// SecretVariableStore::requestKey(collection id, file, request name).
class Runner : public QObject
{
    Q_OBJECT
public:
    /// Uses @p session (not owned) to send; its log receives the exchanges.
    explicit Runner(HttpSession *session, QObject *parent = nullptr);
    ~Runner() override;

    /// Secrets come from here (not owned); without one, secret variables and keychain auth are errors.
    void setSecretStore(SecretVariableStore *store) { m_secrets = store; }

    /// Starts running @p selection (in that order). False and @p error when
    /// the run cannot start (empty selection, unknown environment, already running).
    bool start(const Collection &collection, const QList<RequestRef> &selection, const RunOptions &options,
               QString *error);
    /// Stops launching requests and cancels those in flight; finished() follows
    /// (possibly before cancel() returns). Requests not started are Skipped.
    void cancel();
    bool isRunning() const { return m_running; }
    const RunSummary &summary() const { return m_summary; }
    /// @p selection with the requests each one depends on ("# @ref login", {{login.…}})
    /// inserted before it, once; what start() runs, in this order. @p errors (may be null)
    /// receives "file#index" -> why for chain cycles and unknown "# @ref" names.
    static QList<RequestRef> withDependencies(const Collection &collection,
                                              const QList<RequestRef> &selection,
                                              QHash<QString, QString> *errors = nullptr);

Q_SIGNALS:
    /// Request @p index of the selection was sent.
    void requestStarted(int index, const Peephole::RequestRef &ref);
    /// Request @p index has its verdict (results come in completion order with concurrency > 1).
    void requestFinished(int index, const Peephole::RequestResult &result);
    void progress(int done, int total);
    void finished(const Peephole::RunSummary &summary);

private:
    void loadSecrets();
    void launchMore();
    bool launch(int index);
    /// Marks request @p index Skipped ("# @disabled") or NotRun (constructs Peephole does not
    /// implement); true when it must not be sent (runnercompat.cpp).
    bool refuse(int index, const CollectionRequest &request);
    /// "Authorization: Basic user password" / "Basic user:password" / "Digest user password"
    /// (JetBrains and httpyac shorthands) become the request's credentials (runnercompat.cpp).
    static void applyAuthShorthands(RequestSpec &spec);
    // The .http dialect of the JetBrains HTTP Client and httpyac (runnerdialect.cpp).
    /// Before variables are resolved: "<@ ./file" bodies read, relative request lines ("GET /users")
    /// made absolute with the Host header or {{host}}. False (and an Error) when that fails.
    bool prepareDialect(int index, const CollectionRequest &request, RequestSpec &spec);
    /// After: GraphQL bodies as a JSON POST, urlencoded continuation lines joined. False on failure.
    bool finishDialect(int index, const CollectionRequest &request, RequestSpec &spec);
    // Request chaining (runnerchain.cpp): "# @name login" + "{{login.response.body.$.token}}",
    // "{{login.token}}", "# @ref login", "# @import ./other.http".
    /// The named request @p name as seen from @p file (the file itself, then its imports).
    static std::optional<RequestRef> namedRequest(const Collection &collection, const QString &file,
                                                  const QString &name);
    /// The named requests @p ref depends on: "# @ref" lines and {{name.…}} references.
    static QList<RequestRef> dependenciesOf(const Collection &collection, const RequestRef &ref,
                                            QStringList *unknownRefs = nullptr);
    /// True when the dependencies of request @p index have finished (so it may start).
    bool dependenciesDone(int index) const;
    /// Before sending @p index: NotRun/Error when a dependency did not pass or a value is
    /// missing; else the {{name.…}} values go into m_chainScopes. False: do not send.
    bool prepareChain(int index);
    /// Keeps the response of @p index when another request depends on it.
    void keepForChain(int index, const ExpectedResponse &response);
    /// ">> ./file" / ">>! ./file" lines: writes @p body there; false and a message on failure.
    bool redirectResponse(int index, const QByteArray &body);
    // JavaScript handlers (runnerscript.cpp).
    /// "?? js ..." (httpyac): evaluated by runResponseScripts' sandbox, not by Assertions.
    static bool isJsAssertion(const QString &expression);
    /// The code of @p script (inline, or its file inside the collection); nullopt and @p error.
    std::optional<QString> scriptCode(const RequestRef &ref, const HttpFileScript &script, QString *error) const;
    /// The file a script's lines refer to: the .http file, or the script file (collection-relative).
    QString scriptFileName(const RequestRef &ref, const HttpFileScript &script) const;
    /// Why the scripts of @p request cannot run (unreadable file, unsupported API), checked before sending.
    QStringList scriptProblems(const RequestRef &ref, const CollectionRequest &request) const;
    ScriptVariables scriptVariables(const RequestRef &ref) const;
    void keepScriptVariables(const RequestRef &ref, const ScriptVariables &vars);
    /// @p line with every secret value the run knows written as [redacted] (script logs).
    QString withoutSecrets(const QString &line);
    /// Verdicts, log and errors of one script into the result; false when the request's
    /// outcome is decided (error, not run).
    bool applyScriptOutcome(int index, const HttpFileScript &script, const ScriptOutcome &outcome,
                            bool *failed);
    /// Before variables are resolved; false (result set) when the request must not be sent.
    bool runPreRequestScripts(int index, const CollectionRequest &request);
    /// After the ?? assertions; false when the outcome is decided (error, not run).
    bool runResponseScripts(int index, const CollectionRequest &request, const ExpectedResponse &actual,
                            bool *failed);
    AssertionResult jsAssertion(int index, const QString &expression, int line, const ExpectedResponse &actual,
                                bool *unsupported);
    void onChainFinished(quint64 chainId, quint64 lastExchangeId);
    void judge(int index, quint64 chainId, quint64 lastExchangeId);
    void complete(int index);
    void finishRun();
    Variables variablesFor(const RequestRef &ref) const;

    HttpSession *m_session;
    QPointer<SecretVariableStore> m_secrets;
    Collection m_collection;
    QList<RequestRef> m_selection;
    RunOptions m_options;
    RunSummary m_summary;
    VariableScope m_environment;
    QHash<QString, QString> m_missingSecrets; ///< name -> why
    QHash<QString, QString> m_authSecrets;    ///< requestKey -> secret
    QHash<QString, QString> m_authSecretErrors;
    QHash<quint64, int> m_chains;                  ///< chain id -> selection index
    QList<QList<int>> m_dependsOn;                 ///< selection index -> indexes it depends on
    QHash<int, ExpectedResponse> m_chainResponses; ///< selection index -> response others depend on
    QHash<QString, VariableScope> m_chainScopes;   ///< "file#index" -> {{name.…}} values
    QHash<QString, QString> m_chainErrors;         ///< "file#index" -> why it cannot run (cycle...)
    QList<bool> m_completed;                       ///< selection index -> verdict known
    ScriptVariables m_scriptVariables;             ///< client.global, pm.collectionVariables of the run
    QHash<QString, VariableScope> m_requestScriptVariables; ///< "file#index" -> request.variables
    QStringList m_scriptSecrets; ///< Values never shown in script logs (private env file, keychain...)
    bool m_scriptSecretsKnown = false;
    int m_next = 0;
    int m_inFlight = 0;
    int m_done = 0;
    int m_sendingIndex = -1;
    bool m_running = false;
    bool m_stopping = false;
    bool m_pumping = false;
    QElapsedTimer m_clock;
};

} // namespace Peephole
