#include "details/bodyjobs.h"
#include "common/sizetext.h"

#include "details/jsonformatter.h"
#include "http/bodystore.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QJsonParseError>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr qint64 ChunkSize = 1024 * 1024;

QString trJobs(const char *text)
{
    return QCoreApplication::translate("Peephole::BodyJobs", text);
}

bool looksLikeText(const QByteArray &head)
{
    if (head.contains('\0'))
        return false;
    int control = 0;
    for (char c : head) {
        const auto u = uchar(c);
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++control;
    }
    return control * 50 <= head.size();
}
} // namespace

BodyKind classifyBody(const QByteArray &mime, const QByteArray &head)
{
    if (head.isEmpty())
        return BodyKind::Empty;
    if (mime.startsWith("image/") && !mime.contains("svg"))
        return BodyKind::Image;
    if (mime.contains("json"))
        return BodyKind::Json;
    if (mime.contains("xml") || mime.contains("html"))
        return BodyKind::Markup;
    if (mime.isEmpty() || mime.startsWith("text/") || mime.contains("javascript") ||
        mime == "application/x-www-form-urlencoded") {
        if (JsonFormatter::looksLikeJson(head) && looksLikeText(head))
            return BodyKind::Json;
        const QByteArray trimmed = head.left(256).trimmed();
        if (trimmed.startsWith('<') && looksLikeText(head))
            return BodyKind::Markup;
        if (looksLikeText(head))
            return BodyKind::Text;
    }
    if (looksLikeText(head) && JsonFormatter::looksLikeJson(head))
        return BodyKind::Json;
    return BodyKind::Binary;
}

void formatJsonJob(QPromise<FormatResult> &promise, const std::shared_ptr<BodyStore> &body)
{
    FormatResult result;
    result.text = std::make_shared<BodyStore>();
    JsonFormatter formatter;
    const qint64 size = body->size();
    promise.setProgressRange(0, 1000);
    QByteArray out;
    for (qint64 offset = 0; offset < size; offset += ChunkSize) {
        if (promise.isCanceled())
            return;
        const QByteArray chunk = body->read(offset, ChunkSize);
        if (chunk.isEmpty())
            break;
        out.clear();
        formatter.feed(chunk, out);
        if (!result.text->append(out)) {
            result.error = result.text->errorString();
            break;
        }
        promise.setProgressValue(int(offset * 1000 / qMax<qint64>(1, size)));
    }
    out.clear();
    formatter.finish(out);
    result.text->append(out);
    result.text->finish();
    if (result.error.isEmpty() && formatter.hasError())
        result.error = formatter.errorString();
    promise.addResult(std::move(result));
}

void parseJsonJob(QPromise<TreeResult> &promise, const std::shared_ptr<BodyStore> &body)
{
    TreeResult result;
    const QByteArray bytes = body->read(0, body->size());
    if (promise.isCanceled())
        return;
    QJsonParseError error;
    result.document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        result.error = trJobs("Not valid JSON at byte %1: %2.").arg(error.offset).arg(error.errorString());
    else if (!promise.isCanceled())
        result.order = scanJsonKeyOrder(bytes);
    promise.addResult(std::move(result));
}

void decodeImageJob(QPromise<ImageResult> &promise, const std::shared_ptr<BodyStore> &body,
                    const QByteArray &mimeType)
{
    ImageResult result;
    const QByteArray bytes = body->read(0, body->size());
    if (promise.isCanceled())
        return;
    if (!result.image.loadFromData(bytes)) {
        result.error = trJobs("The body could not be decoded as an image (%1, %2). Supported formats: %3.")
                           .arg(QString::fromLatin1(mimeType), sizeText(bytes.size()),
                                QString::fromLatin1(QImageReader::supportedImageFormats().join(", ")));
    }
    promise.addResult(std::move(result));
}

} // namespace Peephole
