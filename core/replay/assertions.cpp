#include "replay/assertions.h"

#include "replay/jsondiff.h"

#include <QCoreApplication>
#include <QCryptographicHash>
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

const QStringList operators = {
    u"=="_s,        u"!="_s,       u"<="_s,         u">="_s,       u"<"_s,       u">"_s,        u"contains"_s,
    u"!contains"_s, u"includes"_s, u"startsWith"_s, u"endsWith"_s, u"matches"_s, u"exists"_s,   u"!exists"_s,
    u"isTrue"_s,    u"isFalse"_s,  u"==="_s,        u"!=="_s,      u"equals"_s,  u"isNumber"_s, u"isString"_s,
    u"isBoolean"_s, u"isArray"_s,  u"sha256"_s,     u"sha512"_s,   u"md5"_s};

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

namespace {
/// An assertion line taken apart: "header content-type includes json" ->
/// subject "header", argument "content-type", operator "includes", expected "json".
struct Parsed
{
    QString subject;  ///< Lower case: status, duration, header, body, js, xpath...
    QString argument; ///< Header name, body path (JSONPath or httpyac property path); may be empty.
    QString op;
    QString expected;    ///< Unquoted, variables not yet resolved.
    QString error;       ///< A syntax error: the assertion fails with it.
    QString unsupported; ///< What Peephole does not implement: the request is not run.
};

bool isOperator(const QString &word)
{
    return operators.contains(word);
}

/// "data.items[0].name" (httpyac "?? body data.items[0].name") as a JSONPath; empty when it
/// is more than a property path (JavaScript).
QString propertyPathAsJsonPath(const QString &path)
{
    static const QRegularExpression re(
        u"^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*|\\[\\d+\\])*$"_s);
    return re.match(path).hasMatch() ? u"$."_s + path : QString();
}

Parsed parse(const QString &expression)
{
    Parsed p;
    QStringList words = expression.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        p.error = tr("empty assertion");
        return p;
    }
    p.subject = words.takeFirst().toLower();
    if (p.subject == u"js") {
        p.unsupported = tr("JavaScript assertions (?? js) are not run by Peephole yet");
        return p;
    }
    if (p.subject == u"xpath") {
        p.unsupported = tr("XPath assertions are not implemented");
        return p;
    }
    if (p.subject == u"header") {
        if (words.isEmpty()) {
            p.error = tr("\"header\" needs a header name: header content-type contains json");
            return p;
        }
        p.argument = words.takeFirst();
    } else if (p.subject == u"body") {
        if (!words.isEmpty() && !isOperator(words.first())) {
            const QString path = words.takeFirst();
            p.argument = path.startsWith(u'$') ? path : propertyPathAsJsonPath(path);
            if (p.argument.isEmpty()) {
                p.unsupported = tr("\"%1\" is a JavaScript expression on the body; Peephole reads "
                                   "property paths (data.items[0].id) and JSONPath ($.data.items[0].id)")
                                    .arg(path);
                return p;
            }
        }
    } else if (p.subject == u"duration" || p.subject == u"time") {
        if (!words.isEmpty() && !isOperator(words.first())) {
            const QString phase = words.takeFirst();
            if (phase != u"total") {
                p.unsupported =
                    tr("the duration of one phase (\"%1\") is not measured; use duration").arg(phase);
                return p;
            }
        }
    } else if (p.subject != u"status") {
        p.unsupported = tr("unknown subject \"%1\": use status, header NAME, body, body $.path or duration")
                            .arg(p.subject);
        return p;
    }
    const QString label = p.argument.isEmpty() ? p.subject : p.subject + u' ' + p.argument;
    if (words.isEmpty()) {
        p.error = tr("missing operator after \"%1\" (==, !=, <, >, contains, exists...)").arg(label);
        return p;
    }
    p.op = words.takeFirst();
    if (!isOperator(p.op)) {
        p.unsupported = tr("unknown operator \"%1\"").arg(p.op);
        return p;
    }
    if (p.op == u"===" || p.op == u"equals")
        p.op = u"=="_s;
    else if (p.op == u"!==")
        p.op = u"!="_s;
    p.expected = unquote(words.join(u' '));
    return p;
}

QString hashOf(const QString &op, const QByteArray &bytes)
{
    const QCryptographicHash::Algorithm a = op == u"md5"      ? QCryptographicHash::Md5
                                            : op == u"sha512" ? QCryptographicHash::Sha512
                                                              : QCryptographicHash::Sha256;
    return QString::fromLatin1(QCryptographicHash::hash(bytes, a).toBase64());
}
} // namespace

QString unsupported(const QString &expression)
{
    return parse(expression).unsupported;
}

AssertionResult evaluate(const QString &expression, const ExpectedResponse &response, qint64 durationMs,
                         const std::function<std::optional<QString>(const QString &, QString *)> &resolve)
{
    AssertionResult r;
    r.expression = expression;
    const Parsed p = parse(expression);
    if (!p.error.isEmpty() || !p.unsupported.isEmpty()) {
        r.message = p.error.isEmpty() ? p.unsupported : p.error;
        return r;
    }
    enum class Type { Missing, Number, String, Bool, Null, Array, Object };
    Type type = Type::String;
    QString actual;
    QByteArray bytes; // what the hash operators hash
    const QString label = p.argument.isEmpty() ? p.subject : p.subject + u' ' + p.argument;
    if (p.subject == u"status") {
        actual = QString::number(response.status);
        type = Type::Number;
    } else if (p.subject == u"duration" || p.subject == u"time") {
        actual = QString::number(durationMs);
        type = Type::Number;
    } else if (p.subject == u"header") {
        const QList<QByteArray> values = Headers::values(response.headers, p.argument.toLatin1());
        type = values.isEmpty() ? Type::Missing : Type::String;
        actual = QString::fromLatin1(values.join(", "));
        bytes = actual.toUtf8();
    } else if (!p.argument.isEmpty()) {
        QJsonValue v;
        QString error;
        const bool present = jsonPath(response.body, p.argument, &v, &error);
        if (!error.isEmpty()) {
            r.message = error;
            return r;
        }
        type = !present       ? Type::Missing
               : v.isDouble() ? Type::Number
               : v.isString() ? Type::String
               : v.isBool()   ? Type::Bool
               : v.isNull()   ? Type::Null
               : v.isArray()  ? Type::Array
                              : Type::Object;
        actual = present ? scalarText(v) : QString();
        bytes = actual.toUtf8();
    } else {
        actual = QString::fromUtf8(response.body);
        bytes = response.body;
    }
    const bool present = type != Type::Missing;
    QString expected = p.expected;
    if (resolve) {
        QString error;
        const auto v = resolve(expected, &error);
        if (!v) {
            r.message = error;
            return r;
        }
        expected = *v;
    }
    const QString &op = p.op;
    if (op == u"exists" || op == u"!exists") {
        r.passed = (op == u"exists") == present;
        if (!r.passed)
            r.message = present ? tr("%1 is present").arg(label) : tr("%1 is missing").arg(label);
        return r;
    }
    if (op == u"isNumber" || op == u"isString" || op == u"isBoolean" || op == u"isArray") {
        const Type wanted = op == u"isNumber"    ? Type::Number
                            : op == u"isString"  ? Type::String
                            : op == u"isBoolean" ? Type::Bool
                                                 : Type::Array;
        r.passed = type == wanted;
        if (!r.passed)
            r.message = present ? tr("%1 is \"%2\", not of the type %3 asks for").arg(label, actual, op)
                                : tr("%1 is missing").arg(label);
        return r;
    }
    if (!present) {
        r.message = tr("%1 is missing").arg(label);
        return r;
    }
    QString why;
    if (op == u"sha256" || op == u"sha512" || op == u"md5") {
        const QString hash = hashOf(op, bytes);
        r.passed = hash == expected;
        if (!r.passed)
            r.message = tr("the %1 of %2 is %3, expected %4").arg(op, label, hash, expected);
        return r;
    }
    r.passed = compare(op, actual, expected, &why);
    if (!r.passed) {
        const QString shown = actual.size() > 200 ? actual.left(200) + u"..."_s : actual;
        r.message =
            why.isEmpty() ? tr("%1 is \"%2\", expected %3 \"%4\"").arg(label, shown, op, expected) : why;
    }
    return r;
}

} // namespace Peephole::Assertions
