#pragma once

#include "collection/variables.h"

#include <QList>

namespace Peephole {
class CredentialStore;
class HttpSession;
struct Collection;
struct RequestRef;
} // namespace Peephole

namespace Peephole::Cli {

/// For `run`: the OAuth configurations the selected requests refer to ({{$oauth2 NAME}},
/// {{$auth.token("NAME")}}, {{$auth.idToken("NAME")}}) get their tokens now — from the keychain,
/// refreshed when expired, or by the client credentials grant — through @p session (each token
/// request is an exchange of the run's log). The tokens go into @p overrides under
/// Variables::oauthVariable(); a configuration that cannot give one is reported on stderr (its
/// requests then fail naming it).
void prepareOAuthTokens(HttpSession *session, CredentialStore *keychain, const Collection &collection,
                        const QList<RequestRef> &selection, VariableScope *overrides);

} // namespace Peephole::Cli
