// Runner: the parts of the JetBrains HTTP Client / httpyac .http dialect that are
// carried out when a request is sent ("<@ ./file" bodies, relative request lines,
// GraphQL bodies, urlencoded continuation lines).
#include "replay/runner.h"

#include "http/headers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr qint64 MaxBodyFileWithVariables = 16 * 1024 * 1024; // read whole to replace variables
} // namespace

bool Runner::prepareDialect(int index, const CollectionRequest &request, RequestSpec &spec)
{
    RequestResult &result = m_summary.results[index];
    const QString file = result.ref.file;
    auto error = [&](const QString &message) {
        result.outcome = RequestResult::Outcome::Error;
        result.messages.append(tr("%1:%2: %3").arg(file).arg(request.line).arg(message));
        return false;
    };
    if (request.bodyFileWithVariables && spec.body.kind == RequestBody::Kind::File) {
        QFile body(spec.body.filePath);
        if (!body.open(QIODevice::ReadOnly))
            return error(tr("cannot read the body file %1 (<@): %2")
                             .arg(QDir::toNativeSeparators(body.fileName()), body.errorString()));
        if (body.size() > MaxBodyFileWithVariables)
            return error(tr("the body file %1 (<@) is larger than 16 MiB; use \"< %1\" to send it as it is")
                             .arg(QDir::toNativeSeparators(body.fileName())));
        spec.body.raw = body.readAll();
        spec.body.kind = RequestBody::Kind::Raw;
        spec.body.filePath.clear();
    }
    if (spec.urlTemplate.startsWith(u'/')) {
        // "GET /users" with "Host: example.com" (JetBrains) or "@host = http://localhost:3000" (httpyac).
        const QByteArray hostHeader = Headers::value(spec.headers, "host").trimmed();
        QString base;
        if (!hostHeader.isEmpty()) {
            base = QString::fromUtf8(hostHeader);
        } else {
            VariableError verror;
            const Variables vars = variablesFor(result.ref);
            if (!vars.value(u"host"_s))
                return error(tr("the request line \"%1\" is relative: give a Host header or define the "
                                "variable host (\"@host = http://localhost:3000\")")
                                 .arg(spec.urlTemplate));
            const std::optional<QString> host = vars.resolve(u"{{host}}"_s, tr("URL"), &verror);
            if (!host)
                return error(verror.message);
            base = *host;
        }
        if (!base.contains(u"://"_s))
            base.prepend(base.endsWith(u":443"_s) ? u"https://"_s : u"http://"_s);
        while (base.endsWith(u'/'))
            base.chop(1);
        spec.urlTemplate = base + spec.urlTemplate;
    }
    return true;
}

bool Runner::finishDialect(int index, const CollectionRequest &request, RequestSpec &spec)
{
    RequestResult &result = m_summary.results[index];
    if (request.graphql && spec.body.kind == RequestBody::Kind::Raw) {
        // The query, then (after a blank line) the variables as JSON.
        const QString text = QString::fromUtf8(spec.body.raw).replace(u"\r\n"_s, u"\n"_s);
        qsizetype split = text.indexOf(u"\n\n"_s);
        QString query = split < 0 ? text : text.left(split);
        const QString variables = split < 0 ? QString() : text.mid(split).trimmed();
        QJsonObject body{{u"query"_s, query.trimmed()}};
        if (!variables.isEmpty()) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(variables.toUtf8(), &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                result.outcome = RequestResult::Outcome::Error;
                result.messages.append(tr("%1:%2: the GraphQL variables after the query are not a JSON object "
                                          "(%3)")
                                           .arg(result.ref.file)
                                           .arg(request.line)
                                           .arg(pe.error == QJsonParseError::NoError ? tr("not an object")
                                                                                     : pe.errorString()));
                return false;
            }
            body.insert(u"variables"_s, doc.object());
        }
        spec.body.raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
        if (spec.method == "GRAPHQL")
            spec.method = "POST";
        Headers::remove(spec.headers, "x-request-type");
        if (!Headers::contains(spec.headers, "content-type"))
            spec.headers.append({"Content-Type", "application/json", true});
    }
    if (spec.body.kind == RequestBody::Kind::Raw && spec.body.raw.contains('\n') &&
        Headers::value(spec.headers, "content-type").toLower().startsWith("application/x-www-form-urlencoded")) {
        // "name=a\n&password=b": the lines are one form body.
        QByteArray joined;
        for (const QByteArray &line : spec.body.raw.split('\n'))
            joined += line.trimmed();
        spec.body.raw = joined;
    }
    return true;
}

} // namespace Peephole
