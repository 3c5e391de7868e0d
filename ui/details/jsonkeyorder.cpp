#include "details/jsonkeyorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <vector>

namespace Peephole {

namespace {
struct Frame
{
    bool object = false;
    QString place;
    int index = 0;         ///< Arrays: the element being read.
    bool expectKey = true; ///< Objects: the next string is a key.
    QString lastKey;
    QStringList keys;
    QSet<QString> seen;
};

QString decodeKey(const QByteArray &raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    // Escapes (\u00e9, \", \n...): let Qt's parser decode the one string.
    const QJsonDocument doc = QJsonDocument::fromJson('[' + QByteArray('"' + raw + '"') + ']');
    return doc.array().at(0).toString();
}
} // namespace

JsonKeyOrder scanJsonKeyOrder(const QByteArray &json)
{
    JsonKeyOrder order;
    std::vector<Frame> stack;
    const auto childPlace = [&stack]() -> QString {
        if (stack.empty())
            return QString();
        const Frame &top = stack.back();
        return top.object ? jsonChildKey(top.place, top.lastKey) : jsonChildKey(top.place, top.index);
    };
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json.at(i);
        switch (c) {
        case '"': {
            qsizetype j = i + 1;
            while (j < n && json.at(j) != '"')
                j += json.at(j) == '\\' ? 2 : 1;
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Frame &top = stack.back();
                top.lastKey = decodeKey(json.mid(i + 1, j - i - 1));
                top.expectKey = false;
                if (!top.seen.contains(top.lastKey)) {
                    top.seen.insert(top.lastKey);
                    top.keys.append(top.lastKey);
                }
            }
            i = j;
            break;
        }
        case ',':
            if (!stack.empty()) {
                if (stack.back().object)
                    stack.back().expectKey = true;
                else
                    ++stack.back().index;
            }
            break;
        case '{': {
            Frame f;
            f.object = true;
            f.place = childPlace();
            stack.push_back(std::move(f));
            break;
        }
        case '[': {
            Frame f;
            f.place = childPlace();
            stack.push_back(std::move(f));
            break;
        }
        case '}':
            if (!stack.empty()) {
                order.insert(stack.back().place, stack.back().keys);
                stack.pop_back();
            }
            break;
        case ']':
            if (!stack.empty())
                stack.pop_back();
            break;
        default:
            break;
        }
    }
    return order;
}

} // namespace Peephole
