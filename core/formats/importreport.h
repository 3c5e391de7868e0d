#pragma once

#include <QList>
#include <QString>

namespace Peephole {

/// Something of one imported item that could not be carried over.
struct ImportIssue
{
    QString item;   ///< Name (or path "Folder/Request") of the item concerned.
    QString reason; ///< What was dropped or changed, in words.

    friend bool operator==(const ImportIssue &, const ImportIssue &) = default;
};

/// Why a whole input could not be read. A failed import produces no items.
struct ParseError
{
    int line = 0;    ///< 1-based; 0 when the problem has no position (a missing field).
    int column = 0;  ///< 1-based; 0 when unknown.
    QString where;   ///< For structured formats: the JSON path ("log.entries[2].request").
    QString message; ///< What is wrong and what to do.

    bool isError() const { return !message.isEmpty(); }
    /// "line 3, column 7: message" (or "log.entries: message").
    QString toString() const;
};

/// 1-based line and column of a character offset in @p text.
void lineAndColumn(const QString &text, qsizetype offset, int *line, int *column);
/// Same for a byte offset in UTF-8 @p data (the column counts characters).
void lineAndColumn(const QByteArray &data, qsizetype offset, int *line, int *column);

} // namespace Peephole
