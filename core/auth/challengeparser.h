#pragma once

#include "auth/challenge.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace Peephole {

/// Parses WWW-Authenticate / Proxy-Authenticate field values (RFC 9110 §11).
///
/// Each field may hold several challenges; Qt may also have joined repeated
/// fields with ", ", which parses the same. Anything malformed is reported
/// as a ChallengeProblem (field index + byte offset) and the parser skips to
/// the next list element, so one bad challenge does not hide the others.
/// Runs in linear time; the number of fields, challenges, parameters and
/// problems kept is capped so hostile input cannot make it allocate without
/// bound.
class ChallengeParser
{
    Q_DECLARE_TR_FUNCTIONS(ChallengeParser)
public:
    static constexpr int MaxFields = 64;
    static constexpr int MaxChallenges = 64;
    static constexpr int MaxParamsPerChallenge = 64;
    static constexpr int MaxProblems = 64;
    static constexpr qsizetype MaxFieldBytes = 256 * 1024;

    static ChallengeParseResult parse(const QList<QByteArray> &fields);
    static ChallengeParseResult parse(const QByteArray &field) { return parse(QList<QByteArray>{field}); }

    /// Parses a bare "#auth-param" list, as in Authentication-Info (RFC 9110 §11.6.3,
    /// RFC 7616 §3.5). Problems are reported with field index 0.
    static QList<AuthParam> parseParams(const QByteArray &field, QList<ChallengeProblem> *problems = nullptr);

    /// True for RFC 9110 tchar.
    static bool isTokenChar(char c);
    /// @p value as a quoted-string (with backslash escapes), for building headers.
    static QByteArray quote(QByteArrayView value);
};

} // namespace Peephole
