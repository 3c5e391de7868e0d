#include "cli/runoauth.h"

#include "collection/collection.h"
#include "http/exchangelog.h"
#include "http/httpsession.h"
#include "oauth/oauthauthorizer.h"
#include "redact/redact.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Peephole::Cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Cli", text);
}

QStringList namesIn(const CollectionRequest &r)
{
    const RequestSpec &s = r.request;
    QStringList texts{s.urlTemplate, s.url.toString(), s.auth.token, s.auth.password};
    for (const HeaderField &h : s.headers)
        texts << QString::fromUtf8(h.value);
    if (s.body.kind == RequestBody::Kind::Raw)
        texts << QString::fromUtf8(s.body.raw);
    QStringList names;
    for (const QString &t : std::as_const(texts))
        for (const QString &n : Variables::oauthReferences(t))
            if (!names.contains(n))
                names << n;
    return names;
}
} // namespace

void prepareOAuthTokens(HttpSession *session, CredentialStore *keychain, const Collection &collection,
                        const QList<RequestRef> &selection, VariableScope *overrides)
{
    QStringList names;
    for (const RequestRef &ref : selection) {
        if (const CollectionRequest *r = collection.request(ref))
            for (const QString &n : namesIn(*r))
                if (!names.contains(n))
                    names << n;
    }
    for (const QString &name : std::as_const(names)) {
        OAuthAuthorizer oauth(session, keychain);
        QEventLoop loop;
        bool done = false;
        bool ready = false;
        QString why;
        oauth.prepare(name, [&](bool ok, const QString &error) {
            done = true;
            ready = ok;
            why = error;
            loop.quit();
        });
        if (!done)
            loop.exec();
        if (const quint64 id = oauth.tokenExchangeId()) {
            if (const Exchange *e = session->log()->find(id))
                std::fprintf(stderr, "* #%llu %s %s → %d\n", static_cast<unsigned long long>(id), e->method.constData(),
                             qPrintable(Redact::url(e->url, u"****").toString()), e->statusCode);
        }
        if (!ready) {
            std::fprintf(stderr, "peephole-cli: %s\n",
                         Redact::escapeControls(tr("OAuth configuration \"%1\": %2").arg(name, why).toUtf8(), true)
                             .constData());
            continue;
        }
        overrides->insert(Variables::oauthVariable(name, false), oauth.tokens().accessToken);
        if (!oauth.tokens().idToken.isEmpty())
            overrides->insert(Variables::oauthVariable(name, true), oauth.tokens().idToken);
    }
}

} // namespace Peephole::Cli
