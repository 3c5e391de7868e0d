#include "details/syntaxhighlighters.h"

#include "timeline/statuscolors.h"

#include <QApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QTextCharFormat colored(const QColor &light, const QColor &dark, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(isDarkPalette(QApplication::palette()) ? dark : light);
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    return f;
}
} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_key = colored(QColor(0x0a, 0x30, 0x69), QColor(0x79, 0xc0, 0xff));
    m_string = colored(QColor(0x0a, 0x7d, 0x32), QColor(0xa5, 0xd6, 0xff));
    m_number = colored(QColor(0x95, 0x38, 0x00), QColor(0xff, 0xa6, 0x57));
    m_literal = colored(QColor(0x82, 0x50, 0xdf), QColor(0xd2, 0xa8, 0xff), true);
    m_punctuation = colored(QColor(0x57, 0x60, 0x6a), QColor(0x8b, 0x94, 0x9e));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && text.at(j) != u'"')
                j += text.at(j) == u'\\' ? 2 : 1;
            j = qMin(j + 1, n);
            qsizetype k = j;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == u':';
            setFormat(int(i), int(j - i), isKey ? m_key : m_string);
            i = j;
        } else if (c.isDigit() || c == u'-') {
            qsizetype j = i + 1;
            while (j < n && (text.at(j).isDigit() || text.at(j) == u'.' || text.at(j) == u'e' ||
                             text.at(j) == u'E' || text.at(j) == u'+' || text.at(j) == u'-'))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && text.at(j).isLetter())
                ++j;
            setFormat(int(i), int(j - i), m_literal);
            i = j;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':')
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}

MarkupHighlighter::MarkupHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_tag = colored(QColor(0x11, 0x63, 0x29), QColor(0x7e, 0xe7, 0x87), true);
    m_attribute = colored(QColor(0x0a, 0x30, 0x69), QColor(0x79, 0xc0, 0xff));
    m_value = colored(QColor(0x0a, 0x7d, 0x32), QColor(0xa5, 0xd6, 0xff));
    m_comment = colored(QColor(0x6e, 0x77, 0x81), QColor(0x8b, 0x94, 0x9e));
    m_comment.setFontItalic(true);
    m_entity = colored(QColor(0x95, 0x38, 0x00), QColor(0xff, 0xa6, 0x57));
    m_special = colored(QColor(0x82, 0x50, 0xdf), QColor(0xd2, 0xa8, 0xff));
}

void MarkupHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    int state = previousBlockState() < 0 ? Normal : previousBlockState();
    while (i < n) {
        if (state == InComment || state == InCData) {
            const QString end = state == InComment ? u"-->"_s : u"]]>"_s;
            const qsizetype close = text.indexOf(end, i);
            const qsizetype stop = close < 0 ? n : close + end.size();
            setFormat(int(i), int(stop - i), state == InComment ? m_comment : m_special);
            i = stop;
            if (close >= 0)
                state = Normal;
            continue;
        }
        if (state == InTag) {
            const QChar c = text.at(i);
            if (c == u'>' || (c == u'/' && i + 1 < n && text.at(i + 1) == u'>')) {
                const int len = c == u'>' ? 1 : 2;
                setFormat(int(i), len, m_tag);
                i += len;
                state = Normal;
            } else if (c == u'"' || c == u'\'') {
                qsizetype close = text.indexOf(c, i + 1);
                const qsizetype stop = close < 0 ? n : close + 1;
                setFormat(int(i), int(stop - i), m_value);
                i = stop;
            } else if (c.isLetter() || c == u'_' || c == u':') {
                qsizetype j = i + 1;
                while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == u'-' || text.at(j) == u'_' ||
                                 text.at(j) == u':' || text.at(j) == u'.'))
                    ++j;
                setFormat(int(i), int(j - i), m_attribute);
                i = j;
            } else {
                ++i;
            }
            continue;
        }
        const QChar c = text.at(i);
        if (c == u'<') {
            if (QStringView(text).mid(i).startsWith(u"<!--")) {
                state = InComment;
                continue;
            }
            if (QStringView(text).mid(i).startsWith(u"<![CDATA[")) {
                state = InCData;
                continue;
            }
            qsizetype j = i + 1;
            const bool special = j < n && (text.at(j) == u'!' || text.at(j) == u'?');
            while (j < n && !text.at(j).isSpace() && text.at(j) != u'>' && text.at(j) != u'/')
                ++j;
            if (j < n && j == i + 1 && text.at(j) == u'/') {
                ++j;
                while (j < n && !text.at(j).isSpace() && text.at(j) != u'>')
                    ++j;
            }
            setFormat(int(i), int(j - i), special ? m_special : m_tag);
            i = j;
            state = InTag;
        } else if (c == u'&') {
            const qsizetype semi = text.indexOf(u';', i);
            if (semi > i && semi - i <= 10) {
                setFormat(int(i), int(semi - i + 1), m_entity);
                i = semi + 1;
            } else {
                ++i;
            }
        } else {
            ++i;
        }
    }
    setCurrentBlockState(state);
}

} // namespace Peephole
