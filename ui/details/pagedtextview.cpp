#include "details/pagedtextview.h"
#include "common/sizetext.h"

#include "http/bodystore.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

QString displayTextFromBytes(const QByteArray &bytes, bool cutAtStart, bool cutAtEnd)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    if (cutAtStart) {
        // Skip continuation bytes of a sequence that began on the previous page.
        while (begin < end && begin < 3 && (uchar(bytes.at(begin)) & 0xC0) == 0x80)
            ++begin;
    }
    if (cutAtEnd) {
        // Drop a sequence that continues on the next page.
        qsizetype i = end - 1;
        int back = 0;
        while (i >= begin && back < 4 && (uchar(bytes.at(i)) & 0xC0) == 0x80) {
            --i;
            ++back;
        }
        if (i >= begin) {
            const auto lead = uchar(bytes.at(i));
            const int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
            if (need > back)
                end = i;
        }
    }
    QString text = QString::fromUtf8(bytes.constData() + begin, end - begin);
    text.replace(QChar(0), QChar(0x2400));
    return text;
}

PagedTextView::PagedTextView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    m_bar = new QWidget(this);
    auto *bar = new QHBoxLayout(m_bar);
    bar->setContentsMargins(4, 2, 4, 2);
    m_previous = new QToolButton(m_bar);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous page"));
    m_next = new QToolButton(m_bar);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next page"));
    m_pageBox = new QSpinBox(m_bar);
    m_pageBox->setKeyboardTracking(false);
    m_pageBox->setToolTip(tr("Page"));
    m_position = new QLabel(m_bar);
    bar->addWidget(m_previous);
    bar->addWidget(new QLabel(tr("Page"), m_bar));
    bar->addWidget(m_pageBox);
    bar->addWidget(m_next);
    bar->addWidget(m_position, 1);
    layout->addWidget(m_bar);

    m_editor = new QPlainTextEdit(this);
    m_editor->setReadOnly(true);
    m_editor->setTabChangesFocus(true); // read-only: Tab moves on, keyboard users are never trapped
    m_editor->setUndoRedoEnabled(false);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setWordWrapMode(QTextOption::WrapAnywhere);
    layout->addWidget(m_editor, 1);

    connect(m_previous, &QToolButton::clicked, this, [this] { setPage(m_page - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { setPage(m_page + 1); });
    connect(m_pageBox, &QSpinBox::valueChanged, this, [this](int value) { setPage(value - 1); });
    m_bar->hide();
}

PagedTextView::~PagedTextView() = default;

void PagedTextView::setStore(std::shared_ptr<BodyStore> store)
{
    m_store = std::move(store);
    m_size = m_store ? m_store->size() : 0;
    m_page = 0;
    loadPage();
}

void PagedTextView::setPlaceholder(const QString &text)
{
    m_store.reset();
    m_size = 0;
    m_page = 0;
    m_pageOffset = 0;
    m_editor->setPlainText(text);
    m_bar->hide();
}

void PagedTextView::refresh()
{
    if (!m_store)
        return;
    const qint64 size = m_store->size();
    if (size == m_size)
        return;
    const int oldPages = pageCount();
    m_size = size;
    if (pageCount() != oldPages || m_page == pageCount() - 1)
        loadPage();
}

void PagedTextView::setPageSize(qint64 bytes)
{
    m_pageSize = qMax<qint64>(1024, bytes);
    if (m_store)
        loadPage();
}

int PagedTextView::pageCount() const
{
    if (m_size <= m_singlePageLimit)
        return 1;
    return int(qMin<qint64>((m_size + m_pageSize - 1) / m_pageSize, std::numeric_limits<int>::max()));
}

void PagedTextView::setPage(int page)
{
    page = qBound(0, page, pageCount() - 1);
    if (page == m_page)
        return;
    m_page = page;
    loadPage();
    Q_EMIT pageChanged(m_page);
}

QString PagedTextView::text() const
{
    return m_editor->toPlainText();
}

void PagedTextView::loadPage()
{
    if (!m_store) {
        m_editor->clear();
        m_bar->hide();
        return;
    }
    const bool single = pageCount() == 1;
    const qint64 length = single ? m_size : m_pageSize;
    m_pageOffset = single ? 0 : qint64(m_page) * m_pageSize;
    const QByteArray bytes = m_store->read(m_pageOffset, length);
    const bool cutAtEnd = m_pageOffset + bytes.size() < m_size;
    m_editor->setPlainText(displayTextFromBytes(bytes, m_pageOffset > 0, cutAtEnd));
    updateBar();
}

void PagedTextView::updateBar()
{
    const int pages = pageCount();
    m_bar->setVisible(pages > 1);
    if (pages <= 1)
        return;
    const QSignalBlocker blocker(m_pageBox);
    m_pageBox->setRange(1, pages);
    m_pageBox->setValue(m_page + 1);
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page < pages - 1);
    const QLocale locale;
    const qint64 end = qMin(m_size, m_pageOffset + m_pageSize);
    m_position->setText(tr("of %1 · bytes %2–%3 of %4")
                            .arg(locale.toString(pages), locale.toString(m_pageOffset), locale.toString(end),
                                 sizeText(m_size)));
}

} // namespace Peephole
