#include "oauth/oauthclient.h"

#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "oauth/jwt.h"
#include "oauth/oautherrors.h"
#include "oauth/oauthlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QUuid>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QByteArray formEncode(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

QString snippet(const QByteArray &body)
{
    QString s = QString::fromUtf8(body.left(60)).simplified();
    for (QChar &c : s)
        if (c.unicode() < 0x20 || c == QChar(0x7f))
            c = u'?';
    return s;
}
} // namespace

QByteArray responseBytes(const Exchange &e, qint64 max)
{
    if (!e.responseBody)
        return {};
    return e.responseBody->read(0, qMin(e.responseBody->size(), max));
}

OAuthClient::OAuthClient(HttpSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(session, &HttpSession::chainFinished, this, &OAuthClient::onChainFinished);
}

OAuthClient::~OAuthClient() = default;

void OAuthClient::addNote(ExchangeLog *log, quint64 exchangeId, const QString &note)
{
    const Exchange *e = log->find(exchangeId);
    if (!e)
        return;
    Exchange copy = *e;
    copy.notes.edit().append(note);
    log->update(copy);
}

void OAuthClient::sendTracked(const RequestSpec &spec, const QString &purpose, ReplyHandler handler)
{
    const quint64 chain = m_session->send(spec);
    m_chains.insert(chain, true);
    m_pending.insert(chain, [this, purpose, handler](const Exchange &last) {
        addNote(m_session->log(), last.id, purpose + m_noteSuffix);
        handler(*m_session->log()->find(last.id));
    });
    qCDebug(lcOAuth) << "sent" << purpose << spec.url.toString(QUrl::RemoveQuery);
}

void OAuthClient::onChainFinished(quint64 chainId, quint64 lastExchangeId)
{
    const auto it = m_pending.find(chainId);
    if (it == m_pending.end())
        return;
    const ReplyHandler handler = *it;
    m_pending.erase(it);
    const Exchange *last = m_session->log()->find(lastExchangeId);
    if (!last)
        return;
    handler(*last);
}

void OAuthClient::get(const QUrl &url, const QString &purpose, ReplyHandler handler)
{
    RequestSpec spec;
    spec.method = "GET";
    spec.url = url;
    spec.headers.append({"Accept", "application/json", true});
    spec.options.timeoutMs = m_timeoutMs;
    spec.options.followRedirects = true;
    spec.auth.scheme = AuthSettings::Scheme::None;
    sendTracked(spec, purpose, std::move(handler));
}

void OAuthClient::postForm(const OAuthConfig &config, const QUrl &url, QList<QPair<QByteArray, QByteArray>> form,
                           const QString &purpose, ReplyHandler handler)
{
    RequestSpec spec;
    spec.method = "POST";
    spec.url = url;
    spec.headers.append({"Accept", "application/json", true});
    spec.options.timeoutMs = m_timeoutMs;
    // A token request carries secrets: it is never replayed to wherever a redirect points.
    spec.options.followRedirects = false;
    spec.auth.scheme = AuthSettings::Scheme::None;
    const bool confidential = !m_clientSecret.isEmpty() && config.clientAuth != OAuthConfig::ClientAuth::None;
    if (config.clientAuth == OAuthConfig::ClientAuth::PrivateKeyJwt) {
        // RFC 7523 §2.2 / OpenID Connect Core §9: a short-lived assertion signed with the client's key.
        QString error;
        const QString assertion = clientAssertion(config, url, &error);
        if (assertion.isEmpty()) {
            Exchange failed;
            failed.error.kind = ExchangeError::Kind::Other;
            failed.error.message = tr("private_key_jwt: %1").arg(error);
            QTimer::singleShot(0, this, [handler, failed] { handler(failed); });
            return;
        }
        form.append({QByteArray("client_id"), config.clientId.toUtf8()});
        form.append({QByteArray("client_assertion_type"),
                     QByteArray("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")});
        form.append({QByteArray("client_assertion"), assertion.toLatin1()});
    } else if (confidential && config.clientAuth == OAuthConfig::ClientAuth::Basic) {
        // RFC 6749 §2.3.1: both form-encoded, then Basic.
        const QByteArray pair = formEncode(config.clientId) + ':' + formEncode(m_clientSecret);
        spec.headers.append({"Authorization", "Basic " + pair.toBase64(), true});
    } else {
        form.append({"client_id", config.clientId.toUtf8()});
        if (confidential)
            form.append({"client_secret", m_clientSecret.toUtf8()});
    }
    spec.body.kind = RequestBody::Kind::FormUrlEncoded;
    spec.body.form = form;
    sendTracked(spec, purpose, std::move(handler));
}

QString OAuthClient::clientAssertion(const OAuthConfig &config, const QUrl &audience, QString *error) const
{
    QFile f(config.privateKeyFile);
    if (config.privateKeyFile.isEmpty()) {
        *error = tr("no private key file (--private-key FILE)");
        return {};
    }
    if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024) {
        *error = tr("cannot read the private key %1: %2")
                     .arg(config.privateKeyFile, f.isOpen() ? tr("larger than 64 KiB") : f.errorString());
        return {};
    }
    QJsonObject header{{u"typ"_s, u"JWT"_s}};
    if (!config.keyId.isEmpty())
        header.insert(u"kid"_s, config.keyId);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{u"iss"_s, config.clientId},
                             {u"sub"_s, config.clientId},
                             {u"aud"_s, audience.toString()},
                             {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             {u"iat"_s, now},
                             {u"exp"_s, now + 60}};
    return Jwt::sign(header, claims, f.readAll(), error);
}

QString OAuthClient::failureOf(const Exchange &last, const QString &what) const
{
    if (last.error.isError())
        return tr("%1 failed: %2").arg(what, last.error.message);
    return {};
}

void OAuthClient::discover(OAuthConfig *config, DoneCallback done)
{
    if (config->issuer.isEmpty()) {
        done(true, {});
        return;
    }
    if (!config->issuer.isValid() || (config->issuer.scheme() != u"https"_s && config->issuer.scheme() != u"http"_s)) {
        done(false, tr("the issuer \"%1\" is not an http(s) URL").arg(config->issuer.toString()));
        return;
    }
    QUrl url = config->issuer;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/.well-known/openid-configuration"_s);
    const QString issuer = config->issuer.toString(QUrl::StripTrailingSlash);
    auto target = config;
    get(url, tr("OAuth: OpenID Connect discovery"), [this, target, issuer, url, done](const Exchange &last) {
        const QString failed = failureOf(last, tr("discovery at %1").arg(url.toString()));
        if (!failed.isEmpty()) {
            done(false, failed);
            return;
        }
        if (last.statusCode != 200) {
            done(false, tr("discovery at %1 answered %2 %3; check the issuer URL (it must be the provider's "
                           "issuer, without /.well-known/...)")
                            .arg(url.toString())
                            .arg(last.statusCode)
                            .arg(QString::fromLatin1(last.reasonPhrase)));
            return;
        }
        const QByteArray body = responseBytes(last);
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isObject()) {
            done(false, tr("discovery at %1 did not answer a JSON object (the body starts with \"%2\")")
                            .arg(url.toString(), snippet(body)));
            return;
        }
        const QJsonObject o = doc.object();
        const QString said = o.value(u"issuer"_s).toString();
        if (QUrl(said).toString(QUrl::StripTrailingSlash) != issuer) {
            done(false, tr("the discovery document names the issuer \"%1\", not \"%2\" (OpenID Connect Discovery "
                           "§4.3); check the issuer URL")
                            .arg(said.left(200), issuer));
            return;
        }
        const auto fill = [&](QUrl &field, const QString &key) {
            if (field.isEmpty() && o.value(key).isString())
                field = QUrl(o.value(key).toString());
        };
        fill(target->authorizationUrl, u"authorization_endpoint"_s);
        fill(target->tokenUrl, u"token_endpoint"_s);
        fill(target->deviceAuthorizationUrl, u"device_authorization_endpoint"_s);
        fill(target->jwksUrl, u"jwks_uri"_s);
        m_challengeMethods.clear();
        const QJsonArray methods = o.value(u"code_challenge_methods_supported"_s).toArray();
        for (const QJsonValue &m : methods)
            m_challengeMethods << m.toString();
        done(true, {});
    });
}

void OAuthClient::fetchJwks(const QUrl &url,
                            std::function<void(bool ok, const QJsonObject &jwks, const QString &error)> done)
{
    get(url, tr("OAuth: JWKS"), [this, url, done](const Exchange &last) {
        const QString failed = failureOf(last, tr("fetching the JWKS at %1").arg(url.toString()));
        const QJsonDocument doc = QJsonDocument::fromJson(responseBytes(last));
        if (!failed.isEmpty())
            done(false, {}, failed);
        else if (last.statusCode != 200 || !doc.isObject() || !doc.object().value(u"keys"_s).isArray())
            done(false, {},
                 tr("the JWKS at %1 answered %2 without a JSON \"keys\" list").arg(url.toString()).arg(last.statusCode));
        else
            done(true, doc.object(), {});
    });
}

OAuthClient::Result OAuthClient::tokenResult(const Exchange &last, const OAuthTokens &previous) const
{
    Result r;
    r.exchangeId = last.id;
    const QString failed = failureOf(last, tr("the token request to %1").arg(last.url.toString(QUrl::RemoveQuery)));
    if (!failed.isEmpty()) {
        r.error = failed;
        return r;
    }
    const QByteArray body = responseBytes(last);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject o = doc.object();
    if (last.statusCode != 200) {
        if (doc.isObject() && o.value(u"error"_s).isString()) {
            r.error = OAuthErrors::tokenError(o.value(u"error"_s).toString(),
                                              o.value(u"error_description"_s).toString(),
                                              o.value(u"error_uri"_s).toString());
        } else if (last.isRedirect()) {
            r.error = tr("the token endpoint answered %1 with a redirect to %2; token requests are not "
                         "followed (they carry secrets): check the token URL")
                          .arg(last.statusCode)
                          .arg(QString::fromUtf8(Headers::value(last.responseHeaders, "Location").left(200)));
        } else {
            r.error = tr("the token endpoint answered %1 %2 without an OAuth error object; check the token URL")
                          .arg(last.statusCode)
                          .arg(QString::fromLatin1(last.reasonPhrase));
        }
        return r;
    }
    if (!doc.isObject()) {
        r.error = tr("the token endpoint answered 200 but the body is not a JSON object (it starts with \"%1\"); "
                     "check the token URL")
                      .arg(snippet(body));
        return r;
    }
    if (!o.value(u"access_token"_s).isString() || o.value(u"access_token"_s).toString().isEmpty()) {
        r.error = tr("the token endpoint answered 200 without an access_token (RFC 6749 §5.1)");
        return r;
    }
    OAuthTokens t;
    t.accessToken = o.value(u"access_token"_s).toString();
    t.tokenType = o.value(u"token_type"_s).toString();
    t.refreshToken = o.value(u"refresh_token"_s).toString(previous.refreshToken);
    t.idToken = o.value(u"id_token"_s).toString(previous.idToken);
    t.scope = o.value(u"scope"_s).toString(previous.scope);
    t.obtainedAt = QDateTime::currentDateTimeUtc();
    const QJsonValue expires = o.value(u"expires_in"_s);
    const qint64 secs = expires.isDouble() ? qint64(expires.toDouble()) : expires.toString().toLongLong();
    if (secs > 0)
        t.expiresAt = t.obtainedAt.addSecs(secs);
    t.exchangeId = last.id;
    if (!t.tokenType.isEmpty() && t.tokenType.compare(u"bearer"_s, Qt::CaseInsensitive) != 0)
        qCInfo(lcOAuth) << "token_type is" << t.tokenType << "- sent as Bearer";
    r.ok = true;
    r.tokens = t;
    return r;
}

void OAuthClient::clientCredentials(const OAuthConfig &config, Callback done)
{
    if (config.tokenUrl.isEmpty()) {
        done({false, {}, tr("no token endpoint: give --issuer or --token-url"), 0});
        return;
    }
    if (m_clientSecret.isEmpty())
        qCInfo(lcOAuth) << "client credentials without a client secret";
    QList<QPair<QByteArray, QByteArray>> form = {{"grant_type", "client_credentials"}};
    if (!config.scopes.isEmpty())
        form.append({"scope", config.scopes.toUtf8()});
    if (!config.audience.isEmpty())
        form.append({"audience", config.audience.toUtf8()});
    postForm(config, config.tokenUrl, form, tr("OAuth: token request (client_credentials)"),
             [this, done](const Exchange &last) { done(tokenResult(last)); });
}

void OAuthClient::refresh(const OAuthConfig &config, const QString &refreshToken, Callback done)
{
    if (config.tokenUrl.isEmpty()) {
        done({false, {}, tr("no token endpoint: give --issuer or --token-url"), 0});
        return;
    }
    if (refreshToken.isEmpty()) {
        done({false, {}, tr("there is no refresh token for \"%1\"; get a new token (peephole-cli oauth token)")
                             .arg(config.name), 0});
        return;
    }
    QList<QPair<QByteArray, QByteArray>> form = {{"grant_type", "refresh_token"},
                                                  {"refresh_token", refreshToken.toUtf8()}};
    OAuthTokens previous;
    previous.refreshToken = refreshToken;
    postForm(config, config.tokenUrl, form, tr("OAuth: token request (refresh_token)"),
             [this, done, previous](const Exchange &last) {
                 Result r = tokenResult(last, previous);
                 if (!r.ok)
                     r.error = tr("The refresh failed: %1").arg(r.error);
                 done(r);
             });
}

void OAuthClient::obtain(const OAuthConfig &config, const QString &refreshToken, Callback done)
{
    switch (config.grant) {
    case OAuthConfig::Grant::AuthorizationCode:
        authorizationCode(config, std::move(done));
        return;
    case OAuthConfig::Grant::ClientCredentials:
        clientCredentials(config, std::move(done));
        return;
    case OAuthConfig::Grant::DeviceCode:
        deviceCode(config, std::move(done));
        return;
    case OAuthConfig::Grant::RefreshToken:
        refresh(config, refreshToken, std::move(done));
        return;
    }
}

void OAuthClient::deviceCode(const OAuthConfig &config, Callback done)
{
    if (config.deviceAuthorizationUrl.isEmpty() || config.tokenUrl.isEmpty()) {
        done({false, {},
              tr("no device authorization endpoint: give an --issuer whose discovery lists one, or "
                 "--device-url and --token-url"),
              0});
        return;
    }
    QList<QPair<QByteArray, QByteArray>> form;
    if (!config.scopes.isEmpty())
        form.append({"scope", config.scopes.toUtf8()});
    if (!config.audience.isEmpty())
        form.append({"audience", config.audience.toUtf8()});
    postForm(config, config.deviceAuthorizationUrl, form, tr("OAuth: device authorization request"),
             [this, config, done](const Exchange &last) {
                 const QString failed = failureOf(last, tr("the device authorization request"));
                 const QJsonObject o = QJsonDocument::fromJson(responseBytes(last)).object();
                 if (!failed.isEmpty()) {
                     done({false, {}, failed, last.id});
                     return;
                 }
                 if (last.statusCode != 200 && o.value(u"error"_s).isString()) {
                     done({false, {},
                           OAuthErrors::tokenError(o.value(u"error"_s).toString(),
                                                   o.value(u"error_description"_s).toString(),
                                                   o.value(u"error_uri"_s).toString()),
                           last.id});
                     return;
                 }
                 const QString deviceCode = o.value(u"device_code"_s).toString();
                 const QString userCode = o.value(u"user_code"_s).toString();
                 const QUrl uri(o.value(u"verification_uri"_s).toString(o.value(u"verification_url"_s).toString()));
                 if (last.statusCode != 200 || deviceCode.isEmpty() || userCode.isEmpty() || !uri.isValid() ||
                     uri.isEmpty()) {
                     done({false, {},
                           tr("the device authorization endpoint answered %1 without device_code, user_code and "
                              "verification_uri (RFC 8628 §3.2)")
                               .arg(last.statusCode),
                           last.id});
                     return;
                 }
                 const int expiresIn = qBound(1, o.value(u"expires_in"_s).toInt(600), 24 * 3600);
                 const int interval = qBound(1, o.value(u"interval"_s).toInt(5), 600);
                 Q_EMIT deviceCodeReady(userCode.left(100), uri,
                                        QUrl(o.value(u"verification_uri_complete"_s).toString()), expiresIn);
                 const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(expiresIn) * 1000;
                 pollDevice(config, deviceCode.toUtf8(), interval, deadline, done);
             });
}

void OAuthClient::pollDevice(const OAuthConfig &config, const QByteArray &deviceCode, int intervalSecs,
                             qint64 deadlineMs, Callback done)
{
    // RFC 8628 §3.5: at least the interval between polls; a coarse timer may fire 5 % early.
    QTimer::singleShot(std::chrono::seconds(intervalSecs), Qt::PreciseTimer, this, [=, this] {
        if (QDateTime::currentMSecsSinceEpoch() > deadlineMs) {
            done({false, {}, tr("The device code expired before the user finished signing in; start again."), 0});
            return;
        }
        QList<QPair<QByteArray, QByteArray>> form = {{"grant_type", "urn:ietf:params:oauth:grant-type:device_code"},
                                                      {"device_code", deviceCode}};
        postForm(config, config.tokenUrl, form, tr("OAuth: token request (device_code poll)"),
                 [=, this](const Exchange &last) {
                     const QJsonObject o = QJsonDocument::fromJson(responseBytes(last)).object();
                     const QString error = o.value(u"error"_s).toString();
                     if (last.statusCode == 400 && error == u"authorization_pending"_s) {
                         pollDevice(config, deviceCode, intervalSecs, deadlineMs, done);
                         return;
                     }
                     if (last.statusCode == 400 && error == u"slow_down"_s) {
                         // RFC 8628 §3.5: this and every later poll 5 s further apart.
                         const int slower = intervalSecs + 5;
                         Q_EMIT progress(tr("the server asked to slow down (slow_down): polling every %1 s now")
                                             .arg(slower));
                         pollDevice(config, deviceCode, slower, deadlineMs, done);
                         return;
                     }
                     done(tokenResult(last));
                 });
    });
}

} // namespace Peephole
