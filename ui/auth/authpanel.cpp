#include "auth/authpanel.h"

#include "auth/credentialstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
int strength(const QString &label)
{
    if (label.startsWith(u"Digest SHA-512-256"_s))
        return 50;
    if (label.startsWith(u"Digest SHA-256"_s))
        return 40;
    if (label.startsWith(u"Digest"_s))
        return 30;
    if (label == u"Bearer"_s)
        return 20;
    if (label == u"Basic"_s)
        return 10;
    return 0;
}

QString describe(const Challenge &c)
{
    QStringList parts;
    for (const AuthParam &p : c.params)
        parts.append(QString::fromUtf8(p.name).toHtmlEscaped() + u"=<b>"_s +
                     QString::fromUtf8(p.value).toHtmlEscaped() + u"</b>"_s);
    if (!c.token68.isEmpty())
        parts.append(QString::fromLatin1(c.token68).toHtmlEscaped());
    return u"<b>"_s + QString::fromLatin1(c.scheme).toHtmlEscaped() + u"</b> "_s + parts.join(u", "_s);
}
} // namespace

QStringList AuthPanel::offeredSchemes(const QList<Challenge> &challenges)
{
    QStringList labels;
    for (const Challenge &c : challenges) {
        QString label;
        if (c.isScheme("Basic"))
            label = u"Basic"_s;
        else if (c.isScheme("Bearer"))
            label = u"Bearer"_s;
        else if (c.isScheme("Digest")) {
            const QByteArray algorithm = c.param("algorithm");
            label =
                u"Digest "_s + (algorithm.isEmpty() ? u"MD5"_s : QString::fromLatin1(algorithm).toUpper());
        } else
            continue;
        if (!labels.contains(label))
            labels.append(label);
    }
    std::stable_sort(labels.begin(), labels.end(),
                     [](const QString &a, const QString &b) { return strength(a) > strength(b); });
    return labels;
}

AuthPanel::AuthPanel(CredentialStore *store, QWidget *parent)
    : QFrame(parent), m_store(store), m_title(new QLabel(this)), m_challenges(new QLabel(this)),
      m_scheme(new QComboBox(this)), m_stored(new QComboBox(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_token(new QLineEdit(this)),
      m_remember(new QCheckBox(tr("Remember in the keychain"), this)), m_message(new QLabel(this)),
      m_send(new QPushButton(tr("Send again"), this)), m_cancel(new QPushButton(tr("Don't answer"), this)),
      m_oauth(new QPushButton(tr("Get an OAuth Token…"), this))
{
    setObjectName(u"authPanel"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::AlternateBase));
    setPalette(pal);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_challenges->setWordWrap(true);
    m_challenges->setTextFormat(Qt::RichText);
    m_challenges->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_password->setEchoMode(QLineEdit::Password);
    m_token->setEchoMode(QLineEdit::Password);
    m_user->setPlaceholderText(tr("User name"));
    m_password->setPlaceholderText(tr("Password"));
    m_token->setPlaceholderText(tr("Bearer token"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_send->setDefault(true);
    m_remember->setToolTip(
        tr("Stored in the OS keychain, for this origin and realm only, once the server accepts them."));

    auto *form = new QFormLayout;
    form->addRow(tr("Answer with:"), m_scheme);
    form->addRow(tr("Stored:"), m_stored);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Token:"), m_token);
    form->addRow(QString(), m_remember);
    auto *buttons = new QHBoxLayout;
    m_oauth->setToolTip(tr("Get a token from an OAuth 2 / OpenID Connect configuration (Request ▸ OAuth 2 Tokens)"));
    connect(m_oauth, &QPushButton::clicked, this, &AuthPanel::oauthRequested);
    buttons->addWidget(m_oauth);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_challenges);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, [this] { finish(false); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_queue.isEmpty()) { // nothing asked any more: just close
            m_awaitingChain = 0;
            hide();
            return;
        }
        finish(true);
    });
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &AuthPanel::updateFields);
    connect(m_stored, &QComboBox::activated, this, &AuthPanel::useStored);
    connect(m_password, &QLineEdit::returnPressed, this, [this] { finish(false); });
    connect(m_token, &QLineEdit::returnPressed, this, [this] { finish(false); });
    if (m_store) {
        connect(m_store, &CredentialStore::keychainUnavailable, this,
                [this](const QString &message) { showMessage(message, true); });
    }
    hide();
}

AuthPanel::~AuthPanel()
{
    // Whoever waits must hear back, even when the window closes first.
    const QList<Pending> queue = std::exchange(m_queue, {});
    for (const Pending &p : queue) {
        CredentialAnswer answer;
        answer.cancelled = true;
        p.done(answer);
    }
}

const CredentialRequest &AuthPanel::current() const
{
    static const CredentialRequest none;
    return m_queue.isEmpty() ? none : m_queue.first().request;
}

void AuthPanel::requestCredentials(const CredentialRequest &request,
                                   std::function<void(const CredentialAnswer &)> done)
{
    m_queue.append({request, std::move(done)});
    if (m_queue.size() == 1)
        showNext();
}

void AuthPanel::showNext()
{
    if (m_queue.isEmpty()) {
        hide();
        return;
    }
    m_awaitingChain = 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_scheme, m_stored, m_user, m_password, m_token,
                                                        m_remember, m_send, m_cancel})
        w->setEnabled(true);
    const CredentialRequest &r = m_queue.first().request;
    m_title->setText(r.isProxy ? tr("The proxy %1 asks for credentials (407)").arg(r.origin)
                               : tr("%1 asks for credentials (401)").arg(r.origin) +
                                     (r.realm.isEmpty() ? QString() : tr(" — realm “%1”").arg(r.realm)));
    QStringList lines;
    for (const Challenge &c : r.challenges)
        lines.append(describe(c));
    m_challenges->setText(tr("The server offered:") + u"<br>"_s + lines.join(u"<br>"_s));

    m_scheme->clear();
    const QStringList offered = offeredSchemes(r.challenges);
    m_scheme->addItems(offered);
    const int suggested = m_scheme->findText(r.suggestedScheme);
    m_scheme->setCurrentIndex(suggested >= 0 ? suggested : 0);
    m_user->clear();
    m_password->clear();
    m_token->clear();
    m_remember->setChecked(false);
    if (!r.errorMessage.isEmpty())
        showMessage(r.errorMessage, true);
    else
        showMessage({}, false);
    fillStored();
    updateFields();
    show();
    (m_token->isVisible() ? m_token : m_user)->setFocus();
    Q_EMIT shown();
}

void AuthPanel::fillStored()
{
    const CredentialRequest &r = m_queue.first().request;
    m_accounts = m_store ? m_store->accountsFor(r.origin, r.realm) : QList<StoredAccount>{};
    m_stored->clear();
    m_stored->addItem(m_accounts.isEmpty() ? tr("None stored for this origin and realm")
                                           : tr("Type new credentials"));
    for (const StoredAccount &a : std::as_const(m_accounts)) {
        const QString who = a.user.isEmpty() ? tr("token") : a.user;
        m_stored->addItem(a.sessionOnly ? tr("%1 (%2, this session only)").arg(who, a.scheme)
                                        : tr("%1 (%2, keychain)").arg(who, a.scheme));
    }
    m_stored->setEnabled(!m_accounts.isEmpty());
}

void AuthPanel::useStored(int index)
{
    if (index <= 0 || index > m_accounts.size() || !m_store)
        return;
    const StoredAccount account = m_accounts.at(index - 1);
    m_user->setText(account.user);
    const int scheme = m_scheme->findText(account.scheme, Qt::MatchStartsWith);
    if (scheme >= 0)
        m_scheme->setCurrentIndex(scheme);
    const quint64 exchange = current().exchangeId;
    m_store->read(account,
                  [this, exchange, bearer = account.scheme == u"Bearer"_s](const CredentialStoreResult &res) {
                      if (m_queue.isEmpty() || current().exchangeId != exchange)
                          return;
                      if (!res.ok) {
                          showMessage(tr("Could not read the stored credential: %1").arg(res.message), true);
                          return;
                      }
                      (bearer ? m_token : m_password)->setText(res.secret);
                      showMessage(tr("Filled from the keychain."), false);
                  });
}

void AuthPanel::updateFields()
{
    const bool bearer = m_scheme->currentText() == u"Bearer"_s;
    auto *form = qobject_cast<QFormLayout *>(static_cast<QVBoxLayout *>(layout())->itemAt(2)->layout());
    form->setRowVisible(m_user, !bearer);
    form->setRowVisible(m_password, !bearer);
    form->setRowVisible(m_token, bearer);
    m_oauth->setVisible(bearer);
}

void AuthPanel::useToken(const QString &token)
{
    const int bearer = m_scheme->findText(u"Bearer"_s);
    if (!isVisible() || bearer < 0)
        return;
    m_scheme->setCurrentIndex(bearer);
    updateFields();
    m_token->setText(token);
    m_send->setFocus();
}

void AuthPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b3261e;"_s : QString());
    m_message->setVisible(!text.isEmpty());
}

void AuthPanel::finish(bool cancelled)
{
    if (m_queue.isEmpty())
        return;
    const Pending p = m_queue.takeFirst();
    CredentialAnswer answer;
    answer.cancelled = cancelled;
    if (!cancelled) {
        answer.scheme = m_scheme->currentText();
        answer.user = m_user->text();
        answer.password = m_password->text();
        answer.token = m_token->text();
        answer.remember = m_remember->isChecked();
    }
    m_password->clear();
    m_token->clear();
    if (!cancelled && m_queue.isEmpty()) {
        // Stay in view until the server has answered: a refusal brings the question straight back.
        m_awaitingChain = p.request.chainId;
        for (QWidget *w : std::initializer_list<QWidget *>{m_scheme, m_stored, m_user, m_password, m_token,
                                                            m_remember, m_send})
            w->setEnabled(false);
        showMessage(tr("Sent with %1; waiting for the server's answer…").arg(answer.scheme), false);
    }
    p.done(answer); // may ask again at once (a refusal), or end the chain
    Q_EMIT answered(cancelled);
    if (!m_awaitingChain || !m_queue.isEmpty())
        showNext();
}

void AuthPanel::chainFinished(quint64 chainId)
{
    if (m_awaitingChain == 0 || m_awaitingChain != chainId || !m_queue.isEmpty())
        return;
    m_awaitingChain = 0;
    hide();
}

} // namespace Peephole
