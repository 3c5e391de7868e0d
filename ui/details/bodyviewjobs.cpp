// BodyView's worker jobs: starting, cancelling and receiving them.
#include "details/bodyview.h"
#include "common/sizetext.h"

#include "details/detailslogging.h"
#include "details/hexview.h"
#include "details/jsontreemodel.h"
#include "details/pagedtextview.h"
#include "http/bodystore.h"

#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace Peephole {

void BodyView::cancelJobs(Mode keep)
{
    // Cancel, and watch an empty future so that a result already on its way is dropped.
    if (keep != Mode::Pretty) {
        m_formatWatcher.cancel();
        m_formatWatcher.setFuture(QFuture<FormatResult>());
    }
    if (keep != Mode::Tree) {
        m_treeWatcher.cancel();
        m_treeWatcher.setFuture(QFuture<TreeResult>());
    }
    if (keep != Mode::Image) {
        m_imageWatcher.cancel();
        m_imageWatcher.setFuture(QFuture<ImageResult>());
    }
}

void BodyView::startFormat()
{
    if (!m_body->isFinished()) {
        showBusy(tr("Waiting for the body to arrive before formatting…"));
        return;
    }
    if (m_formatWatcher.isRunning()) {
        showBusy(tr("Formatting…"));
        return;
    }
    qCDebug(lcDetails) << "Formatting a JSON body of" << m_body->size() << "bytes";
    showBusy(tr("Formatting…"));
    std::shared_ptr<BodyStore> body = m_body;
    m_formatWatcher.setFuture(
        runJob<FormatResult>([body](QPromise<FormatResult> &promise) { formatJsonJob(promise, body); }));
}

void BodyView::startTree()
{
    if (!m_body->isFinished()) {
        showBusy(tr("Waiting for the body to arrive…"));
        return;
    }
    if (!m_treeWatcher.isRunning()) {
        std::shared_ptr<BodyStore> body = m_body;
        m_treeWatcher.setFuture(
            runJob<TreeResult>([body](QPromise<TreeResult> &promise) { parseJsonJob(promise, body); }));
    }
    showBusy(tr("Parsing…"));
}

void BodyView::startImage()
{
    if (!m_body->isFinished()) {
        showBusy(tr("Waiting for the image to arrive…"));
        return;
    }
    if (!m_imageWatcher.isRunning()) {
        std::shared_ptr<BodyStore> body = m_body;
        const QByteArray mime = m_mimeType;
        m_imageWatcher.setFuture(runJob<ImageResult>(
            [body, mime](QPromise<ImageResult> &promise) { decodeImageJob(promise, body, mime); }));
    }
    showBusy(tr("Decoding the image…"));
}

void BodyView::onFormatted()
{
    const QFuture<FormatResult> f = m_formatWatcher.future();
    if (f.isCanceled() || f.resultCount() == 0)
        return;
    const FormatResult result = f.result();
    m_prettyReady = true;
    attachHighlighter(BodyKind::Json);
    m_pretty->setStore(result.text);
    if (!result.error.isEmpty())
        setNotice(tr("Not valid JSON: %1 The text is reindented as received.").arg(result.error), false);
    else if (m_formatAllowed)
        setNotice(QString(), false);
    if (m_mode == Mode::Pretty)
        m_stack->setCurrentWidget(m_pretty);
    Q_EMIT jobFinished(Mode::Pretty);
}

void BodyView::onParsed()
{
    const QFuture<TreeResult> f = m_treeWatcher.future();
    if (f.isCanceled() || f.resultCount() == 0)
        return;
    const TreeResult result = f.result();
    m_treeReady = true;
    m_treeModel->setDocument(result.document, result.order);
    if (!result.error.isEmpty())
        setNotice(result.error, false);
    if (m_mode == Mode::Tree)
        m_stack->setCurrentWidget(m_tree);
    Q_EMIT jobFinished(Mode::Tree);
}

void BodyView::onDecoded()
{
    const QFuture<ImageResult> f = m_imageWatcher.future();
    if (f.isCanceled() || f.resultCount() == 0)
        return;
    const ImageResult result = f.result();
    m_imageReady = true;
    if (result.image.isNull()) {
        m_image->setText(result.error);
        m_imageInfo.clear();
        m_imageLabel->setText(result.error);
    } else {
        m_imageSize = result.image.size();
        const QByteArray format = m_mimeType.mid(m_mimeType.indexOf('/') + 1).toUpper();
        m_imageInfo = tr("%1 × %2 px · %3 · %4")
                          .arg(m_imageSize.width())
                          .arg(m_imageSize.height())
                          .arg(QString::fromLatin1(format), sizeText(m_body->size()));
        m_imageLabel->setText(m_imageInfo);
        m_image->setPixmap(QPixmap::fromImage(result.image));
    }
    if (m_mode == Mode::Image)
        m_stack->setCurrentWidget(m_imagePage);
    Q_EMIT jobFinished(Mode::Image);
}

void BodyView::pollGrowing()
{
    if (!m_body) {
        m_growTimer->stop();
        return;
    }
    m_raw->refresh();
    m_hex->refresh();
    if (m_body->isFinished()) {
        m_growTimer->stop();
        const std::shared_ptr<BodyStore> body = m_body;
        const QByteArray mime = m_mimeType;
        const Mode mode = m_mode;
        setBody(body, mime); // re-classify and pick the mode with the whole body
        if (mode != m_mode && isModeAvailable(mode))
            setMode(mode);
    }
}

} // namespace Peephole
