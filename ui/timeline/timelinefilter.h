#pragma once

#include "timeline/timelinerecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Peephole {

/// A parsed timeline filter. Parsed once, then matched against cached row
/// records (no string formatting per row). Syntax, terms AND-ed:
///   free text           matches the URL, method or status text (case-insensitive); "quoted text" allowed
///   status:401          status code; status:4xx a class; status:error a transport error; status:401,403
///   either method:POST         method (case-insensitive) host:example.com    the host or any subdomain of
///   it; *.example.com only subdomains type:json           mime type contains the word (json matches
///   application/problem+json) is:error|auth|redirect|pending|hop   transport error, 401/407 challenge, 3xx
///   redirect, unfinished, a follow-up hop -term               negation of any term, e.g. -status:200
/// An unknown key ("https://x") is free text.
class TimelineFilter
{
    Q_DECLARE_TR_FUNCTIONS(Peephole::TimelineFilter)
public:
    /// Parses @p text. On a bad term the filter is invalid and errorString()
    /// says which term, where, and what is accepted.
    static TimelineFilter parse(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty(); }
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    QString text() const { return m_text; }

    bool matches(const TimelineRecord &record) const;

private:
    enum class Kind {
        Text,
        Status,
        StatusClass,
        StatusError,
        Method,
        Host,
        HostSuffix,
        Type,
        IsError,
        IsAuth,
        IsRedirect,
        IsPending,
        IsHop
    };
    struct Alternative
    {
        Kind kind = Kind::Text;
        int number = 0;
        QString text;
    };
    struct Term
    {
        bool negate = false;
        QList<Alternative> alternatives; ///< OR-ed
    };

    static bool matchOne(const Alternative &alt, const TimelineRecord &r);
    bool parseTerm(const QString &token, qsizetype position);

    QList<Term> m_terms;
    QString m_text;
    QString m_error;
};

} // namespace Peephole
