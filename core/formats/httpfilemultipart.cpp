#include "formats/httpfile_p.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole::HttpFileDetail {

namespace {
// name="value" or name=value from a header like Content-Disposition.
QByteArray parameter(const QString &header, const QString &name)
{
    const QRegularExpression re(u"(?:^|;)\\s*"_s + QRegularExpression::escape(name) +
                                    u"\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))"_s,
                                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(header);
    if (!m.hasMatch())
        return {};
    QString value = m.capturedLength(1) > 0 || m.capturedStart(1) >= 0 ? m.captured(1) : m.captured(2);
    value.replace(u"\\\""_s, u"\""_s).replace(u"\\\\"_s, u"\\"_s);
    return value.toUtf8();
}
} // namespace

QByteArray multipartBoundary(const QByteArray &contentType)
{
    const QString type = QString::fromUtf8(contentType);
    if (!type.trimmed().startsWith(u"multipart/form-data"_s, Qt::CaseInsensitive))
        return {};
    return parameter(type.section(u';', 1), u"boundary"_s);
}

std::optional<QList<MultipartPart>> parseMultipart(const QStringList &lines, const QByteArray &boundary)
{
    const QString delimiter = u"--"_s + QString::fromUtf8(boundary);
    const QString closing = delimiter + u"--"_s;
    qsizetype i = 0;
    while (i < lines.size() && lines.at(i).trimmed().isEmpty())
        ++i;
    if (i >= lines.size() || lines.at(i).trimmed() != delimiter)
        return std::nullopt;
    ++i;
    QList<MultipartPart> parts;
    bool closed = false;
    while (i < lines.size() && !closed) {
        MultipartPart part;
        bool named = false;
        for (; i < lines.size() && !lines.at(i).trimmed().isEmpty(); ++i) {
            const QString &h = lines.at(i);
            const qsizetype colon = h.indexOf(u':');
            if (colon <= 0)
                return std::nullopt;
            const QString name = h.left(colon).trimmed();
            const QString value = h.mid(colon + 1).trimmed();
            if (name.compare(u"Content-Disposition"_s, Qt::CaseInsensitive) == 0) {
                part.name = parameter(value.section(u';', 1), u"name"_s);
                part.fileName = parameter(value.section(u';', 1), u"filename"_s);
                named = !part.name.isEmpty();
            } else if (name.compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0) {
                part.contentType = value.toUtf8();
            }
        }
        if (!named || i >= lines.size())
            return std::nullopt;
        ++i; // the blank line
        QStringList content;
        for (; i < lines.size(); ++i) {
            const QString t = lines.at(i).trimmed();
            if (t == delimiter || t == closing) {
                closed = t == closing;
                ++i;
                break;
            }
            content.append(lines.at(i));
        }
        if (content.size() == 1 && content.first().startsWith(u"< "_s)) {
            part.filePath = content.first().mid(2).trimmed();
        } else {
            part.value = content.join(u'\n').toUtf8();
        }
        parts.append(part);
    }
    if (!closed)
        return std::nullopt;
    return parts;
}

QByteArray writeMultipart(const QList<MultipartPart> &parts, const QByteArray &boundary)
{
    QByteArray out;
    for (const MultipartPart &part : parts) {
        out += "--" + boundary + "\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (!part.fileName.isEmpty())
            out += "; filename=\"" + part.fileName + '"';
        out += '\n';
        if (!part.contentType.isEmpty())
            out += "Content-Type: " + part.contentType + '\n';
        out += '\n';
        out += part.filePath.isEmpty() ? part.value : "< " + part.filePath.toUtf8();
        out += '\n';
    }
    out += "--" + boundary + "--";
    return out;
}

} // namespace Peephole::HttpFileDetail
