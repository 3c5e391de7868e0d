#pragma once

#include <QTreeWidget>

namespace Peephole {

struct Exchange;

/// The TLS session of one exchange: protocol, cipher, verification result
/// and errors, and each certificate of the peer chain (subject, issuer,
/// validity, SHA-256 / SHA-1 fingerprints, alternative names).
class TlsView : public QTreeWidget
{
    Q_OBJECT
public:
    explicit TlsView(QWidget *parent = nullptr);
    void setExchange(const Exchange &exchange);
};

} // namespace Peephole
