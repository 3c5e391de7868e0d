#include "mainwindow/timelineactions.h"
#include "io/fileio.h"

#include "composer/composerwidget.h"
#include "formats/curlcommand.h"
#include "http/exchangelog.h"
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

void TimelineActions::copyUrl(quint64 id)
{
    if (const Exchange *e = m_workspace->log()->find(id))
        QApplication::clipboard()->setText(e->url.toString(QUrl::FullyEncoded));
}

void TimelineActions::copyAsCurl(quint64 id)
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
