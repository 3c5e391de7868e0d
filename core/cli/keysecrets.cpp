#include "cli/keysecrets.h"

#include "auth/authoffers.h"
#include "auth/sigv4.h"
#include "cli/exitcodes.h"
#include "cli/terminalprompt.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}
} // namespace

StoredAccount KeySecrets::accountFor(const RequestSpec &spec)
{
    StoredAccount account;
    const AuthSettings &a = spec.auth;
    account.origin = AuthOffers::originOf(spec.url);
    if (a.scheme == AuthSettings::Scheme::AwsSigV4) {
        SigV4Params p;
        QString error;
        SigV4::parseProviders(a.awsSigV4.isEmpty() ? u"aws:amz"_s : a.awsSigV4, spec.url.host(), &p, &error);
        account.scheme = u"AWS4-HMAC-SHA256"_s;
        account.realm = p.region + u'/' + p.service;
        account.user = a.user;
    } else if (a.scheme == AuthSettings::Scheme::ApiKey) {
        account.scheme = u"ApiKey"_s;
        account.realm = (a.apiKeyIn == AuthSettings::ApiKeyIn::Query ? u"query "_s : u"header "_s) + a.apiKeyName;
    }
    return account;
}

int KeySecrets::resolve(CredentialStore *store, RequestSpec *spec, bool missing, QString *error)
{
    AuthSettings &a = spec->auth;
    const StoredAccount account = accountFor(*spec);
    if (account.scheme.isEmpty() || !missing)
        return Success;
    QString *secret = a.scheme == AuthSettings::Scheme::AwsSigV4 ? &a.password : &a.apiKey;
    if (store) {
        QEventLoop loop;
        CredentialStoreResult found;
        bool done = false;
        store->read(account, [&](const CredentialStoreResult &r) {
            found = r;
            done = true;
            loop.quit();
        });
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        if (!done)
            loop.exec();
        if (found.ok && !found.secret.isEmpty()) {
            *secret = found.secret;
            m_fromKeychain = true;
            return Success;
        }
    }
    const QString prompt = a.scheme == AuthSettings::Scheme::AwsSigV4
                               ? tr("AWS secret key for %1 (%2): ").arg(a.user, account.realm)
                               : tr("API key for %1 (%2): ").arg(account.origin, a.apiKeyName);
    if (promptSecret(prompt, secret) && !secret->isEmpty())
        return Success;
    *error = a.scheme == AuthSettings::Scheme::AwsSigV4
                 ? tr("--user %1 has no secret key, the keychain holds none for %2 (%3) and there is no "
                      "terminal to ask on; use --user %1:SECRET (add --save-credentials to store it)")
                       .arg(a.user, account.origin, account.realm)
                 : tr("--auth apikey has no --api-key, the keychain holds none for %1 (%2) and there is no "
                      "terminal to ask on; use --api-key KEY (add --save-credentials to store it)")
                       .arg(account.origin, account.realm);
    return AuthFailed;
}

QString KeySecrets::saveIfAccepted(CredentialStore *store, const RequestSpec &spec, int status)
{
    const StoredAccount account = accountFor(spec);
    if (account.scheme.isEmpty() || !spec.auth.saveToKeychain || m_fromKeychain || !store)
        return {};
    if (status < 200 || status >= 400 || status == 401 || status == 403)
        return tr("Not saving the credentials in the keychain: %1 answered %2.").arg(account.origin).arg(status);
    const QString &secret =
        spec.auth.scheme == AuthSettings::Scheme::AwsSigV4 ? spec.auth.password : spec.auth.apiKey;
    store->store(account, secret);
    return tr("Saving the %1 credentials for %2 (%3) in the keychain.")
        .arg(account.scheme, account.origin, account.realm);
}

} // namespace Peephole::Cli
