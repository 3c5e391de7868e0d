#include "replay/responsediff.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ResponseDiff", text);
}

QMap<QByteArray, QByteArray> headerMap(const HeaderList &headers, const QStringList &ignored)
{
    QMap<QByteArray, QByteArray> out;
    for (const HeaderField &h : headers) {
        if (!h.enabled)
            continue;
        const QByteArray name = h.name.toLower();
        if (ignored.contains(QString::fromLatin1(name), Qt::CaseInsensitive))
            continue;
        QByteArray &v = out[name];
        v = v.isEmpty() ? h.value : v + ", " + h.value;
    }
    return out;
}

std::optional<QJsonDocument> asJson(const ExpectedResponse &r)
{
    const QByteArray trimmed = r.body.trimmed();
    const bool looksJson =
        r.contentType().toLower().contains("json") || trimmed.startsWith('{') || trimmed.startsWith('[');
    if (!looksJson)
        return std::nullopt;
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc;
}

std::optional<QString> asText(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return std::nullopt;
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QJsonValue rootOf(const QJsonDocument &d)
{
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}
} // namespace

QStringList DiffOptions::defaultIgnoredHeaders()
{
    return {u"date"_s,          u"age"_s,          u"expires"_s,
            u"last-modified"_s, u"etag"_s,         u"set-cookie"_s,
            u"server-timing"_s, u"x-request-id"_s, u"x-correlation-id"_s,
            u"traceparent"_s,   u"tracestate"_s,   u"content-length"_s,
            u"connection"_s,    u"keep-alive"_s,   u"transfer-encoding"_s,
            u"x-runtime"_s,     u"cf-ray"_s,       u"via"_s};
}

ResponseDiffResult ResponseDiff::compare(const ExpectedResponse &expected, const ExpectedResponse &actual,
                                         const DiffOptions &options)
{
    ResponseDiffResult r;
    r.expectedStatus = expected.status;
    r.actualStatus = actual.status;

    const auto eh = headerMap(expected.headers, options.ignoredHeaders);
    const auto ah = headerMap(actual.headers, options.ignoredHeaders);
    for (auto it = eh.begin(); it != eh.end(); ++it) {
        if (!ah.contains(it.key()))
            r.headers.append(HeaderChange{HeaderChange::Kind::Removed, it.key(), it.value(), {}});
        else if (ah.value(it.key()) != it.value())
            r.headers.append(
                HeaderChange{HeaderChange::Kind::Changed, it.key(), it.value(), ah.value(it.key())});
    }
    for (auto it = ah.begin(); it != ah.end(); ++it) {
        if (!eh.contains(it.key()))
            r.headers.append(HeaderChange{HeaderChange::Kind::Added, it.key(), {}, it.value()});
    }

    r.expectedSize = expected.body.size();
    r.actualSize = actual.body.size();
    const auto ej = asJson(expected), aj = asJson(actual);
    if (ej && aj) {
        r.bodyKind = ResponseDiffResult::BodyKind::Json;
        r.json = JsonDiff::diff(rootOf(*ej), rootOf(*aj));
        r.bodyChanged = !r.json.changes.isEmpty();
        return r;
    }
    const auto et = asText(expected.body), at = asText(actual.body);
    if (et && at) {
        r.bodyKind = ResponseDiffResult::BodyKind::Text;
        if (*et != *at) {
            r.text = TextDiff::diff(TextDiff::splitLines(*et), TextDiff::splitLines(*at));
            // Texts that differ only in a final newline still differ.
            r.bodyChanged = true;
        }
        return r;
    }
    r.bodyKind = ResponseDiffResult::BodyKind::Binary;
    r.expectedSha256 = QCryptographicHash::hash(expected.body, QCryptographicHash::Sha256).toHex();
    r.actualSha256 = QCryptographicHash::hash(actual.body, QCryptographicHash::Sha256).toHex();
    r.bodyChanged = r.expectedSha256 != r.actualSha256;
    return r;
}

QString ResponseDiffResult::summary(int maxLines) const
{
    QStringList lines;
    if (statusChanged())
        lines.append(tr("status: expected %1, got %2").arg(expectedStatus).arg(actualStatus));
    for (const HeaderChange &h : headers) {
        const QString name = QString::fromLatin1(h.name);
        switch (h.kind) {
        case HeaderChange::Kind::Added:
            lines.append(tr("header %1: added \"%2\"").arg(name, QString::fromLatin1(h.actual)));
            break;
        case HeaderChange::Kind::Removed:
            lines.append(tr("header %1: removed (was \"%2\")").arg(name, QString::fromLatin1(h.expected)));
            break;
        case HeaderChange::Kind::Changed:
            lines.append(tr("header %1: \"%2\" -> \"%3\"")
                             .arg(name, QString::fromLatin1(h.expected), QString::fromLatin1(h.actual)));
            break;
        }
    }
    if (bodyChanged) {
        switch (bodyKind) {
        case BodyKind::Json:
            for (const JsonDiff::Change &c : json.changes) {
                if (c.kind == JsonDiff::Change::Kind::Added)
                    lines.append(tr("body %1: added %2").arg(c.path, c.actual));
                else if (c.kind == JsonDiff::Change::Kind::Removed)
                    lines.append(tr("body %1: removed (was %2)").arg(c.path, c.expected));
                else
                    lines.append(tr("body %1: %2 -> %3").arg(c.path, c.expected, c.actual));
            }
            break;
        case BodyKind::Text:
            lines.append(tr("body (text):"));
            lines += TextDiff::render(text).split(u'\n', Qt::SkipEmptyParts);
            break;
        case BodyKind::Binary:
            lines.append(tr("body (binary): %1 bytes sha256 %2 -> %3 bytes sha256 %4")
                             .arg(expectedSize)
                             .arg(QString::fromLatin1(expectedSha256.left(16)))
                             .arg(actualSize)
                             .arg(QString::fromLatin1(actualSha256.left(16))));
            break;
        }
    }
    if (lines.size() > maxLines) {
        const qsizetype more = lines.size() - maxLines;
        lines.resize(maxLines);
        lines.append(tr("... and %1 more").arg(more));
    }
    return lines.join(u'\n');
}

} // namespace Peephole
