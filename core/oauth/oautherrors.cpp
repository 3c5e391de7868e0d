#include "oauth/oautherrors.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Peephole::OAuthErrors {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::OAuthErrors", text);
}

QString serverWords(const QString &error, const QString &description, const QString &uri)
{
    QString s = tr(" (server: %1").arg(error);
    if (!description.isEmpty())
        s += u" — \""_s + description.left(300) + u'"';
    if (!uri.isEmpty())
        s += u", "_s + uri.left(300);
    return s + u')';
}

bool mentionsRedirect(const QString &description)
{
    return description.contains(u"redirect_uri"_s, Qt::CaseInsensitive) ||
           description.contains(u"redirect uri"_s, Qt::CaseInsensitive);
}
} // namespace

QString tokenError(const QString &error, const QString &description, const QString &uri)
{
    QString sentence;
    if (error == u"invalid_grant"_s && mentionsRedirect(description))
        sentence = tr("The token endpoint refused the code because the redirect URI differs from the one "
                      "used at the authorization endpoint; check the client's registered redirect URIs.");
    else if (error == u"invalid_grant"_s && description.contains(u"verifier"_s, Qt::CaseInsensitive))
        sentence = tr("The token endpoint refused the PKCE code_verifier; the code was issued for another "
                      "login attempt.");
    else if (error == u"invalid_grant"_s)
        sentence = tr("The authorization server refused the grant: the code, refresh token or device code is "
                      "expired, revoked, already used, or was issued to another client; get a new token "
                      "(peephole-cli oauth token).");
    else if (error == u"invalid_client"_s)
        sentence = tr("The authorization server did not accept the client's credentials; check the client "
                      "id, the client secret and whether it expects them in the Authorization header "
                      "(--client-auth basic) or in the body (--client-auth body).");
    else if (error == u"unauthorized_client"_s ||
             (error == u"invalid_request"_s && description.contains(u"not allowed for this client"_s)))
        sentence = tr("This client is not allowed to use this grant type; enable the grant for the client "
                      "at the authorization server or choose another --grant.");
    else if (error == u"unsupported_grant_type"_s)
        sentence = tr("The authorization server does not support this grant type; check --grant and the "
                      "server's grant_types_supported.");
    else if (error == u"invalid_scope"_s)
        sentence = tr("The requested scope is unknown, malformed or more than the client may ask for; "
                      "check --scope against the server's scopes_supported.");
    else if (error == u"invalid_request"_s)
        sentence = tr("The authorization server found the token request malformed (a missing or repeated "
                      "parameter); check the endpoint URL, the grant and the client settings.");
    else if (error == u"invalid_target"_s)
        sentence = tr("The authorization server refused the requested resource or audience; check --audience.");
    else if (error == u"access_denied"_s)
        sentence = tr("The user or the authorization server denied the request.");
    else if (error == u"expired_token"_s)
        sentence = tr("The device code expired before the user finished signing in; start again.");
    else if (error == u"authorization_pending"_s || error == u"slow_down"_s)
        sentence = tr("The user has not finished signing in yet.");
    else
        sentence = tr("The token endpoint answered with an error.");
    return sentence + serverWords(error, description, uri);
}

QString authorizationError(const QString &error, const QString &description, const QString &uri)
{
    QString sentence;
    if (error == u"access_denied"_s)
        sentence = tr("The login was cancelled or consent was refused (access_denied); sign in again and "
                      "allow the requested access, or ask for fewer scopes.");
    else if (error == u"invalid_request"_s && mentionsRedirect(description))
        sentence = tr("The authorization server refused the redirect URI; register http://127.0.0.1/callback "
                      "(loopback, any port) for the client or set --redirect-path to the registered path.");
    else if (error == u"invalid_request"_s)
        sentence = tr("The authorization server found the authorization request malformed; check the client "
                      "id, the scopes and whether the server requires PKCE.");
    else if (error == u"unauthorized_client"_s)
        sentence = tr("This client may not use the authorization code flow; enable it for the client.");
    else if (error == u"unsupported_response_type"_s)
        sentence = tr("The authorization server does not issue codes to this client (response_type=code).");
    else if (error == u"invalid_scope"_s)
        sentence = tr("The requested scope is unknown or not allowed for this client; check --scope.");
    else if (error == u"login_required"_s || error == u"consent_required"_s ||
             error == u"interaction_required"_s)
        sentence = tr("The authorization server needs the user to sign in or consent interactively.");
    else if (error == u"server_error"_s || error == u"temporarily_unavailable"_s)
        sentence = tr("The authorization server failed or is overloaded; try again later.");
    else
        sentence = tr("The authorization server answered the login with an error.");
    return sentence + serverWords(error, description, uri);
}

} // namespace Peephole::OAuthErrors
