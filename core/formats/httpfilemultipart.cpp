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
    if (m.capturedStart(1) < 0)
        return m.captured(2).toUtf8();
    // A quoted-string: each backslash takes the next character as it is (RFC 9110 §5.6.4).
    const QString text = m.captured(1);
    QString value;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size())
            ++i;
        value += text.at(i);
    }
    return value.toUtf8();
}

// @p value as the content of a quoted-string: the writer's side of parameter().
QByteArray quoted(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
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
        // Names are quoted as parameter() reads them back (a name may hold '"' or '\\').
        out += "--" + boundary + "\nContent-Disposition: form-data; name=\"" + quoted(part.name) + '"';
        if (!part.fileName.isEmpty())
            out += "; filename=\"" + quoted(part.fileName) + '"';
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
