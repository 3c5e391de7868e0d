#pragma once

#include "http/requestspec.h"

#include <QHash>
#include <QObject>

namespace Peephole {

class AuthNegotiator;
class CredentialProvider;
class CredentialStore;
class ExchangeLog;
class HttpSession;

/// The core objects one front end (the GUI window, a CLI command) works
/// with, wired together: the exchange log, the session that sends, the
/// authentication layer and the keychain. The front end adds its
/// CredentialProvider (the auth panel, the terminal prompt).
class Workspace : public QObject
{
    Q_OBJECT
public:
    /// @p accountIndexFile: where the non-secret account index lives (empty: the default QSettings).
    explicit Workspace(QObject *parent = nullptr, const QString &accountIndexFile = {});
    ~Workspace() override;

    ExchangeLog *log() const { return m_log; }
    HttpSession *session() const { return m_session; }
    AuthNegotiator *negotiator() const { return m_negotiator; }
    CredentialStore *credentials() const { return m_credentials; }

    void setCredentialProvider(CredentialProvider *provider);

    /// Sends @p spec and remembers it, so the chain can be sent again as the user described it.
    quint64 send(const RequestSpec &spec);
    /// The request a chain was sent from; for chains not sent here (an opened
    /// HAR), one rebuilt from its first exchange.
    RequestSpec requestForChain(quint64 chainId) const;

private:
    ExchangeLog *m_log;
    HttpSession *m_session;
    CredentialStore *m_credentials;
    AuthNegotiator *m_negotiator;
    QHash<quint64, RequestSpec> m_sent;
};

} // namespace Peephole
