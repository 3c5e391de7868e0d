#include "composer/autheditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace Peephole {

AuthEditor::AuthEditor(QWidget *parent)
    : QWidget(parent)
    , m_scheme(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_preemptive(new QCheckBox(tr("Send with the first request (preemptive)"), this))
    , m_latin1(new QCheckBox(tr("Encode Basic credentials as Latin-1 (legacy servers)"), this))
    , m_remember(new QCheckBox(tr("Remember in the keychain when the server accepts them"), this))
    , m_hint(new QLabel(this))
{
    using S = AuthSettings::Scheme;
    m_scheme->addItem(tr("Ask when challenged"), int(S::None));
    m_scheme->addItem(tr("Strongest offered (Digest SHA-512-256 > SHA-256 > MD5 > Basic)"), int(S::Any));
    m_scheme->addItem(tr("Basic"), int(S::Basic));
    m_scheme->addItem(tr("Digest"), int(S::Digest));
    m_scheme->addItem(tr("Bearer token"), int(S::Bearer));
    m_password->setEchoMode(QLineEdit::Password);
    m_token->setEchoMode(QLineEdit::Password);
    m_user->setPlaceholderText(tr("User name"));
    m_password->setPlaceholderText(tr("Password (kept in memory or the keychain, never in a file)"));
    m_token->setPlaceholderText(tr("Token"));
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Scheme:"), m_scheme);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Token:"), m_token);
    form->addRow(QString(), m_preemptive);
    form->addRow(QString(), m_latin1);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_hint);

    connect(m_scheme, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        Q_EMIT edited();
    });
    for (QLineEdit *e : {m_user, m_password, m_token})
        connect(e, &QLineEdit::textEdited, this, &AuthEditor::edited);
    for (QCheckBox *c : {m_preemptive, m_latin1, m_remember})
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
    form->setRowVisible(m_user, !bearer && !none);
    form->setRowVisible(m_password, !bearer && !none);
    form->setRowVisible(m_token, bearer || scheme == S::Any);
    m_preemptive->setVisible(!none && scheme != S::Digest);
    m_latin1->setVisible(scheme == S::Basic || scheme == S::Any);
    m_remember->setVisible(!none);
    m_hint->setText(none ? tr("When the server or a proxy answers 401 or 407, Peephole shows every challenge and asks "
                              "for credentials in the auth panel, offering those stored in the keychain.")
                         : tr("Challenges are answered automatically; the Auth tab of each exchange says which "
                              "scheme was chosen and why."));
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
    s.basicCharset = m_latin1->isChecked() ? AuthSettings::BasicCharset::Latin1 : AuthSettings::BasicCharset::Utf8;
    s.saveToKeychain = m_remember->isChecked();
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
    updateVisibility();
}

} // namespace Peephole
