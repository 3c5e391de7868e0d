#include "details/headersview.h"

#include "http/exchange.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include "details/treesection.h"

#include <QHeaderView>
#include <QKeyEvent>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QTreeWidgetItem *section(QTreeWidget *tree, const QString &title)
{
    return addTreeSection(tree, title);
}

void addField(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, {name, value});
    item->setToolTip(1, value);
}

QString cookieAttributes(const QNetworkCookie &c)
{
    QStringList parts;
    if (!c.domain().isEmpty())
        parts << u"Domain="_s + c.domain();
    if (!c.path().isEmpty())
        parts << u"Path="_s + c.path();
    if (!c.isSessionCookie())
        parts << u"Expires="_s + c.expirationDate().toUTC().toString(Qt::RFC2822Date);
    if (c.isSecure())
        parts << u"Secure"_s;
    if (c.isHttpOnly())
        parts << u"HttpOnly"_s;
    switch (c.sameSitePolicy()) {
    case QNetworkCookie::SameSite::Default:
        break;
    case QNetworkCookie::SameSite::None:
        parts << u"SameSite=None"_s;
        break;
    case QNetworkCookie::SameSite::Lax:
        parts << u"SameSite=Lax"_s;
        break;
    case QNetworkCookie::SameSite::Strict:
        parts << u"SameSite=Strict"_s;
        break;
    }
    return parts.join(u"; ");
}
} // namespace

HeadersView::HeadersView(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Name"), tr("Value")});
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    header()->resizeSection(0, 220);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void HeadersView::clear()
{
    QTreeWidget::clear();
    m_response = m_request = m_cookiesSent = m_cookiesSet = m_notes = nullptr;
}

void HeadersView::setExchange(const Exchange &e)
{
    clear();
    QString statusLine;
    if (e.statusCode > 0) {
        statusLine = QString::fromLatin1(e.httpVersion.isEmpty() ? "HTTP/1.1"_ba : e.httpVersion) + u' ' +
                     QString::number(e.statusCode) + u' ' + QString::fromLatin1(e.reasonPhrase);
        m_response =
            section(this, tr("Response headers (%1) — %2").arg(e.responseHeaders.size()).arg(statusLine));
        for (const HeaderField &h : e.responseHeaders)
            addField(m_response, QString::fromLatin1(h.name), QString::fromUtf8(h.value));
    } else {
        m_response = section(this, e.error.isError() ? tr("No response: %1").arg(e.error.message)
                                                     : tr("No response yet"));
    }

    int sent = 0;
    for (const HeaderField &h : e.requestHeaders)
        sent += h.enabled ? 1 : 0;
    m_request =
        section(this, tr("Request headers (%1) — %2 %3")
                          .arg(sent)
                          .arg(QString::fromLatin1(e.method), e.url.toDisplayString(QUrl::RemoveUserInfo)));
    for (const HeaderField &h : e.requestHeaders) {
        if (h.enabled)
            addField(m_request, QString::fromLatin1(h.name), QString::fromUtf8(h.value));
    }

    m_cookiesSent = section(this, tr("Cookies sent (%1)").arg(e.cookiesSent->size()));
    for (const QNetworkCookie &c : *e.cookiesSent)
        addField(m_cookiesSent, QString::fromUtf8(c.name()), QString::fromUtf8(c.value()));
    m_cookiesSet = section(this, tr("Cookies set (%1)").arg(e.cookiesSet->size()));
    for (const QNetworkCookie &c : *e.cookiesSet) {
        const QString attributes = cookieAttributes(c);
        addField(m_cookiesSet, QString::fromUtf8(c.name()),
                 attributes.isEmpty() ? QString::fromUtf8(c.value())
                                      : QString::fromUtf8(c.value()) + u"  ·  " + attributes);
    }
    if (!e.notes->isEmpty()) {
        m_notes = section(this, tr("Notes (%1)").arg(e.notes->size()));
        for (const QString &note : *e.notes) {
            auto *item = new QTreeWidgetItem(m_notes, {note});
            item->setFirstColumnSpanned(true);
        }
    }
}

QString HeadersView::selectedText() const
{
    QStringList lines;
    for (const QTreeWidgetItem *item : selectedItems()) {
        if (!item->parent())
            continue;
        lines << (item->text(1).isEmpty() ? item->text(0) : item->text(0) + u": " + item->text(1));
    }
    return lines.join(u'\n');
}

void HeadersView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        QApplication::clipboard()->setText(selectedText());
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

} // namespace Peephole
