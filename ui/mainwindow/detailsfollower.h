#pragma once

#include <QObject>

class QAction;

namespace Peephole {

class ExchangeLog;
class TimelineView;

/// The details pane follows the exchange just sent: each hop of the chain sent last is selected as
/// it appears, so the final hop (the 200 after a 401, the redirect target) ends up shown — unless
/// the user pinned the selection (pinAction()).
class DetailsFollower : public QObject
{
    Q_OBJECT
public:
    DetailsFollower(ExchangeLog *log, TimelineView *timeline, QObject *parent);

    /// Chain @p chainId was just sent: follow it (and no longer the one before).
    void follow(quint64 chainId);
    QAction *pinAction() const { return m_pin; }
    bool isPinned() const;
    quint64 followedChain() const { return m_chain; }

private:
    void select(quint64 exchangeId);

    ExchangeLog *m_log;
    TimelineView *m_timeline;
    QAction *m_pin;
    quint64 m_chain = 0;
};

} // namespace Peephole
