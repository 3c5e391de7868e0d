#include "collection/dynamicvariables.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;

namespace Peephole::DynamicVariables {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Variables", text);
}

constexpr qsizetype MaxRandomLength = 10000;
constexpr qint64 MaxDotenvSize = 1024 * 1024;

Value fail(const QString &message)
{
    Value v;
    v.error = message;
    return v;
}

Value ok(const QString &text)
{
    Value v;
    v.text = text;
    return v;
}

/// Words of an expression; "double quoted" words keep their spaces.
QStringList words(const QString &text)
{
    QStringList out;
    QString word;
    bool quoted = false, any = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any || !word.isEmpty())
                out.append(word);
            word.clear();
            any = false;
        } else {
            word += c;
        }
    }
    if (any || !word.isEmpty())
        out.append(word);
    return out;
}

/// @p dt moved by "OFFSET UNIT"; false when they are not a whole number and a known unit.
bool applyOffset(QDateTime &dt, const QString &offset, const QString &unit)
{
    bool isNumber = false;
    const qint64 n = offset.toLongLong(&isNumber);
    if (!isNumber || qAbs(n) > 100000000)
        return false;
    if (unit == u"y")
        dt = dt.addYears(int(n));
    else if (unit == u"M")
        dt = dt.addMonths(int(n));
    else if (unit == u"w")
        dt = dt.addDays(n * 7);
    else if (unit == u"d")
        dt = dt.addDays(n);
    else if (unit == u"h")
        dt = dt.addSecs(n * 3600);
    else if (unit == u"m")
        dt = dt.addSecs(n * 60);
    else if (unit == u"s")
        dt = dt.addSecs(n);
    else if (unit == u"ms")
        dt = dt.addMSecs(n);
    else
        return false;
    return true;
}

QString offsetText(const QDateTime &dt, bool colon)
{
    const int seconds = dt.offsetFromUtc();
    const int minutes = qAbs(seconds) / 60;
    return (seconds < 0 ? u"-"_s : u"+"_s) + u"%1"_s.arg(minutes / 60, 2, 10, QChar(u'0')) + (colon ? u":"_s : QString()) +
           u"%1"_s.arg(minutes % 60, 2, 10, QChar(u'0'));
}

QString randomText(qsizetype length, QStringView alphabet)
{
    QString out;
    out.reserve(length);
    for (qsizetype i = 0; i < length; ++i)
        out += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return out;
}

/// "name(a, b)" -> {"a", "b"}; std::nullopt when @p text is not a call of @p name.
std::optional<QStringList> callArguments(const QString &text, const QString &name)
{
    if (text == name)
        return QStringList();
    if (!text.startsWith(name + u'(') || !text.endsWith(u')'))
        return std::nullopt;
    const QString inner = text.mid(name.size() + 1, text.size() - name.size() - 2).trimmed();
    if (inner.isEmpty())
        return QStringList();
    QStringList args = inner.split(u',');
    for (QString &a : args)
        a = a.trimmed();
    return args;
}

std::optional<QString> dotenvValue(const QString &file, const QString &name, QString *error)
{
    QFile f(file);
    if (f.size() > MaxDotenvSize) {
        *error = tr("%1 is larger than 1 MiB").arg(QDir::toNativeSeparators(file));
        return std::nullopt;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(QDir::toNativeSeparators(file), f.errorString());
        return std::nullopt;
    }
    static const QRegularExpression line(u"^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*?)\\s*$"_s);
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    std::optional<QString> found;
    for (const QString &l : lines) {
        const QRegularExpressionMatch m = line.match(l);
        if (!m.hasMatch() || m.captured(1) != name)
            continue;
        QString v = m.captured(2);
        if (v.size() >= 2 && (v.startsWith(u'"') || v.startsWith(u'\'')) && v.endsWith(v.at(0))) {
            const bool doubleQuoted = v.startsWith(u'"');
            v = v.mid(1, v.size() - 2);
            if (doubleQuoted)
                v.replace(u"\\n"_s, u"\n"_s).replace(u"\\\""_s, u"\""_s);
        } else if (const qsizetype hash = v.indexOf(u" #"_s); hash >= 0) {
            v = v.left(hash).trimmed(); // an inline comment
        }
        found = v; // the last definition wins
    }
    return found;
}

} // namespace

QString formatDayjs(const QDateTime &dt, const QString &format)
{
    static const QStringList tokens = {u"YYYY"_s, u"MMMM"_s, u"dddd"_s, u"SSS"_s, u"MMM"_s, u"ddd"_s, u"YY"_s,
                                       u"MM"_s,   u"DD"_s,   u"HH"_s,   u"hh"_s,  u"mm"_s,  u"ss"_s,  u"ZZ"_s,
                                       u"M"_s,    u"D"_s,    u"H"_s,    u"h"_s,   u"m"_s,   u"s"_s,   u"A"_s,
                                       u"a"_s,    u"Z"_s,    u"X"_s,    u"x"_s};
    const QLocale c = QLocale::c();
    const QDate d = dt.date();
    const QTime t = dt.time();
    auto two = [](int n) { return u"%1"_s.arg(n, 2, 10, QChar(u'0')); };
    QString out;
    qsizetype i = 0;
    while (i < format.size()) {
        if (format.at(i) == u'[') { // [literal text]
            const qsizetype close = format.indexOf(u']', i);
            if (close > i) {
                out += format.mid(i + 1, close - i - 1);
                i = close + 1;
                continue;
            }
        }
        QString token;
        for (const QString &candidate : tokens) {
            if (QStringView(format).mid(i).startsWith(candidate)) {
                token = candidate;
                break;
            }
        }
        if (token.isEmpty()) {
            out += format.at(i++);
            continue;
        }
        i += token.size();
        const int hour12 = t.hour() % 12 == 0 ? 12 : t.hour() % 12;
        if (token == u"YYYY")
            out += u"%1"_s.arg(d.year(), 4, 10, QChar(u'0'));
        else if (token == u"YY")
            out += two(d.year() % 100);
        else if (token == u"MMMM")
            out += c.monthName(d.month(), QLocale::LongFormat);
        else if (token == u"MMM")
            out += c.monthName(d.month(), QLocale::ShortFormat);
        else if (token == u"MM")
            out += two(d.month());
        else if (token == u"M")
            out += QString::number(d.month());
        else if (token == u"DD")
            out += two(d.day());
        else if (token == u"D")
            out += QString::number(d.day());
        else if (token == u"dddd")
            out += c.dayName(d.dayOfWeek(), QLocale::LongFormat);
        else if (token == u"ddd")
            out += c.dayName(d.dayOfWeek(), QLocale::ShortFormat);
        else if (token == u"HH")
            out += two(t.hour());
        else if (token == u"H")
            out += QString::number(t.hour());
        else if (token == u"hh")
            out += two(hour12);
        else if (token == u"h")
            out += QString::number(hour12);
        else if (token == u"mm")
            out += two(t.minute());
        else if (token == u"m")
            out += QString::number(t.minute());
        else if (token == u"ss")
            out += two(t.second());
        else if (token == u"s")
            out += QString::number(t.second());
        else if (token == u"SSS")
            out += u"%1"_s.arg(t.msec(), 3, 10, QChar(u'0'));
        else if (token == u"A")
            out += t.hour() < 12 ? u"AM"_s : u"PM"_s;
        else if (token == u"a")
            out += t.hour() < 12 ? u"am"_s : u"pm"_s;
        else if (token == u"Z")
            out += offsetText(dt, true);
        else if (token == u"ZZ")
            out += offsetText(dt, false);
        else if (token == u"X")
            out += QString::number(dt.toSecsSinceEpoch());
        else if (token == u"x")
            out += QString::number(dt.toMSecsSinceEpoch());
    }
    return out;
}

Value evaluate(const QString &expression, const Context &context,
               const std::function<std::optional<QString>(const QString &)> &lookup)
{
    QStringList w = words(expression);
    if (expression.startsWith(u"$random."_s) && expression.contains(u'(')) {
        QString call = expression.trimmed();
        call.remove(u' ');
        w = QStringList{call}; // "$random.integer(1, 10)" is one word
    }
    const QString name = w.value(0);
    const QDateTime now = context.now.isValid() ? context.now : QDateTime::currentDateTime();

    if (name == u"$uuid" || name == u"$guid" || name == u"$random.uuid") {
        if (w.size() != 1)
            return fail(tr("{{%1}} takes no arguments").arg(name));
        return ok(QUuid::createUuid().toString(QUuid::WithoutBraces));
    }
    if (name == u"$timestamp" || name == u"$isoTimestamp") {
        QDateTime dt = now.toUTC();
        if (w.size() == 3 && !applyOffset(dt, w.at(1), w.at(2)))
            return fail(tr("{{%1}}: the offset is a whole number and a unit (y M w d h m s ms), e.g. "
                           "{{$timestamp -1 d}}")
                            .arg(expression));
        if (w.size() != 1 && w.size() != 3)
            return fail(tr("write {{%1}} or {{%1 OFFSET UNIT}}, not {{%2}}").arg(name, expression));
        return ok(name == u"$timestamp" ? QString::number(dt.toSecsSinceEpoch())
                                        : formatDayjs(dt, u"YYYY-MM-DD[T]HH:mm:ss.SSS[Z]"_s));
    }
    if (name == u"$datetime" || name == u"$localDatetime") {
        if (w.size() != 2 && w.size() != 4)
            return fail(tr("write {{%1 rfc1123|iso8601|\"FORMAT\" [OFFSET UNIT]}}, not {{%2}}")
                            .arg(name, expression));
        const bool local = name == u"$localDatetime";
        QDateTime dt = local ? now.toLocalTime() : now.toUTC();
        if (w.size() == 4 && !applyOffset(dt, w.at(2), w.at(3)))
            return fail(tr("{{%1}}: the offset is a whole number and a unit (y M w d h m s ms)").arg(expression));
        const QString format = w.at(1);
        if (format == u"rfc1123")
            return ok(local ? formatDayjs(dt, u"ddd, DD MMM YYYY HH:mm:ss ZZ"_s)
                            : formatDayjs(dt, u"ddd, DD MMM YYYY HH:mm:ss [GMT]"_s));
        if (format == u"iso8601")
            return ok(local ? formatDayjs(dt, u"YYYY-MM-DD[T]HH:mm:ssZ"_s)
                            : formatDayjs(dt, u"YYYY-MM-DD[T]HH:mm:ss.SSS[Z]"_s));
        return ok(formatDayjs(dt, format));
    }
    if (name == u"$randomInt" || callArguments(name, u"$random.integer"_s)) {
        QStringList args = name == u"$randomInt" ? w.mid(1) : *callArguments(name, u"$random.integer"_s);
        if (name != u"$randomInt" && w.size() != 1)
            return fail(tr("write {{$random.integer(MIN, MAX)}}, not {{%1}}").arg(expression));
        qint64 low = 0, high = 1001;
        if (args.size() == 2) {
            bool a = false, b = false;
            low = args.at(0).toLongLong(&a);
            high = args.at(1).toLongLong(&b);
            if (!a || !b || high <= low)
                return fail(tr("{{%1}} needs two whole numbers MIN MAX with MIN < MAX").arg(expression));
        } else if (!args.isEmpty()) {
            return fail(tr("write {{$randomInt}} or {{$randomInt MIN MAX}}, not {{%1}}").arg(expression));
        }
        return ok(QString::number(QRandomGenerator::global()->bounded(low, high)));
    }
    if (const auto args = callArguments(name, u"$random.float"_s); args && w.size() == 1) {
        double low = 0, high = 1;
        if (args->size() == 2) {
            bool a = false, b = false;
            low = args->at(0).toDouble(&a);
            high = args->at(1).toDouble(&b);
            if (!a || !b || high <= low)
                return fail(tr("{{%1}} needs two numbers MIN MAX with MIN < MAX").arg(expression));
        } else if (!args->isEmpty()) {
            return fail(tr("write {{$random.float(MIN, MAX)}}, not {{%1}}").arg(expression));
        }
        return ok(QString::number(low + QRandomGenerator::global()->generateDouble() * (high - low), 'g', 15));
    }
    static const QList<std::pair<QString, QString>> alphabets = {
        {u"$random.alphabetic"_s, u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"_s},
        {u"$random.alphanumeric"_s, u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"_s},
        {u"$random.hexadecimal"_s, u"0123456789abcdef"_s},
    };
    for (const auto &[family, alphabet] : alphabets) {
        const auto args = callArguments(name, family);
        if (!args)
            continue;
        bool isNumber = false;
        const qsizetype length = args->size() == 1 ? args->first().toLongLong(&isNumber) : 0;
        if (w.size() != 1 || !isNumber || length < 0 || length > MaxRandomLength)
            return fail(tr("write {{%1(LENGTH)}} with a length from 0 to %2, not {{%3}}")
                            .arg(family)
                            .arg(MaxRandomLength)
                            .arg(expression));
        return ok(randomText(length, alphabet));
    }
    if (name == u"$random.email" && w.size() == 1)
        return ok(randomText(10, u"abcdefghijklmnopqrstuvwxyz0123456789") + u"@example.com"_s);

    if (name == u"$processEnv" || name == u"$dotenv") {
        if (w.size() != 2)
            return fail(tr("write {{%1 NAME}}, not {{%2}}").arg(name, expression));
        QString key = w.at(1);
        if (key.startsWith(u'%')) {
            const std::optional<QString> indirect = lookup ? lookup(key.mid(1)) : std::nullopt;
            if (!indirect)
                return fail(tr("{{%1}}: the variable %2 that names it is not defined").arg(expression, key.mid(1)));
            key = *indirect;
        }
        if (name == u"$processEnv") {
            if (!qEnvironmentVariableIsSet(key.toLocal8Bit().constData()))
                return fail(tr("{{%1}}: the environment variable %2 is not set").arg(expression, key));
            return ok(qEnvironmentVariable(key.toLocal8Bit().constData()));
        }
        if (context.directory.isEmpty())
            return fail(tr("{{%1}}: there is no .env file to read (the request belongs to no file)").arg(expression));
        QDir dir(context.directory);
        const QString root = context.root.isEmpty() ? QString() : QDir(context.root).absolutePath();
        QStringList looked;
        for (int depth = 0; depth < 64; ++depth) {
            const QString file = dir.absoluteFilePath(u".env"_s);
            looked.append(QDir::toNativeSeparators(file));
            if (QFileInfo::exists(file)) {
                QString error;
                const std::optional<QString> v = dotenvValue(file, key, &error);
                if (!error.isEmpty())
                    return fail(tr("{{%1}}: %2").arg(expression, error));
                if (v)
                    return ok(*v);
            }
            if (root.isEmpty() || dir.absolutePath() == root || !dir.absolutePath().startsWith(root) || !dir.cdUp())
                break;
        }
        return fail(tr("{{%1}}: %2 is not defined in %3").arg(expression, key, looked.join(u", "_s)));
    }
    Value v = fail(tr("{{%1}} is not a dynamic variable Peephole knows ($uuid, $timestamp, $isoTimestamp, "
                      "$datetime, $localDatetime, $randomInt, $random.integer/float/alphabetic/alphanumeric/"
                      "hexadecimal/email/uuid, $processEnv, $dotenv)")
                       .arg(name));
    v.unsupported = true;
    return v;
}

} // namespace Peephole::DynamicVariables
