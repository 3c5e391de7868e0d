#include "details/authview.h"

#include "http/exchange.h"

#include <QFontDatabase>
#include "details/treesection.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QTreeWidgetItem *section(QTreeWidget *tree, const QString &title)
{
    return addTreeSection(tree, title);
}

QTreeWidgetItem *row(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, {name, value});
    item->setToolTip(1, value);
    return item;
}

QString latin(const QByteArray &b)
{
    return QString::fromUtf8(b);
}
} // namespace

AuthView::AuthView(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Item"), tr("Value")});
    setUniformRowHeights(true);
    setWordWrap(true);
    header()->resizeSection(0, 220);
}

namespace {
QString sourceText(AuthAnswer::Source source)
{
    switch (source) {
    case AuthAnswer::Source::None:
        break;
    case AuthAnswer::Source::Request:
        return AuthView::tr("the request's Auth settings");
    case AuthAnswer::Source::Session:
        return AuthView::tr("accepted earlier in this session");
    case AuthAnswer::Source::Keychain:
        return AuthView::tr("answered from the keychain");
    case AuthAnswer::Source::Prompt:
        return AuthView::tr("typed in the auth panel");
    }
    return {};
}
} // namespace

void AuthView::setExchange(const Exchange &e)
{
    clear();
    m_forget = nullptr; // owned by the items clear() deleted
    m_useAnother = nullptr;
    const AuthRecord &a = *e.auth;
    const AuthAnswer answer = m_lookup ? m_lookup(e.id) : AuthAnswer{};
    m_hasContent = e.isAuthChallenge() || !a.challenges.isEmpty() || !a.problems.isEmpty() ||
                   !a.sentScheme.isEmpty() || !a.chosenScheme.isEmpty() || !a.explanation.isEmpty() ||
                   !a.digest.response.isEmpty();
    if (!m_hasContent) {
        auto *item = new QTreeWidgetItem(this, {tr("No authentication took part in this exchange.")});
        item->setFirstColumnSpanned(true);
        return;
    }

    QTreeWidgetItem *summary = section(this, tr("Summary"));
    if (e.isAuthChallenge())
        row(summary, tr("Challenge"),
            a.isProxy || e.statusCode == 407 ? tr("%1 from the proxy (Proxy-Authenticate)").arg(e.statusCode)
                                             : tr("%1 from the server (WWW-Authenticate)").arg(e.statusCode));
    row(summary, tr("Credentials sent"),
        a.sentScheme.isEmpty() ? tr("None") : tr("%1 (in this request)").arg(a.sentScheme));
    if (answer.valid && answer.source != AuthAnswer::Source::None) {
        const QString who = answer.user.isEmpty() ? QString() : tr("user “%1”, ").arg(answer.user);
        QTreeWidgetItem *from = row(summary, tr("Credentials from"), who + sourceText(answer.source));
        if (answer.source == AuthAnswer::Source::Keychain) {
            auto *buttons = new QWidget(this);
            auto *layout = new QHBoxLayout(buttons);
            layout->setContentsMargins(0, 0, 0, 0);
            m_forget = new QPushButton(tr("Forget"), buttons);
            m_forget->setToolTip(tr("Remove this credential from the keychain"));
            m_useAnother = new QPushButton(tr("Use another…"), buttons);
            m_useAnother->setToolTip(tr("Send the request again and type other credentials"));
            layout->addWidget(m_forget);
            layout->addWidget(m_useAnother);
            layout->addStretch();
            auto *actions = new QTreeWidgetItem(from, {tr("Keychain")});
            setItemWidget(actions, 1, buttons);
            from->setExpanded(true);
            const quint64 chain = e.chainId;
            connect(m_forget, &QPushButton::clicked, this,
                    [this, answer] { Q_EMIT forgetRequested(answer.origin, answer.realm, answer.user); });
            connect(m_useAnother, &QPushButton::clicked, this,
                    [this, chain] { Q_EMIT useAnotherRequested(chain); });
        }
    }
    if (a.rejected)
        row(summary, tr("Result"), tr("Rejected: the server refused the credentials that were sent."));
    if (!a.explanation.isEmpty()) {
        QTreeWidgetItem *item = row(summary, tr("Explanation"), a.explanation);
        item->setFirstColumnSpanned(false);
    }

    QTreeWidgetItem *challenges = section(this, tr("Challenges (%1)").arg(a.challenges.size()));
    for (const Challenge &c : a.challenges) {
        auto *item = new QTreeWidgetItem(challenges, {latin(c.scheme)});
        item->setExpanded(true);
        if (!c.token68.isEmpty())
            row(item, tr("token68"), latin(c.token68));
        for (const AuthParam &p : c.params)
            row(item, latin(p.name), p.quoted ? u'"' + latin(p.value) + u'"' : latin(p.value));
        if (c.params.isEmpty() && c.token68.isEmpty())
            row(item, tr("(no parameters)"), QString());
    }

    if (!a.problems.isEmpty()) {
        QTreeWidgetItem *problems = section(this, tr("Problems (%1)").arg(a.problems.size()));
        for (const ChallengeProblem &p : a.problems)
            row(problems, tr("Field %1, byte %2").arg(p.field + 1).arg(p.offset), p.message);
    }

    QTreeWidgetItem *decision = section(this, tr("Decision"));
    if (answer.valid)
        row(decision, tr("Answers"), answer.answered);
    if (e.isAuthChallenge() || !answer.valid) {
        // A challenge: what its retry was answered with.
        row(decision, tr("Scheme chosen"), a.chosenScheme.isEmpty() ? tr("None") : a.chosenScheme);
        if (!a.reason.isEmpty())
            row(decision, tr("Why"), a.reason);
    } else {
        // The answer: the scheme it carried, and why it was chosen.
        row(decision, tr("Scheme chosen"), answer.scheme);
        if (!answer.reason.isEmpty())
            row(decision, tr("Why"), answer.reason);
    }

    const DigestTrace &d = a.digest;
    if (!d.response.isEmpty() || !d.nonce.isEmpty()) {
        QTreeWidgetItem *digest = section(this, tr("Digest computation"));
        row(digest, tr("algorithm"), latin(d.algorithm.isEmpty() ? "MD5"_ba : d.algorithm));
        row(digest, tr("realm"), latin(d.realm));
        row(digest, tr("nonce"), latin(d.nonce));
        row(digest, tr("cnonce"), latin(d.cnonce));
        row(digest, tr("nc"), latin(d.nc));
        row(digest, tr("qop"), latin(d.qop));
        row(digest, tr("uri"), latin(d.uri));
        row(digest, d.userhash ? tr("username (hashed, userhash=true)") : tr("username"), latin(d.userField));
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        for (const auto &[name, value] : {std::pair{tr("H(A1)"), d.ha1}, std::pair{tr("H(A2)"), d.ha2},
                                          std::pair{tr("response"), d.response}}) {
            QTreeWidgetItem *item = row(digest, name, latin(value));
            item->setFont(1, mono);
        }
    }
    if (!a.authenticationInfo.isEmpty()) {
        QTreeWidgetItem *info = section(this, tr("Authentication-Info"));
        row(info, tr("Check"), a.authenticationInfo);
    }
}

} // namespace Peephole
