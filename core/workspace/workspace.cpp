#include "workspace/workspace.h"

#include "auth/authnegotiator.h"
#include "auth/credentialstore.h"
#include "formats/harreader.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"

namespace Peephole {

Workspace::Workspace(QObject *parent, const QString &accountIndexFile)
    : QObject(parent), m_log(new ExchangeLog(this)), m_session(new HttpSession(m_log, this)),
      m_credentials(accountIndexFile.isEmpty() ? new CredentialStore(this)
                                               : new CredentialStore(accountIndexFile, this)),
      m_negotiator(new AuthNegotiator(this))
{
    m_negotiator->setCredentialStore(m_credentials);
    m_session->setAuthHook(m_negotiator);
    // The requests behind cleared exchanges are not needed any more.
    connect(m_log, &ExchangeLog::cleared, this, [this] { m_sent.clear(); });
}

Workspace::~Workspace()
{
    m_session->cancelAll();
    m_session->setAuthHook(nullptr);
}

void Workspace::setCredentialProvider(CredentialProvider *provider)
{
    m_negotiator->setCredentialProvider(provider);
}

quint64 Workspace::send(const RequestSpec &spec)
{
    const quint64 chain = m_session->send(spec);
    m_sent.insert(chain, spec);
    return chain;
}

RequestSpec Workspace::requestForChain(quint64 chainId) const
{
    if (auto it = m_sent.constFind(chainId); it != m_sent.constEnd())
        return *it;
    const QList<Exchange> chain = m_log->chain(chainId);
    return chain.isEmpty() ? RequestSpec{} : HarReader::toRequest(chain.first());
}

} // namespace Peephole
