#include "formats/shellwords.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole::ShellWords {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ShellWords", text);
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

ParseError errorAt(const QString &text, qsizetype offset, const QString &message)
{
    ParseError error;
    lineAndColumn(text, offset, &error.line, &error.column);
    error.message = message;
    return error;
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// Reads an ANSI-C quoted string starting after "$'". Returns the position after the closing quote, or -1.
qsizetype readAnsiC(const QString &s, qsizetype i, QString &out)
{
    QByteArray pendingBytes; // \x and octal escapes are bytes; decode runs of them as UTF-8
    auto flush = [&] {
        if (!pendingBytes.isEmpty()) {
            out += QString::fromUtf8(pendingBytes);
            pendingBytes.clear();
        }
    };
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == u'\'') {
            flush();
            return i + 1;
        }
        if (c != u'\\' || i + 1 >= s.size()) {
            flush();
            out += c;
            ++i;
            continue;
        }
        const QChar e = s.at(i + 1);
        i += 2;
        switch (e.unicode()) {
        case 'n':
            flush();
            out += u'\n';
            break;
        case 't':
            flush();
            out += u'\t';
            break;
        case 'r':
            flush();
            out += u'\r';
            break;
        case 'a':
            flush();
            out += QChar(0x07);
            break;
        case 'b':
            flush();
            out += QChar(0x08);
            break;
        case 'e':
        case 'E':
            flush();
            out += QChar(0x1b);
            break;
        case 'f':
            flush();
            out += QChar(0x0c);
            break;
        case 'v':
            flush();
            out += QChar(0x0b);
            break;
        case '\\':
            flush();
            out += u'\\';
            break;
        case '\'':
            flush();
            out += u'\'';
            break;
        case '"':
            flush();
            out += u'"';
            break;
        case '?':
            flush();
            out += u'?';
            break;
        case 'x': {
            int value = 0;
            int digits = 0;
            while (digits < 2 && i < s.size() && hexValue(s.at(i)) >= 0) {
                value = value * 16 + hexValue(s.at(i));
                ++i;
                ++digits;
            }
            if (digits == 0) {
                flush();
                out += u"\\x"_s;
            } else {
                pendingBytes.append(char(value));
            }
            break;
        }
        case 'u':
        case 'U': {
            const int maxDigits = e == u'u' ? 4 : 8;
            uint value = 0;
            int digits = 0;
            while (digits < maxDigits && i < s.size() && hexValue(s.at(i)) >= 0) {
                value = value * 16 + uint(hexValue(s.at(i)));
                ++i;
                ++digits;
            }
            flush();
            if (digits == 0) {
                out += u'\\';
                out += e;
            } else {
                const char32_t cp = char32_t(value);
                out += QString::fromUcs4(&cp, 1);
            }
            break;
        }
        default:
            if (e >= u'0' && e <= u'7') {
                int value = e.unicode() - u'0';
                int digits = 1;
                while (digits < 3 && i < s.size() && s.at(i) >= u'0' && s.at(i) <= u'7') {
                    value = value * 8 + (s.at(i).unicode() - u'0');
                    ++i;
                    ++digits;
                }
                pendingBytes.append(char(value & 0xff));
            } else {
                flush();
                out += u'\\';
                out += e;
            }
        }
    }
    return -1;
}
} // namespace

ShellSplitResult splitPosix(const QString &s)
{
    ShellSplitResult result;
    QString word;
    bool inWord = false;
    qsizetype wordStart = 0;
    auto startWord = [&](qsizetype at) {
        if (!inWord) {
            inWord = true;
            wordStart = at;
        }
    };
    auto endWord = [&] {
        if (inWord)
            result.words.append({word, wordStart});
        word.clear();
        inWord = false;
    };

    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == u'\\') {
            if (i + 1 < s.size() && s.at(i + 1) == u'\n') {
                i += 2; // continuation
                continue;
            }
            if (i + 2 < s.size() && s.at(i + 1) == u'\r' && s.at(i + 2) == u'\n') {
                i += 3;
                continue;
            }
            startWord(i);
            if (i + 1 < s.size())
                word += s.at(i + 1);
            i += 2;
            continue;
        }
        if (isBlank(c)) {
            endWord();
            ++i;
            continue;
        }
        if (c == u'#' && !inWord) {
            while (i < s.size() && s.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'\'') {
            startWord(i);
            const qsizetype close = s.indexOf(u'\'', i + 1);
            if (close < 0) {
                result.error = errorAt(s, i,
                                       tr("The single quote here is never closed. Add the closing ' "
                                          "(a ' inside single quotes is written '\\'')."));
                return result;
            }
            word += QStringView(s).mid(i + 1, close - i - 1);
            i = close + 1;
            continue;
        }
        if (c == u'$' && i + 1 < s.size() && s.at(i + 1) == u'\'') {
            startWord(i);
            const qsizetype after = readAnsiC(s, i + 2, word);
            if (after < 0) {
                result.error = errorAt(s, i, tr("The $'...' quote here is never closed. Add the closing '."));
                return result;
            }
            i = after;
            continue;
        }
        if (c == u'"' || (c == u'$' && i + 1 < s.size() && s.at(i + 1) == u'"')) {
            startWord(i);
            const qsizetype open = i;
            i += c == u'$' ? 2 : 1;
            bool closed = false;
            while (i < s.size()) {
                const QChar d = s.at(i);
                if (d == u'"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == u'\\' && i + 1 < s.size()) {
                    const QChar e = s.at(i + 1);
                    if (e == u'\n') {
                        i += 2;
                        continue;
                    }
                    if (e == u'$' || e == u'`' || e == u'"' || e == u'\\') {
                        word += e;
                        i += 2;
                        continue;
                    }
                }
                word += d;
                ++i;
            }
            if (!closed) {
                result.error = errorAt(s, open,
                                       tr("The double quote here is never closed. Add the closing \" "
                                          "(a \" inside double quotes is written \\\")."));
                return result;
            }
            continue;
        }
        startWord(i);
        word += c;
        ++i;
    }
    endWord();
    result.ok = true;
    return result;
}

bool looksLikeWindowsCmd(const QString &s)
{
    bool caret = false;
    const QStringList lines = s.split(u'\n');
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (t.endsWith(u'\\'))
            return false;
        if (t.endsWith(u'^'))
            caret = true;
    }
    return caret || s.contains(u"^\""_s);
}

ShellSplitResult splitWindowsCmd(const QString &s)
{
    // Pass 1: cmd.exe caret escapes. Offsets map back to the input for messages.
    QString text;
    QList<qsizetype> origin;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'^' && i + 1 < s.size()) {
            const QChar n = s.at(i + 1);
            if (n == u'\n' || (n == u'\r' && i + 2 < s.size() && s.at(i + 2) == u'\n')) {
                i += n == u'\n' ? 1 : 2;
                text += u' ';
                origin.append(i);
                continue;
            }
            text += n;
            origin.append(i);
            ++i;
            continue;
        }
        text += c;
        origin.append(i);
    }
    // Pass 2: the C runtime's argument rules.
    ShellSplitResult result;
    QString word;
    bool inWord = false;
    bool inQuotes = false;
    qsizetype wordStart = 0;
    qsizetype quoteStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!inQuotes && isBlank(c)) {
            if (inWord)
                result.words.append({word, origin.at(wordStart)});
            word.clear();
            inWord = false;
            continue;
        }
        if (!inWord) {
            inWord = true;
            wordStart = i;
        }
        if (c == u'\\') {
            qsizetype n = 0;
            while (i < text.size() && text.at(i) == u'\\') {
                ++n;
                ++i;
            }
            if (i < text.size() && text.at(i) == u'"') {
                word += QString(n / 2, u'\\');
                if (n % 2) {
                    word += u'"';
                } else {
                    inQuotes = !inQuotes;
                    quoteStart = i;
                }
            } else {
                word += QString(n, u'\\');
                --i;
            }
            continue;
        }
        if (c == u'"') {
            if (inQuotes && i + 1 < text.size() && text.at(i + 1) == u'"') {
                word += u'"';
                ++i;
                continue;
            }
            inQuotes = !inQuotes;
            quoteStart = i;
            continue;
        }
        word += c;
    }
    if (inQuotes) {
        result.error = errorAt(s, origin.value(quoteStart),
                               tr("The double quote here is never closed. Add the closing \"."));
        return result;
    }
    if (inWord)
        result.words.append({word, origin.at(wordStart)});
    result.ok = true;
    return result;
}

QString quotePosix(const QString &word)
{
    static const QString safe = u"-_./:=@,+%"_s;
    bool plain = !word.isEmpty();
    for (const QChar c : word) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && !safe.contains(c)) {
            plain = false;
            break;
        }
    }
    if (plain)
        return word;
    QString out = word;
    out.replace(u'\'', u"'\\''"_s);
    return u'\'' + out + u'\'';
}

} // namespace Peephole::ShellWords
