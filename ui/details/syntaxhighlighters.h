#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Peephole {

/// Colours JSON text line by line: keys, strings, numbers, literals.
/// Pretty-printed JSON never has a string across lines, so no state is carried.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_literal, m_punctuation;
};

/// Colours XML and HTML: tags, attribute names and values, comments
/// (which may span lines), entities, processing instructions and doctype.
class MarkupHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit MarkupHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = 0, InComment = 1, InTag = 2, InCData = 3 };
    QTextCharFormat m_tag, m_attribute, m_value, m_comment, m_entity, m_special;
};

} // namespace Peephole
