#pragma once

#include <QStyledItemDelegate>

namespace Peephole {

/// Paints an exchange's phases (queued, connect + TLS, send, wait, receive)
/// as a bar scaled to the log's whole time span (TimelineModel::SpanStartRole
/// / SpanEndRole), so that rows line up like a browser's network waterfall.
class WaterfallDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WaterfallDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace Peephole
