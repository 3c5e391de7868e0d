#pragma once

#include "collection/collection.h"

#include <QByteArray>
#include <QList>

namespace Peephole::HttpBlocks {

/// Splits a .http file at the lines that start with "###". Each block keeps
/// its separator line; concatenating the blocks gives back @p bytes exactly.
/// A block holds at most one request, so one request can be rewritten while
/// every other byte of the file stays as it was.
QList<QByteArray> split(const QByteArray &bytes);

/// The outcome of parsing one block with HttpFileParser.
struct BlockResult
{
    HttpFile file;               ///< At most one request; leading comments and variables of a first block.
    QList<FileProblem> problems; ///< Lines are those of the whole file.
};

/// Parses one block whose first line is line @p firstLine (1-based) of its file.
BlockResult parse(const QByteArray &block, int firstLine);

/// The canonical text (HttpFileWriter) of @p request as a block. @p context
/// carries the leading comments and variables a first block had; @p followed
/// adds the blank line that separates it from the next block.
QByteArray write(const CollectionRequest &request, const HttpFile &context, bool followed);

} // namespace Peephole::HttpBlocks
