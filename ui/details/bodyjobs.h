#pragma once

#include "details/jsonkeyorder.h"

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QJsonDocument>
#include <QPromise>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace Peephole {

class BodyStore;

/// What a body holds, from its Content-Type and its first bytes.
enum class BodyKind { Empty, Json, Markup, Text, Image, Binary };
BodyKind classifyBody(const QByteArray &mimeType, const QByteArray &head);

struct FormatResult
{
    std::shared_ptr<BodyStore> text; ///< The reindented text (spills to disk when large).
    QString error;                   ///< First syntax problem, empty if none.
};

struct TreeResult
{
    QJsonDocument document;
    JsonKeyOrder order; ///< The keys of each object in document order.
    QString error;
};

struct ImageResult
{
    QImage image;
    QString error;
};

/// Worker functions: run off the GUI thread, check promise.isCanceled()
/// between chunks, add one result.
void formatJsonJob(QPromise<FormatResult> &promise, const std::shared_ptr<BodyStore> &body);
void parseJsonJob(QPromise<TreeResult> &promise, const std::shared_ptr<BodyStore> &body);
void decodeImageJob(QPromise<ImageResult> &promise, const std::shared_ptr<BodyStore> &body,
                    const QByteArray &mimeType);

/// Runs @p job(QPromise<T>&) on the global thread pool; the future can be
/// watched with a QFutureWatcher (results arrive queued in its thread) and
/// cancelled.
template <typename T, typename Job> QFuture<T> runJob(Job job)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, job = std::move(job)]() mutable {
        if (!promise->isCanceled())
            job(*promise);
        promise->finish();
    });
    return future;
}

} // namespace Peephole
