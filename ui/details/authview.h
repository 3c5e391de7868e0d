#pragma once

#include <QTreeWidget>

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
    void setExchange(const Exchange &exchange);
    /// True when the exchange has anything to show.
    bool hasContent() const { return m_hasContent; }

private:
    bool m_hasContent = false;
};

} // namespace Peephole
