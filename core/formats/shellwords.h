#pragma once

#include "formats/importreport.h"

#include <QList>
#include <QString>

namespace Peephole {

struct ShellWord
{
    QString text;
    qsizetype offset = 0; ///< Where the word starts in the input (for messages).
};

struct ShellSplitResult
{
    bool ok = false;
    QList<ShellWord> words;
    ParseError error;
};

/// Splits a command line into words the way a shell would, without running
/// anything (no variable or command expansion).
namespace ShellWords {
/// POSIX sh: 'single', "double" (\ escapes $ ` " \ and newline), $'ANSI-C'
/// quotes, backslash escapes, backslash-newline continuations, # comments.
/// Unquoted newlines separate words like blanks do (a pasted multi-line
/// command is one command).
ShellSplitResult splitPosix(const QString &commandLine);
/// Windows cmd.exe as Chrome's "Copy as cURL (cmd)" writes it: ^ escapes the
/// next character, ^ at a line end continues the line, then the C runtime's
/// rules ("double quotes", \" for a quote).
ShellSplitResult splitWindowsCmd(const QString &commandLine);
/// True when lines end in '^' (a cmd.exe continuation) and none in '\'.
bool looksLikeWindowsCmd(const QString &commandLine);
/// @p word quoted for a POSIX shell: as is when it only holds safe
/// characters, else in single quotes with ' written as '\''.
QString quotePosix(const QString &word);
} // namespace ShellWords

} // namespace Peephole
