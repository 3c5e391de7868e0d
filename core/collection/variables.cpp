#include "collection/variables.h"

#include "collection/dynamicvariables.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Peephole {

namespace {
constexpr int MaxDepth = 16;
/// What nested references may add to one text: a variable that uses another several times grows
/// exponentially with the depth ("billion laughs"), so expansion is bounded in characters and count.
constexpr qsizetype MaxExpandedChars = 16 * 1024 * 1024;
constexpr int MaxExpansions = 100000;

QString tr(const char *text)
{
    return QCoreApplication::translate("Peephole::Variables", text);
}
} // namespace

Variables::Variables(QList<VariableScope> scopes) : m_scopes(std::move(scopes)) {}

std::optional<QString> Variables::value(const QString &name) const
{
    for (const VariableScope &scope : m_scopes) {
        const auto it = scope.constFind(name);
        if (it != scope.constEnd())
            return it.value();
    }
    return std::nullopt;
}

bool Variables::hasReferences(QStringView text)
{
    const qsizetype open = text.indexOf(u"{{");
    return open >= 0 && text.indexOf(u"}}", open + 2) >= 0;
}

QStringList Variables::references(QStringView text)
{
    QStringList names;
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(u"{{", pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        const QString name = text.mid(open + 2, close - open - 2).trimmed().toString();
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
        pos = close + 2;
    }
    return names;
}

QString Variables::reference(const QString &name)
{
    return u"{{"_s + name + u"}}"_s;
}

namespace {
/// The configuration an OAuth expression names ("$oauth2 NAME", "$auth.token(\"NAME\")"), or empty.
QString oauthName(const QString &expression, bool *idToken)
{
    static const QRegularExpression jetbrains(u"^\\$auth\\.(token|idToken)\\(\\s*[\"']([^\"']+)[\"']\\s*\\)$"_s);
    const QRegularExpressionMatch m = jetbrains.match(expression);
    if (m.hasMatch()) {
        *idToken = m.captured(1) == u"idToken"_s;
        return m.captured(2);
    }
    const QStringList words = expression.split(u' ', Qt::SkipEmptyParts);
    *idToken = false;
    if (words.size() == 2 && words.first() == u"$oauth2"_s)
        return words.at(1);
    return {};
}
} // namespace

QString Variables::oauthVariable(const QString &configuration, bool idToken)
{
    return (idToken ? u"$oauth2-id-token:"_s : u"$oauth2:"_s) + configuration;
}

QStringList Variables::oauthReferences(QStringView text)
{
    QStringList names;
    for (const QString &expression : references(text)) {
        bool idToken = false;
        const QString name = oauthName(expression, &idToken);
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
}

std::optional<QString> Variables::dynamicValue(const QString &expression, const QString &where,
                                               VariableError *error) const
{
    bool idToken = false;
    const QString oauth = oauthName(expression, &idToken);
    if (!oauth.isEmpty()) {
        if (const std::optional<QString> token = value(oauthVariable(oauth, idToken)))
            return token;
        static const QStringList httpyacFlows = {u"client_credentials"_s, u"authorization_code"_s, u"device_code"_s,
                                                 u"password"_s, u"implicit"_s, u"refresh_token"_s};
        if (error) {
            error->name = expression;
            error->where = where;
            error->unsupported = httpyacFlows.contains(oauth);
            error->message =
                error->unsupported
                    ? tr("In the %1: {{%2}} is httpyac's OAuth flow read from oauth2_* variables, which Peephole "
                         "does not implement; create a configuration (peephole-cli oauth token --name NAME ...) "
                         "and write {{$oauth2 NAME}}.")
                          .arg(where, expression)
                    : tr("In the %1: {{%2}}: no %3 of the OAuth configuration \"%4\" (see the message above, or "
                         "create it with peephole-cli oauth token --name %4).")
                          .arg(where, expression, idToken ? tr("ID token") : tr("token"), oauth);
        }
        return std::nullopt;
    }
    DynamicVariables::Context context;
    context.directory = m_dotenvDirectory;
    context.root = m_dotenvRoot;
    const DynamicVariables::Value v = DynamicVariables::evaluate(
        expression, context, [this](const QString &name) { return value(name); });
    if (v.text)
        return v.text;
    if (error) {
        error->name = expression.split(u' ', Qt::SkipEmptyParts).value(0);
        error->where = where;
        error->unsupported = v.unsupported;
        error->message = tr("In the %1: %2.").arg(where, v.error);
    }
    return std::nullopt;
}

std::optional<QString> Variables::resolveImpl(const QString &text, const QString &where, int depth,
                                              QStringList &chain, Budget &budget, VariableError *error) const
{
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u"{{"_s, pos);
        if (open < 0) {
            out += QStringView(text).mid(pos);
            break;
        }
        out += QStringView(text).mid(pos, open - pos);
        const qsizetype close = text.indexOf(u"}}"_s, open + 2);
        if (close < 0) {
            if (error) {
                error->name.clear();
                error->where = where;
                error->message = tr("In the %1: \"{{\" at character %2 is never closed with \"}}\". "
                                    "Close the variable reference or remove the braces.")
                                     .arg(where)
                                     .arg(open + 1);
            }
            return std::nullopt;
        }
        const QString expression = text.mid(open + 2, close - open - 2).trimmed();
        if (expression.isEmpty()) {
            if (error) {
                error->name.clear();
                error->where = where;
                error->message = tr("In the %1: \"{{}}\" names no variable.").arg(where);
            }
            return std::nullopt;
        }
        if (expression.startsWith(u'$')) {
            const std::optional<QString> dynamic = dynamicValue(expression, where, error);
            if (!dynamic)
                return std::nullopt;
            out += *dynamic;
        } else {
            const std::optional<QString> found = value(expression);
            if (!found) {
                if (error) {
                    static const QRegularExpression plainName(u"^[A-Za-z_][A-Za-z0-9_-]*$"_s);
                    error->name = expression;
                    error->where = where;
                    // "{{login.response.body.$.token}}", "{{ a + b }}": request references or JavaScript.
                    error->unsupported = !plainName.match(expression).hasMatch();
                    error->message = chain.isEmpty()
                                         ? tr("The variable {{%1}} in the %2 is not defined in the request, "
                                              "folder, collection or environment.")
                                               .arg(expression, where)
                                         : tr("The variable {{%1}} (used by {{%2}}) in the %3 is not defined "
                                              "in the request, folder, collection or environment.")
                                               .arg(expression, chain.last(), where);
                }
                return std::nullopt;
            }
            if (chain.contains(expression)) {
                if (error) {
                    error->name = expression;
                    error->where = where;
                    error->message =
                        tr("In the %1: the variable {{%2}} refers to itself (%3).")
                            .arg(where, expression, (chain + QStringList{expression}).join(u" → "_s));
                }
                return std::nullopt;
            }
            if (depth >= MaxDepth) {
                if (error) {
                    error->name = expression;
                    error->where = where;
                    error->message =
                        tr("In the %1: variables nest more than %2 levels deep (%3); that is the "
                           "limit. Define {{%4}} with fewer levels of references.")
                            .arg(where)
                            .arg(MaxDepth)
                            .arg((chain + QStringList{expression}).join(u" → "_s),
                                 chain.value(0, expression));
                }
                return std::nullopt;
            }
            budget.chars -= found->size();
            if (--budget.expansions < 0 || budget.chars < 0) {
                if (error) {
                    error->name = expression;
                    error->where = where;
                    error->message =
                        tr("In the %1: the variables expand to more than %2 MiB or %3 substitutions (at "
                           "{{%4}}); a variable that uses another several times grows with every level. "
                           "The text was not resolved.")
                            .arg(where)
                            .arg(MaxExpandedChars >> 20)
                            .arg(MaxExpansions)
                            .arg(expression);
                }
                return std::nullopt;
            }
            if (hasReferences(*found)) {
                chain.append(expression);
                const std::optional<QString> nested =
                    resolveImpl(*found, where, depth + 1, chain, budget, error);
                chain.removeLast();
                if (!nested)
                    return std::nullopt;
                out += *nested;
            } else {
                out += *found;
            }
        }
        pos = close + 2;
    }
    return out;
}

std::optional<QString> Variables::resolve(const QString &text, const QString &where,
                                          VariableError *error) const
{
    if (!text.contains(u"{{"_s))
        return text;
    QStringList chain;
    Budget budget{MaxExpandedChars, MaxExpansions};
    return resolveImpl(text, where, 0, chain, budget, error);
}

std::optional<QByteArray> Variables::resolve(const QByteArray &text, const QString &where,
                                             VariableError *error) const
{
    if (!text.contains("{{"))
        return text;
    const std::optional<QString> resolved = resolve(QString::fromUtf8(text), where, error);
    if (!resolved)
        return std::nullopt;
    return resolved->toUtf8();
}

std::optional<RequestSpec> Variables::resolveRequest(const RequestSpec &spec, VariableError *error) const
{
    RequestSpec out = spec;
    const QString urlText =
        spec.urlTemplate.isEmpty() ? QString::fromUtf8(spec.url.toEncoded()) : spec.urlTemplate;
    const std::optional<QString> url = resolve(urlText, tr("URL"), error);
    if (!url)
        return std::nullopt;
    out.url = QUrl(*url);
    out.urlTemplate.clear();
    if (!url->isEmpty() && (!out.url.isValid() || out.url.isRelative())) {
        if (error) {
            error->name.clear();
            error->where = tr("URL");
            error->message = tr("After replacing its variables the URL \"%1\" is not a valid absolute URL%2.")
                                 .arg(*url, out.url.isValid() ? QString() : u": "_s + out.url.errorString());
        }
        return std::nullopt;
    }

    for (HeaderField &field : out.headers) {
        if (!field.enabled)
            continue;
        const std::optional<QByteArray> name = resolve(field.name, tr("header name"), error);
        if (!name)
            return std::nullopt;
        const std::optional<QByteArray> value =
            resolve(field.value, tr("value of header %1").arg(QString::fromUtf8(*name)), error);
        if (!value)
            return std::nullopt;
        field.name = *name;
        field.value = *value;
    }

    RequestBody &body = out.body;
    const QString bodyWhere = tr("body");
    switch (body.kind) {
    case RequestBody::Kind::None:
        break;
    case RequestBody::Kind::Raw: {
        const std::optional<QByteArray> raw = resolve(body.raw, bodyWhere, error);
        if (!raw)
            return std::nullopt;
        body.raw = *raw;
        break;
    }
    case RequestBody::Kind::File: {
        const std::optional<QString> path = resolve(body.filePath, tr("body file path"), error);
        if (!path)
            return std::nullopt;
        body.filePath = *path;
        break;
    }
    case RequestBody::Kind::FormUrlEncoded:
        for (auto &pair : body.form) {
            const std::optional<QByteArray> name = resolve(pair.first, tr("form field name"), error);
            if (!name)
                return std::nullopt;
            const std::optional<QByteArray> value =
                resolve(pair.second, tr("form field %1").arg(QString::fromUtf8(*name)), error);
            if (!value)
                return std::nullopt;
            pair = {*name, *value};
        }
        break;
    case RequestBody::Kind::Multipart:
        for (MultipartPart &part : body.parts) {
            const std::optional<QByteArray> name = resolve(part.name, tr("multipart field name"), error);
            if (!name)
                return std::nullopt;
            const QString partWhere = tr("multipart field %1").arg(QString::fromUtf8(*name));
            const std::optional<QByteArray> value = resolve(part.value, partWhere, error);
            if (!value)
                return std::nullopt;
            const std::optional<QString> path = resolve(part.filePath, partWhere, error);
            if (!path)
                return std::nullopt;
            part.name = *name;
            part.value = *value;
            part.filePath = *path;
        }
        break;
    }

    const std::optional<QString> user = resolve(out.auth.user, tr("auth user"), error);
    if (!user)
        return std::nullopt;
    const std::optional<QString> password = resolve(out.auth.password, tr("auth password"), error);
    if (!password)
        return std::nullopt;
    const std::optional<QString> token = resolve(out.auth.token, tr("auth token"), error);
    if (!token)
        return std::nullopt;
    const std::optional<QString> proxyUser = resolve(out.auth.proxyUser, tr("proxy user"), error);
    if (!proxyUser)
        return std::nullopt;
    const std::optional<QString> proxyPassword = resolve(out.auth.proxyPassword, tr("proxy password"), error);
    if (!proxyPassword)
        return std::nullopt;
    out.auth.user = *user;
    out.auth.password = *password;
    out.auth.token = *token;
    out.auth.proxyUser = *proxyUser;
    out.auth.proxyPassword = *proxyPassword;
    return out;
}

} // namespace Peephole
