#include "timeline/timelineview.h"

#include "http/exchangelog.h"
#include "timeline/timelinefilterproxy.h"
#include "timeline/timelinemodel.h"
#include "timeline/waterfalldelegate.h"

#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>

namespace Peephole {

TimelineView::TimelineView(QWidget *parent) : QTreeView(parent)
{
    setUniformRowHeights(true);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSortingEnabled(true);
    setTextElideMode(Qt::ElideMiddle);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setItemDelegateForColumn(TimelineModel::WaterfallColumn, new WaterfallDelegate(this));
    header()->setStretchLastSection(true);
    header()->setSectionsMovable(true);

    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = indexAt(pos);
        QMenu *menu = createContextMenu(index, this);
        if (!menu)
            return;
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(viewport()->mapToGlobal(pos));
    });
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const quint64 id = exchangeIdAt(index))
            Q_EMIT exchangeActivated(id);
    });
}

TimelineView::~TimelineView() = default;

void TimelineView::setLog(ExchangeLog *log)
{
    QItemSelectionModel *oldSelection = selectionModel();
    TimelineModel *oldModel = m_model;
    TimelineFilterProxy *oldProxy = m_proxy;

    m_model = new TimelineModel(log, this);
    m_model->setMinimumFlushInterval(MinimumFlushIntervalMs);
    m_proxy = new TimelineFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);
    if (oldProxy)
        m_proxy->setFilterText(oldProxy->filterText());
    setModel(m_proxy);
    delete oldSelection;
    delete oldProxy;
    delete oldModel;

    header()->resizeSection(TimelineModel::NumberColumn, 52);
    header()->resizeSection(TimelineModel::MethodColumn, 58);
    header()->resizeSection(TimelineModel::StatusColumn, 165);
    header()->resizeSection(TimelineModel::HostColumn, 110);
    header()->resizeSection(TimelineModel::PathColumn, 130);
    header()->resizeSection(TimelineModel::TypeColumn, 48);
    header()->resizeSection(TimelineModel::SizeColumn, 64);
    header()->resizeSection(TimelineModel::TimeColumn, 64);
    sortByColumn(TimelineModel::NumberColumn, Qt::AscendingOrder);

    // Follow the newest row while the view sits at the bottom: whenever the range grows, keep the
    // bottom in view unless the user moved away from it.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_wasAtBottom = value >= verticalScrollBar()->maximum(); });
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &TimelineView::onRangeChanged);
    connect(m_proxy, &TimelineFilterProxy::filterErrorChanged, this, &TimelineView::filterErrorChanged);
    connect(m_model, &TimelineModel::spanChanged, viewport(), qOverload<>(&QWidget::update));
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentExchangeChanged(exchangeIdAt(current)); });
}

bool TimelineView::setFilterText(const QString &text)
{
    return m_proxy && m_proxy->setFilterText(text);
}

QString TimelineView::filterError() const
{
    return m_proxy ? m_proxy->filterError() : QString();
}

quint64 TimelineView::exchangeIdAt(const QModelIndex &index) const
{
    return index.isValid() ? index.data(TimelineModel::ExchangeIdRole).toULongLong() : 0;
}

quint64 TimelineView::currentExchangeId() const
{
    return exchangeIdAt(currentIndex());
}

bool TimelineView::selectExchange(quint64 id)
{
    if (!m_model || !m_proxy)
        return false;
    m_model->flush();
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
    return true;
}

QMenu *TimelineView::createContextMenu(const QModelIndex &index, QWidget *parent)
{
    const quint64 id = exchangeIdAt(index);
    if (id == 0)
        return nullptr;
    auto *menu = new QMenu(parent);
    const auto add = [this, menu, id](const QString &text, void (TimelineView::*signal)(quint64)) {
        QAction *action = menu->addAction(text);
        connect(action, &QAction::triggered, this, [this, signal, id] { Q_EMIT(this->*signal)(id); });
        return action;
    };
    add(tr("Copy URL"), &TimelineView::copyUrl);
    add(tr("Copy as cURL"), &TimelineView::copyAsCurl);
    QMenu *withSecrets = menu->addMenu(tr("Copy with Secrets"));
    const auto addSecret = [this, withSecrets, id](const QString &text,
                                                   void (TimelineView::*signal)(quint64)) {
        QAction *action = withSecrets->addAction(text);
        connect(action, &QAction::triggered, this, [this, signal, id] { Q_EMIT(this->*signal)(id); });
    };
    addSecret(tr("URL with Passwords and Tokens"), &TimelineView::copyUrlWithSecrets);
    addSecret(tr("cURL with Credentials and Cookies"), &TimelineView::copyAsCurlWithSecrets);
    menu->addSeparator();
    add(tr("Resend"), &TimelineView::resend);
    add(tr("Edit and Resend…"), &TimelineView::editAndResend);
    menu->addSeparator();
    add(tr("Save Response Body As…"), &TimelineView::saveBodyAs);
    return menu;
}

void TimelineView::onRangeChanged(int minimum, int maximum)
{
    Q_UNUSED(minimum);
    if (m_follow && m_wasAtBottom)
        verticalScrollBar()->setValue(maximum);
}

} // namespace Peephole
