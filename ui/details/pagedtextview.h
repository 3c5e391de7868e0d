#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace Peephole {

class BodyStore;

/// A read-only text view over a BodyStore that loads one window ("page")
/// of the bytes at a time, so that a body of hundreds of megabytes opens at
/// once and the editor never holds more than a page. Bodies up to
/// singlePageLimit() are shown whole, without the page bar.
class PagedTextView : public QWidget
{
    Q_OBJECT
public:
    /// Laying out text costs QPlainTextEdit ~1 ms per KiB (more with
    /// highlighting): 16 KiB pages keep a page flip well under a frame budget
    /// of 50 ms even for a minified single-line body.
    static constexpr qint64 DefaultPageSize = 16 * 1024;
    static constexpr qint64 DefaultSinglePageLimit = 32 * 1024;

    explicit PagedTextView(QWidget *parent = nullptr);
    ~PagedTextView() override;

    void setStore(std::shared_ptr<BodyStore> store);
    std::shared_ptr<BodyStore> store() const { return m_store; }
    /// Re-reads the size of a body that is still growing.
    void refresh();
    /// Shows @p text in place of a body (a message, or a small document).
    void setPlaceholder(const QString &text);

    void setPageSize(qint64 bytes);
    qint64 pageSize() const { return m_pageSize; }
    void setSinglePageLimit(qint64 bytes) { m_singlePageLimit = bytes; }
    qint64 singlePageLimit() const { return m_singlePageLimit; }

    int pageCount() const;
    int currentPage() const { return m_page; }
    void setPage(int page);
    /// Byte offset of the current page in the store.
    qint64 pageOffset() const { return m_pageOffset; }

    /// The text shown now (the current page).
    QString text() const;
    QPlainTextEdit *editor() const { return m_editor; }

Q_SIGNALS:
    void pageChanged(int page);

private:
    void loadPage();
    void updateBar();

    std::shared_ptr<BodyStore> m_store;
    qint64 m_size = 0;
    qint64 m_pageSize = DefaultPageSize;
    qint64 m_singlePageLimit = DefaultSinglePageLimit;
    int m_page = 0;
    qint64 m_pageOffset = 0;
    QPlainTextEdit *m_editor = nullptr;
    QWidget *m_bar = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QSpinBox *m_pageBox = nullptr;
    QLabel *m_position = nullptr;
};

/// UTF-8 text of @p bytes for display: a sequence cut at either end is
/// dropped, NUL bytes are shown as U+2400.
QString displayTextFromBytes(const QByteArray &bytes, bool cutAtStart, bool cutAtEnd);

} // namespace Peephole
