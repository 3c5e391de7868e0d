#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

#include <memory>

namespace Peephole {

class BodyStore;

/// A hex dump of a BodyStore painted on a scroll area: offsets, 16 bytes of
/// hex and their ASCII per line. Only the visible lines are read from the
/// store (BodyStore::read), so a spilled body of any size opens at once.
/// Click and drag selects bytes; Ctrl+C copies them (as hex from the hex
/// column, as text from the ASCII column).
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int BytesPerLine = 16;
    /// Copying more than this is refused (the clipboard would hold it all).
    static constexpr qint64 MaxCopyBytes = 16 * 1024 * 1024;

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    void setStore(std::shared_ptr<BodyStore> store);
    std::shared_ptr<BodyStore> store() const { return m_store; }
    /// Re-reads the size of a body that is still growing.
    void refresh();

    qint64 lineCount() const;
    /// Offset of the first byte of the top visible line.
    qint64 firstVisibleOffset() const;
    int visibleLineCount() const;
    /// Scrolls so that the line holding @p offset is at the top.
    void scrollToOffset(qint64 offset);
    /// The text of one line as painted: "00000010  48 65 ...  |He...|".
    QString lineText(qint64 line) const;

    /// Selected byte range [start, end), empty when start == end.
    qint64 selectionStart() const { return m_selStart; }
    qint64 selectionEnd() const { return m_selEnd; }
    void setSelection(qint64 start, qint64 end);
    /// Copies the selection to the clipboard; false (and a reason) if too large or empty.
    bool copySelection(QString *error = nullptr);

Q_SIGNALS:
    void selectionChanged(qint64 start, qint64 end);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Area { None, Hex, Ascii };
    void updateMetrics();
    void updateScrollBars();
    QByteArray bytesForLines(qint64 firstLine, int lines) const;
    qint64 offsetAt(const QPoint &pos, Area *area) const;
    int offsetDigits() const;

    std::shared_ptr<BodyStore> m_store;
    qint64 m_size = 0;
    int m_lineHeight = 1;
    int m_charWidth = 1;
    int m_ascent = 0;
    qint64 m_anchor = -1; ///< Byte where the drag started.
    qint64 m_selStart = 0;
    qint64 m_selEnd = 0;
    Area m_selectionArea = Area::Hex;
    mutable qint64 m_cacheOffset = -1;
    mutable QByteArray m_cache;
};

} // namespace Peephole
