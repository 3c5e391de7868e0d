#include "formats/postmanevents.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Peephole::PostmanEvents {

namespace {

// The assertion reader of core/replay/assertions.cpp, for the Postman sandbox.
const char *const Helper = R"js(function peepholeAssert(expression) {
  var ops = ['==','!=','<=','>=','<','>','contains','!contains','includes','startsWith','endsWith',
             'matches','exists','!exists','isTrue','isFalse','===','!==','equals','isNumber','isString',
             'isBoolean','isArray','sha256','sha512','md5'];
  var words = expression.trim().split(/\s+/);
  var subject = words.shift().toLowerCase(), arg = '';
  if (subject === 'header') arg = words.shift();
  else if ((subject === 'body' || subject === 'duration' || subject === 'time') && words.length &&
           ops.indexOf(words[0]) < 0) arg = words.shift();
  var op = words.shift();
  if (op === '===' || op === 'equals') op = '=='; else if (op === '!==') op = '!=';
  var expected = pm.variables.replaceIn(words.join(' '));
  if (expected.length >= 2 && (expected[0] === '"' || expected[0] === "'") &&
      expected[expected.length - 1] === expected[0]) expected = expected.slice(1, -1);
  var present = true, type = 'string', actual, bytes;
  if (subject === 'status') { actual = String(pm.response.code); type = 'number'; }
  else if (subject === 'duration' || subject === 'time') { actual = String(pm.response.responseTime); type = 'number'; }
  else if (subject === 'header') {
    var values = pm.response.headers.filter(function (h) { return h.key.toLowerCase() === arg.toLowerCase(); })
                                    .map(function (h) { return h.value; });
    present = values.length > 0; actual = values.join(', ');
  } else if (subject === 'body' && arg) {
    var path = arg[0] === '$' ? arg : '$.' + arg, cur = pm.response.json(), i = 1;
    var re = /^\.([^.[]+)|^\[(\d+)\]|^\[['"]([^'"]*)['"]\]/;
    while (present && i < path.length) {
      var m = re.exec(path.slice(i));
      if (!m) throw new Error('cannot read the JSON path ' + path);
      var key = m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : m[3];
      present = cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, key);
      if (present) cur = cur[key];
      i += m[0].length;
    }
    if (present) {
      type = Array.isArray(cur) ? 'array' : cur === null ? 'null' : typeof cur;
      actual = typeof cur === 'string' ? cur : JSON.stringify(cur);
    }
  } else actual = pm.response.text();
  var label = arg ? subject + ' ' + arg : subject;
  if (op === 'exists' || op === '!exists')
    return pm.expect(present, label + (present ? ' is present' : ' is missing')).to.equal(op === 'exists');
  var wanted = {isNumber: 'number', isString: 'string', isBoolean: 'boolean', isArray: 'array'}[op];
  if (wanted) return pm.expect(type, label).to.equal(wanted);
  pm.expect(present, label + ' is missing').to.equal(true);
  if (op === 'sha256' || op === 'sha512' || op === 'md5') {
    var h = op === 'md5' ? CryptoJS.MD5(actual) : op === 'sha512' ? CryptoJS.SHA512(actual) : CryptoJS.SHA256(actual);
    return pm.expect(h.toString(CryptoJS.enc.Base64), 'the ' + op + ' of ' + label).to.equal(expected);
  }
  var a = Number(actual), e = Number(expected);
  var numeric = actual.trim() !== '' && expected.trim() !== '' && !isNaN(a) && !isNaN(e);
  var ok = op === '==' ? (numeric ? a === e : actual === expected)
         : op === '!=' ? (numeric ? a !== e : actual !== expected)
         : op === '<' ? numeric && a < e : op === '<=' ? numeric && a <= e
         : op === '>' ? numeric && a > e : op === '>=' ? numeric && a >= e
         : op === 'contains' || op === 'includes' ? actual.indexOf(expected) >= 0
         : op === '!contains' ? actual.indexOf(expected) < 0
         : op === 'startsWith' ? actual.indexOf(expected) === 0
         : op === 'endsWith' ? actual.slice(actual.length - expected.length) === expected
         : op === 'matches' ? new RegExp(expected).test(actual)
         : op === 'isTrue' ? actual === 'true' : op === 'isFalse' ? actual === 'false' : false;
  pm.expect(ok, label + ' is "' + actual.slice(0, 200) + '", expected ' + op + ' "' + expected + '"').to.equal(true);
})js";

} // namespace

QJsonArray testEvents(const QStringList &assertions)
{
    if (assertions.isEmpty())
        return {};
    QJsonArray exec;
    exec.append(u"// Peephole's assertions (?? lines), checked as Peephole checks them."_s);
    const QStringList helper = QString::fromUtf8(Helper).split(u'\n');
    for (const QString &line : helper)
        exec.append(line);
    for (const QString &a : assertions) {
        const QString quoted = QString::fromUtf8(QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact));
        const QString literal = quoted.mid(1, quoted.size() - 2); // the JSON string is a JS string literal
        exec.append(QString(u"pm.test("_s + literal + u", function () { peepholeAssert("_s + literal + u"); });"_s));
    }
    return QJsonArray{QJsonObject{
        {u"listen"_s, u"test"_s},
        {u"script"_s, QJsonObject{{u"type"_s, u"text/javascript"_s}, {u"exec"_s, exec}}},
    }};
}

QJsonArray events(const QString &preRequest, const QString &test, const QStringList &assertions)
{
    auto script = [](const QString &listen, QJsonArray exec) {
        return QJsonObject{{u"listen"_s, listen},
                           {u"script"_s, QJsonObject{{u"type"_s, u"text/javascript"_s}, {u"exec"_s, exec}}}};
    };
    auto lines = [](const QString &code) {
        QJsonArray out;
        for (const QString &line : code.split(u'\n'))
            out.append(line);
        return out;
    };
    QJsonArray out;
    if (!preRequest.trimmed().isEmpty())
        out.append(script(u"prerequest"_s, lines(preRequest)));
    QJsonArray testLines = test.trimmed().isEmpty() ? QJsonArray() : lines(test);
    const QJsonArray checks = testEvents(assertions);
    if (!checks.isEmpty()) {
        const QJsonArray exec = checks.first().toObject().value(u"script"_s).toObject().value(u"exec"_s).toArray();
        for (const QJsonValue &line : exec)
            testLines.append(line);
    }
    if (!testLines.isEmpty())
        out.append(script(u"test"_s, testLines));
    return out;
}

QJsonObject urlObject(const QString &url)
{
    QJsonObject out{{u"raw"_s, url}};
    QString rest = url;
    const qsizetype scheme = rest.indexOf(u"://"_s);
    if (scheme > 0 && !rest.left(scheme).contains(u"{{"_s)) {
        out.insert(u"protocol"_s, rest.left(scheme));
        rest = rest.mid(scheme + 3);
    }
    QString fragment;
    if (const qsizetype hash = rest.indexOf(u'#'); hash >= 0) {
        fragment = rest.mid(hash + 1);
        rest = rest.left(hash);
    }
    QString query;
    const qsizetype q = rest.indexOf(u'?');
    if (q >= 0) {
        query = rest.mid(q + 1);
        rest = rest.left(q);
    }
    const qsizetype slash = rest.indexOf(u'/');
    QString authority = slash < 0 ? rest : rest.left(slash);
    const QString path = slash < 0 ? QString() : rest.mid(slash + 1);
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0)
        authority = authority.mid(at + 1); // credentials are carried by "auth", never in the URL
    // A port is the part after the last ':' outside {{ }} and [IPv6].
    const qsizetype colon = authority.lastIndexOf(u':');
    if (colon > 0 && !authority.mid(colon).contains(u"}}"_s) && !authority.mid(colon).contains(u']')) {
        out.insert(u"port"_s, authority.mid(colon + 1));
        authority = authority.left(colon);
    }
    QJsonArray host;
    if (authority.startsWith(u"{{"_s) || authority.startsWith(u'['))
        host.append(authority);
    else
        for (const QString &part : authority.split(u'.'))
            host.append(part);
    out.insert(u"host"_s, host);
    if (!path.isEmpty() || rest.endsWith(u'/')) {
        QJsonArray segments;
        for (const QString &s : path.split(u'/'))
            segments.append(s);
        out.insert(u"path"_s, segments);
    }
    if (!query.isEmpty()) {
        QJsonArray params;
        for (const QString &pair : query.split(u'&')) {
            const qsizetype eq = pair.indexOf(u'=');
            // As written (still percent-encoded), as Postman keeps what was typed.
            QJsonObject p{{u"key"_s, eq < 0 ? pair : pair.left(eq)}};
            p.insert(u"value"_s, eq < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(pair.mid(eq + 1)));
            params.append(p);
        }
        out.insert(u"query"_s, params);
    }
    if (!fragment.isEmpty())
        out.insert(u"hash"_s, fragment);
    return out;
}

} // namespace Peephole::PostmanEvents
