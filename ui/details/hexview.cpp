#include "details/hexview.h"
#include "common/sizetext.h"

#include "http/bodystore.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr int Gap = 2;    // characters between columns
constexpr int MidGap = 1; // extra character after the 8th byte

QChar printable(char c)
{
    const auto u = uchar(c);
    return u >= 0x20 && u < 0x7f ? QChar(QLatin1Char(c)) : u'.';
}
} // namespace

HexView::HexView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    updateMetrics();
}

HexView::~HexView() = default;

void HexView::setStore(std::shared_ptr<BodyStore> store)
{
    m_store = std::move(store);
    m_size = m_store ? m_store->size() : 0;
    m_cacheOffset = -1;
    m_cache.clear();
    m_anchor = -1;
    m_selStart = m_selEnd = 0;
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
}

void HexView::refresh()
{
    const qint64 size = m_store ? m_store->size() : 0;
    if (size == m_size)
        return;
    m_size = size;
    m_cacheOffset = -1;
    updateScrollBars();
    viewport()->update();
}

qint64 HexView::lineCount() const
{
    return (m_size + BytesPerLine - 1) / BytesPerLine;
}

int HexView::offsetDigits() const
{
    int digits = 8;
    while (digits < 16 && (m_size >> (digits * 4)) > 0)
        ++digits;
    return digits;
}

void HexView::updateMetrics()
{
    const QFontMetrics fm(font());
    m_lineHeight = qMax(1, fm.height());
    m_charWidth = qMax(1, fm.horizontalAdvance(u'0'));
    m_ascent = fm.ascent();
}

int HexView::visibleLineCount() const
{
    return qMax(1, viewport()->height() / m_lineHeight);
}

void HexView::updateScrollBars()
{
    const qint64 lines = lineCount();
    const int visible = visibleLineCount();
    // A scroll bar holds an int: past 2^31 lines (32 GiB) the tail is not reachable.
    const qint64 maxValue = qBound<qint64>(0, lines - visible, qint64(std::numeric_limits<int>::max()));
    verticalScrollBar()->setRange(0, int(maxValue));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(1);
    const int columns = offsetDigits() + Gap + BytesPerLine * 3 + MidGap + Gap + BytesPerLine + 2;
    const int width = columns * m_charWidth;
    horizontalScrollBar()->setRange(0, qMax(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

qint64 HexView::firstVisibleOffset() const
{
    return qint64(verticalScrollBar()->value()) * BytesPerLine;
}

void HexView::scrollToOffset(qint64 offset)
{
    verticalScrollBar()->setValue(
        int(qBound<qint64>(0, offset / BytesPerLine, qint64(verticalScrollBar()->maximum()))));
}

QByteArray HexView::bytesForLines(qint64 firstLine, int lines) const
{
    if (!m_store)
        return {};
    const qint64 offset = firstLine * BytesPerLine;
    const qint64 length = qint64(lines) * BytesPerLine;
    if (m_cacheOffset >= 0 && offset >= m_cacheOffset && offset + length <= m_cacheOffset + m_cache.size())
        return m_cache.mid(offset - m_cacheOffset, length);
    if (m_cacheOffset >= 0 && offset >= m_cacheOffset && m_cacheOffset + m_cache.size() >= m_size)
        return m_cache.mid(offset - m_cacheOffset, length); // tail of the body
    // Read a little around the window so that small scrolls need no new read.
    const qint64 margin = qint64(qMax(lines, 64)) * BytesPerLine;
    const qint64 start = qMax<qint64>(0, offset - margin);
    m_cache = m_store->read(start, offset - start + length + margin);
    m_cacheOffset = start;
    return m_cache.mid(offset - start, length);
}

QString HexView::lineText(qint64 line) const
{
    const QByteArray bytes = bytesForLines(line, 1);
    const qint64 offset = line * BytesPerLine;
    QString text = QString::number(offset, 16).rightJustified(offsetDigits(), u'0');
    text += QString(Gap, u' ');
    QString ascii;
    for (int i = 0; i < BytesPerLine; ++i) {
        if (i == BytesPerLine / 2)
            text += QString(MidGap, u' ');
        if (i < bytes.size()) {
            const auto b = uchar(bytes.at(i));
            text += QChar(QLatin1Char("0123456789abcdef"[b >> 4]));
            text += QChar(QLatin1Char("0123456789abcdef"[b & 0xf]));
            text += u' ';
            ascii += printable(bytes.at(i));
        } else {
            text += u"   "_s;
        }
    }
    text += QString(Gap - 1, u' ') + u'|' + ascii + u'|';
    return text;
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette &pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    if (!m_store || m_size == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No body"));
        return;
    }
    p.setFont(font());
    const qint64 firstLine = verticalScrollBar()->value();
    const int lines = int(qMin<qint64>(visibleLineCount() + 1, lineCount() - firstLine));
    const QByteArray bytes = bytesForLines(firstLine, lines);
    const int xShift = -horizontalScrollBar()->value();
    const int digits = offsetDigits();
    const int hexX = xShift + (digits + Gap) * m_charWidth;
    const int asciiX = hexX + (BytesPerLine * 3 + MidGap + Gap) * m_charWidth;
    const QColor offsetColor = pal.color(QPalette::PlaceholderText);
    const QColor textColor = pal.color(QPalette::Text);
    const QColor selectionColor = pal.color(QPalette::Highlight);
    const QColor selectedText = pal.color(QPalette::HighlightedText);

    // The offset gutter.
    p.fillRect(QRect(0, 0, hexX - m_charWidth, viewport()->height()), pal.color(QPalette::AlternateBase));

    for (int l = 0; l < lines; ++l) {
        const qint64 lineOffset = (firstLine + l) * BytesPerLine;
        const int y = l * m_lineHeight;
        p.setPen(offsetColor);
        p.drawText(xShift + m_charWidth / 2, y + m_ascent,
                   QString::number(lineOffset, 16).rightJustified(digits, u'0'));
        const qsizetype base = qsizetype(l) * BytesPerLine;
        for (int i = 0; i < BytesPerLine && base + i < bytes.size(); ++i) {
            const qint64 offset = lineOffset + i;
            const auto b = uchar(bytes.at(base + i));
            const int hx = hexX + (i * 3 + (i >= BytesPerLine / 2 ? MidGap : 0)) * m_charWidth;
            const int ax = asciiX + i * m_charWidth;
            const bool selected = offset >= m_selStart && offset < m_selEnd;
            if (selected) {
                const int w = (i == BytesPerLine - 1 || offset + 1 == m_selEnd) ? 2 : 3;
                p.fillRect(QRect(hx, y, w * m_charWidth, m_lineHeight), selectionColor);
                p.fillRect(QRect(ax, y, m_charWidth, m_lineHeight), selectionColor);
            }
            p.setPen(selected ? selectedText : textColor);
            const char hex[3] = {"0123456789abcdef"[b >> 4], "0123456789abcdef"[b & 0xf], 0};
            p.drawText(hx, y + m_ascent, QString::fromLatin1(hex, 2));
            p.setPen(selected ? selectedText : (b >= 0x20 && b < 0x7f ? textColor : offsetColor));
            p.drawText(ax, y + m_ascent, QString(printable(char(b))));
        }
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollBars();
    }
    QAbstractScrollArea::changeEvent(event);
}

qint64 HexView::offsetAt(const QPoint &pos, Area *area) const
{
    const int x = pos.x() + horizontalScrollBar()->value();
    const int hexX = (offsetDigits() + Gap) * m_charWidth;
    const int asciiX = hexX + (BytesPerLine * 3 + MidGap + Gap) * m_charWidth;
    int column = -1;
    if (x >= asciiX) {
        *area = Area::Ascii;
        column = (x - asciiX) / m_charWidth;
    } else if (x >= hexX) {
        *area = Area::Hex;
        int c = (x - hexX) / m_charWidth;
        if (c >= (BytesPerLine / 2) * 3 + MidGap)
            c -= MidGap;
        column = c / 3;
    } else {
        *area = Area::None;
        column = 0;
    }
    column = qBound(0, column, BytesPerLine - 1);
    const qint64 line = verticalScrollBar()->value() + qMax(0, pos.y()) / m_lineHeight;
    return qBound<qint64>(0, line * BytesPerLine + column, qMax<qint64>(0, m_size - 1));
}

void HexView::setSelection(qint64 start, qint64 end)
{
    start = qBound<qint64>(0, start, m_size);
    end = qBound<qint64>(start, end, m_size);
    if (start == m_selStart && end == m_selEnd)
        return;
    m_selStart = start;
    m_selEnd = end;
    viewport()->update();
    Q_EMIT selectionChanged(start, end);
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_size == 0)
        return QAbstractScrollArea::mousePressEvent(event);
    Area area = Area::None;
    const qint64 offset = offsetAt(event->position().toPoint(), &area);
    if (area != Area::None)
        m_selectionArea = area;
    if (event->modifiers() & Qt::ShiftModifier && m_anchor >= 0) {
        setSelection(qMin(m_anchor, offset), qMax(m_anchor, offset) + 1);
        return;
    }
    m_anchor = offset;
    setSelection(offset, offset + 1);
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_anchor < 0)
        return QAbstractScrollArea::mouseMoveEvent(event);
    Area area = Area::None;
    const qint64 offset = offsetAt(event->position().toPoint(), &area);
    setSelection(qMin(m_anchor, offset), qMax(m_anchor, offset) + 1);
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        m_anchor = 0;
        setSelection(0, m_size);
        return;
    }
    if (event->key() == Qt::Key_Home && event->modifiers() & Qt::ControlModifier) {
        verticalScrollBar()->setValue(0);
        return;
    }
    if (event->key() == Qt::Key_End && event->modifiers() & Qt::ControlModifier) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

bool HexView::copySelection(QString *error)
{
    const qint64 length = m_selEnd - m_selStart;
    if (!m_store || length <= 0) {
        if (error)
            *error = tr("Nothing is selected.");
        return false;
    }
    if (length > MaxCopyBytes) {
        if (error)
            *error = tr("The selection is %1; copying is limited to %2. Use Save Response Body As instead.")
                         .arg(sizeText(length), sizeText(MaxCopyBytes));
        return false;
    }
    const QByteArray bytes = m_store->read(m_selStart, length);
    QString text;
    if (m_selectionArea == Area::Ascii) {
        text.reserve(bytes.size());
        for (char c : bytes)
            text += printable(c);
    } else {
        text = QString::fromLatin1(bytes.toHex(' '));
    }
    QApplication::clipboard()->setText(text);
    return true;
}

} // namespace Peephole
