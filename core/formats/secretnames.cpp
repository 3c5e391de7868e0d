#include "formats/secretnames.h"

#include "collection/variables.h"
#include "redact/redact.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole::SecretNames {

bool looksSecret(const QString &name)
{
    return Redact::looksSecret(name);
}

bool isReferenceOrEmpty(const QString &value)
{
    const QString t = value.trimmed();
    if (t.isEmpty())
        return true;
    const QStringList refs = Variables::references(t);
    return refs.size() == 1 && t == Variables::reference(refs.first());
}

QString variableFor(const QString &itemName, const QString &what, QSet<QString> &taken)
{
    // camelCase of the item name's words, then "_what".
    QString base;
    const QStringList words = itemName.split(QRegularExpression(u"[^A-Za-z0-9]+"_s), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (base.isEmpty())
            base = w.left(1).toLower() + w.mid(1);
        else
            base += w.left(1).toUpper() + w.mid(1);
    }
    if (base.isEmpty() || base.at(0).isDigit())
        base.prepend(u"item"_s);
    QString whatPart = what;
    whatPart.replace(QRegularExpression(u"[^A-Za-z0-9]+"_s), u"_"_s);
    base += u'_' + whatPart.toLower();
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = base + u'_' + QString::number(n);
    taken.insert(name);
    return name;
}

} // namespace Peephole::SecretNames
