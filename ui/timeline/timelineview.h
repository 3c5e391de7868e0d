#pragma once

#include <QTreeView>

class QMenu;

namespace Peephole {

class ExchangeLog;
class TimelineFilterProxy;
class TimelineModel;

/// The network-tab list: a TimelineModel behind a TimelineFilterProxy, with
/// the waterfall column, uniform row heights, sorting, and following the
/// newest row unless the user scrolled away from the bottom.
class TimelineView : public QTreeView
{
    Q_OBJECT
public:
    /// New rows are inserted at most this often under sustained traffic (see TimelineModel).
    static constexpr int MinimumFlushIntervalMs = 50;

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    /// Shows @p log (not owned); creates the model and the filter proxy.
    void setLog(ExchangeLog *log);
    TimelineModel *timelineModel() const { return m_model; }
    TimelineFilterProxy *filterProxy() const { return m_proxy; }

    /// See TimelineFilter for the syntax. False (and filterErrorChanged) on a bad filter.
    bool setFilterText(const QString &text);
    QString filterError() const;

    /// Id of the current row's exchange, 0 for none.
    quint64 currentExchangeId() const;
    /// Makes the row of @p id current (if shown); false when it is filtered out or unknown.
    bool selectExchange(quint64 id);
    /// The exchange id of a view index, 0 if invalid.
    quint64 exchangeIdAt(const QModelIndex &index) const;

    /// Follow new rows while the view is scrolled to the bottom (default on).
    void setFollowNewest(bool follow) { m_follow = follow; }
    bool followsNewest() const { return m_follow; }

    /// The context menu for @p index (nullptr when it is not a row). The
    /// caller owns it. Its actions emit the request signals below.
    QMenu *createContextMenu(const QModelIndex &index, QWidget *parent = nullptr);

Q_SIGNALS:
    void currentExchangeChanged(quint64 id); ///< 0 when nothing is current
    void exchangeActivated(quint64 id);      ///< double click / Enter
    void filterErrorChanged(const QString &error);
    // Context menu requests; the window acts on them.
    void copyUrl(quint64 id);
    void copyAsCurl(quint64 id);
    void copyUrlWithSecrets(quint64 id);
    void copyAsCurlWithSecrets(quint64 id);
    void resend(quint64 id);
    void editAndResend(quint64 id);
    void saveBodyAs(quint64 id);

private:
    void onRangeChanged(int minimum, int maximum);

    TimelineModel *m_model = nullptr;
    TimelineFilterProxy *m_proxy = nullptr;
    bool m_follow = true;
    bool m_wasAtBottom = true;
};

} // namespace Peephole
