#include "replay/textdiff.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace Peephole::TextDiff {

QStringList splitLines(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &l : lines) {
        if (l.endsWith(u'\r'))
            l.chop(1);
    }
    if (!lines.isEmpty() && lines.last().isEmpty() && text.endsWith(u'\n'))
        lines.removeLast();
    return lines;
}

Result diff(const QStringList &expected, const QStringList &actual, int maxLines, qint64 maxCells)
{
    Result out;
    qsizetype head = 0;
    while (head < expected.size() && head < actual.size() && expected.at(head) == actual.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < expected.size() - head && tail < actual.size() - head &&
           expected.at(expected.size() - 1 - tail) == actual.at(actual.size() - 1 - tail))
        ++tail;
    const qsizetype n = expected.size() - head - tail;
    const qsizetype m = actual.size() - head - tail;

    auto add = [&](Line::Op op, qsizetype e, qsizetype a, const QString &text) {
        if (out.lines.size() >= maxLines) {
            out.truncated = true;
            return;
        }
        out.lines.append(Line{op, int(head + e + 1), int(head + a + 1), text});
    };

    if (qint64(n) * qint64(m) > maxCells) {
        out.approximate = true;
        for (qsizetype i = 0; i < n; ++i)
            add(Line::Op::Removed, i, 0, expected.at(head + i));
        for (qsizetype j = 0; j < m; ++j)
            add(Line::Op::Added, n, j, actual.at(head + j));
        return out;
    }
    // lcs[i][j]: LCS length of expected[i..] and actual[j..] (of the middle part).
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            at(i, j) = expected.at(head + i) == actual.at(head + j) ? at(i + 1, j + 1) + 1
                                                                    : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && expected.at(head + i) == actual.at(head + j)) {
            ++i;
            ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            add(Line::Op::Removed, i, j, expected.at(head + i));
            ++i;
        } else {
            add(Line::Op::Added, i, j, actual.at(head + j));
            ++j;
        }
    }
    return out;
}

QString render(const Result &result)
{
    QString out;
    for (const Line &l : result.lines) {
        if (l.op == Line::Op::Removed)
            out += u'-' + QString::number(l.expectedLine) + u": "_s + l.text + u'\n';
        else
            out += u'+' + QString::number(l.actualLine) + u": "_s + l.text + u'\n';
    }
    if (result.truncated)
        out += u"...\n"_s;
    return out;
}

} // namespace Peephole::TextDiff
