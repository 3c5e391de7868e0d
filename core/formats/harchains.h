#pragma once

#include "formats/importreport.h"
#include "http/exchange.h"
#include "http/requestspec.h"

#include <QList>

namespace Peephole::HarChains {

/// The requests a user made, read from the entries of a HAR: one per chain.
///
/// A browser (or Peephole) records every hop it made by itself: the request a
/// 3xx Location led to, the retry with credentials after a 401/407. Those are
/// folded into the request that started the chain: redirects are followed
/// again when it is sent, and the credentials of an auth retry become the
/// request's own (Basic user and password, Digest user, Bearer token) so that
/// they answer the challenge again. Peephole's HAR says which entries are hops
/// ("_peephole": chainId, hop); other HARs are matched by Location and by
/// method + URL. Values a HAR holds as "[redacted]" (URL parameters and
/// password, headers, cookies, JSON and form fields) become {{variables}}
/// named after their place, reported in @p issues: never sent as the text.
QList<RequestSpec> userRequests(const QList<Exchange> &exchanges, QList<ImportIssue> *issues);

/// @p spec with every "[redacted]" value replaced by a {{variable}}; what was replaced is
/// appended to @p issues under @p item.
RequestSpec withRedactedAsVariables(const RequestSpec &spec, const QString &item, QList<ImportIssue> *issues);

} // namespace Peephole::HarChains
