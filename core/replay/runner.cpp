#include "replay/runner.h"

#include "collection/environmentfile.h"
#include "collection/secretvariables.h"
#include "collection/secretvariablestore.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "replay/replaylog.h"

#include <QDir>
#include <QFileInfo>

#include <memory>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr auto KeychainMarker = SecretVariables::Marker;

QString folderOf(const QString &file)
{
    const qsizetype slash = file.lastIndexOf(u'/');
    return slash < 0 ? QString() : file.left(slash);
}

bool needsKeychain(const CollectionRequest &r)
{
    return r.auth.isSet && r.auth.source == AuthReference::SecretSource::Keychain;
}
} // namespace

Runner::Runner(HttpSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(m_session, &HttpSession::chainFinished, this, &Runner::onChainFinished);
}

Runner::~Runner() = default;

bool Runner::start(const Collection &collection, const QList<RequestRef> &selection,
                   const RunOptions &options, QString *error)
{
    if (m_running) {
        *error = tr("a run is already in progress");
        return false;
    }
    if (selection.isEmpty()) {
        *error = tr("nothing to run: the selection holds no request");
        return false;
    }
    m_collection = collection;
    m_chainErrors.clear();
    m_scriptVariables = ScriptVariables{};
    m_requestScriptVariables.clear();
    m_scriptSecrets.clear();
    m_scriptSecretsKnown = false;
    m_chainScopes.clear();
    m_chainResponses.clear();
    m_selection = withDependencies(collection, selection, &m_chainErrors);
    m_options = options;
    m_options.concurrency = std::max(1, options.concurrency);

    // Environment.
    m_environment.clear();
    m_missingSecrets.clear();
    m_authSecrets.clear();
    m_authSecretErrors.clear();
    const QString envPath = collection.rootPath + u'/' + QString::fromLatin1(EnvironmentFile::PublicFileName);
    const QString privatePath = EnvironmentFile::privateFileFor(envPath);
    QList<Environment> environments;
    if (QFileInfo::exists(envPath) || QFileInfo::exists(privatePath)) {
        EnvironmentFileResult env = QFileInfo::exists(envPath) ? EnvironmentFile::readWithPrivate(envPath)
                                                               : EnvironmentFile::readFile(privatePath);
        if (!env.ok) {
            *error = tr("cannot read the environments of %1: %2")
                         .arg(QDir::toNativeSeparators(envPath), env.error.toString());
            return false;
        }
        environments = env.environments;
    }
    if (!options.environment.isEmpty()) {
        QStringList names;
        for (const Environment &e : std::as_const(environments)) {
            if (e.name != QLatin1StringView(EnvironmentFile::SharedName))
                names.append(e.name);
        }
        if (!names.contains(options.environment)) {
            *error = names.isEmpty()
                         ? tr("unknown environment \"%1\": the collection has no http-client.env.json")
                               .arg(options.environment)
                         : tr("unknown environment \"%1\"; the collection has: %2")
                               .arg(options.environment, names.join(u", "_s));
            return false;
        }
    }
    m_environment = EnvironmentFile::scopeFor(environments, options.environment);

    // Results, pre-filled as skipped.
    m_summary = RunSummary{};
    m_summary.environment = options.environment;
    m_summary.startedAt = QDateTime::currentDateTimeUtc();
    m_summary.group = tr("Run %1 of %2")
                          .arg(m_summary.startedAt.toString(Qt::ISODate),
                               collection.folders.isEmpty() ? QString() : collection.folders.first().name);
    m_completed = QList<bool>(m_selection.size(), false);
    m_dependsOn.clear();
    for (const RequestRef &ref : std::as_const(m_selection)) {
        QList<int> deps;
        for (const RequestRef &d : dependenciesOf(collection, ref)) {
            // Only earlier ones: a cycle (an error, see m_chainErrors) never waits.
            const qsizetype at = m_selection.indexOf(d);
            if (at >= 0 && at < m_dependsOn.size())
                deps.append(int(at));
        }
        m_dependsOn.append(deps);
    }
    for (const RequestRef &ref : std::as_const(m_selection)) {
        RequestResult r;
        r.ref = ref;
        r.folder = folderOf(ref.file);
        if (const CollectionRequest *req = collection.request(ref)) {
            r.name = displayName(*req);
            r.method = req->request.method;
            r.url = urlText(*req);
        } else {
            r.name = ref.file + u'#' + QString::number(ref.index + 1);
        }
        m_summary.results.append(r);
    }
    m_chains.clear();
    m_next = m_inFlight = m_done = 0;
    m_running = true;
    m_stopping = false;
    m_clock.start();
    m_session->setGroup(m_summary.group);

    // Secrets first (asynchronous), then send.
    QStringList keys;
    QList<std::function<void(bool, const QString &, const QString &)>> handlers;
    for (auto it = m_environment.begin(); it != m_environment.end(); ++it) {
        if (it.value() != QLatin1StringView(KeychainMarker))
            continue;
        const QString name = it.key();
        keys.append(SecretVariableStore::variableKey(collection.id, options.environment, name));
        handlers.append([this, name](bool found, const QString &value, const QString &err) {
            if (found) {
                m_environment.insert(name, value);
                return;
            }
            m_environment.remove(name);
            m_missingSecrets.insert(name, err.isEmpty() ? tr("it is not in the keychain") : err);
        });
    }
    for (const RequestRef &ref : std::as_const(m_selection)) {
        const CollectionRequest *req = collection.request(ref);
        if (!req || !needsKeychain(*req))
            continue;
        const QString key = SecretVariableStore::requestKey(collection.id, ref.file, displayName(*req));
        if (keys.contains(key))
            continue;
        keys.append(key);
        handlers.append([this, key](bool found, const QString &value, const QString &err) {
            if (found)
                m_authSecrets.insert(key, value);
            else
                m_authSecretErrors.insert(key, err.isEmpty() ? tr("it is not in the keychain") : err);
        });
    }
    for (auto it = m_environment.begin(); it != m_environment.end();) {
        if (!m_secrets && it.value() == QLatin1StringView(KeychainMarker)) {
            m_missingSecrets.insert(it.key(), tr("no keychain is available"));
            it = m_environment.erase(it);
        } else {
            ++it;
        }
    }
    if (keys.isEmpty() || !m_secrets) {
        if (!m_secrets) {
            for (const QString &k : std::as_const(keys))
                m_authSecretErrors.insert(k, tr("no keychain is available"));
        }
        QMetaObject::invokeMethod(this, &Runner::launchMore, Qt::QueuedConnection);
        return true;
    }
    auto pending = std::make_shared<int>(int(keys.size()));
    for (qsizetype i = 0; i < keys.size(); ++i) {
        m_secrets->read(
            keys.at(i), this,
            [this, pending, handler = handlers.at(i)](bool found, const QString &v, const QString &e) {
                handler(found, v, e);
                if (--*pending == 0)
                    launchMore();
            });
    }
    return true;
}

void Runner::cancel()
{
    if (!m_running)
        return;
    m_stopping = true;
    m_summary.cancelled = true;
    const QList<quint64> chains = m_chains.keys();
    for (quint64 c : chains)
        m_session->cancel(c);
    if (m_inFlight == 0)
        QMetaObject::invokeMethod(this, &Runner::finishRun, Qt::QueuedConnection);
}

Variables Runner::variablesFor(const RequestRef &ref) const
{
    VariableScope fileScope;
    const int fi = m_collection.fileIndex(ref.file);
    if (fi >= 0) {
        for (const HttpFileVariable &v : m_collection.files.at(fi).variables)
            fileScope.insert(v.name, v.value);
    }
    // Values set by scripts (request.variables, pm.collectionVariables, client.global) win over
    // the file's and the environment's: they were set while the run went on.
    const QString key = ref.file + u'#' + QString::number(ref.index);
    Variables variables({m_options.overrides, m_chainScopes.value(key), m_requestScriptVariables.value(key),
                         m_scriptVariables.collection, m_scriptVariables.globals, fileScope, m_environment});
    variables.setDotenvFolders(QFileInfo(m_collection.rootPath + u'/' + ref.file).absolutePath(),
                               m_collection.rootPath);
    return variables;
}

void Runner::launchMore()
{
    if (m_pumping || !m_running)
        return;
    m_pumping = true;
    while (!m_stopping && m_inFlight < m_options.concurrency && m_next < m_selection.size() &&
           dependenciesDone(m_next))
        launch(m_next++);
    m_pumping = false;
    if (m_inFlight == 0 && (m_stopping || m_next >= m_selection.size()))
        finishRun();
}

bool Runner::launch(int index)
{
    RequestResult &result = m_summary.results[index];
    const RequestRef ref = m_selection.at(index);
    const CollectionRequest *req = m_collection.request(ref);
    if (!req) {
        result.outcome = RequestResult::Outcome::Error;
        result.messages.append(tr("no request %1 in %2").arg(ref.index + 1).arg(ref.file));
        complete(index);
        return false;
    }
    if (refuse(index, *req) || !prepareChain(index) || !runPreRequestScripts(index, *req)) {
        complete(index);
        return false;
    }
    const QString dir = QFileInfo(m_collection.rootPath + u'/' + ref.file).absolutePath();
    RequestSpec spec = req->requestWithPathsResolved(dir);
    spec.name = displayName(*req);
    if (needsKeychain(*req)) {
        const QString key = SecretVariableStore::requestKey(m_collection.id, ref.file, displayName(*req));
        if (!m_authSecrets.contains(key)) {
            result.outcome = RequestResult::Outcome::Error;
            result.messages.append(
                tr("the %1 secret of this request is not available from the keychain (%2): %3")
                    .arg(req->auth.scheme == AuthSettings::Scheme::Bearer ? tr("token") : tr("password"), key,
                         m_authSecretErrors.value(key)));
            complete(index);
            return false;
        }
        (req->auth.scheme == AuthSettings::Scheme::Bearer ? spec.auth.token : spec.auth.password) =
            m_authSecrets.value(key);
    }
    if (!prepareDialect(index, *req, spec)) {
        complete(index);
        return false;
    }
    VariableError verror;
    const std::optional<RequestSpec> resolved = variablesFor(ref).resolveRequest(spec, &verror);
    if (!resolved) {
        result.outcome = verror.unsupported ? RequestResult::Outcome::NotRun : RequestResult::Outcome::Error;
        QString message = verror.message;
        if (m_missingSecrets.contains(verror.name))
            message = tr("secret variable \"%1\" of environment \"%2\" cannot be read (%3); key %4")
                          .arg(verror.name, m_options.environment, m_missingSecrets.value(verror.name),
                               SecretVariableStore::variableKey(m_collection.id, m_options.environment,
                                                                verror.name));
        result.messages.append(message);
        complete(index);
        return false;
    }
    RequestSpec toSend = *resolved;
    if (!finishDialect(index, *req, toSend)) {
        complete(index);
        return false;
    }
    applyAuthShorthands(toSend);
    result.url = toSend.url.toString();
    m_sendingIndex = index;
    const quint64 chainId = m_session->send(toSend);
    const bool finishedAlready = m_sendingIndex == -2;
    m_sendingIndex = -1;
    if (finishedAlready)
        return true;
    m_chains.insert(chainId, index);
    result.chainId = chainId;
    ++m_inFlight;
    Q_EMIT requestStarted(index, ref);
    return true;
}

void Runner::onChainFinished(quint64 chainId, quint64 lastExchangeId)
{
    if (!m_running)
        return;
    int index = -1;
    if (m_chains.contains(chainId)) {
        index = m_chains.take(chainId);
        --m_inFlight;
    } else if (m_sendingIndex >= 0) {
        index = m_sendingIndex; // finished inside send()
        m_sendingIndex = -2;
    } else {
        return; // someone else's chain
    }
    judge(index, chainId, lastExchangeId);
    complete(index);
}

void Runner::complete(int index)
{
    ++m_done;
    m_completed[index] = true;
    const RequestResult &r = m_summary.results.at(index);
    if (m_options.bail && r.outcome != RequestResult::Outcome::Passed && !m_stopping) {
        m_stopping = true;
        m_summary.bailed = true;
    }
    Q_EMIT requestFinished(index, r);
    Q_EMIT progress(m_done, int(m_selection.size()));
    launchMore();
}

void Runner::finishRun()
{
    if (!m_running)
        return;
    m_running = false;
    m_summary.durationMs = m_clock.elapsed();
    m_summary.recount();
    qCDebug(lcReplay) << "run finished:" << m_summary.passed << "passed" << m_summary.changed << "changed"
                      << m_summary.failed << "failed" << m_summary.errors << "errors";
    Q_EMIT finished(m_summary);
}

} // namespace Peephole
