// Postman event scripts: read from a collection, written into .http files as
// JetBrains-style inline handlers that Peephole's runner executes (core/script).
#include "formats/postman.h"
#include "formats/postmanimporter_p.h"

using namespace Qt::StringLiterals;

namespace Peephole {

namespace PostmanDetail {
void readEvents(const QJsonArray &events, ImportedItem &item)
{
    for (const QJsonValue &v : events) {
        const QJsonObject event = v.toObject();
        if (event.value(u"disabled"_s).toBool())
            continue; // Postman does not run it either
        const QJsonValue exec = event.value(u"script"_s).toObject().value(u"exec"_s);
        QStringList lines;
        if (exec.isArray()) {
            for (const QJsonValue &line : exec.toArray())
                lines.append(line.toString());
        } else {
            lines = exec.toString().split(u'\n');
        }
        QString code = lines.join(u'\n');
        code.replace(u"\r\n"_s, u"\n"_s);
        if (code.trimmed().isEmpty())
            continue;
        const QString listen = event.value(u"listen"_s).toString();
        QString &target = listen == u"prerequest" ? item.preRequestScript : item.testScript;
        if (listen != u"prerequest" && listen != u"test")
            continue;
        target = PostmanScripts::chained(target, code);
    }
}
} // namespace PostmanDetail

namespace PostmanScripts {
QString chained(const QString &first, const QString &second)
{
    if (first.trimmed().isEmpty())
        return second;
    if (second.trimmed().isEmpty())
        return first;
    return first + u'\n' + second;
}

void attach(HttpFileRequest &request, const QString &preRequest, const QString &test)
{
    const auto block = [](const QString &marker, const QString &code) {
        QStringList lines{marker + u" {%"_s};
        for (const QString &line : code.split(u'\n')) {
            // A line starting with "###" would end the request in a .http file.
            lines.append(line.startsWith(u"###"_s) ? u' ' + line : line);
        }
        lines.append(u"%}"_s);
        return lines;
    };
    if (!preRequest.trimmed().isEmpty()) {
        request.preRequest += block(u"<"_s, preRequest);
        request.scripts.append({HttpFileScript::Phase::PreRequest, 0, preRequest, {}});
    }
    if (!test.trimmed().isEmpty()) {
        request.responseHandler += block(u">"_s, test);
        request.scripts.append({HttpFileScript::Phase::Response, 0, test, {}});
    }
}
} // namespace PostmanScripts

} // namespace Peephole
