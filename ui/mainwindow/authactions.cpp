#include "mainwindow/authactions.h"

#include "auth/authnegotiator.h"
#include "auth/credentialstore.h"
#include "workspace/workspace.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QWidget>

Q_LOGGING_CATEGORY(lcAuthActions, "peephole.ui.authactions")

namespace Peephole {

AuthActions::AuthActions(Workspace *workspace, QWidget *window)
    : QObject(window), m_workspace(workspace)
{
}

void AuthActions::forget(const QString &origin, const QString &realm, const QString &user)
{
    m_workspace->negotiator()->forgetSessionCredential(origin, realm);
    const QList<StoredAccount> accounts = m_workspace->credentials()->accountsFor(origin, realm);
    int forgotten = 0;
    for (const StoredAccount &a : accounts) {
        if (a.user != user)
            continue;
        ++forgotten;
        QPointer<AuthActions> self(this);
        m_workspace->credentials()->forget(a, [self, a](const CredentialStoreResult &r) {
            if (!self)
                return;
            qCInfo(lcAuthActions) << "forget" << a.scheme << a.origin << r.ok;
            Q_EMIT self->message(r.ok || r.notFound
                                     ? tr("Forgot the %1 credential for %2.").arg(a.scheme, a.origin)
                                     : tr("Could not forget the credential: %1").arg(r.message));
        });
    }
    if (forgotten == 0)
        Q_EMIT message(tr("Nothing stored for %1 any more.").arg(origin));
}

void AuthActions::useAnother(quint64 chainId)
{
    Q_EMIT message(tr("Sending again: type the credentials to use in the panel."));
    Q_EMIT sendRequested(m_workspace->requestForChain(chainId), true);
}

} // namespace Peephole
