#pragma once

#include "formats/importreport.h"
#include "http/exchange.h"
#include "http/requestspec.h"

#include <QString>
#include <QStringList>

namespace Peephole {

struct CurlParseResult
{
    bool ok = false;
    RequestSpec request;
    /// Options that were not carried over: item is the option as written
    /// ("--retry"), reason says why. Never fatal.
    QList<ImportIssue> issues;
    ParseError error; ///< Set when ok is false (line/column into the command line).
};

/// Reading and writing curl command lines.
///
/// parse() follows curl's own meaning of the options: -d implies POST and
/// application/x-www-form-urlencoded, several -d are joined with '&', -G
/// moves the data into the query, without -L redirects are not followed,
/// -u sends Basic credentials up front unless --digest/--anyauth is given.
/// Relative @file arguments are resolved against @p baseDirectory (the
/// current directory when empty); --data-binary @file and -T stream the file,
/// other @file forms are read at parse time.
class CurlCommand
{
public:
    static CurlParseResult parse(const QString &commandLine, const QString &baseDirectory = {});

    /// A command for a POSIX shell, one option per line joined with " \",
    /// values in single quotes. parse() of it gives the same request.
    /// Anything that cannot be expressed is described in @p warnings.
    static QString fromRequest(const RequestSpec &spec, QStringList *warnings = nullptr);
    /// The request of @p exchange as it was sent (its headers as recorded,
    /// its body bytes, no redirect following since it is one hop).
    static QString fromExchange(const Exchange &exchange, QStringList *warnings = nullptr);
};

} // namespace Peephole
