#pragma once

#include "collection/collection.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace Peephole::HttpBlocks {

/// Splits a .http file at the lines that start with "###". Each block keeps
/// its separator line; concatenating the blocks gives back @p bytes exactly.
QList<QByteArray> split(const QByteArray &bytes);

/// The outcome of parsing one block.
struct BlockResult
{
    std::optional<CollectionRequest> request; ///< Empty for a block of comments and blank lines.
    FileProblem problem;
};

/// Parses one block whose first line is line @p firstLine (1-based) of its file.
///
///     ### Optional title (becomes the name when no "# @name" is given)
///     # @name get-user
///     # @auth basic alice {{password}}      (or: bearer {{token}} / digest alice keychain)
///     GET https://{{host}}/users/1 HTTP/1.1
///     Accept: application/json
///     ?? status == 200
///
///     optional body; "< ./file.json" streams a file
///     ?? body $.id == 1
BlockResult parse(const QByteArray &block, int firstLine);

/// The text of @p request as a block. @p separator is the block's "###" line
/// (empty for a first block that had none); @p followed adds the blank line
/// that separates it from the next block.
QByteArray write(const CollectionRequest &request, const QByteArray &separator, bool followed);

/// The "###..." first line of @p block (with its line break), or empty.
QByteArray separatorOf(const QByteArray &block);

} // namespace Peephole::HttpBlocks
