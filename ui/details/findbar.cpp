#include "details/findbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Peephole {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent), m_field(new QLineEdit(this)), m_previous(new QToolButton(this)),
      m_next(new QToolButton(this)), m_close(new QToolButton(this)), m_countLabel(new QLabel(this))
{
    m_field->setPlaceholderText(tr("Find in the body"));
    m_field->setAccessibleName(tr("Find in the body"));
    m_field->setClearButtonEnabled(true);
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (Enter, F3)"));
    m_next->setAccessibleName(tr("Next match"));
    m_close->setText(u"✕"_s);
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAccessibleName(tr("Close the find bar"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_close);
    m_field->installEventFilter(this);

    connect(m_field, &QLineEdit::textChanged, this, [this] {
        recount();
        if (m_editor) { // search from the top as the term is typed
            QTextCursor start(m_editor->document());
            m_editor->setTextCursor(start);
        }
        if (!m_field->text().isEmpty())
            find(false);
        updateLabel();
    });
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        if (m_editor)
            m_editor->setFocus();
    });
    updateLabel();
    hide();
}

void FindBar::setEditor(QPlainTextEdit *editor, bool paged)
{
    if (m_editor != editor && m_editor)
        disconnect(m_editor->document(), nullptr, this, nullptr);
    m_editor = editor;
    m_paged = paged;
    if (m_editor)
        connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
            recount();
            updateLabel();
        });
    recount();
    updateLabel();
}

void FindBar::activate()
{
    if (m_editor && m_editor->textCursor().hasSelection()) {
        const QString selected = m_editor->textCursor().selectedText();
        if (!selected.contains(QChar::ParagraphSeparator) && selected.size() < 200)
            m_field->setText(selected);
    }
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void FindBar::findNext()
{
    find(false);
    updateLabel();
}

void FindBar::findPrevious()
{
    find(true);
    updateLabel();
}

void FindBar::recount()
{
    m_count = 0;
    m_current = 0;
    const QString term = m_field->text();
    if (!m_editor || term.isEmpty())
        return;
    const QString text = m_editor->document()->toPlainText();
    for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0 && m_count < MaxCounted;
         at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive))
        ++m_count;
}

void FindBar::find(bool backward)
{
    const QString term = m_field->text();
    if (!m_editor || term.isEmpty() || m_count == 0) {
        m_current = 0;
        return;
    }
    QTextDocument *doc = m_editor->document();
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = doc->find(term, m_editor->textCursor(), flags);
    if (found.isNull()) { // wrap around
        QTextCursor from(doc);
        if (backward)
            from.movePosition(QTextCursor::End);
        found = doc->find(term, from, flags);
    }
    if (found.isNull()) {
        m_current = 0;
        return;
    }
    m_editor->setTextCursor(found);
    m_editor->ensureCursorVisible();
    // Which match this is: those starting before it, plus one.
    const QString text = doc->toPlainText();
    int index = 0;
    for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0 && at < found.selectionStart();
         at = text.indexOf(term, at + term.size(), Qt::CaseInsensitive))
        ++index;
    m_current = index + 1;
}

void FindBar::updateLabel()
{
    const bool empty = m_field->text().isEmpty();
    m_previous->setEnabled(m_count > 0);
    m_next->setEnabled(m_count > 0);
    QString text;
    if (!empty && m_count == 0)
        text = tr("No matches");
    else if (!empty) {
        const QString total = m_count >= MaxCounted ? tr("%1+").arg(MaxCounted) : QString::number(m_count);
        text = m_current > 0 ? tr("%1 of %2").arg(m_current).arg(total) : tr("%n match(es)", nullptr, m_count);
    }
    if (!empty && m_paged)
        text += u' ' + tr("(on this page)");
    m_countLabel->setText(text);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool shift = key->modifiers() & Qt::ShiftModifier;
        if (key->key() == Qt::Key_Escape) {
            m_close->click();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_F3) {
            shift ? findPrevious() : findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Peephole
