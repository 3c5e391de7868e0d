#include "oauth/oauthdialog.h"

#include "auth/credentialstore.h"
#include "oauth/jwt.h"
#include "oauth/oauthclient.h"
#include "workspace/workspace.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOAuthUi, "peephole.ui.oauth", QtWarningMsg)

namespace Peephole {

namespace {
QUrl urlOf(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? QUrl() : QUrl(text);
}
} // namespace

OAuthDialog::OAuthDialog(Workspace *workspace, QWidget *parent, const QString &configFile)
    : QDialog(parent), m_workspace(workspace), m_configFile(configFile), m_store(workspace->credentials()),
      m_list(new QListWidget(this)), m_name(new QLineEdit(this)), m_grant(new QComboBox(this)),
      m_issuer(new QLineEdit(this)), m_authUrl(new QLineEdit(this)), m_tokenUrl(new QLineEdit(this)),
      m_deviceUrl(new QLineEdit(this)), m_clientId(new QLineEdit(this)), m_clientSecret(new QLineEdit(this)),
      m_clientAuth(new QComboBox(this)), m_scopes(new QLineEdit(this)), m_audience(new QLineEdit(this)),
      m_state(new QLabel(this)), m_get(new QPushButton(tr("Get Token"), this)),
      m_refresh(new QPushButton(tr("Refresh Now"), this)), m_forget(new QPushButton(tr("Forget"), this))
{
    setWindowTitle(tr("OAuth 2 Tokens"));
    setObjectName(u"oauthDialog"_s);
    m_grant->addItem(tr("Authorization code + PKCE (browser)"), u"code"_s);
    m_grant->addItem(tr("Client credentials"), u"client_credentials"_s);
    m_grant->addItem(tr("Device code"), u"device"_s);
    m_clientAuth->addItem(tr("Secret in an Authorization header (Basic)"), u"basic"_s);
    m_clientAuth->addItem(tr("Secret in the request body"), u"body"_s);
    m_clientAuth->addItem(tr("None (public client)"), u"none"_s);
    m_clientAuth->addItem(tr("Signed assertion (private_key_jwt, key file from the command line)"),
                          u"private_key_jwt"_s);
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setPlaceholderText(tr("Kept in the OS keychain; leave empty to keep the stored one"));
    m_issuer->setPlaceholderText(tr("https://id.example.com (discovery fills the endpoints)"));
    m_scopes->setPlaceholderText(tr("openid offline_access api:read"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setObjectName(u"oauthState"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Grant:"), m_grant);
    form->addRow(tr("Issuer:"), m_issuer);
    form->addRow(tr("Authorization URL:"), m_authUrl);
    form->addRow(tr("Token URL:"), m_tokenUrl);
    form->addRow(tr("Device URL:"), m_deviceUrl);
    form->addRow(tr("Client ID:"), m_clientId);
    form->addRow(tr("Client secret:"), m_clientSecret);
    form->addRow(tr("Client authentication:"), m_clientAuth);
    form->addRow(tr("Scopes:"), m_scopes);
    form->addRow(tr("Audience:"), m_audience);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_forget);
    actions->addStretch();
    actions->addWidget(m_refresh);
    actions->addWidget(m_get);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_state);
    right->addStretch();
    right->addLayout(actions);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    right->addWidget(close);
    auto *layout = new QHBoxLayout(this);
    m_list->setMaximumWidth(180);
    layout->addWidget(m_list);
    layout->addLayout(right, 1);
    m_get->setDefault(true);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_get, &QPushButton::clicked, this, [this] { getToken(false); });
    connect(m_refresh, &QPushButton::clicked, this, [this] { getToken(true); });
    connect(m_forget, &QPushButton::clicked, this, &OAuthDialog::forget);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty())
            select(name);
    });
    reloadList();
}

OAuthDialog::~OAuthDialog() = default;

void OAuthDialog::reloadList()
{
    OAuthConfigStore store(m_configFile);
    QString error;
    if (!store.load(&error))
        setState(error, true);
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const OAuthConfig &c : store.configs())
        m_list->addItem(c.name);
}

void OAuthDialog::select(const QString &name)
{
    OAuthConfigStore store(m_configFile);
    QString error;
    OAuthConfig config;
    if (store.load(&error) && store.find(name, &config)) {
        fillFields(config);
        showTokens(config);
    } else {
        config.name = name;
        fillFields(config);
        setState(tr("New configuration: fill in the issuer (or the endpoints) and the client, then Get Token."));
    }
}

void OAuthDialog::fillFields(const OAuthConfig &c)
{
    m_name->setText(c.name);
    m_grant->setCurrentIndex(qMax(0, m_grant->findData(OAuthConfig::grantName(c.grant))));
    m_issuer->setText(c.issuer.toString());
    m_authUrl->setText(c.authorizationUrl.toString());
    m_tokenUrl->setText(c.tokenUrl.toString());
    m_deviceUrl->setText(c.deviceAuthorizationUrl.toString());
    m_clientId->setText(c.clientId);
    m_clientSecret->clear();
    m_clientSecret->setPlaceholderText(c.hasClientSecret ? tr("(stored in the keychain)")
                                                         : tr("Kept in the OS keychain"));
    m_clientAuth->setCurrentIndex(qMax(0, m_clientAuth->findData(OAuthConfig::clientAuthName(c.clientAuth))));
    m_scopes->setText(c.scopes);
    m_audience->setText(c.audience);
}

OAuthConfig OAuthDialog::configFromFields(QString *error) const
{
    OAuthConfigStore store(m_configFile);
    OAuthConfig c;
    QString ignored;
    if (store.load(&ignored))
        store.find(m_name->text().trimmed(), &c); // keeps what the fields do not show
    c.name = m_name->text().trimmed();
    OAuthConfig::grantFromName(m_grant->currentData().toString(), &c.grant);
    c.issuer = urlOf(m_issuer);
    c.authorizationUrl = urlOf(m_authUrl);
    c.tokenUrl = urlOf(m_tokenUrl);
    c.deviceAuthorizationUrl = urlOf(m_deviceUrl);
    c.clientId = m_clientId->text().trimmed();
    OAuthConfig::clientAuthFromName(m_clientAuth->currentData().toString(), &c.clientAuth);
    c.scopes = m_scopes->text().simplified();
    c.audience = m_audience->text().trimmed();
    if (c.name.isEmpty())
        *error = tr("Give the configuration a name (requests refer to it as {{$oauth2 NAME}}).");
    else if (c.clientId.isEmpty())
        *error = tr("The client ID is missing.");
    else if (c.issuer.isEmpty() && c.tokenUrl.isEmpty())
        *error = tr("Give the issuer (OpenID Connect discovery) or the token URL.");
    for (const QUrl &u : {c.issuer, c.authorizationUrl, c.tokenUrl, c.deviceAuthorizationUrl})
        if (!u.isEmpty() && (!u.isValid() || (u.scheme() != u"http"_s && u.scheme() != u"https"_s)))
            *error = tr("\"%1\" is not an http(s) URL.").arg(u.toString());
    return c;
}

void OAuthDialog::setState(const QString &text, bool error)
{
    m_state->setText(text);
    m_state->setStyleSheet(error ? u"color: #b3261e;"_s : QString());
    Q_EMIT stateChanged(text);
}

void OAuthDialog::setBusy(bool busy)
{
    m_get->setEnabled(!busy);
    m_refresh->setEnabled(!busy);
    m_forget->setEnabled(!busy);
}

void OAuthDialog::showTokens(const OAuthConfig &config)
{
    m_store.readTokens(config, [this, config](bool ok, const OAuthTokens &t, const QString &error) {
        if (!ok) {
            setState(error.isEmpty() ? tr("No token yet for \"%1\".").arg(config.name) : error, !error.isEmpty());
            return;
        }
        const QDateTime now = QDateTime::currentDateTime();
        QString when = tr("valid until unknown (no expires_in)");
        if (t.expiresAt.isValid()) {
            const QDateTime local = t.expiresAt.toLocalTime();
            when = (local > now ? tr("valid until %1 (expires %2)") : tr("expired at %1 (%2)"))
                       .arg(QLocale().toString(local, QLocale::ShortFormat), Jwt::relative(local, now));
        }
        QString text = tr("Token of \"%1\": %2").arg(config.name, when);
        if (!t.scope.isEmpty())
            text += u"\n"_s + tr("Scopes: %1").arg(t.scope);
        text += u"\n"_s + (t.refreshToken.isEmpty() ? tr("No refresh token.") : tr("Refresh token in the keychain."));
        const Jwt id = Jwt::decode(t.idToken);
        if (id.ok && id.payload.contains(u"sub"_s))
            text += u"\n"_s + tr("Signed in as %1").arg(id.payload.value(u"sub"_s).toString());
        setState(text);
    });
}

void OAuthDialog::getToken(bool refreshOnly)
{
    QString error;
    OAuthConfig config = configFromFields(&error);
    if (!error.isEmpty()) {
        setState(error, true);
        return;
    }
    if (refreshOnly)
        config.grant = OAuthConfig::Grant::RefreshToken;
    setBusy(true);
    delete m_client;
    m_client = new OAuthClient(m_workspace->session(), this);
    m_client->setNoteSuffix(tr(" — configuration \"%1\"").arg(config.name));
    connect(m_client, &OAuthClient::openBrowser, this, [this](const QUrl &url) {
        setState(tr("Sign in in the browser; Peephole waits for its answer on 127.0.0.1."));
        if (!QDesktopServices::openUrl(url))
            setState(tr("No browser could be opened. Open this address yourself:\n%1").arg(url.toString()), true);
    });
    connect(m_client, &OAuthClient::deviceCodeReady, this,
            [this](const QString &code, const QUrl &uri, const QUrl &, int expiresIn) {
                setState(tr("Open %1 and enter the code %2 (valid %3 min). Waiting…")
                             .arg(uri.toString(), code)
                             .arg((expiresIn + 59) / 60));
            });
    connect(m_client, &OAuthClient::progress, this, [this](const QString &text) { setState(text); });

    const QString secret = m_clientSecret->text();
    auto cfg = std::make_shared<OAuthConfig>(config);
    const auto run = [this, cfg](const QString &clientSecret) {
        m_client->setClientSecret(clientSecret);
        m_store.readTokens(*cfg, [this, cfg](bool, const OAuthTokens &previous, const QString &) {
            const QString refreshToken = previous.refreshToken;
            m_client->discover(cfg.get(), [this, cfg, refreshToken](bool ok, const QString &problem) {
                if (!ok) {
                    finished(*cfg, false, {}, problem);
                    return;
                }
                m_client->obtain(*cfg, refreshToken, [this, cfg](const OAuthClient::Result &r) {
                    finished(*cfg, r.ok, r.tokens, r.error);
                });
            });
        });
    };
    if (!secret.isEmpty()) {
        cfg->hasClientSecret = true;
        m_store.storeClientSecret(*cfg, secret, [this, run, secret](bool ok, const QString &problem) {
            if (!ok)
                qCWarning(lcOAuthUi) << "client secret kept for this session only:" << problem;
            m_clientSecret->clear();
            run(secret);
        });
    } else if (cfg->hasClientSecret) {
        m_store.readClientSecret(*cfg, [run](bool, const QString &stored, const QString &) { run(stored); });
    } else {
        run({});
    }
}

void OAuthDialog::finished(const OAuthConfig &config, bool ok, const OAuthTokens &tokens, const QString &error)
{
    OAuthConfig saved = config;
    if (saved.grant == OAuthConfig::Grant::RefreshToken) {
        // "Refresh now" does not change the configuration's grant.
        QString ignored;
        OAuthConfig stored;
        OAuthConfigStore store(m_configFile);
        if (store.load(&ignored) && store.find(config.name, &stored))
            saved.grant = stored.grant;
        else
            saved.grant = OAuthConfig::Grant::AuthorizationCode;
    }
    OAuthConfigStore store(m_configFile);
    QString problem;
    if (store.load(&problem)) {
        store.put(saved);
        store.save(&problem);
    }
    reloadList();
    if (!ok) {
        setBusy(false);
        setState(error, true);
        return;
    }
    m_store.storeTokens(saved, tokens, [this, saved, tokens](bool stored, const QString &why) {
        setBusy(false);
        if (!stored)
            setState(tr("The token works but could not be stored in the keychain: %1").arg(why), true);
        else
            showTokens(saved);
        Q_EMIT tokenReady(saved.name, tokens.accessToken);
    });
}

void OAuthDialog::forget()
{
    QString error;
    const OAuthConfig config = configFromFields(&error);
    if (config.name.isEmpty())
        return;
    setBusy(true);
    m_store.forget(config, [this, config](bool ok, const QString &problem) {
        OAuthConfigStore store(m_configFile);
        QString why;
        if (store.load(&why)) {
            store.remove(config.name);
            store.save(&why);
        }
        reloadList();
        setBusy(false);
        setState(ok ? tr("Forgotten: \"%1\", its tokens and its client secret.").arg(config.name) : problem, !ok);
    });
}

} // namespace Peephole
