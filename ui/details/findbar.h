#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace Peephole {

/// Find in a body (Ctrl+F in the body view): a field, next/previous (Enter, Shift+Enter, F3),
/// the match count ("3 of 12"), Esc closes it. Searches the text the view holds (the current
/// page of a paged body, and says so). Separate from the timeline filter.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxCounted = 100000; ///< Counting stops here ("100000+").

    explicit FindBar(QWidget *parent = nullptr);

    /// The text view searched (may change with the body view's mode).
    void setEditor(QPlainTextEdit *editor, bool paged);
    /// Shows the bar with the focus in its field (the selection, if any, as the term).
    void activate();

    void findNext();
    void findPrevious();
    int matchCount() const { return m_count; }
    /// 1-based index of the selected match, 0 when none is selected.
    int currentMatch() const { return m_current; }
    QLineEdit *field() const { return m_field; }
    QLabel *countLabel() const { return m_countLabel; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void recount();
    void find(bool backward);
    void updateLabel();

    QPlainTextEdit *m_editor = nullptr;
    bool m_paged = false;
    QLineEdit *m_field;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    QLabel *m_countLabel;
    int m_count = 0;
    int m_current = 0;
};

} // namespace Peephole
