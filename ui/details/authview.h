#pragma once

#include "auth/authanswer.h"

#include <QTreeWidget>

#include <functional>

class QPushButton;

namespace Peephole {

struct Exchange;

/// What the authentication machinery saw and did for one exchange: every
/// challenge with its parameters, parse problems, the scheme chosen and why,
/// a plain-words explanation and, for Digest, the inputs and computed values
/// (never a password: AuthRecord does not hold one).
class AuthView : public QTreeWidget
{
    Q_OBJECT
public:
    explicit AuthView(QWidget *parent = nullptr);
    /// Where to find what an exchange answered (the window passes AuthNegotiator::answerFor).
    void setAnswerLookup(std::function<AuthAnswer(quint64)> lookup) { m_lookup = std::move(lookup); }
    void setExchange(const Exchange &exchange);
    /// True when the exchange has anything to show.
    bool hasContent() const { return m_hasContent; }
    /// "Forget" and "Use another…" beside a credential answered from the keychain (null otherwise).
    QPushButton *forgetButton() const { return m_forget; }
    QPushButton *useAnotherButton() const { return m_useAnother; }

Q_SIGNALS:
    /// Forget the keychain credential this exchange was answered with.
    void forgetRequested(const QString &origin, const QString &realm, const QString &user);
    /// Send the exchange's request again, asking for credentials instead of using stored ones.
    void useAnotherRequested(quint64 chainId);

private:
    bool m_hasContent = false;
    std::function<AuthAnswer(quint64)> m_lookup;
    QPushButton *m_forget = nullptr;
    QPushButton *m_useAnother = nullptr;
};

} // namespace Peephole
