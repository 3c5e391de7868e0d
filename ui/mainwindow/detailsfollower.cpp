#include "mainwindow/detailsfollower.h"

#include "http/exchangelog.h"
#include "timeline/timelineview.h"

#include <QAction>

namespace Peephole {

DetailsFollower::DetailsFollower(ExchangeLog *log, TimelineView *timeline, QObject *parent)
    : QObject(parent), m_log(log), m_timeline(timeline), m_pin(new QAction(tr("&Pin Details"), this))
{
    m_pin->setCheckable(true);
    m_pin->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m_pin->setToolTip(tr("Keep the details on the selected exchange instead of following the request just "
                         "sent (Ctrl+Shift+P)"));
    connect(m_log, &ExchangeLog::added, this, [this](qsizetype index) {
        const Exchange &e = m_log->at(index);
        if (m_chain != 0 && e.chainId == m_chain)
            select(e.id);
    });
    connect(m_log, &ExchangeLog::cleared, this, [this] { m_chain = 0; });
}

bool DetailsFollower::isPinned() const
{
    return m_pin->isChecked();
}

void DetailsFollower::follow(quint64 chainId)
{
    m_chain = chainId;
    // The first hop may already be in the log (appended while sending).
    for (qsizetype i = m_log->count() - 1; i >= 0; --i) {
        if (m_log->at(i).chainId == chainId) {
            select(m_log->at(i).id);
            break;
        }
    }
}

void DetailsFollower::select(quint64 exchangeId)
{
    if (!isPinned())
        m_timeline->selectExchange(exchangeId);
}

} // namespace Peephole
