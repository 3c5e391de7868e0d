#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Peephole::TextDiff {

/// One changed line. Unchanged lines are not listed.
struct Line
{
    enum class Op { Removed, Added };
    Op op = Op::Removed;
    int expectedLine = 0; ///< 1-based line in the expected text (Removed), or where it would go (Added).
    int actualLine = 0;   ///< 1-based line in the actual text (Added), or where it would go (Removed).
    QString text;

    friend bool operator==(const Line &, const Line &) = default;
};

struct Result
{
    QList<Line> lines;
    bool truncated = false;   ///< More than the line limit changed; lines holds the first ones.
    bool approximate = false; ///< Too large for an exact diff: the differing middle is shown as one replace.
};

/// The lines to remove from @p expected and add to make @p actual: an LCS
/// diff of the lines that differ after the common head and tail are trimmed,
/// exact while (differing lines)² stays under @p maxCells, else approximate.
Result diff(const QStringList &expected, const QStringList &actual, int maxLines = 500,
            qint64 maxCells = 4'000'000);
/// Splits text on "\n", dropping a "\r" before it.
QStringList splitLines(const QString &text);
/// Unified-style rendering: "-12: old" / "+12: new".
QString render(const Result &result);

} // namespace Peephole::TextDiff
