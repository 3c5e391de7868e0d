#include "mainwindow/timelineactions.h"
#include "io/fileio.h"

#include "composer/composerwidget.h"
#include "formats/curlcommand.h"
#include "http/exchangelog.h"
#include "redact/redact.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace Peephole {

TimelineActions::TimelineActions(Workspace *workspace, ComposerWidget *composer, QWidget *window)
    : QObject(window), m_workspace(workspace), m_composer(composer), m_window(window)
{
}

namespace {
/// The exchange with its secrets replaced by "[redacted]" (what the plain copies use).
Exchange redacted(const Exchange &e)
{
    Exchange out = e;
    out.url = Redact::url(e.url);
    for (HeaderField &h : out.requestHeaders)
        h.value = Redact::headerValue(h.name, h.value);
    if (e.requestBody && e.requestBody->size() > 0 && e.requestBody->size() <= 64 * 1024 * 1024) {
        const QByteArray body = e.requestBody->head(e.requestBody->size());
        bool changed = false;
        QByteArray clean = Redact::jsonBody(body, &changed);
        if (!changed &&
            Headers::value(e.requestHeaders, "content-type").toLower().contains("form-urlencoded"))
            clean = Redact::formBody(body);
        if (clean != body)
            out.requestBody = BodyStore::fromBytes(clean);
    }
    return out;
}
} // namespace

void TimelineActions::copyUrl(quint64 id)
{
    const Exchange *e = m_workspace->log()->find(id);
    if (!e)
        return;
    QApplication::clipboard()->setText(Redact::urlString(e->url));
    if (Redact::urlHasSecrets(e->url))
        Q_EMIT message(tr("Copied the URL without its password and secret parameters; "
                          "\"Copy with Secrets\" keeps them."));
}

void TimelineActions::copyAsCurl(quint64 id)
{
    const Exchange *e = m_workspace->log()->find(id);
    if (!e)
        return;
    const QString full = CurlCommand::fromExchange(*e);
    const QString clean = CurlCommand::fromExchange(redacted(*e));
    QApplication::clipboard()->setText(clean);
    if (clean != full)
        Q_EMIT message(tr("Copied the curl command with credentials, cookies and secret parameters "
                          "redacted; \"Copy with Secrets\" keeps them."));
}

void TimelineActions::copyUrlWithSecrets(quint64 id)
{
    if (const Exchange *e = m_workspace->log()->find(id))
        QApplication::clipboard()->setText(QString::fromUtf8(e->url.toEncoded()));
}

void TimelineActions::copyAsCurlWithSecrets(quint64 id)
{
    if (const Exchange *e = m_workspace->log()->find(id))
        QApplication::clipboard()->setText(CurlCommand::fromExchange(*e));
}

void TimelineActions::resend(quint64 id)
{
    if (const Exchange *e = m_workspace->log()->find(id))
        Q_EMIT sendRequested(m_workspace->requestForChain(e->chainId));
}

void TimelineActions::editAndResend(quint64 id)
{
    if (const Exchange *e = m_workspace->log()->find(id)) {
        m_composer->setRequest(m_workspace->requestForChain(e->chainId));
        m_composer->urlEdit()->setFocus();
    }
}

void TimelineActions::saveBodyAs(quint64 id)
{
    const Exchange *e = m_workspace->log()->find(id);
    if (!e || !e->responseBody)
        return;
    const std::shared_ptr<BodyStore> body = e->responseBody;
    QString name = QFileInfo(e->url.path()).fileName();
    if (name.isEmpty())
        name = u"response.bin"_s;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save the response body"), name);
    if (path.isEmpty())
        return;
    // Large bodies are copied on a worker; the result comes back to the window queued.
    QPointer<QWidget> window = m_window;
    QThreadPool::globalInstance()->start([body, path, window] {
        Io::OutputFile file(path);
        QString error;
        bool ok = file.open(&error);
        constexpr qint64 chunk = 1 << 20;
        for (qint64 off = 0; ok && off < body->size(); off += chunk)
            ok = file.write(body->read(off, chunk));
        ok = file.commit(&error) && ok; // commit() reports a failed open or write too
        QMetaObject::invokeMethod(
            qApp,
            [window, ok, error] {
                if (!ok && window)
                    QMessageBox::warning(window, tr("Save failed"),
                                         tr("The body was not saved: %1").arg(error));
            },
            Qt::QueuedConnection);
    });
}

} // namespace Peephole
