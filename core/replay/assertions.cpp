#include "replay/assertions.h"

#include "replay/jsondiff.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Peephole::Assertions {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Assertions", text);
}

const QStringList operators = {u"=="_s,       u"!="_s,         u"<="_s,       u">="_s,
                               u"<"_s,        u">"_s,          u"contains"_s, u"!contains"_s,
                               u"includes"_s, u"startsWith"_s, u"endsWith"_s, u"matches"_s,
                               u"exists"_s,   u"!exists"_s,    u"isTrue"_s,   u"isFalse"_s};

QString unquote(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 &&
        ((v.startsWith(u'"') && v.endsWith(u'"')) || (v.startsWith(u'\'') && v.endsWith(u'\''))))
        return v.mid(1, v.size() - 2);
    return v;
}

QString scalarText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : JsonDiff::toText(v);
}

bool compare(const QString &op, const QString &actual, const QString &expected, QString *why)
{
    bool an = false, en = false;
    const double a = actual.toDouble(&an);
    const double e = expected.toDouble(&en);
    const bool numeric = an && en;
    if (op == u"==")
        return numeric ? a == e : actual == expected;
    if (op == u"!=")
        return numeric ? a != e : actual != expected;
    if (op == u"<" || op == u"<=" || op == u">" || op == u">=") {
        if (!numeric) {
            *why = tr("%1 needs numbers, got \"%2\" and \"%3\"").arg(op, actual, expected);
            return false;
        }
        return op == u"<" ? a < e : op == u"<=" ? a <= e : op == u">" ? a > e : a >= e;
    }
    if (op == u"contains" || op == u"includes")
        return actual.contains(expected);
    if (op == u"!contains")
        return !actual.contains(expected);
    if (op == u"startsWith")
        return actual.startsWith(expected);
    if (op == u"endsWith")
        return actual.endsWith(expected);
    if (op == u"matches") {
        const QRegularExpression re(expected);
        if (!re.isValid()) {
            *why = tr("invalid regular expression \"%1\": %2").arg(expected, re.errorString());
            return false;
        }
        return re.match(actual).hasMatch();
    }
    if (op == u"isTrue")
        return actual == u"true";
    if (op == u"isFalse")
        return actual == u"false";
    return false;
}
} // namespace

bool jsonPath(const QByteArray &json, const QString &path, QJsonValue *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = tr("the body is not JSON (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset);
        return false;
    }
    QJsonValue cur = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (!path.startsWith(u'$')) {
        *error = tr("a JSON path starts with $, e.g. $.user.id");
        return false;
    }
    qsizetype i = 1;
    while (i < path.size()) {
        QString key;
        int index = -1;
        if (path.at(i) == u'.') {
            qsizetype j = i + 1;
            while (j < path.size() && path.at(j) != u'.' && path.at(j) != u'[')
                ++j;
            key = path.mid(i + 1, j - i - 1);
            i = j;
        } else if (path.at(i) == u'[') {
            const qsizetype close = path.indexOf(u']', i);
            if (close < 0) {
                *error = tr("unclosed [ in %1").arg(path);
                return false;
            }
            const QString inner = path.mid(i + 1, close - i - 1);
            if (inner.startsWith(u'\'') || inner.startsWith(u'"')) {
                key = unquote(inner);
            } else {
                bool ok = false;
                index = inner.toInt(&ok);
                if (!ok) {
                    *error = tr("\"%1\" is not an array index in %2").arg(inner, path);
                    return false;
                }
            }
            i = close + 1;
        } else {
            *error = tr("unexpected \"%1\" in %2").arg(path.at(i)).arg(path);
            return false;
        }
        if (index >= 0) {
            if (!cur.isArray() || index >= cur.toArray().size())
                return false;
            cur = cur.toArray().at(index);
        } else {
            if (!cur.isObject() || !cur.toObject().contains(key))
                return false;
            cur = cur.toObject().value(key);
        }
    }
    *out = cur;
    return true;
}

AssertionResult evaluate(const QString &expression, const ExpectedResponse &response, qint64 durationMs,
                         const std::function<std::optional<QString>(const QString &, QString *)> &resolve)
{
    AssertionResult r;
    r.expression = expression;
    QStringList words = expression.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        r.message = tr("empty assertion");
        return r;
    }
    const QString subject = words.takeFirst().toLower();
    QString actual;
    bool present = true;
    QString label = subject;
    if (subject == u"status") {
        actual = QString::number(response.status);
    } else if (subject == u"duration" || subject == u"time") {
        actual = QString::number(durationMs);
    } else if (subject == u"header") {
        if (words.isEmpty()) {
            r.message = tr("\"header\" needs a header name: header content-type contains json");
            return r;
        }
        const QString name = words.takeFirst();
        label = u"header "_s + name;
        const QList<QByteArray> values = Headers::values(response.headers, name.toLatin1());
        present = !values.isEmpty();
        actual = QString::fromLatin1(values.join(", "));
    } else if (subject == u"body") {
        if (!words.isEmpty() && words.first().startsWith(u'$')) {
            const QString path = words.takeFirst();
            label = u"body "_s + path;
            QJsonValue v;
            QString error;
            present = jsonPath(response.body, path, &v, &error);
            if (!error.isEmpty()) {
                r.message = error;
                return r;
            }
            actual = present ? scalarText(v) : QString();
        } else {
            actual = QString::fromUtf8(response.body);
        }
    } else {
        r.message =
            tr("unknown subject \"%1\": use status, header NAME, body, body $.path or duration").arg(subject);
        return r;
    }
    if (words.isEmpty()) {
        r.message = tr("missing operator after \"%1\" (==, !=, <, >, contains, exists...)").arg(label);
        return r;
    }
    const QString op = words.takeFirst();
    if (!operators.contains(op)) {
        r.message = tr("unknown operator \"%1\"").arg(op);
        return r;
    }
    QString expected = unquote(words.join(u' '));
    if (resolve) {
        QString error;
        const auto v = resolve(expected, &error);
        if (!v) {
            r.message = error;
            return r;
        }
        expected = *v;
    }
    if (op == u"exists" || op == u"!exists") {
        r.passed = (op == u"exists") == present;
        if (!r.passed)
            r.message = present ? tr("%1 is present").arg(label) : tr("%1 is missing").arg(label);
        return r;
    }
    if (!present) {
        r.message = tr("%1 is missing").arg(label);
        return r;
    }
    QString why;
    r.passed = compare(op, actual, expected, &why);
    if (!r.passed) {
        const QString shown = actual.size() > 200 ? actual.left(200) + u"..."_s : actual;
        r.message =
            why.isEmpty() ? tr("%1 is \"%2\", expected %3 \"%4\"").arg(label, shown, op, expected) : why;
    }
    return r;
}

} // namespace Peephole::Assertions
