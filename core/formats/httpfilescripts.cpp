// The JavaScript handlers of a .http request, as the parser reads them.
#include "formats/httpfile_p.h"

using namespace Qt::StringLiterals;

namespace Peephole::HttpFileDetail {

HttpFileScript script(const QStringList &lines, int line, HttpFileScript::Phase phase)
{
    HttpFileScript s;
    s.phase = phase;
    s.line = line;
    if (lines.isEmpty())
        return s;
    const QString first = lines.first();
    const qsizetype open = first.indexOf(u"{%"_s);
    if (open < 0) {
        // "> ./handler.js" / "< ./prepare.js"
        s.path = first.trimmed().mid(1).trimmed();
        return s;
    }
    // Code keeps its lines, so that line N of the code is line (line + N - 1) of the file.
    QStringList code = lines;
    code.first() = first.mid(open + 2);
    for (qsizetype i = 0; i < code.size(); ++i) {
        const qsizetype close = code.at(i).indexOf(u"%}"_s);
        if (close >= 0) {
            code[i] = code.at(i).left(close);
            code = code.mid(0, i + 1);
            break;
        }
    }
    s.code = code.join(u'\n');
    return s;
}

} // namespace Peephole::HttpFileDetail
