#include "composer/autheditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace Peephole {

AuthEditor::AuthEditor(QWidget *parent)
    : QWidget(parent), m_scheme(new QComboBox(this)), m_stored(new QComboBox(this)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this)), m_token(new QLineEdit(this)),
      m_preemptive(new QCheckBox(tr("Send with the first request (preemptive)"), this)),
      m_latin1(new QCheckBox(tr("Encode Basic credentials as Latin-1 (legacy servers)"), this)),
      m_remember(new QCheckBox(tr("Remember in the keychain when the server accepts them"), this)),
      m_locationTrusted(
          new QCheckBox(tr("Also send them after a redirect to another origin (location-trusted)"), this)),
      m_awsSpec(new QLineEdit(this)), m_awsToken(new QLineEdit(this)), m_apiKeyName(new QLineEdit(this)),
      m_apiKeyIn(new QComboBox(this)), m_hint(new QLabel(this))
{
    using S = AuthSettings::Scheme;
    m_scheme->addItem(tr("Ask when challenged"), int(S::None));
    m_scheme->addItem(tr("Strongest offered (Digest SHA-512-256 > SHA-256 > MD5 > Basic)"), int(S::Any));
    m_scheme->addItem(tr("Basic"), int(S::Basic));
    m_scheme->addItem(tr("Digest"), int(S::Digest));
    m_scheme->addItem(tr("Bearer token"), int(S::Bearer));
    m_scheme->addItem(tr("NTLM (NTLMv2; user as DOMAIN\\user)"), int(S::Ntlm));
    m_scheme->addItem(tr("AWS Signature V4 (user = access key, password = secret key)"), int(S::AwsSigV4));
    m_scheme->addItem(tr("API key (the token field holds the key)"), int(S::ApiKey));
    m_awsSpec->setPlaceholderText(tr("aws:amz:REGION:SERVICE, e.g. aws:amz:us-east-1:s3"));
    m_awsToken->setEchoMode(QLineEdit::Password);
    m_awsToken->setPlaceholderText(tr("Session token of temporary credentials (optional)"));
    m_apiKeyName->setPlaceholderText(u"X-Api-Key"_s);
    m_apiKeyIn->addItem(tr("Header"), int(AuthSettings::ApiKeyIn::Header));
    m_apiKeyIn->addItem(tr("Query parameter"), int(AuthSettings::ApiKeyIn::Query));
    m_password->setEchoMode(QLineEdit::Password);
    m_token->setEchoMode(QLineEdit::Password);
    m_user->setPlaceholderText(tr("User name"));
    m_password->setPlaceholderText(tr("Password (kept in memory or the keychain, never in a file)"));
    m_token->setPlaceholderText(tr("Token"));
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);

    m_stored->setToolTip(tr("Use a credential stored in the OS keychain; its secret is read at send time."));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Scheme:"), m_scheme);
    form->addRow(tr("Stored credential:"), m_stored);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Token:"), m_token);
    form->addRow(tr("AWS signing:"), m_awsSpec);
    form->addRow(tr("Session token:"), m_awsToken);
    form->addRow(tr("Key name:"), m_apiKeyName);
    form->addRow(tr("Key goes in:"), m_apiKeyIn);
    form->addRow(QString(), m_preemptive);
    form->addRow(QString(), m_latin1);
    form->addRow(QString(), m_remember);
    m_locationTrusted->setToolTip(tr("Off: the credentials go only to the scheme, host and port of the "
                                     "request's URL; a redirect elsewhere (or to http://) gets none."));
    form->addRow(QString(), m_locationTrusted);
    form->addRow(QString(), m_hint);

    connect(m_scheme, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        Q_EMIT edited();
    });
    for (QLineEdit *e : {m_awsSpec, m_awsToken, m_apiKeyName})
        connect(e, &QLineEdit::textEdited, this, &AuthEditor::edited);
    connect(m_apiKeyIn, &QComboBox::currentIndexChanged, this, &AuthEditor::edited);
    for (QLineEdit *e : {m_user, m_password, m_token}) {
        connect(e, &QLineEdit::textEdited, this, [this] {
            m_stored->setCurrentIndex(0); // typing replaces the stored credential
            Q_EMIT edited();
        });
    }
    connect(m_stored, &QComboBox::activated, this, &AuthEditor::useStored);
    setStoredAccounts({});
    for (QCheckBox *c : {m_preemptive, m_latin1, m_remember, m_locationTrusted})
        connect(c, &QCheckBox::toggled, this, &AuthEditor::edited);
    m_scheme->setCurrentIndex(m_scheme->findData(int(S::None)));
    updateVisibility();
}

void AuthEditor::updateVisibility()
{
    using S = AuthSettings::Scheme;
    const auto scheme = S(m_scheme->currentData().toInt());
    const bool bearer = scheme == S::Bearer;
    const bool none = scheme == S::None;
    auto *form = static_cast<QFormLayout *>(layout());
    const bool aws = scheme == S::AwsSigV4;
    const bool apiKey = scheme == S::ApiKey;
    form->setRowVisible(m_user, !bearer && !none && !apiKey);
    form->setRowVisible(m_password, !bearer && !none && !apiKey);
    form->setRowVisible(m_token, bearer || apiKey || scheme == S::Any);
    form->setRowVisible(m_awsSpec, aws);
    form->setRowVisible(m_awsToken, aws);
    form->setRowVisible(m_apiKeyName, apiKey);
    form->setRowVisible(m_apiKeyIn, apiKey);
    m_preemptive->setVisible(!none && scheme != S::Digest && scheme != S::Ntlm && !aws && !apiKey);
    m_latin1->setVisible(scheme == S::Basic || scheme == S::Any);
    m_remember->setVisible(!none);
    m_locationTrusted->setVisible(!none);
    m_hint->setText(
        none ? tr("When the server or a proxy answers 401 or 407, Peephole shows every challenge and asks "
                  "for credentials in the auth panel, offering those stored in the keychain.")
             : tr("Challenges are answered automatically; the Auth tab of each exchange says which "
                  "scheme was chosen and why."));
}

void AuthEditor::setStoredAccounts(const QList<StoredAccount> &accounts)
{
    const QString current = m_stored->currentIndex() > 0 ? m_stored->currentText() : QString();
    m_accounts = accounts;
    QSignalBlocker blocker(m_stored);
    m_stored->clear();
    m_stored->addItem(accounts.isEmpty() ? tr("None in the keychain yet") : tr("Type credentials below"));
    for (const StoredAccount &a : accounts) {
        m_stored->addItem(tr("%1 — %2 — %3 (realm “%4”)")
                              .arg(a.user.isEmpty() ? tr("token") : a.user, a.scheme, a.origin, a.realm));
    }
    m_stored->setEnabled(!accounts.isEmpty());
    const int again = current.isEmpty() ? 0 : m_stored->findText(current);
    m_stored->setCurrentIndex(qMax(0, again));
}

void AuthEditor::useStored(int index)
{
    if (index <= 0 || index > m_accounts.size()) {
        m_password->setPlaceholderText(tr("Password (kept in memory or the keychain, never in a file)"));
        Q_EMIT edited();
        return;
    }
    using S = AuthSettings::Scheme;
    const StoredAccount &a = m_accounts.at(index - 1);
    const S scheme = a.scheme == u"Bearer"_s            ? S::Bearer
                     : a.scheme.startsWith(u"Digest"_s) ? S::Digest
                                                        : S::Basic;
    m_scheme->setCurrentIndex(m_scheme->findData(int(scheme)));
    m_user->setText(a.user);
    m_password->clear();
    m_token->clear();
    m_password->setPlaceholderText(tr("From the keychain"));
    m_token->setPlaceholderText(tr("From the keychain"));
    Q_EMIT edited();
}

AuthSettings AuthEditor::settings() const
{
    AuthSettings s;
    s.scheme = AuthSettings::Scheme(m_scheme->currentData().toInt());
    if (s.scheme == AuthSettings::Scheme::None)
        return s;
    s.user = m_user->text();
    s.password = m_password->text();
    s.token = m_token->text();
    s.preemptive = m_preemptive->isChecked();
    s.basicCharset =
        m_latin1->isChecked() ? AuthSettings::BasicCharset::Latin1 : AuthSettings::BasicCharset::Utf8;
    s.saveToKeychain = m_remember->isChecked();
    s.fromKeychain = m_stored->currentIndex() > 0;
    s.locationTrusted = m_locationTrusted->isChecked();
    if (s.scheme == AuthSettings::Scheme::AwsSigV4) {
        s.awsSigV4 = m_awsSpec->text().trimmed();
        s.awsSessionToken = m_awsToken->text();
        s.fromKeychain = false; // signed before sending: the secret must be at hand
    } else if (s.scheme == AuthSettings::Scheme::ApiKey) {
        s.apiKeyName = m_apiKeyName->text().trimmed().isEmpty() ? u"X-Api-Key"_s : m_apiKeyName->text().trimmed();
        s.apiKeyIn = AuthSettings::ApiKeyIn(m_apiKeyIn->currentData().toInt());
        s.apiKey = s.token;
        s.token.clear();
        s.fromKeychain = false;
    }
    return s;
}

void AuthEditor::setSettings(const AuthSettings &s)
{
    QSignalBlocker blocker(this);
    m_scheme->setCurrentIndex(m_scheme->findData(int(s.scheme)));
    m_user->setText(s.user);
    m_password->setText(s.password);
    m_token->setText(s.token);
    m_preemptive->setChecked(s.preemptive);
    m_latin1->setChecked(s.basicCharset == AuthSettings::BasicCharset::Latin1);
    m_remember->setChecked(s.saveToKeychain);
    m_locationTrusted->setChecked(s.locationTrusted);
    m_awsSpec->setText(s.awsSigV4);
    m_awsToken->setText(s.awsSessionToken);
    m_apiKeyName->setText(s.apiKeyName);
    m_apiKeyIn->setCurrentIndex(m_apiKeyIn->findData(int(s.apiKeyIn)));
    if (s.scheme == AuthSettings::Scheme::ApiKey)
        m_token->setText(s.apiKey);
    if (!s.fromKeychain)
        m_stored->setCurrentIndex(0);
    updateVisibility();
}

} // namespace Peephole
