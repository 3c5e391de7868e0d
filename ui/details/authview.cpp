#include "details/authview.h"

#include "http/exchange.h"

#include <QFontDatabase>
#include "details/treesection.h"

#include <QHeaderView>

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

void AuthView::setExchange(const Exchange &e)
{
    clear();
    const AuthRecord &a = *e.auth;
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
    row(decision, tr("Scheme chosen"), a.chosenScheme.isEmpty() ? tr("None") : a.chosenScheme);
    if (!a.reason.isEmpty())
        row(decision, tr("Why"), a.reason);

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
