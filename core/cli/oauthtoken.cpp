// peephole-cli oauth token and oauth decode.
#include "cli/oauthcommand.h"
#include "cli/oauthcommand_p.h"

#include "cli/exitcodes.h"
#include "oauth/jwt.h"
#include "oauth/oauthclient.h"
#include "oauth/oauthconfig.h"
#include "oauth/oauthtokens.h"
#include "workspace/workspace.h"
#include "redact/redact.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

using namespace OAuthCli;

namespace {
bool readSecretFile(const QString &path, QString *secret, QString *error)
{
    QFile f;
    const bool ok = path == u"-"_s ? f.open(stdin, QIODevice::ReadOnly)
                                   : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!ok) {
        *error = tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    *secret = QString::fromUtf8(f.read(64 * 1024)).trimmed();
    return true;
}

bool parseUrl(const QString &text, const QString &option, QUrl *url, QString *error)
{
    if (text.isEmpty())
        return true;
    const QUrl u(text);
    if (!u.isValid() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s) || u.host().isEmpty()) {
        *error = tr("%1 \"%2\" is not an http(s) URL").arg(option, text);
        return false;
    }
    *url = u;
    return true;
}
} // namespace

int OAuthCommand::token(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Get an OAuth 2 token and keep it in the OS keychain."));
    const QCommandLineOption name{u"name"_s, tr("Name of the configuration (kept for send --oauth NAME)."), u"NAME"_s};
    const QCommandLineOption issuer{u"issuer"_s, tr("OpenID Connect issuer; discovery finds the endpoints."), u"URL"_s};
    const QCommandLineOption authUrl{u"auth-url"_s, tr("Authorization endpoint."), u"URL"_s};
    const QCommandLineOption tokenUrl{u"token-url"_s, tr("Token endpoint."), u"URL"_s};
    const QCommandLineOption deviceUrl{u"device-url"_s, tr("Device authorization endpoint (RFC 8628)."), u"URL"_s};
    const QCommandLineOption jwksUrl{u"jwks-url"_s, tr("JWKS document for signature checks."), u"URL"_s};
    const QCommandLineOption clientId{u"client-id"_s, tr("Client id."), u"ID"_s};
    const QCommandLineOption clientSecretFile{
        u"client-secret-file"_s, tr("Read the client secret from FILE (\"-\": standard input); it is kept in the "
                                    "keychain."),
        u"FILE"_s};
    const QCommandLineOption clientSecret{
        u"client-secret"_s, tr("Client secret (visible to other users in the process list; prefer "
                               "--client-secret-file -)."),
        u"SECRET"_s};
    const QCommandLineOption clientAuth{u"client-auth"_s, tr("basic (default), body, none or private_key_jwt."),
                                        u"HOW"_s};
    const QCommandLineOption privateKey{u"private-key"_s,
                                        tr("PEM key (RSA or EC P-256) for --client-auth private_key_jwt."), u"FILE"_s};
    const QCommandLineOption keyId{u"key-id"_s, tr("\"kid\" of the private key."), u"KID"_s};
    const QCommandLineOption grant{u"grant"_s, tr("code (default), client_credentials, device or refresh."),
                                   u"GRANT"_s};
    const QCommandLineOption scope{u"scope"_s, tr("Space-separated scopes."), u"SCOPES"_s};
    const QCommandLineOption audience{u"audience"_s, tr("Audience / resource to ask for."), u"AUD"_s};
    const QCommandLineOption user{u"user"_s, tr("Whose tokens these are (part of the keychain key)."), u"USER"_s};
    const QCommandLineOption redirectPath{u"redirect-path"_s,
                                          tr("Path of the loopback redirect (default /callback)."), u"PATH"_s};
    const QCommandLineOption noBrowser{u"no-browser"_s, tr("Print the authorization URL only; do not run xdg-open.")};
    const QCommandLineOption timeout{u"timeout"_s, tr("Give up on each request after S seconds (default 30)."),
                                     u"S"_s};
    const QCommandLineOption loginTimeout{
        u"login-timeout"_s, tr("Wait at most S seconds for the browser to come back (default 300)."), u"S"_s};
    const QCommandLineOption showSecrets{u"show-secrets"_s, tr("Print the tokens unmasked.")};
    const QCommandLineOption verbose{{u"v"_s, u"verbose"_s}, tr("Print the heads of every exchange.")};
    const QCommandLineOption help{{u"h"_s, u"help"_s}, tr("Show this help.")};
    p.addOptions({name, issuer, authUrl, tokenUrl, deviceUrl, jwksUrl, clientId, clientSecretFile, clientSecret,
                  clientAuth, privateKey, keyId, grant, scope, audience, user, redirectPath, noBrowser, timeout, loginTimeout,
                  showSecrets, verbose, help});
    if (!p.parse(QStringList{u"peephole-cli oauth token"_s} + args)) {
        printError(p.errorText());
        return Usage;
    }
    if (p.isSet(help)) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Success;
    }
    if (!p.positionalArguments().isEmpty()) {
        printError(tr("unexpected argument \"%1\"").arg(p.positionalArguments().first()));
        return Usage;
    }

    // Start from the stored configuration of that name, then apply what was given.
    OAuthConfigStore store;
    QString error;
    if (!store.load(&error)) {
        printError(error);
        return InputFile;
    }
    OAuthConfig config;
    const QString configName = p.isSet(name) ? p.value(name) : u"default"_s;
    const bool known = store.find(configName, &config);
    config.name = configName;
    if ((p.isSet(issuer) && !parseUrl(p.value(issuer), u"--issuer"_s, &config.issuer, &error)) ||
        (p.isSet(authUrl) && !parseUrl(p.value(authUrl), u"--auth-url"_s, &config.authorizationUrl, &error)) ||
        (p.isSet(tokenUrl) && !parseUrl(p.value(tokenUrl), u"--token-url"_s, &config.tokenUrl, &error)) ||
        (p.isSet(deviceUrl) && !parseUrl(p.value(deviceUrl), u"--device-url"_s, &config.deviceAuthorizationUrl, &error)) ||
        (p.isSet(jwksUrl) && !parseUrl(p.value(jwksUrl), u"--jwks-url"_s, &config.jwksUrl, &error))) {
        printError(error);
        return Usage;
    }
    if (p.isSet(issuer) && !known) {
        // Endpoints come from discovery unless given.
    }
    if (p.isSet(clientId))
        config.clientId = p.value(clientId);
    if (p.isSet(grant) && !OAuthConfig::grantFromName(p.value(grant), &config.grant)) {
        printError(tr("unknown --grant \"%1\": use code, client_credentials, device or refresh").arg(p.value(grant)));
        return Usage;
    }
    if (p.isSet(clientAuth) && !OAuthConfig::clientAuthFromName(p.value(clientAuth), &config.clientAuth)) {
        printError(tr("unknown --client-auth \"%1\": use basic, body, none or private_key_jwt").arg(p.value(clientAuth)));
        return Usage;
    }
    if (p.isSet(privateKey))
        config.privateKeyFile = QFileInfo(p.value(privateKey)).absoluteFilePath();
    if (p.isSet(keyId))
        config.keyId = p.value(keyId);
    if (p.isSet(scope))
        config.scopes = p.value(scope);
    if (p.isSet(audience))
        config.audience = p.value(audience);
    if (p.isSet(user))
        config.user = p.value(user);
    if (p.isSet(redirectPath))
        config.redirectPath = p.value(redirectPath);
    if (config.clientId.isEmpty()) {
        printError(tr("--client-id is missing"));
        return Usage;
    }
    if (config.issuer.isEmpty() && config.tokenUrl.isEmpty()) {
        printError(tr("give --issuer URL (OpenID Connect discovery) or --token-url URL"));
        return Usage;
    }
    QString secret;
    if (p.isSet(clientSecretFile) && !readSecretFile(p.value(clientSecretFile), &secret, &error)) {
        printError(tr("the client secret: %1").arg(error));
        return InputFile;
    }
    if (p.isSet(clientSecret))
        secret = p.value(clientSecret);
    const bool showSecret = p.isSet(showSecrets);
    const bool beVerbose = p.isSet(verbose);

    OAuthTokenStore tokens(m_workspace->credentials());
    OAuthClient client(m_workspace->session());
    client.setNoteSuffix(tr(" — configuration \"%1\"").arg(config.name));
    if (p.isSet(timeout))
        client.setTimeoutMs(int(p.value(timeout).toDouble() * 1000));
    if (p.isSet(loginTimeout))
        client.setLoginTimeoutMs(int(p.value(loginTimeout).toDouble() * 1000));

    // The secret given now replaces the stored one; else the stored one is used.
    if (!secret.isEmpty()) {
        config.hasClientSecret = true;
        waitFor([&](auto quit) {
            tokens.storeClientSecret(config, secret, [&, quit](bool ok, const QString &err) {
                if (!ok)
                    printError(tr("the client secret is kept for this run only: %1").arg(err));
                quit();
            });
        });
    } else if (config.hasClientSecret) {
        waitFor([&](auto quit) {
            tokens.readClientSecret(config, [&, quit](bool ok, const QString &s, const QString &) {
                if (ok)
                    secret = s;
                quit();
            });
        });
    }
    client.setClientSecret(secret);

    OAuthTokens previous;
    waitFor([&](auto quit) {
        tokens.readTokens(config, [&, quit](bool ok, const OAuthTokens &t, const QString &) {
            if (ok)
                previous = t;
            quit();
        });
    });

    connect(&client, &OAuthClient::openBrowser, this, [&](const QUrl &url) {
        std::fprintf(stderr, "%s\n%s\n", qPrintable(tr("Open this address in a browser and sign in:")),
                     url.toString(QUrl::FullyEncoded).toUtf8().constData());
        std::fflush(stderr);
        if (!p.isSet(noBrowser) && !QProcess::startDetached(u"xdg-open"_s, {url.toString(QUrl::FullyEncoded)}))
            printError(tr("could not start xdg-open; open the address yourself"));
    });
    connect(&client, &OAuthClient::deviceCodeReady, this,
            [](const QString &userCode, const QUrl &uri, const QUrl &complete, int expiresIn) {
                std::fprintf(stderr, "%s\n",
                             Redact::escapeControls(tr("To sign in, open %1 and enter the code %2 (valid %3 min).")
                                                        .arg(uri.toString(QUrl::FullyEncoded), userCode)
                                                        .arg((expiresIn + 59) / 60)
                                                        .toUtf8())
                                 .constData());
                if (complete.isValid() && !complete.isEmpty())
                    std::fprintf(stderr, "%s\n",
                                 qPrintable(tr("Or open %1").arg(complete.toString(QUrl::FullyEncoded))));
                std::fprintf(stderr, "%s\n", qPrintable(tr("Waiting for the sign-in…")));
                std::fflush(stderr);
            });
    connect(&client, &OAuthClient::progress, this, [](const QString &message) {
        printError(message);
        std::fflush(stderr);
    });

    bool discovered = true;
    waitFor([&](auto quit) {
        client.discover(&config, [&, quit](bool ok, const QString &err) {
            if (!ok) {
                discovered = false;
                printError(err);
            }
            quit();
        });
    });
    if (!discovered) {
        printExchanges(beVerbose, showSecret);
        return AuthFailed;
    }
    OAuthClient::Result result;
    waitFor([&](auto quit) {
        client.obtain(config, previous.refreshToken, [&, quit](const OAuthClient::Result &r) {
            result = r;
            quit();
        });
    });
    printExchanges(beVerbose, showSecret);
    // The configuration is kept (no secrets in it) so a fix of one option can be retried.
    store.put(config);
    if (!store.save(&error))
        printError(error);
    if (!result.ok) {
        printError(result.error);
        settle();
        return AuthFailed;
    }
    int code = Success;
    waitFor([&](auto quit) {
        tokens.storeTokens(config, result.tokens, [&, quit](bool ok, const QString &err) {
            if (!ok) {
                printError(tr("the token could not be stored in the keychain: %1").arg(err));
                code = Transport;
            }
            quit();
        });
    });
    printTokens(config, result.tokens, showSecret);
    settle();
    return code;
}

int OAuthCommand::decode(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption name{u"name"_s, tr("Decode the stored tokens of configuration NAME."), u"NAME"_s};
    const QCommandLineOption verify{u"verify"_s, tr("Check the signature against the issuer's JWKS.")};
    const QCommandLineOption issuer{u"issuer"_s, tr("Issuer whose JWKS checks the signature."), u"URL"_s};
    const QCommandLineOption jwksUrl{u"jwks-url"_s, tr("JWKS that checks the signature."), u"URL"_s};
    const QCommandLineOption timeout{u"timeout"_s, tr("Give up on each request after S seconds."), u"S"_s};
    p.addOptions({name, verify, issuer, jwksUrl, timeout});
    if (!p.parse(QStringList{u"peephole-cli oauth decode"_s} + args)) {
        printError(p.errorText());
        return Usage;
    }
    OAuthConfig config;
    QStringList tokensToDecode;
    if (p.isSet(name)) {
        OAuthConfigStore store;
        QString error;
        if (!store.load(&error) || !store.find(p.value(name), &config)) {
            printError(error.isEmpty() ? tr("there is no OAuth configuration named \"%1\"").arg(p.value(name)) : error);
            return Usage;
        }
        OAuthTokenStore tokens(m_workspace->credentials());
        waitFor([&](auto quit) {
            tokens.readTokens(config, [&, quit](bool ok, const OAuthTokens &t, const QString &) {
                if (ok) {
                    tokensToDecode << t.accessToken;
                    if (!t.idToken.isEmpty())
                        tokensToDecode << t.idToken;
                }
                quit();
            });
        });
        if (tokensToDecode.isEmpty()) {
            printError(tr("there is no token for \"%1\" in the keychain").arg(config.name));
            return Usage;
        }
    } else if (p.positionalArguments().size() == 1) {
        QString text = p.positionalArguments().first();
        QString error;
        if (text == u"-"_s && !readSecretFile(text, &text, &error)) {
            printError(error);
            return InputFile;
        }
        tokensToDecode << text;
    } else {
        std::fputs(qPrintable(usage()), stderr);
        return Usage;
    }
    if (p.isSet(issuer))
        config.issuer = QUrl(p.value(issuer));
    if (p.isSet(jwksUrl))
        config.jwksUrl = QUrl(p.value(jwksUrl));
    const bool check = p.isSet(verify) || p.isSet(issuer) || p.isSet(jwksUrl);

    QJsonObject jwks;
    bool haveJwks = false;
    OAuthClient client(m_workspace->session());
    if (p.isSet(timeout))
        client.setTimeoutMs(int(p.value(timeout).toDouble() * 1000));
    if (check) {
        QString error;
        waitFor([&](auto quit) {
            client.discover(&config, [&, quit](bool ok, const QString &err) {
                if (!ok)
                    error = err;
                quit();
            });
        });
        if (error.isEmpty() && config.jwksUrl.isEmpty())
            error = tr("no JWKS to check the signature with: give --issuer or --jwks-url");
        if (error.isEmpty()) {
            waitFor([&](auto quit) {
                client.fetchJwks(config.jwksUrl, [&, quit](bool ok, const QJsonObject &doc, const QString &err) {
                    haveJwks = ok;
                    jwks = doc;
                    error = err;
                    quit();
                });
            });
        }
        if (!haveJwks) {
            printError(error);
            return AuthFailed;
        }
    }
    int code = Success;
    for (const QString &t : std::as_const(tokensToDecode)) {
        const Jwt jwt = Jwt::decode(t);
        if (!jwt.ok) {
            printError(jwt.error);
            code = tokensToDecode.size() > 1 && t == tokensToDecode.first() ? code : InputFile;
            continue;
        }
        for (const QString &line : jwt.describe())
            std::printf("%s\n", Redact::escapeControls(line.toUtf8()).constData());
        if (check) {
            QString message;
            const bool valid = jwt.verify(jwks, &message);
            std::printf("%s\n", qPrintable(tr("Signature: %1").arg(message)));
            if (!valid)
                code = AuthFailed;
        }
        std::printf("\n");
    }
    return code;
}

} // namespace Peephole::Cli
