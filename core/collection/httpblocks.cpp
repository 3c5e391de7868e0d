#include "collection/httpblocks.h"

namespace Peephole::HttpBlocks {

QList<QByteArray> split(const QByteArray &bytes)
{
    QList<QByteArray> blocks;
    qsizetype blockStart = 0;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? bytes.size() : nl + 1;
        if (pos > blockStart && QByteArrayView(bytes).sliced(pos).startsWith("###")) {
            blocks.append(bytes.mid(blockStart, pos - blockStart));
            blockStart = pos;
        }
        pos = end;
    }
    if (blockStart < bytes.size() || blocks.isEmpty())
        blocks.append(bytes.mid(blockStart));
    return blocks;
}

BlockResult parse(const QByteArray &block, int firstLine)
{
    BlockResult out;
    HttpFileParseResult r = HttpFileParser::parse(block);
    out.file = std::move(r.file);
    for (const ParseError &e : std::as_const(r.errors))
        out.problems.append(FileProblem{e.line > 0 ? e.line + firstLine - 1 : firstLine, e.message});
    for (CollectionRequest &req : out.file.requests) {
        req.line += firstLine - 1;
        for (int &line : req.assertionLines)
            line += line > 0 ? firstLine - 1 : 0;
        for (HttpFileUnsupported &u : req.unsupported)
            u.line += firstLine - 1;
        for (HttpFileScript &script : req.scripts)
            script.line += script.line > 0 ? firstLine - 1 : 0;
        for (HttpFileWarning &w : req.warnings)
            w.line += firstLine - 1;
    }
    return out;
}

QByteArray write(const CollectionRequest &request, const HttpFile &context, bool followed)
{
    HttpFile f;
    f.leadingComments = context.leadingComments;
    f.variables = context.variables;
    f.requests = {request};
    QByteArray out = HttpFileWriter::write(f);
    if (followed)
        out += '\n';
    return out;
}

} // namespace Peephole::HttpBlocks
