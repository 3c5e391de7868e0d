#include "details/rawview.h"
#include "common/sizetext.h"

#include "details/bodyjobs.h"
#include "details/pagedtextview.h"
#include "http/exchange.h"

#include <QFontDatabase>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString bodyPreview(const std::shared_ptr<BodyStore> &body, const QByteArray &mime)
{
    if (!body || body->size() == 0)
        return {};
    const qint64 size = body->size();
    const QByteArray head = body->read(0, RawView::BodyPreviewBytes);
    const BodyKind kind = classifyBody(mime, head);
    if (kind == BodyKind::Binary || kind == BodyKind::Image)
        return RawView::tr("[%1 of binary data: see the body tab]").arg(sizeText(size));
    QString text = displayTextFromBytes(head, false, head.size() < size);
    if (head.size() < size)
        text +=
            u'\n' +
            RawView::tr("[… %1 more: see the body tab]").arg(sizeText(size - head.size()));
    return text;
}

QString headLines(const HeaderList &headers)
{
    QString out;
    for (const HeaderField &h : headers) {
        if (h.enabled)
            out += QString::fromLatin1(h.name) + u": " + QString::fromUtf8(h.value) + u'\n';
    }
    return out;
}
} // namespace

RawView::RawView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void RawView::setExchange(const Exchange &exchange)
{
    setPlainText(render(exchange));
}

QString RawView::render(const Exchange &e)
{
    const QString version = QString::fromLatin1(e.requestVersion());
    QString out = QString::fromLatin1(e.method + ' ' + e.requestTarget()) + u' ' + version + u'\n';
    if (!Headers::contains(e.requestHeaders, "host") && !version.startsWith(u"HTTP/2"))
        out += u"Host: "_s + e.url.host(QUrl::FullyEncoded) +
               (e.url.port() >= 0 ? u':' + QString::number(e.url.port()) : QString()) + u'\n';
    out += headLines(e.requestHeaders);
    out += u'\n';
    const QByteArray requestMime =
        Headers::value(e.requestHeaders, "content-type").split(';').first().trimmed();
    const QString requestBody = bodyPreview(e.requestBody, requestMime.toLower());
    if (!requestBody.isEmpty())
        out += requestBody + u'\n';

    out += u"\n"_s + QString(40, u'─') + u"\n\n";
    if (e.statusCode > 0) {
        out += version + u' ' + QString::number(e.statusCode) + u' ' + QString::fromLatin1(e.reasonPhrase) +
               u'\n';
        out += headLines(e.responseHeaders);
        out += u'\n';
        out += bodyPreview(e.responseBody, e.mimeType());
    } else if (e.error.isError()) {
        out += tr("[No response: %1]").arg(e.error.message);
    } else {
        out += tr("[No response yet]");
    }
    return out;
}

} // namespace Peephole
