#include "collection/variables.h"
#include "formats/postman.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Peephole;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("PEEPHOLE_SOURCE_DIR") + u"/tests/formats/fixtures/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

const ImportedItem *find(const ImportedItem &root, const QString &path)
{
    const ImportedItem *node = &root;
    const QStringList parts = path.split(u'/');
    for (const QString &part : parts) {
        const auto it = std::find_if(node->children.cbegin(), node->children.cend(),
                                     [&](const ImportedItem &c) { return c.name == part; });
        if (it == node->children.cend())
            return nullptr;
        node = &*it;
    }
    return node;
}

// Every text of every request in the tree, for checking that no secret is left in them.
QString allRequestText(const ImportedItem &item)
{
    QString out;
    if (item.request) {
        const RequestSpec &r = *item.request;
        out += r.urlTemplate + QString::fromUtf8(r.url.toEncoded()) + r.auth.user + r.auth.password +
               r.auth.token + QString::fromUtf8(r.body.raw);
        for (const HeaderField &h : r.headers)
            out += QString::fromUtf8(h.name + h.value);
        for (const auto &p : r.body.form)
            out += QString::fromUtf8(p.first + p.second);
        for (const MultipartPart &p : r.body.parts)
            out += QString::fromUtf8(p.value);
    }
    for (const ImportedVariable &v : item.variables)
        out += v.value;
    if (item.auth)
        out += item.auth->password + item.auth->token;
    for (const ImportedItem &child : item.children)
        out += allRequestText(child);
    return out;
}

VariableScope scopeOf(const QList<ImportedVariable> &vars)
{
    VariableScope scope;
    for (const ImportedVariable &v : vars) {
        if (v.enabled && !v.secret)
            scope.insert(v.name, v.value);
    }
    return scope;
}

} // namespace

class TestPostman : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importTree();
    void importBodies();
    void authAndInheritance();
    void secretsMovedOut();
    void resolvesWithSecretsFromKeychainScope();
    void exportRoundTrip();
    void brokenInput();
};

void TestPostman::importTree()
{
    const CollectionImportResult r = PostmanImporter::read(fixture(u"postman_collection.json"_s));
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QCOMPARE(r.root.name, u"Pet Store"_s);
    QCOMPARE(r.root.children.size(), 2);
    QCOMPARE(r.root.requestCount(), 8);
    const ImportedItem *pets = find(r.root, u"Pets"_s);
    QVERIFY(pets && pets->isFolder());
    QCOMPARE(pets->description, u"Everything about pets"_s);
    QCOMPARE(pets->children.size(), 4);
    const ImportedItem *orders = find(r.root, u"Store/Orders"_s);
    QVERIFY(orders && orders->isFolder());
    QCOMPARE(orders->children.size(), 2);

    const ImportedItem *list = find(r.root, u"Pets/List pets"_s);
    QVERIFY(list && !list->isFolder());
    QCOMPARE(list->request->method, "GET"_ba);
    QCOMPARE(list->request->urlTemplate, u"{{baseUrl}}/pets?limit=20&status=available"_s);
    QCOMPARE(list->request->headers,
             (HeaderList{{"Accept", "application/json", true}, {"X-Debug", "1", false}})); // disabled kept

    // Path variables become {{name}} with a request-scope variable.
    const ImportedItem *get = find(r.root, u"Pets/Get pet"_s);
    QCOMPARE(get->request->urlTemplate, u"https://petstore.example.com/v2/pets/{{petId}}"_s);
    QCOMPARE(get->variables, (QList<ImportedVariable>{{u"petId"_s, u"42"_s, true, false}}));

    // Test scripts are kept (run with Peephole's pm API, tests/script).
    QCOMPARE(list->testScript, u"pm.test(\"ok\", () => pm.response.to.have.status(200));"_s);
    QVERIFY(list->preRequestScript.isEmpty());

    // Reported: saved examples, the Digest realm, disabled form fields.
    QStringList items;
    for (const ImportIssue &issue : r.issues)
        items.append(issue.item);
    QVERIFY(!items.contains(u"Pets/List pets"_s));
    QCOMPARE(items.count(u"Pets/Get pet"_s), 2);
    QVERIFY(items.contains(u"Pets/Upload photo"_s));
    QVERIFY(items.contains(u"Store/Orders/Place order (form)"_s));
}

void TestPostman::importBodies()
{
    const CollectionImportResult r = PostmanImporter::read(fixture(u"postman_collection.json"_s));
    QVERIFY(r.ok);
    const RequestSpec &add = *find(r.root, u"Pets/Add pet"_s)->request;
    QCOMPARE(add.body.kind, RequestBody::Kind::Raw);
    QVERIFY(add.body.raw.startsWith("{\n  \"name\": \"Rex\""));
    QCOMPARE(add.body.contentType, "application/json"_ba);

    const RequestSpec &photo = *find(r.root, u"Pets/Upload photo"_s)->request;
    QCOMPARE(photo.body.kind, RequestBody::Kind::Multipart);
    QCOMPARE(photo.body.parts.size(), 2);
    QCOMPARE(photo.body.parts.at(0).value, "At the beach"_ba);
    QCOMPARE(photo.body.parts.at(1).filePath, u"/home/me/rex.jpg"_s);
    QCOMPARE(photo.body.parts.at(1).contentType, "image/jpeg"_ba);

    const RequestSpec &order = *find(r.root, u"Store/Orders/Place order (form)"_s)->request;
    QCOMPARE(order.body.kind, RequestBody::Kind::FormUrlEncoded);
    QCOMPARE(order.body.form, (QList<QPair<QByteArray, QByteArray>>{{"petId", "42"}, {"note", "a&b c"}}));

    const RequestSpec &invoice = *find(r.root, u"Store/Orders/Upload invoice"_s)->request;
    QCOMPARE(invoice.body.kind, RequestBody::Kind::File);
    QCOMPARE(invoice.body.filePath, u"/home/me/invoice.pdf"_s);
    QCOMPARE(invoice.method, "PUT"_ba);

    const RequestSpec &gql = *find(r.root, u"Store/Inventory (GraphQL)"_s)->request;
    QCOMPARE(gql.body.raw,
             "{\"query\":\"query { inventory { sku count } }\",\"variables\":{\"first\":10}}"_ba);
    QCOMPARE(gql.body.contentType, "application/json"_ba);
}

void TestPostman::authAndInheritance()
{
    const CollectionImportResult r = PostmanImporter::read(fixture(u"postman_collection.json"_s));
    QVERIFY(r.ok);
    QVERIFY(r.root.auth);
    QCOMPARE(r.root.auth->scheme, AuthSettings::Scheme::Bearer);

    const ImportedItem *list = find(r.root, u"Pets/List pets"_s);
    QVERIFY(!list->auth); // inherits
    QCOMPARE(list->request->auth.scheme, AuthSettings::Scheme::Basic);
    QCOMPARE(list->request->auth.user, u"{{petUser}}"_s);
    QCOMPARE(list->request->auth.password, u"{{petPassword}}"_s);

    const ImportedItem *get = find(r.root, u"Pets/Get pet"_s);
    QVERIFY(get->auth);
    QCOMPARE(get->request->auth.scheme, AuthSettings::Scheme::Digest);
    QCOMPARE(get->request->auth.user, u"vet"_s);

    const RequestSpec &order = *find(r.root, u"Store/Orders/Place order (form)"_s)->request;
    QCOMPARE(order.auth.scheme, AuthSettings::Scheme::None);

    // Store has no auth: its requests inherit the collection's bearer token.
    const RequestSpec &invoice = *find(r.root, u"Store/Orders/Upload invoice"_s)->request;
    QCOMPARE(invoice.auth.scheme, AuthSettings::Scheme::Bearer);
    QVERIFY(Variables::hasReferences(invoice.auth.token));

    // API key in the query.
    const RequestSpec &legacy = *find(r.root, u"Store/Legacy with api key"_s)->request;
    QVERIFY(legacy.urlTemplate.startsWith(
        u"https://petstore.example.com/v1/legacy?format=xml&access_token={{"_s));
    QVERIFY(legacy.urlTemplate.contains(u"&api_key={{"_s));
    QCOMPARE(legacy.auth.scheme, AuthSettings::Scheme::None);
}

void TestPostman::secretsMovedOut()
{
    const CollectionImportResult r = PostmanImporter::read(fixture(u"postman_collection.json"_s));
    QVERIFY(r.ok);
    QStringList values;
    for (const ImportedSecret &s : r.secrets)
        values.append(s.value);
    values.sort();
    QCOMPARE(values,
             (QStringList{u"Sup3rS3cret!"_s, u"abc.def.ghi"_s, u"alice-pw-2024"_s, u"collection-token-xyz"_s,
                          u"eu"_s, u"k-123456"_s, u"legacy-key-999"_s, u"tok+42"_s, u"whsec_abc"_s}));

    const QString text = allRequestText(r.root);
    for (const QString &secret : std::as_const(values))
        QVERIFY2(!text.contains(secret), qPrintable(secret));

    // Requests refer to the secret's variable instead.
    const RequestSpec &add = *find(r.root, u"Pets/Add pet"_s)->request;
    const QByteArray auth = Headers::value(add.headers, "authorization");
    QVERIFY(auth.startsWith("Bearer {{"));
    const auto it = std::find_if(r.secrets.cbegin(), r.secrets.cend(),
                                 [](const ImportedSecret &s) { return s.value == u"abc.def.ghi"; });
    QCOMPARE(auth, "Bearer " + Variables::reference(it->variable).toUtf8());
    QVERIFY(it->where.startsWith(u"Pets/Add pet"_s));

    // Secret variables keep their name, lose their value.
    const auto pw = std::find_if(r.root.variables.cbegin(), r.root.variables.cend(),
                                 [](const ImportedVariable &v) { return v.name == u"petPassword"; });
    QVERIFY(pw->secret);
    QVERIFY(pw->value.isEmpty());
    const auto base = std::find_if(r.root.variables.cbegin(), r.root.variables.cend(),
                                   [](const ImportedVariable &v) { return v.name == u"baseUrl"; });
    QVERIFY(!base->secret);
    QCOMPARE(base->value, u"https://petstore.example.com/v2"_s);

    // Made-up names are unique.
    QSet<QString> names;
    for (const ImportedSecret &s : r.secrets)
        names.insert(s.variable);
    QCOMPARE(names.size(), r.secrets.size());
}

void TestPostman::resolvesWithSecretsFromKeychainScope()
{
    const CollectionImportResult r = PostmanImporter::read(fixture(u"postman_collection.json"_s));
    VariableScope keychain; // what the GUI would fetch from the keychain
    for (const ImportedSecret &s : r.secrets)
        keychain.insert(s.variable, s.value);
    const ImportedItem *get = find(r.root, u"Pets/Get pet"_s);
    const Variables vars({scopeOf(get->variables), scopeOf(r.root.variables), keychain});
    VariableError error;
    const std::optional<RequestSpec> spec = vars.resolveRequest(*get->request, &error);
    QVERIFY2(spec, qPrintable(error.message));
    QCOMPARE(spec->url, QUrl(u"https://petstore.example.com/v2/pets/42"_s));
    QCOMPARE(spec->auth.password, u"Sup3rS3cret!"_s);

    // Without the keychain scope the password is an undefined variable, named in the error.
    const Variables without({scopeOf(get->variables), scopeOf(r.root.variables)});
    QVERIFY(!without.resolveRequest(*get->request, &error));
    QVERIFY(error.message.contains(u"auth password"_s));
    QVERIFY(!error.name.isEmpty());
}

void TestPostman::exportRoundTrip()
{
    const CollectionImportResult first = PostmanImporter::read(fixture(u"postman_collection.json"_s));
    QVERIFY(first.ok);
    QStringList warnings;
    const QByteArray exported = PostmanExporter::write(first.root, &warnings);
    for (const ImportedSecret &s : first.secrets)
        QVERIFY2(!exported.contains(s.value.toUtf8()), qPrintable(s.value));

    const CollectionImportResult second = PostmanImporter::read(exported);
    QVERIFY2(second.ok, qPrintable(second.error.toString()));
    QVERIFY(second.secrets.isEmpty()); // everything is a reference now
    QCOMPARE(second.root.name, first.root.name);
    QCOMPARE(second.root.requestCount(), first.root.requestCount());

    std::function<void(const ImportedItem &, const ImportedItem &)> compare = [&](const ImportedItem &a,
                                                                                  const ImportedItem &b) {
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.isFolder(), a.isFolder());
        QCOMPARE(b.auth.has_value(), a.auth.has_value());
        if (a.auth) {
            QCOMPARE(b.auth->scheme, a.auth->scheme);
            QCOMPARE(b.auth->user, a.auth->user);
            QCOMPARE(b.auth->password, a.auth->password);
            QCOMPARE(b.auth->token, a.auth->token);
        }
        QCOMPARE(b.variables.size(), a.variables.size());
        if (a.request) {
            QCOMPARE(b.request->method, a.request->method);
            QCOMPARE(b.request->urlTemplate, a.request->urlTemplate);
            QCOMPARE(b.request->url, a.request->url);
            QCOMPARE(b.request->headers, a.request->headers);
            QCOMPARE(b.request->body.kind, a.request->body.kind);
            QCOMPARE(b.request->body.raw, a.request->body.raw);
            QCOMPARE(b.request->body.form, a.request->body.form);
            QCOMPARE(b.request->body.parts, a.request->body.parts);
            QCOMPARE(b.request->body.filePath, a.request->body.filePath);
            QCOMPARE(b.request->auth.scheme, a.request->auth.scheme);
        }
        QCOMPARE(b.children.size(), a.children.size());
        for (qsizetype i = 0; i < a.children.size(); ++i)
            compare(a.children.at(i), b.children.at(i));
    };
    compare(first.root, second.root);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(PostmanExporter::writeFile(dir.filePath(u"c.json"_s), first.root, &error), qPrintable(error));
    QVERIFY(PostmanImporter::readFile(dir.filePath(u"c.json"_s)).ok);
}

void TestPostman::brokenInput()
{
    CollectionImportResult r = PostmanImporter::read("{\n  \"info\": {\"name\": \"x\"},\n  \"item\": [}\n");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.line, 3);
    QVERIFY(r.root.children.isEmpty());

    r = PostmanImporter::read(R"({"id": "1", "name": "old", "order": [], "requests": []})");
    QVERIFY(!r.ok);
    QVERIFY(r.error.message.contains(u"v1"_s));

    r = PostmanImporter::read(R"({"item": []})");
    QVERIFY(!r.ok);
    QCOMPARE(r.error.where, u"info"_s);
}

QTEST_GUILESS_MAIN(TestPostman)
#include "tst_postman.moc"
