#pragma once

#include <QTreeWidget>

namespace Peephole {

struct Exchange;

/// Response headers as received and request headers as sent, in wire order
/// with duplicates kept, then the cookies sent and set. Ctrl+C copies the
/// selected lines as "Name: value".
class HeadersView : public QTreeWidget
{
    Q_OBJECT
public:
    explicit HeadersView(QWidget *parent = nullptr);

    void setExchange(const Exchange &exchange);
    void clear();

    /// The top-level section items, for callers that want to expand or scroll to one.
    QTreeWidgetItem *responseSection() const { return m_response; }
    QTreeWidgetItem *requestSection() const { return m_request; }
    QTreeWidgetItem *cookiesSentSection() const { return m_cookiesSent; }
    QTreeWidgetItem *cookiesSetSection() const { return m_cookiesSet; }

    /// "Name: value" lines of the selected rows.
    QString selectedText() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QTreeWidgetItem *m_response = nullptr;
    QTreeWidgetItem *m_request = nullptr;
    QTreeWidgetItem *m_cookiesSent = nullptr;
    QTreeWidgetItem *m_cookiesSet = nullptr;
    QTreeWidgetItem *m_notes = nullptr;
};

} // namespace Peephole
