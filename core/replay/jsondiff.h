#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

namespace Peephole::JsonDiff {

/// One structural difference, addressed by a JSONPath ("$.items[2].name").
struct Change
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString path;
    QString expected; ///< Compact JSON of the expected value (empty for Added).
    QString actual;   ///< Compact JSON of the actual value (empty for Removed).

    friend bool operator==(const Change &, const Change &) = default;
};

struct Result
{
    QList<Change> changes;
    bool truncated = false;
};

/// Object members are compared by key (order ignored), arrays by index.
Result diff(const QJsonValue &expected, const QJsonValue &actual, int maxChanges = 500);
/// Compact JSON text of any value (a bare string is quoted).
QString toText(const QJsonValue &value);
/// "$.a", "$['a b']", "$[3]"
QString childPath(const QString &parent, const QString &key);

} // namespace Peephole::JsonDiff
