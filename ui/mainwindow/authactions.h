#pragma once

#include "http/requestspec.h"

#include <QObject>

class QWidget;

namespace Peephole {

class Workspace;

/// What the Auth tab's buttons do for an exchange answered from the keychain: forget that
/// credential (keychain and this session), or send the request again asking for another one.
class AuthActions : public QObject
{
    Q_OBJECT
public:
    AuthActions(Workspace *workspace, QWidget *window);

    void forget(const QString &origin, const QString &realm, const QString &user);
    void useAnother(quint64 chainId);

Q_SIGNALS:
    /// Send @p spec; @p askAgain: its challenges ask for credentials instead of reusing stored ones.
    void sendRequested(const Peephole::RequestSpec &spec, bool askAgain);
    void message(const QString &text);

private:
    Workspace *m_workspace;
};

} // namespace Peephole
