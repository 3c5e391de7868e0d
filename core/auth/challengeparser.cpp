#include "auth/challengeparser.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

bool isToken68Char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

bool isCtl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7f;
}

QString printable(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f)
        return u"“"_s + QLatin1Char(c) + u"”"_s;
    return u"byte 0x"_s + QString::number(u, 16).rightJustified(2, u'0');
}

QString shown(QByteArrayView bytes)
{
    constexpr qsizetype limit = 40;
    QString s = QString::fromUtf8(bytes.first(qMin(bytes.size(), limit)));
    if (bytes.size() > limit)
        s += u"…"_s;
    return s;
}

/// Walks one field value. All reads are bounded by the field size; every loop
/// advances pos, so the whole parse is linear in the input.
class Cursor
{
public:
    Cursor(QByteArrayView s, int field, QList<ChallengeProblem> &problems)
        : m_s(s), m_field(field), m_problems(problems)
    {
    }

    bool atEnd() const { return m_pos >= m_s.size(); }
    char peek() const { return m_s[m_pos]; }
    qsizetype pos() const { return m_pos; }
    void setPos(qsizetype p) { m_pos = p; }
    QByteArrayView data() const { return m_s; }

    void skipOws()
    {
        while (!atEnd() && isOws(peek()))
            ++m_pos;
    }

    void skipSeparators()
    {
        while (!atEnd() && (isOws(peek()) || peek() == ','))
            ++m_pos;
    }

    QByteArrayView readToken()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && ChallengeParser::isTokenChar(peek()))
            ++m_pos;
        return m_s.sliced(start, m_pos - start);
    }

    void problem(qsizetype at, const QString &message)
    {
        if (m_problems.size() >= ChallengeParser::MaxProblems)
            return;
        if (m_problems.size() == ChallengeParser::MaxProblems - 1) {
            m_problems.append(
                {m_field, int(at), ChallengeParser::tr("Too many problems; the rest are not listed.")});
            return;
        }
        m_problems.append({m_field, int(at), message});
    }

    /// Moves to the next ',' that is not inside a quoted-string (or to the end).
    void skipToNextElement()
    {
        bool inQuotes = false;
        while (!atEnd()) {
            const char c = peek();
            if (inQuotes) {
                if (c == '\\')
                    ++m_pos;
                else if (c == '"')
                    inQuotes = false;
            } else if (c == '"') {
                inQuotes = true;
            } else if (c == ',') {
                return;
            }
            ++m_pos;
        }
        m_pos = m_s.size();
    }

    /// After a complete element: only OWS may precede the next ',' or the end.
    void expectElementEnd()
    {
        skipOws();
        if (!atEnd() && peek() != ',') {
            problem(m_pos, ChallengeParser::tr("Unexpected %1 after a parameter value; expected “,” or the "
                                               "end of the field. Skipped to the next comma.")
                               .arg(printable(peek())));
            skipToNextElement();
        }
    }

    /// A quoted-string or a token. Returns nullopt (after reporting) when there is none.
    std::optional<AuthParam> readValue(QByteArrayView name)
    {
        AuthParam param;
        param.name = name.toByteArray();
        if (atEnd() || peek() == ',') {
            problem(m_pos, ChallengeParser::tr("Parameter “%1” has no value after “=”.").arg(shown(name)));
            return std::nullopt;
        }
        if (peek() == '"') {
            const qsizetype open = m_pos;
            ++m_pos;
            bool badChar = false;
            while (!atEnd()) {
                char c = peek();
                if (c == '"') {
                    ++m_pos;
                    param.quoted = true;
                    return param;
                }
                if (c == '\\') {
                    ++m_pos;
                    if (atEnd())
                        break;
                    c = peek();
                }
                if (isCtl(c) && !badChar) {
                    badChar = true;
                    problem(m_pos,
                            ChallengeParser::tr("Control character (%1) inside the quoted value of “%2”.")
                                .arg(printable(c), shown(name)));
                }
                param.value.append(c);
                ++m_pos;
            }
            problem(open, ChallengeParser::tr("The quoted value of “%1” is never closed: a “\"” is missing.")
                              .arg(shown(name)));
            return std::nullopt;
        }
        // A token, leniently extended to the token68 characters servers often
        // send unquoted (base64 nonces with '/', '+', '=').
        const qsizetype start = m_pos;
        bool nonToken = false;
        while (!atEnd()) {
            const char c = peek();
            if (ChallengeParser::isTokenChar(c)) {
                ++m_pos;
            } else if (c == '/' || c == '+' || c == '=') {
                nonToken = true;
                ++m_pos;
            } else {
                break;
            }
        }
        if (m_pos == start) {
            problem(m_pos,
                    ChallengeParser::tr("Parameter “%1” has no valid value: expected a token or a quoted "
                                        "string, found %2.")
                        .arg(shown(name), printable(peek())));
            return std::nullopt;
        }
        param.value = m_s.sliced(start, m_pos - start).toByteArray();
        if (nonToken) {
            problem(start, ChallengeParser::tr("The value of “%1” contains characters that require quoting; "
                                               "it was accepted as is.")
                               .arg(shown(name)));
        }
        return param;
    }

private:
    QByteArrayView m_s;
    qsizetype m_pos = 0;
    int m_field;
    QList<ChallengeProblem> &m_problems;
};

void addParam(Challenge &challenge, AuthParam &&param, Cursor &cur, qsizetype at)
{
    for (const AuthParam &p : std::as_const(challenge.params)) {
        if (QByteArrayView(p.name).compare(param.name, Qt::CaseInsensitive) == 0) {
            cur.problem(at, ChallengeParser::tr("Parameter “%1” appears twice in the %2 challenge; the first "
                                                "value is used.")
                                .arg(shown(param.name), shown(challenge.scheme)));
            return;
        }
    }
    if (challenge.params.size() >= ChallengeParser::MaxParamsPerChallenge) {
        cur.problem(at, ChallengeParser::tr("The %1 challenge has more than %2 parameters; this one is "
                                            "ignored.")
                            .arg(shown(challenge.scheme))
                            .arg(ChallengeParser::MaxParamsPerChallenge));
        return;
    }
    challenge.params.append(std::move(param));
}

/// Parses "name BWS = BWS value" at the cursor (name already read into @p name).
/// Returns nullopt when malformed (already reported and skipped).
std::optional<AuthParam> finishParam(Cursor &cur, QByteArrayView name)
{
    cur.skipOws();
    if (cur.atEnd() || cur.peek() != '=') {
        cur.problem(cur.pos(),
                    ChallengeParser::tr("Expected “=” after parameter name “%1”.").arg(shown(name)));
        cur.skipToNextElement();
        return std::nullopt;
    }
    cur.setPos(cur.pos() + 1);
    cur.skipOws();
    std::optional<AuthParam> param = cur.readValue(name);
    if (!param) {
        cur.skipToNextElement();
        return std::nullopt;
    }
    cur.expectElementEnd();
    return param;
}

/// Parses one field; returns false once the challenge cap is reached.
bool parseField(QByteArrayView field, int index, ChallengeParseResult &out)
{
    Cursor cur(field, index, out.problems);
    qsizetype current = -1; // index in out.challenges of the challenge params attach to
    bool reportedOrphan = false;
    while (true) {
        cur.skipSeparators();
        if (cur.atEnd())
            return true;
        const qsizetype elementStart = cur.pos();
        const QByteArrayView token = cur.readToken();
        if (token.isEmpty()) {
            cur.problem(cur.pos(), ChallengeParser::tr("Unexpected %1 where a scheme or parameter name was "
                                                       "expected. Skipped to the next comma.")
                                       .arg(printable(cur.peek())));
            cur.skipToNextElement();
            continue;
        }
        const qsizetype afterToken = cur.pos();
        cur.skipOws();
        if (!cur.atEnd() && cur.peek() == '=') {
            // "name=value": another parameter of the current challenge.
            std::optional<AuthParam> param = finishParam(cur, token);
            if (!param)
                continue;
            if (current < 0) {
                if (!reportedOrphan) {
                    cur.problem(elementStart, ChallengeParser::tr("Parameter “%1” appears before any "
                                                                  "authentication scheme; it was ignored.")
                                                  .arg(shown(token)));
                    reportedOrphan = true;
                }
            } else if (!out.challenges[current].token68.isEmpty()) {
                cur.problem(elementStart, ChallengeParser::tr("Parameter “%1” follows a token68 in the %2 "
                                                              "challenge; it was ignored.")
                                              .arg(shown(token), shown(out.challenges[current].scheme)));
            } else {
                addParam(out.challenges[current], std::move(*param), cur, elementStart);
            }
            continue;
        }

        // A new challenge.
        if (out.challenges.size() >= ChallengeParser::MaxChallenges) {
            cur.problem(elementStart, ChallengeParser::tr("More than %1 challenges; the rest are ignored.")
                                          .arg(ChallengeParser::MaxChallenges));
            return false;
        }
        Challenge challenge;
        challenge.scheme = token.toByteArray();
        out.challenges.append(std::move(challenge));
        current = out.challenges.size() - 1;
        reportedOrphan = false;
        cur.setPos(afterToken);
        if (cur.atEnd() || cur.peek() == ',')
            continue;
        if (!isOws(cur.peek())) {
            cur.problem(cur.pos(), ChallengeParser::tr("Unexpected %1 after the scheme name “%2”. Skipped to "
                                                       "the next comma.")
                                       .arg(printable(cur.peek()), shown(token)));
            cur.skipToNextElement();
            continue;
        }
        cur.skipOws();
        if (cur.atEnd() || cur.peek() == ',')
            continue;

        // token68, or the first auth-param.
        const QByteArrayView s = cur.data();
        const qsizetype start = cur.pos();
        qsizetype p = start;
        while (p < s.size() && isToken68Char(s[p]))
            ++p;
        const qsizetype token68End = p;
        while (p < s.size() && s[p] == '=')
            ++p;
        qsizetype q = p;
        while (q < s.size() && isOws(s[q]))
            ++q;
        if (token68End > start && (q == s.size() || s[q] == ',')) {
            out.challenges[current].token68 = s.sliced(start, p - start).toByteArray();
            cur.setPos(q);
            continue;
        }
        const QByteArrayView name = cur.readToken();
        if (name.isEmpty()) {
            cur.problem(start, ChallengeParser::tr("Expected a token68 or a parameter after the scheme “%1”, "
                                                   "found %2. Skipped to the next comma.")
                                   .arg(shown(token), printable(cur.peek())));
            cur.skipToNextElement();
            continue;
        }
        std::optional<AuthParam> param = finishParam(cur, name);
        if (param)
            addParam(out.challenges[current], std::move(*param), cur, start);
    }
}

} // namespace

bool ChallengeParser::isTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

QByteArray ChallengeParser::quote(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size() + 2);
    out.append('"');
    for (char c : value) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return out;
}

ChallengeParseResult ChallengeParser::parse(const QList<QByteArray> &fields)
{
    ChallengeParseResult out;
    for (int i = 0; i < fields.size(); ++i) {
        if (i >= MaxFields) {
            out.problems.append(
                {i, 0, tr("More than %1 header fields; the rest are ignored.").arg(MaxFields)});
            break;
        }
        QByteArrayView field(fields.at(i));
        if (field.size() > MaxFieldBytes) {
            if (out.problems.size() < MaxProblems) {
                out.problems.append(
                    {i, int(MaxFieldBytes),
                     tr("The field is longer than %1 bytes; the rest is ignored.").arg(MaxFieldBytes)});
            }
            field = field.first(MaxFieldBytes);
        }
        if (!parseField(field, i, out))
            break;
    }
    return out;
}

QList<AuthParam> ChallengeParser::parseParams(const QByteArray &field, QList<ChallengeProblem> *problems)
{
    QList<ChallengeProblem> localProblems;
    QList<ChallengeProblem> &probs = problems ? *problems : localProblems;
    Challenge holder;
    const QByteArrayView view = QByteArrayView(field).first(qMin(field.size(), MaxFieldBytes));
    Cursor cur(view, 0, probs);
    while (true) {
        cur.skipSeparators();
        if (cur.atEnd())
            break;
        const qsizetype start = cur.pos();
        const QByteArrayView name = cur.readToken();
        if (name.isEmpty()) {
            cur.problem(start, tr("Unexpected %1 where a parameter name was expected. Skipped to the next "
                                  "comma.")
                                   .arg(printable(cur.peek())));
            cur.skipToNextElement();
            continue;
        }
        std::optional<AuthParam> param = finishParam(cur, name);
        if (param)
            addParam(holder, std::move(*param), cur, start);
    }
    return holder.params;
}

} // namespace Peephole
