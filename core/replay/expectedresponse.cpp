#include "replay/expectedresponse.h"
#include "io/fileio.h"

#include "http/exchange.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::ExpectedStore", text);
}

bool ignored(const QByteArray &name, const QStringList &list)
{
    for (const QString &n : list) {
        if (QByteArrayView(name).compare(n.toLatin1(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

ExpectedResponse ExpectedResponse::fromExchange(const Exchange &exchange)
{
    ExpectedResponse r;
    if (!exchange.httpVersion.isEmpty())
        r.httpVersion = exchange.httpVersion == "HTTP/2" ? "HTTP/2"_ba : exchange.httpVersion;
    r.status = exchange.statusCode;
    r.reason = exchange.reasonPhrase;
    r.headers = exchange.responseHeaders;
    if (exchange.responseBody)
        r.body = exchange.responseBody->read(0, exchange.responseBody->size());
    return r;
}

QByteArray ExpectedResponse::toBytes(const QStringList &ignoredHeaders) const
{
    QByteArray out = httpVersion + ' ' + QByteArray::number(status);
    if (!reason.isEmpty())
        out += ' ' + reason;
    out += '\n';
    for (const HeaderField &h : headers) {
        if (h.enabled && !ignored(h.name, ignoredHeaders))
            out += h.name + ": " + h.value + '\n';
    }
    out += '\n';
    out += body;
    return out;
}

bool ExpectedResponse::parse(const QByteArray &bytes, ExpectedResponse *out, QString *error)
{
    ExpectedResponse r;
    qsizetype pos = 0;
    auto nextLine = [&](QByteArray *line) {
        if (pos >= bytes.size())
            return false;
        qsizetype nl = bytes.indexOf('\n', pos);
        if (nl < 0)
            nl = bytes.size();
        *line = bytes.mid(pos, nl - pos);
        if (line->endsWith('\r'))
            line->chop(1);
        pos = nl + 1;
        return true;
    };
    QByteArray line;
    if (!nextLine(&line) || !line.startsWith("HTTP/")) {
        *error = tr("line 1: expected a status line such as \"HTTP/1.1 200 OK\"");
        return false;
    }
    const QList<QByteArray> parts = line.split(' ');
    bool ok = false;
    r.httpVersion = parts.value(0);
    r.status = parts.value(1).toInt(&ok);
    if (!ok || r.status < 100 || r.status > 999) {
        *error = tr("line 1: \"%1\" has no valid status code").arg(QString::fromLatin1(line));
        return false;
    }
    r.reason = line.mid(parts.value(0).size() + parts.value(1).size() + 2);
    int lineNo = 1;
    bool blank = false;
    while (nextLine(&line)) {
        ++lineNo;
        if (line.isEmpty()) {
            blank = true;
            break;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = tr("line %1: expected a header \"Name: value\"").arg(lineNo);
            return false;
        }
        r.headers.append(HeaderField{line.left(colon).trimmed(), line.mid(colon + 1).trimmed(), true});
    }
    if (blank)
        r.body = bytes.mid(std::min(pos, bytes.size()));
    *out = r;
    return true;
}

QByteArray ExpectedResponse::contentType() const
{
    return Headers::value(headers, "content-type");
}

namespace ExpectedStore {

QString slug(const CollectionRequest &request, int index)
{
    QString out;
    for (const QChar c : request.name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                        c == u'-' || c == u'_' || c == u'.';
        out += ok ? c : u'-';
    }
    while (out.startsWith(u'.') || out.startsWith(u'-'))
        out.remove(0, 1);
    if (out.isEmpty())
        out = u"request-"_s + QString::number(index + 1);
    return out;
}

QString pathFor(const Collection &collection, const RequestRef &ref)
{
    const CollectionRequest *request = collection.request(ref);
    QString file = ref.file;
    if (file.endsWith(u".http"_s) || file.endsWith(u".rest"_s))
        file.chop(5);
    return collection.rootPath + u"/.peephole/expected/"_s + file + u'/' +
           (request ? slug(*request, ref.index) : u"request-"_s + QString::number(ref.index + 1)) +
           u".response"_s;
}

bool read(const Collection &collection, const RequestRef &ref, ExpectedResponse *out, QString *error)
{
    error->clear();
    QFile f(pathFor(collection, ref));
    if (!f.exists())
        return false;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(QDir::toNativeSeparators(f.fileName()), f.errorString());
        return false;
    }
    QString why;
    if (!ExpectedResponse::parse(f.readAll(), out, &why)) {
        *error = QDir::toNativeSeparators(f.fileName()) + u": "_s + why;
        return false;
    }
    return true;
}

bool write(const Collection &collection, const RequestRef &ref, const ExpectedResponse &response,
           const QStringList &ignoredHeaders, QString *error)
{
    const QString path = pathFor(collection, ref);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return Io::writeFile(path, response.toBytes(ignoredHeaders), error);
}

} // namespace ExpectedStore
} // namespace Peephole
