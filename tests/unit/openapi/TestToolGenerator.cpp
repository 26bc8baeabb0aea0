#include "openapi/EditorialHeuristics.h"
#include "openapi/OperationIndex.h"
#include "openapi/SpecLoader.h"
#include "openapi/ToolGenerator.h"
#include "openapi/ToolNamer.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::openapi;
using json = nlohmann::json;
using namespace Qt::StringLiterals;

#define JCOMPARE(actual, expected)                                                                 \
    do {                                                                                           \
        const json a_ = (actual);                                                                  \
        const json e_ = (expected);                                                                \
        QVERIFY2(a_ == e_, (a_.dump() + " != " + e_.dump()).c_str());                              \
    } while (false)

namespace {

std::shared_ptr<const Spec> load(const QByteArray &data)
{
    Result<Spec> result = SpecLoader().loadData(data, QStringLiteral("test.yaml"));
    if (!result.ok())
        qWarning("%s", qPrintable(result.error().message()));
    Q_ASSERT(result.ok());
    return std::make_shared<const Spec>(std::move(result).value());
}

ToolCatalog generate(const QByteArray &data, const ToolSettings &settings = {})
{
    return ToolGenerator::generate(load(data), settings);
}

// A 3.1 document with the given `paths` (and optional `components`) in YAML.
QByteArray doc(const QByteArray &paths, const QByteArray &components = {})
{
    QByteArray out = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n" + paths;
    if (!components.isEmpty())
        out += "components:\n" + components;
    return out;
}

QString hash6(const QString &key)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(6));
}

json properties(const Tool &tool)
{
    return tool.inputSchema.value("properties", json::object());
}

QStringList propertyNames(const Tool &tool)
{
    QStringList out;
    const json props = properties(tool);
    for (auto it = props.begin(); it != props.end(); ++it)
        out.append(QString::fromStdString(it.key()));
    return out;
}

// The path's {params} declared, as the loader requires.
QByteArray pathParams(const QString &path)
{
    QByteArray out;
    static const QRegularExpression param(QStringLiteral("\\{([^}]+)\\}"));
    for (auto it = param.globalMatch(path); it.hasNext();) {
        out += "        - {name: " + it.next().captured(1).toUtf8() +
               ", in: path, required: true, schema: {type: string}}\n";
    }
    return out.isEmpty() ? out : "      parameters:\n" + out;
}

QStringList required(const Tool &tool)
{
    QStringList out;
    for (const json &name : tool.inputSchema.value("required", json::array()))
        out.append(QString::fromStdString(name.get<std::string>()));
    out.sort();
    return out;
}

const ToolArgument *argument(const Tool &tool, const QString &property)
{
    for (const ToolArgument &a : tool.arguments) {
        if (a.property == property)
            return &a;
    }
    return nullptr;
}

const EditorialNote *findNote(const Tool &tool, const QString &heuristic, const QString &subject)
{
    for (const EditorialNote &n : tool.notes) {
        if (n.heuristic == heuristic && n.subject == subject)
            return &n;
    }
    return nullptr;
}

const ExcludedOperation *findExcluded(const ToolCatalog &catalog, const QString &key)
{
    for (const ExcludedOperation &e : catalog.excluded) {
        if (e.method + u' ' + e.path == key)
            return &e;
    }
    return nullptr;
}

bool warned(const ToolCatalog &catalog, const QString &text)
{
    return std::any_of(catalog.warnings.cbegin(), catalog.warnings.cend(),
                       [&](const QString &w) { return w.contains(text); });
}

QByteArray warningsText(const ToolCatalog &catalog)
{
    return catalog.warnings.join(u'\n').toUtf8();
}

const QByteArray kOverrideSpec = doc(R"(  /invoices:
    get:
      operationId: listInvoices
      tags: [billing]
      parameters:
        - {name: status, in: query, schema: {type: string}}
        - {name: account, in: query, required: true, schema: {type: string}}
      responses: {'200': {description: ok, content: {application/json: {schema: {type: array}}}}}
    post:
      operationId: createInvoice
      parameters:
        - {name: Idempotency-Key, in: header, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [customer]
              properties:
                customer: {type: string}
                memo: {type: string}
      responses: {'201': {description: ok}}
)");

} // namespace

class TestToolGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actionNames();
    void estimateTokens();
    void naming_data();
    void naming();
    void collisionsAreHashedWhateverTheOrder();
    void overrideNames();
    void descriptions_data();
    void descriptions();
    void descriptor();
    void flattening();
    void collisionsRenamed();
    void wrappedBodies_data();
    void wrappedBodies();
    void bodyContentType_data();
    void bodyContentType();
    void defsHoisted();
    void reservedAndCredentialHeaders();
    void annotations_data();
    void annotations();
    void resources_data();
    void resources();
    void includeExclude();
    void overrideEnabled();
    void overrideParams();
    void overrideFields();
    void overrideWarnings();
    void dropDeprecated_data();
    void dropDeprecated();
    void hidePagination_data();
    void hidePagination();
    void cutDescriptions();
    void cutText_data();
    void cutText();
    void shapeResponses_data();
    void shapeResponses();
    void dropListWithRead_data();
    void dropListWithRead();
    void invalidUtf8();
    void compactSchemas();
    void briefDescriptions_data();
    void briefDescriptions();
};

void TestToolGenerator::actionNames()
{
    for (const ToolAction action :
         {ToolAction::Read, ToolAction::Create, ToolAction::Update, ToolAction::Delete})
        QCOMPARE(toolActionFromName(toolActionName(action)), action);
    QCOMPARE(toolActionName(ToolAction::Delete), QStringLiteral("delete"));
    QVERIFY(!toolActionFromName(u"remove"));
    QVERIFY(!toolActionFromName(u"Read"));
}

void TestToolGenerator::estimateTokens()
{
    QCOMPARE(openapi::estimateTokens(QByteArray()), 0);
    // About 4.4 bytes per token, as measured on real tool listings.
    const int small = openapi::estimateTokens(QByteArray(440, 'a'));
    QVERIFY2(small >= 90 && small <= 110, QByteArray::number(small).constData());
    QVERIFY(openapi::estimateTokens(QByteArray(4400, 'a')) > 9 * small);

    const ToolCatalog catalog = generate(kOverrideSpec);
    int sum = 0;
    for (const Tool &tool : catalog.tools) {
        QVERIFY(tool.estimatedTokens > 0);
        QCOMPARE(tool.estimatedTokens,
                 openapi::estimateTokens(QByteArray::fromStdString(tool.descriptor().dump())));
        sum += tool.estimatedTokens;
    }
    QCOMPARE(catalog.estimatedTokens(), sum);
}

void TestToolGenerator::naming_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("camelCase") << "createInvoice"
                               << "post"
                               << "/invoices"
                               << "create_invoice";
    QTest::newRow("slash") << "repos/get"
                           << "get"
                           << "/repos/{owner}/{repo}"
                           << "repos_get";
    QTest::newRow("acronym") << "listHTTPThings"
                             << "get"
                             << "/things"
                             << "list_http_things";
    QTest::newRow("dots and dashes") << "billing.invoices-list"
                                     << "get"
                                     << "/i"
                                     << "billing_invoices_list";
    QTest::newRow("no operationId") << ""
                                    << "get"
                                    << "/invoices/{id}"
                                    << "get_invoices_id";
    QTest::newRow("no operationId, root") << ""
                                          << "delete"
                                          << "/"
                                          << "delete";
    const QString longId = QStringLiteral("getTheVeryLongResourceNameThatSomeGeneratorsProduce"
                                          "ForNestedCollectionsOfThings");
    QTest::newRow("truncated with hash")
        << longId << "get"
        << "/long"
        << QStringLiteral("get_the_very_long_resource_name_that_some_generators_prod_") +
               hash6(QStringLiteral("GET /long"));
    QTest::newRow("exactly 64, no hash") << QString(64, u'a') << "get"
                                         << "/a" << QString(64, u'a');
    QTest::newRow("65 gets a hash")
        << QString(65, u'a') << "get"
        << "/a" << QString(57, u'a') + u'_' + hash6(QStringLiteral("GET /a"));
}

void TestToolGenerator::naming()
{
    QFETCH(QString, operationId);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QByteArray op = "  " + path.toUtf8() + ":\n    " + method.toUtf8() + ":\n";
    if (!operationId.isEmpty())
        op += "      operationId: '" + operationId.toUtf8() + "'\n";
    op += "      responses: {'200': {description: ok}}\n";
    op += pathParams(path);
    const ToolCatalog catalog = generate(doc(op));
    QCOMPARE(catalog.tools.size(), 1);
    const Tool &tool = catalog.tools.first();
    QCOMPARE(tool.name, expected);
    QVERIFY(OperationIndex::isValidToolName(tool.name));
    QCOMPARE(catalog.find(expected), &tool);
    QCOMPARE(tool.operation.key(), method.toUpper() + u' ' + path);
    QCOMPARE(findNote(tool, QStringLiteral("naming"), QStringLiteral("name")) != nullptr,
             expected.contains(hash6(tool.operation.key())));
}

void TestToolGenerator::collisionsAreHashedWhateverTheOrder()
{
    const QByteArray a = "  /users/{id}:\n    get:\n      operationId: getUser\n" +
                         pathParams(QStringLiteral("{id}"));
    const QByteArray b = "  /user/{id}:\n    get:\n      operationId: get_user\n" +
                         pathParams(QStringLiteral("{id}"));
    const QByteArray c = "  /get-user:\n    get: {operationId: other}\n";
    const ToolCatalog first = generate(doc(a + b + c));
    const ToolCatalog second = generate(doc(c + b + a));
    QCOMPARE(first.tools.size(), 3);
    QHash<QString, QString> names; // key -> name
    for (const Tool &tool : first.tools)
        names.insert(tool.operation.key(), tool.name);
    for (const Tool &tool : second.tools)
        QCOMPARE(tool.name, names.value(tool.operation.key()));
    QCOMPARE(names.value(QStringLiteral("GET /users/{id}")),
             QStringLiteral("get_user_") + hash6(QStringLiteral("GET /users/{id}")));
    QCOMPARE(names.value(QStringLiteral("GET /user/{id}")),
             QStringLiteral("get_user_") + hash6(QStringLiteral("GET /user/{id}")));
    QCOMPARE(names.value(QStringLiteral("GET /get-user")), QStringLiteral("other"));
    for (const Tool &tool : first.tools) {
        QCOMPARE(first.find(tool.name), &tool);
        QVERIFY(OperationIndex::isValidToolName(tool.name));
    }
    const Tool *hashed = first.find(names.value(QStringLiteral("GET /users/{id}")));
    QVERIFY(hashed && findNote(*hashed, QStringLiteral("naming"), QStringLiteral("name")));

    // A hashed name that is also another operation's wanted name is lengthened, not duplicated.
    QList<ToolNamer::Request> requests{
        {QStringLiteral("GET /x"), QStringLiteral("x"), false, false},
        {QStringLiteral("GET /y"), QStringLiteral("x"), false, false},
        {QStringLiteral("GET /z"), QStringLiteral("x_") + hash6(QStringLiteral("GET /x")), false,
         false},
    };
    const QList<ToolNamer::Naming> named = ToolNamer::assign(requests);
    QSet<QString> unique;
    for (const ToolNamer::Naming &n : named) {
        QVERIFY(OperationIndex::isValidToolName(n.name));
        unique.insert(n.name);
    }
    QCOMPARE(unique.size(), 3);
    std::reverse(requests.begin(), requests.end());
    const QList<ToolNamer::Naming> reversed = ToolNamer::assign(requests);
    for (qsizetype i = 0; i < named.size(); ++i)
        QCOMPARE(reversed.at(named.size() - 1 - i).name, named.at(i).name);
}

void TestToolGenerator::overrideNames()
{
    const QByteArray spec = doc("  /a:\n    get: {operationId: listA}\n"
                                "  /b:\n    get: {operationId: listB}\n"
                                "  /c:\n    get: {operationId: listC}\n");
    ToolSettings settings;
    ToolOverrideSettings rename;
    rename.key = QStringLiteral("listB");
    rename.name = QStringLiteral("list_a"); // listA's default name: the owner's choice wins
    ToolOverrideSettings invalid;
    invalid.key = QStringLiteral("get /c");
    invalid.name = QStringLiteral("list.c");
    settings.overrides = {rename, invalid};
    const ToolCatalog catalog = generate(spec, settings);
    QCOMPARE(catalog.tools.size(), 3);
    QCOMPARE(catalog.find(QStringLiteral("list_a"))->operation.operationId,
             QStringLiteral("listB"));
    QCOMPARE(catalog.tools.at(0).name, QStringLiteral("list_a_") + hash6(QStringLiteral("GET /a")));
    QCOMPARE(catalog.tools.at(2).name, QStringLiteral("list_c"));
    QVERIFY2(warned(catalog, QStringLiteral("\"list.c\"")), warningsText(catalog).constData());
    QCOMPARE(catalog.warnings.size(), 1);
}

void TestToolGenerator::descriptions_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("description");

    QTest::newRow("both") << QByteArray("summary: Get a thing\n      description: Returns it.")
                          << "Get a thing"
                          << "Get a thing. Returns it.";
    QTest::newRow("equal") << QByteArray("summary: Get a thing.\n      description: Get a thing.")
                           << "Get a thing."
                           << "Get a thing.";
    QTest::newRow("description repeats summary")
        << QByteArray("summary: Get a thing\n      description: Get a thing by its id.")
        << "Get a thing"
        << "Get a thing by its id.";
    QTest::newRow("whitespace collapsed")
        << QByteArray("summary: '  Get   a thing. '\n      description: \"Line one.\\n\\n  Line "
                      "two.\\t\"")
        << "Get a thing."
        << "Get a thing. Line one. Line two.";
    QTest::newRow("summary only") << QByteArray("summary: Get a thing") << "Get a thing"
                                  << "Get a thing";
    QTest::newRow("description only") << QByteArray("description: Returns it.") << ""
                                      << "Returns it.";
    QTest::newRow("neither") << QByteArray("operationId: x") << ""
                             << "GET /things";
}

void TestToolGenerator::descriptions()
{
    QFETCH(QByteArray, fields);
    QFETCH(QString, title);
    QFETCH(QString, description);
    const ToolCatalog catalog = generate(doc("  /things:\n    get:\n      " + fields + "\n"));
    QCOMPARE(catalog.tools.size(), 1);
    QCOMPARE(catalog.tools.first().title, title);
    QCOMPARE(catalog.tools.first().description, description);
}

void TestToolGenerator::descriptor()
{
    const ToolCatalog catalog = generate(doc(R"(  /things:
    get:
      operationId: listThings
      summary: List things
      parameters: [{name: q, in: query, schema: {type: string}}]
    post: {operationId: createThing}
)"));
    QCOMPARE(catalog.tools.size(), 2);
    // compact_schemas (on by default) leaves out a title the description starts with.
    JCOMPARE(catalog.tools.at(0).descriptor(), json::parse(R"({
        "name": "list_things", "description": "List things",
        "inputSchema": {"type": "object", "properties": {"q": {"type": "string"}}},
        "annotations": {"readOnlyHint": true}})"));
    JCOMPARE(catalog.tools.at(0).fullDescriptor(), json::parse(R"({
        "name": "list_things", "title": "List things", "description": "List things",
        "inputSchema": {"type": "object", "properties": {"q": {"type": "string"}}},
        "annotations": {"readOnlyHint": true}})"));
    const json post = catalog.tools.at(1).descriptor();
    QVERIFY(!post.contains("title"));
    JCOMPARE(post["inputSchema"], json::parse(R"({"type": "object", "properties": {}})"));
    // Only what differs from MCP's defaults: destructiveHint defaults to true, so false has to
    // be written out; readOnlyHint and idempotentHint default to false.
    JCOMPARE(post["annotations"], json::parse(R"({"destructiveHint": false})"));
}

void TestToolGenerator::flattening()
{
    const ToolCatalog catalog = generate(doc(R"(  /orgs/{org}/members:
    post:
      operationId: addMember
      parameters:
        - {name: X-Request-Id, in: header, description: Trace id., schema: {type: string}}
        - {name: notify, in: query, schema: {type: boolean}}
        - {name: org, in: path, required: true, description: "The  org.", schema: {type: string}}
        - {name: session, in: cookie, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [login]
              properties:
                login: {type: string, description: The user.}
                role: {type: string, enum: [admin, member]}
)"));
    QCOMPARE(catalog.tools.size(), 1);
    const Tool &tool = catalog.tools.first();
    JCOMPARE(tool.inputSchema["type"], "object");
    JCOMPARE(properties(tool)["org"],
             json::parse(R"({"type": "string", "description": "The org."})"));
    JCOMPARE(properties(tool)["X-Request-Id"],
             json::parse(R"({"type": "string", "description": "Trace id."})"));
    JCOMPARE(properties(tool)["role"],
             json::parse(R"({"type": "string", "enum": ["admin", "member"]})"));
    QCOMPARE(required(tool), (QStringList{QStringLiteral("login"), QStringLiteral("org")}));
    QCOMPARE(tool.bodyContentType, QStringLiteral("application/json"));
    // Path first, then query, header, cookie, then the body's properties.
    QCOMPARE(tool.arguments.size(), 6);
    QCOMPARE(tool.arguments.at(0).target, ArgumentTarget::Path);
    QCOMPARE(tool.arguments.at(0).parameterIndex, 2);
    QCOMPARE(tool.arguments.at(1).target, ArgumentTarget::Query);
    QCOMPARE(tool.arguments.at(2).target, ArgumentTarget::Header);
    QCOMPARE(tool.arguments.at(3).target, ArgumentTarget::Cookie);
    const ToolArgument *login = argument(tool, QStringLiteral("login"));
    QVERIFY(login);
    QCOMPARE(login->target, ArgumentTarget::BodyProperty);
    QCOMPARE(login->name, QStringLiteral("login"));
    QCOMPARE(login->parameterIndex, -1);

    // An optional body's required properties are not required of the tool.
    const ToolCatalog optional = generate(doc(R"(  /things:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, required: [a], properties: {a: {type: string}}}
)"));
    QVERIFY(required(optional.tools.first()).isEmpty());
}

void TestToolGenerator::collisionsRenamed()
{
    const ToolCatalog catalog = generate(doc(R"(  /things/{id}:
    put:
      operationId: putThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: x, in: header, required: true, schema: {type: string}}
        - {name: x, in: query, schema: {type: integer}}
        - {name: 'filter[name]', in: query, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [id]
              properties: {id: {type: integer}, name: {type: string}}
)"));
    const Tool &tool = catalog.tools.first();
    QCOMPARE(propertyNames(tool),
             (QStringList{QStringLiteral("body_id"), QStringLiteral("filter_name_"),
                          QStringLiteral("header_x"), QStringLiteral("id"), QStringLiteral("name"),
                          QStringLiteral("x")}));
    QCOMPARE(argument(tool, QStringLiteral("id"))->target, ArgumentTarget::Path);
    QCOMPARE(argument(tool, QStringLiteral("body_id"))->target, ArgumentTarget::BodyProperty);
    QCOMPARE(argument(tool, QStringLiteral("body_id"))->name, QStringLiteral("id"));
    QCOMPARE(argument(tool, QStringLiteral("x"))->target, ArgumentTarget::Query);
    QCOMPARE(argument(tool, QStringLiteral("header_x"))->target, ArgumentTarget::Header);
    QCOMPARE(argument(tool, QStringLiteral("header_x"))->name, QStringLiteral("x"));
    QCOMPARE(argument(tool, QStringLiteral("filter_name_"))->name, QStringLiteral("filter[name]"));
    QCOMPARE(required(tool), (QStringList{QStringLiteral("body_id"), QStringLiteral("header_x"),
                                          QStringLiteral("id")}));
    JCOMPARE(properties(tool)["body_id"], json::parse(R"({"type": "integer"})"));
}

void TestToolGenerator::wrappedBodies_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QString>("contentType");

    QTest::newRow("array") << QByteArray("application/json: {schema: {type: array, items: "
                                         "{type: string}}}")
                           << QByteArray(R"({"type": "array", "items": {"type": "string"}})")
                           << "application/json";
    QTest::newRow("string") << QByteArray("text/plain: {schema: {type: string}}")
                            << QByteArray(R"({"type": "string"})") << "text/plain";
    QTest::newRow("oneOf of scalars")
        << QByteArray("application/json: {schema: {oneOf: [{type: string}, {type: integer}]}}")
        << QByteArray(R"({"oneOf": [{"type": "string"}, {"type": "integer"}]})")
        << "application/json";
    QTest::newRow("binary") << QByteArray("application/octet-stream: {schema: {type: string, "
                                          "format: binary}}")
                            << QByteArray(R"({"type": "string", "format": "binary"})")
                            << "application/octet-stream";
    QTest::newRow("free-form map")
        << QByteArray("application/json: {schema: {type: object, additionalProperties: "
                      "{type: string}}}")
        << QByteArray(R"({"type": "object", "additionalProperties": {"type": "string"}})")
        << "application/json";
    QTest::newRow("no schema") << QByteArray("application/xml: {}")
                               << QByteArray(R"({"type": "string"})") << "application/xml";
}

void TestToolGenerator::wrappedBodies()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, schema);
    QFETCH(QString, contentType);
    const ToolCatalog catalog = generate(doc("  /things/{body}:\n    post:\n      parameters:\n"
                                             "        - {name: body, in: path, required: true, "
                                             "schema: {type: string}}\n"
                                             "      requestBody:\n        required: true\n"
                                             "        content:\n          " +
                                             content + "\n"));
    const Tool &tool = catalog.tools.first();
    QCOMPARE(tool.bodyContentType, contentType);
    const ToolArgument *body = argument(tool, QStringLiteral("body_body"));
    QVERIFY2(body, properties(tool).dump().c_str());
    QCOMPARE(body->target, ArgumentTarget::WholeBody);
    JCOMPARE(properties(tool)["body_body"], json::parse(schema));
    QVERIFY(required(tool).contains(QStringLiteral("body_body")));
}

void TestToolGenerator::bodyContentType_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");

    const QByteArray form =
        "application/x-www-form-urlencoded: {schema: {type: object, properties: {a: {}}}}\n";
    const QByteArray multipart =
        "multipart/form-data: {schema: {type: object, properties: {a: {}}}}\n";
    const QByteArray json = "application/json: {schema: {type: object, properties: {a: {}}}}\n";
    const QByteArray vendor =
        "application/vnd.api+json: {schema: {type: object, properties: {a: {}}}}\n";
    const QByteArray xml = "application/xml: {schema: {type: object, properties: {a: {}}}}\n";
    QTest::newRow("json last") << xml + multipart + form + json << "application/json";
    QTest::newRow("+json") << xml + vendor << "application/vnd.api+json";
    QTest::newRow("form before multipart")
        << multipart + form << "application/x-www-form-urlencoded";
    QTest::newRow("multipart") << xml + multipart << "multipart/form-data";
    QTest::newRow("first listed") << xml << "application/xml";
}

void TestToolGenerator::bodyContentType()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QByteArray indented;
    for (const QByteArray &line : content.split('\n')) {
        if (!line.isEmpty())
            indented += "          " + line + '\n';
    }
    const ToolCatalog catalog =
        generate(doc("  /a:\n    post:\n      requestBody:\n        content:\n" + indented));
    QCOMPARE(catalog.tools.first().bodyContentType, expected);
    QVERIFY(argument(catalog.tools.first(), QStringLiteral("a")));
}

void TestToolGenerator::defsHoisted()
{
    const ToolCatalog catalog = generate(doc(R"(  /trees/{id}:
    put:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: filter, in: query, schema: {$ref: '#/components/schemas/Filter'}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Node'}
  /forests:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: array, items: {$ref: '#/components/schemas/Node'}}
)",
                                             R"(  schemas:
    Node:
      type: object
      required: [name]
      properties:
        name: {type: string}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
    Filter:
      type: object
      properties:
        and: {type: array, items: {$ref: '#/components/schemas/Filter'}}
    Unused:
      type: object
      properties: {self: {$ref: '#/components/schemas/Unused'}}
)"));
    QCOMPARE(catalog.tools.size(), 2);
    const Tool &put = *catalog.find(QStringLiteral("put_trees_id"));
    const json schema = put.inputSchema;
    QVERIFY2(schema.contains("$defs"), schema.dump().c_str());
    QVERIFY2(schema["$defs"].size() == 2u, schema.dump().c_str());
    QVERIFY(schema["$defs"].contains("Node"));
    QVERIFY(schema["$defs"].contains("Filter"));
    // The properties refer to the root's $defs and carry none of their own.
    JCOMPARE(schema["properties"]["children"],
             json::parse(R"({"type": "array", "items": {"$ref": "#/$defs/Node"}})"));
    QVERIFY(!schema["properties"]["filter"].contains("$defs"));
    QCOMPARE(required(put), (QStringList{QStringLiteral("id"), QStringLiteral("name")}));

    const Tool &post = *catalog.find(QStringLiteral("post_forests"));
    QVERIFY(post.inputSchema.contains("$defs"));
    QVERIFY(post.inputSchema["$defs"].contains("Node"));
    QVERIFY(!post.inputSchema["properties"]["body"].contains("$defs"));
    QCOMPARE(argument(post, QStringLiteral("body"))->target, ArgumentTarget::WholeBody);
}

void TestToolGenerator::reservedAndCredentialHeaders()
{
    const ToolCatalog catalog = generate(doc(R"(  /a:
    get:
      security: [{key: []}]
      parameters:
        - {name: authorization, in: header, required: true, schema: {type: string}}
        - {name: Accept, in: header, schema: {type: string}}
        - {name: Content-Type, in: header, schema: {type: string}}
        - {name: Cookie, in: header, schema: {type: string}}
        - {name: Host, in: header, schema: {type: string}}
        - {name: Content-Length, in: header, schema: {type: integer}}
        - {name: api_key, in: query, schema: {type: string}}
        - {name: X-Other, in: header, schema: {type: string}}
)",
                                             "  securitySchemes:\n    key: {type: apiKey, in: "
                                             "query, name: api_key}\n"));
    const Tool &tool = catalog.tools.first();
    QCOMPARE(propertyNames(tool), QStringList{QStringLiteral("X-Other")});
    QVERIFY(required(tool).isEmpty());
    // The loader already drops Accept, Content-Type and Authorization (OAS 3.1 4.8.12.1).
    for (const char *name : {"Cookie", "Host", "Content-Length"}) {
        const EditorialNote *n =
            findNote(tool, QStringLiteral("reserved_header"), QString::fromLatin1(name));
        QVERIFY2(n && !n->reason.isEmpty(), name);
    }
    QVERIFY(findNote(tool, QStringLiteral("credential"), QStringLiteral("api_key")));
    QVERIFY(catalog.warnings.isEmpty());
}

void TestToolGenerator::annotations_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<bool>("destructive");
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<QString>("action");

    QTest::newRow("get") << "get" << true << false << true << "read";
    QTest::newRow("head") << "head" << true << false << true << "read";
    QTest::newRow("options") << "options" << true << false << true << "read";
    QTest::newRow("post") << "post" << false << false << false << "create";
    QTest::newRow("put") << "put" << false << true << true << "update";
    QTest::newRow("patch") << "patch" << false << true << false << "update";
    QTest::newRow("delete") << "delete" << false << true << true << "delete";
}

void TestToolGenerator::annotations()
{
    QFETCH(QString, method);
    QFETCH(bool, readOnly);
    QFETCH(bool, destructive);
    QFETCH(bool, idempotent);
    QFETCH(QString, action);
    const ToolCatalog catalog = generate(doc("  /a:\n    " + method.toUtf8() + ": {}\n"));
    const Tool &tool = catalog.tools.first();
    QCOMPARE(tool.readOnlyHint, readOnly);
    QCOMPARE(tool.destructiveHint, destructive);
    QCOMPARE(tool.idempotentHint, idempotent);
    QCOMPARE(toolActionName(tool.action), action);
    // What a client reads, with MCP's defaults for absent hints (the last two only count when
    // the tool is not read-only).
    const json annotations = tool.descriptor().value("annotations", json::object());
    QCOMPARE(annotations.value("readOnlyHint", false), readOnly);
    if (!readOnly) {
        QCOMPARE(annotations.value("destructiveHint", true), destructive);
        QCOMPARE(annotations.value("idempotentHint", false), idempotent);
    }
}

void TestToolGenerator::resources_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QString>("resource");

    QTest::newRow("first tag") << QByteArray("  /x/y:\n    get: {tags: [Pull Requests, repos]}\n")
                               << "pull_requests";
    QTest::newRow("first segment")
        << QByteArray("  /invoices/{id}/lines:\n"
                      "    parameters: [{name: id, in: path, required: true, schema: {}}]\n"
                      "    get: {}\n")
        << "invoices";
    QTest::newRow("param first")
        << QByteArray("  /{tenant}/customers:\n"
                      "    parameters: [{name: tenant, in: path, required: true, schema: {}}]\n"
                      "    get: {}\n")
        << "customers";
    QTest::newRow("version prefix")
        << QByteArray("  /v1/customers/{id}:\n"
                      "    parameters: [{name: id, in: path, required: true, schema: {}}]\n"
                      "    get: {}\n")
        << "customers";
    QTest::newRow("api prefix") << QByteArray("  /api/v2/Order.Items:\n    get: {}\n")
                                << "order_items";
    QTest::newRow("version only") << QByteArray("  /v1:\n    get: {}\n") << "v1";
    QTest::newRow("root") << QByteArray("  /:\n    get: {}\n") << "root";
}

void TestToolGenerator::resources()
{
    QFETCH(QByteArray, operation);
    QFETCH(QString, resource);
    const ToolCatalog catalog = generate(doc(operation));
    QCOMPARE(catalog.tools.first().resource, resource);
}

void TestToolGenerator::includeExclude()
{
    const QByteArray spec = doc(R"(  /internal/stats:
    get: {operationId: stats, tags: [internal]}
  /invoices:
    get: {operationId: listInvoices, tags: [billing]}
    post: {operationId: createInvoice, tags: [billing]}
  /customers:
    get: {operationId: listCustomers, tags: [crm]}
)");
    ToolSettings settings;
    settings.exclude = {QStringLiteral("GET /internal/*"), QStringLiteral("createInvoice")};
    ToolCatalog catalog = generate(spec, settings);
    QCOMPARE(catalog.tools.size(), 2);
    QCOMPARE(catalog.excluded.size(), 2);
    QCOMPARE(catalog.excluded.at(0).operationId, QStringLiteral("stats"));
    QCOMPARE(catalog.excluded.at(0).heuristic, QStringLiteral("exclude"));
    QVERIFY(catalog.excluded.at(0).reason.contains(QStringLiteral("GET /internal/*")));
    QCOMPARE(catalog.excluded.at(1).operationId, QStringLiteral("createInvoice"));
    QVERIFY(catalog.excluded.at(1).reason.contains(QStringLiteral("createInvoice")));

    settings = {};
    settings.include = {QStringLiteral("billing")};
    settings.exclude = {QStringLiteral("POST /*")};
    catalog = generate(spec, settings);
    QCOMPARE(catalog.tools.size(), 1);
    QCOMPARE(catalog.tools.first().name, QStringLiteral("list_invoices"));
    QCOMPARE(findExcluded(catalog, QStringLiteral("GET /customers"))->heuristic,
             QStringLiteral("include"));
    QCOMPARE(findExcluded(catalog, QStringLiteral("POST /invoices"))->heuristic,
             QStringLiteral("exclude"));
}

void TestToolGenerator::overrideEnabled()
{
    ToolSettings settings;
    ToolOverrideSettings off;
    off.key = QStringLiteral("POST /invoices");
    off.enabled = false;
    settings.overrides = {off};
    const ToolCatalog catalog = generate(kOverrideSpec, settings);
    QCOMPARE(catalog.tools.size(), 1);
    QVERIFY(!catalog.find(QStringLiteral("create_invoice")));
    const ExcludedOperation *excluded = findExcluded(catalog, QStringLiteral("POST /invoices"));
    QVERIFY(excluded);
    QCOMPARE(excluded->heuristic, QStringLiteral("override"));
    QCOMPARE(excluded->operationId, QStringLiteral("createInvoice"));
    QVERIFY(catalog.warnings.isEmpty());
}

void TestToolGenerator::overrideParams()
{
    ToolSettings settings;
    ToolOverrideSettings list;
    list.key = QStringLiteral("listInvoices");
    list.fixedParams.insert(QStringLiteral("account"), json("acme"));
    list.defaultParams.insert(QStringLiteral("status"), json("open"));
    ToolOverrideSettings create;
    create.key = QStringLiteral("createInvoice");
    create.hideParams = {QStringLiteral("Idempotency-Key"), QStringLiteral("memo")};
    settings.overrides = {list, create};
    const ToolCatalog catalog = generate(kOverrideSpec, settings);
    QVERIFY2(catalog.warnings.isEmpty(), warningsText(catalog).constData());

    const Tool *listTool = catalog.find(QStringLiteral("list_invoices"));
    QVERIFY(listTool);
    QCOMPARE(propertyNames(*listTool), QStringList{QStringLiteral("status")});
    QVERIFY(required(*listTool).isEmpty());
    JCOMPARE(properties(*listTool)["status"]["default"], "open");
    QCOMPARE(listTool->fixed.size(), 1);
    QCOMPARE(listTool->fixed.first().name, QStringLiteral("account"));
    QCOMPARE(listTool->fixed.first().target, ArgumentTarget::Query);
    QCOMPARE(listTool->fixed.first().parameterIndex, 1);
    JCOMPARE(listTool->fixed.first().value, "acme");
    QCOMPARE(listTool->defaults.size(), 1);
    QCOMPARE(listTool->defaults.first().name, QStringLiteral("status"));
    JCOMPARE(listTool->defaults.first().value, "open");
    QVERIFY(findNote(*listTool, QStringLiteral("override"), QStringLiteral("account")));

    const Tool *createTool = catalog.find(QStringLiteral("create_invoice"));
    QVERIFY(createTool);
    QCOMPARE(propertyNames(*createTool), QStringList{QStringLiteral("customer")});
    QVERIFY(createTool->fixed.isEmpty());
    QVERIFY(findNote(*createTool, QStringLiteral("override"), QStringLiteral("memo")));
}

void TestToolGenerator::overrideFields()
{
    ToolSettings settings;
    ToolOverrideSettings o;
    o.key = QStringLiteral("post /invoices"); // the method is case-insensitive
    o.name = QStringLiteral("new_invoice");
    o.description = QStringLiteral("Create a draft invoice.");
    o.responseFields = QStringList{QStringLiteral("id"), QStringLiteral("total")};
    o.credential = QStringLiteral("billing-write");
    o.cost = 1.5;
    o.action = ToolAction::Update;
    o.resource = QStringLiteral("Drafts");
    settings.overrides = {o};
    const ToolCatalog catalog = generate(kOverrideSpec, settings);
    const Tool *tool = catalog.find(QStringLiteral("new_invoice"));
    QVERIFY(tool);
    QCOMPARE(tool->operation.operationId, QStringLiteral("createInvoice"));
    QCOMPARE(tool->description, QStringLiteral("Create a draft invoice."));
    QCOMPARE(tool->responseFields, (QStringList{QStringLiteral("id"), QStringLiteral("total")}));
    QVERIFY(!tool->shapeResponse);
    QCOMPARE(tool->credential, QStringLiteral("billing-write"));
    QCOMPARE(tool->cost, std::optional<double>(1.5));
    QCOMPARE(tool->action, ToolAction::Update);
    QCOMPARE(tool->resource, QStringLiteral("drafts"));
    // Without the override: defaults from the method and the path.
    const ToolCatalog plain = generate(kOverrideSpec);
    const Tool *original = plain.find(QStringLiteral("create_invoice"));
    QVERIFY(original);
    QCOMPARE(original->action, ToolAction::Create);
    QCOMPARE(original->resource, QStringLiteral("invoices"));
    QVERIFY(!original->cost);
    QVERIFY(original->credential.isEmpty());
    QCOMPARE(plain.find(QStringLiteral("list_invoices"))->resource, QStringLiteral("billing"));
}

void TestToolGenerator::overrideWarnings()
{
    ToolSettings settings;
    ToolOverrideSettings nothing;
    nothing.key = QStringLiteral("GET /nowhere");
    ToolOverrideSettings unknownParam;
    unknownParam.key = QStringLiteral("listInvoices");
    unknownParam.hideParams = {QStringLiteral("colour")};
    unknownParam.fixedParams.insert(QStringLiteral("size"), json(1));
    unknownParam.defaultParams.insert(QStringLiteral("shape"), json("round"));
    ToolOverrideSettings hiddenRequired;
    hiddenRequired.key = QStringLiteral("createInvoice");
    hiddenRequired.hideParams = {QStringLiteral("customer")};
    ToolOverrideSettings twice;
    twice.key = QStringLiteral("POST /invoices");
    settings.overrides = {nothing, unknownParam, hiddenRequired, twice};
    const ToolCatalog catalog = generate(kOverrideSpec, settings);
    QVERIFY2(warned(catalog, QStringLiteral("\"GET /nowhere\" names no operation")),
             warningsText(catalog).constData());
    for (const char *param : {"\"colour\"", "\"size\"", "\"shape\""})
        QVERIFY2(warned(catalog, QString::fromLatin1(param)), warningsText(catalog).constData());
    QVERIFY2(warned(catalog, QStringLiteral("required parameter \"customer\"")),
             warningsText(catalog).constData());
    QVERIFY2(warned(catalog, QStringLiteral("more than one override")),
             warningsText(catalog).constData());
    QCOMPARE(catalog.warnings.size(), 6);
    // Fixing the hidden required parameter's value is fine.
    hiddenRequired.fixedParams.insert(QStringLiteral("customer"), json("cus_1"));
    settings.overrides = {hiddenRequired};
    QVERIFY(generate(kOverrideSpec, settings).warnings.isEmpty());
}

void TestToolGenerator::dropDeprecated_data()
{
    QTest::addColumn<bool>("on");
    QTest::newRow("on") << true;
    QTest::newRow("off") << false;
}

void TestToolGenerator::dropDeprecated()
{
    QFETCH(bool, on);
    const QByteArray spec = doc(R"(  /old:
    get: {operationId: oldThing, deprecated: true}
  /kept:
    get: {operationId: keptThing, deprecated: true}
  /new:
    get:
      operationId: newThing
      parameters:
        - {name: legacy, in: query, deprecated: true, schema: {type: string}}
        - {name: needed, in: query, required: true, deprecated: true, schema: {type: string}}
        - {name: q, in: query, schema: {type: string}}
)");
    ToolSettings settings;
    settings.heuristics.dropDeprecated = on;
    ToolOverrideSettings keep;
    keep.key = QStringLiteral("keptThing");
    keep.enabled = true;
    settings.overrides = {keep};
    const ToolCatalog catalog = generate(spec, settings);
    QCOMPARE(catalog.find(QStringLiteral("old_thing")) == nullptr, on);
    QVERIFY(catalog.find(QStringLiteral("kept_thing")));
    const ExcludedOperation *excluded = findExcluded(catalog, QStringLiteral("GET /old"));
    QCOMPARE(excluded != nullptr, on);
    if (excluded)
        QCOMPARE(excluded->heuristic, QStringLiteral("drop_deprecated"));
    const Tool *tool = catalog.find(QStringLiteral("new_thing"));
    QVERIFY(tool);
    QCOMPARE(propertyNames(*tool).contains(QStringLiteral("legacy")), !on);
    QVERIFY(propertyNames(*tool).contains(QStringLiteral("needed")));
    QCOMPARE(findNote(*tool, QStringLiteral("drop_deprecated"), QStringLiteral("legacy")) !=
                 nullptr,
             on);
}

void TestToolGenerator::hidePagination_data()
{
    QTest::addColumn<bool>("on");
    QTest::newRow("on") << true;
    QTest::newRow("off") << false;
}

void TestToolGenerator::hidePagination()
{
    QFETCH(bool, on);
    const QByteArray spec = doc(R"(  /items:
    get:
      operationId: listItems
      parameters:
        - {name: per_page, in: query, schema: {type: integer}}
        - {name: pageSize, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
        - {name: maxResults, in: query, schema: {type: integer}}
        - {name: prettyPrint, in: query, schema: {type: boolean}}
        - {name: callback, in: query, schema: {type: string}}
        - {name: format, in: query, schema: {type: string, enum: [json, xml]}}
        - {name: expand, in: query, schema: {type: array, items: {type: string}}}
        - {name: page, in: query, schema: {type: integer}}
        - {name: cursor, in: query, schema: {type: string}}
        - {name: starting_after, in: query, schema: {type: string}}
        - {name: offset, in: query, schema: {type: integer}}
        - {name: mode, in: query, schema: {type: string, enum: [full, short]}}
    post:
      operationId: createItem
      parameters:
        - {name: limit, in: query, required: true, schema: {type: integer}}
        - {name: per_page, in: header, schema: {type: integer}}
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                name: {type: string}
                expand: {type: array, items: {type: string}}
                format: {type: string, enum: [pdf, png]}
  /reports:
    get:
      operationId: getReport
      parameters:
        - {name: format, in: query, schema: {type: string, enum: [pdf, summary]}}
)");
    ToolSettings settings;
    settings.heuristics.hidePagination = on;
    const ToolCatalog catalog = generate(spec, settings);
    const Tool *list = catalog.find(QStringLiteral("list_items"));
    QVERIFY(list);
    const QStringList hidden{QStringLiteral("per_page"),    QStringLiteral("pageSize"),
                             QStringLiteral("limit"),       QStringLiteral("maxResults"),
                             QStringLiteral("prettyPrint"), QStringLiteral("callback"),
                             QStringLiteral("format"),      QStringLiteral("expand")};
    for (const QString &name : hidden) {
        QCOMPARE(propertyNames(*list).contains(name), !on);
        const EditorialNote *n = findNote(*list, QStringLiteral("hide_pagination"), name);
        QCOMPARE(n != nullptr, on);
    }
    for (const char *name : {"page", "cursor", "starting_after", "offset", "mode"})
        QVERIFY2(propertyNames(*list).contains(QString::fromLatin1(name)), name);
    if (on) {
        const EditorialNote *n =
            findNote(*list, QStringLiteral("hide_pagination"), QStringLiteral("per_page"));
        QVERIFY2(n->reason.contains(QStringLiteral("cursor")), qPrintable(n->reason));
    }
    // Required parameters, headers, body properties other than expand, and formats that are not
    // serialisations stay.
    const Tool *create = catalog.find(QStringLiteral("create_item"));
    QVERIFY(propertyNames(*create).contains(QStringLiteral("limit")));
    QVERIFY(propertyNames(*create).contains(QStringLiteral("per_page")));
    QVERIFY(propertyNames(*create).contains(QStringLiteral("format")));
    QCOMPARE(propertyNames(*create).contains(QStringLiteral("expand")), !on);
    QVERIFY(propertyNames(*catalog.find(QStringLiteral("get_report")))
                .contains(QStringLiteral("format")));
}

void TestToolGenerator::cutDescriptions()
{
    const QString sentence = QStringLiteral("This sentence is forty characters long. ");
    QString longText;
    for (int i = 0; i < 20; ++i)
        longText += sentence;
    const QByteArray spec = doc("  /things:\n    get:\n      operationId: listThings\n"
                                "      summary: List things\n      description: \"" +
                                longText.toUtf8() +
                                "See [the docs](https://example.com/docs \\\"Docs\\\").\"\n"
                                "      parameters:\n"
                                "        - {name: q, in: query, description: \"" +
                                longText.toUtf8() +
                                "\", schema: {type: object, properties: {inner: {type: "
                                "string, description: \"" +
                                longText.toUtf8() + "\"}}}}\n" +
                                "        - {name: short, in: query, description: 'Read "
                                "[the guide](/guide).', schema: {type: string}}\n");
    const QString full = QStringLiteral("List things. ") + longText +
                         QStringLiteral("See [the docs](https://example.com/docs \"Docs\").");

    ToolSettings settings;
    settings.heuristics.maxDescriptionChars = 0;
    ToolCatalog catalog = generate(spec, settings);
    const Tool &uncut = catalog.tools.first();
    QCOMPARE(uncut.description, full);
    QVERIFY(uncut.notes.isEmpty() ||
            !findNote(uncut, QStringLiteral("cut_descriptions"), QStringLiteral("description")));
    QCOMPARE(QString::fromStdString(properties(uncut)["short"]["description"].get<std::string>()),
             QStringLiteral("Read [the guide](/guide)."));

    settings.heuristics.maxDescriptionChars = 300;
    catalog = generate(spec, settings);
    const Tool &tool = catalog.tools.first();
    QVERIFY2(tool.description.size() <= 300, qPrintable(tool.description));
    QVERIFY2(tool.description.endsWith(QStringLiteral(". …")), qPrintable(tool.description));
    QVERIFY(tool.description.startsWith(QStringLiteral("List things. This sentence")));
    const EditorialNote *n =
        findNote(tool, QStringLiteral("cut_descriptions"), QStringLiteral("description"));
    QVERIFY(n);
    QVERIFY2(n->reason.contains(QString::number(full.size())), qPrintable(n->reason));
    const QString param =
        QString::fromStdString(properties(tool)["q"]["description"].get<std::string>());
    QVERIFY2(param.size() <= 100 && param.endsWith(u'…'), qPrintable(param));
    const QString inner = QString::fromStdString(
        properties(tool)["q"]["properties"]["inner"]["description"].get<std::string>());
    QVERIFY2(inner.size() <= 100, qPrintable(inner));
    const EditorialNote *paramNote =
        findNote(tool, QStringLiteral("cut_descriptions"), QStringLiteral("q"));
    QVERIFY(paramNote);
    QVERIFY2(paramNote->reason.contains(QString::number(longText.size())),
             qPrintable(paramNote->reason));
    QCOMPARE(QString::fromStdString(properties(tool)["short"]["description"].get<std::string>()),
             QStringLiteral("Read the guide."));
    QVERIFY(!findNote(tool, QStringLiteral("cut_descriptions"), QStringLiteral("short")));

    // Links reduced to their text in a description short enough to keep.
    const ToolCatalog linked = generate(doc("  /a:\n    get:\n      description: 'See "
                                            "[the docs](https://x.test/d) and ![img](i.png).'\n"));
    QCOMPARE(linked.tools.first().description, QStringLiteral("See the docs and img."));
}

void TestToolGenerator::cutText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("max");
    QTest::addColumn<QString>("expected");

    QTest::newRow("fits") << "Short." << 10 << "Short.";
    QTest::newRow("sentence") << "One two three. Four five six seven eight." << 24
                              << "One two three. …";
    QTest::newRow("word") << "Alpha beta gamma delta epsilon zeta" << 20 << "Alpha beta gamma…";
    QTest::newRow("early sentence end ignored")
        << "Hi. Alpha beta gamma delta epsilon zeta" << 24 << "Hi. Alpha beta gamma…";
    QTest::newRow("one long word") << "abcdefghijklmnopqrstuvwxyz" << 10 << "abcdefghi…";
    QTest::newRow("trailing comma dropped") << "alpha, beta, gamma, delta" << 14 << "alpha, beta…";
}

void TestToolGenerator::cutText()
{
    QFETCH(QString, text);
    QFETCH(int, max);
    QFETCH(QString, expected);
    const QString cut = EditorialHeuristics::cut(text, max);
    QCOMPARE(cut, expected);
    QVERIFY(cut.size() <= max);
}

void TestToolGenerator::shapeResponses_data()
{
    QTest::addColumn<bool>("on");
    QTest::newRow("on") << true;
    QTest::newRow("off") << false;
}

void TestToolGenerator::shapeResponses()
{
    QFETCH(bool, on);
    const QByteArray spec = doc(R"(  /json:
    get:
      operationId: getJson
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
  /problem:
    get:
      operationId: getProblem
      responses:
        '200': {description: ok, content: {text/csv: {schema: {type: string}}}}
        default: {description: error, content: {application/problem+json: {schema: {type: object}}}}
  /empty:
    delete:
      operationId: deleteIt
      responses: {'204': {description: gone}}
)");
    ToolSettings settings;
    settings.heuristics.shapeResponses = on;
    const ToolCatalog catalog = generate(spec, settings);
    const Tool *json = catalog.find(QStringLiteral("get_json"));
    QCOMPARE(json->shapeResponse, on);
    QCOMPARE(findNote(*json, QStringLiteral("shape_responses"), QStringLiteral("response")) !=
                 nullptr,
             on);
    QVERIFY(!catalog.find(QStringLiteral("get_problem"))->shapeResponse);
    QVERIFY(!catalog.find(QStringLiteral("delete_it"))->shapeResponse);
}

void TestToolGenerator::dropListWithRead_data()
{
    QTest::addColumn<bool>("on");
    QTest::newRow("on") << true;
    QTest::newRow("off (the default)") << false;
}

void TestToolGenerator::dropListWithRead()
{
    QFETCH(bool, on);
    const QByteArray spec = doc(R"(  /customers:
    get: {operationId: listCustomers}
    post: {operationId: createCustomer}
  /customers/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {operationId: getCustomer}
  /orders:
    get: {operationId: listOrders}
  /orders/{id}/lines:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {operationId: listOrderLines}
  /events:
    get: {operationId: listEvents}
  /events/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {operationId: getEvent, deprecated: true}
)");
    ToolSettings settings;
    QVERIFY(!settings.heuristics.dropListWithRead);
    settings.heuristics.dropListWithRead = on;
    const ToolCatalog catalog = generate(spec, settings);
    QCOMPARE(catalog.find(QStringLiteral("list_customers")) == nullptr, on);
    QVERIFY(catalog.find(QStringLiteral("create_customer")));
    QVERIFY(catalog.find(QStringLiteral("get_customer")));
    QVERIFY(catalog.find(QStringLiteral("list_orders")));
    // The read of one event is dropped as deprecated, so the list stays.
    QVERIFY(catalog.find(QStringLiteral("list_events")));
    const ExcludedOperation *excluded = findExcluded(catalog, QStringLiteral("GET /customers"));
    QCOMPARE(excluded != nullptr, on);
    if (excluded) {
        QCOMPARE(excluded->heuristic, QStringLiteral("drop_list_with_read"));
        QVERIFY2(excluded->reason.contains(QStringLiteral("/customers/{id}")),
                 qPrintable(excluded->reason));
    }
}

void TestToolGenerator::invalidUtf8()
{
    // Bytes that are not UTF-8 in a YAML spec's strings are replaced, never thrown on.
    const ToolCatalog catalog =
        generate(doc("  /a:\n    get:\n      description: \"bad \xff\xfe\"\n"
                     "      parameters:\n        - {name: q, in: query, "
                     "schema: {type: string, enum: [\"x\xff\"]}}\n"));
    QCOMPARE(catalog.tools.size(), 1);
    QVERIFY(catalog.tools.first().estimatedTokens > 0);
    QVERIFY(catalog.tools.first().description.startsWith(QStringLiteral("bad ")));
}

void TestToolGenerator::compactSchemas()
{
    // Five tools share "owner" described the same way; one has its own required "ref".
    QByteArray paths;
    for (int i = 0; i < 5; ++i) {
        paths += "  /r" + QByteArray::number(i) + "/{owner}:\n    get:\n      operationId: op" +
                 QByteArray::number(i) +
                 "\n      parameters:\n        - {name: owner, in: path, required: true, "
                 "description: The account owner. Not case sensitive., schema: {type: string}}\n";
    }
    paths += R"(  /things/{ref}:
    post:
      operationId: makeThing
      summary: Make a thing
      description: Makes a thing. It is made of parts that come from the catalog of parts.
      parameters:
        - name: ref
          in: path
          required: true
          description: The reference of the thing, as the catalog of parts prints it on every label of every box. More text.
          schema: {type: string, title: Ref, examples: [abc]}
        - {name: colour, in: query, description: The colour., schema: {type: string, enum: [red, green, blue]}}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                code: {type: string, maxLength: 5000}
                note: {type: string, maxLength: 20}
                size:
                  type: string
                  enum: [a1, a2, a3, a4, a5, a6, a7, a8, a9, b1, b2, b3, b4, b5, b6, b7, b8, b9, c1, c2, c3]
                part:
                  type: object
                  description: A part.
                  additionalProperties: false
                  properties:
                    name: {type: string, description: Its name.}
                    origin:
                      type: object
                      additionalProperties: false
                      required: [country]
                      properties:
                        country: {type: string}
)";
    const ToolCatalog catalog = generate(doc(paths));
    QCOMPARE(catalog.tools.size(), 6);
    const Tool &make = *catalog.find(QStringLiteral("make_thing"));
    JCOMPARE(make.listedSchema, json::parse(R"({"type": "object", "required": ["ref"],
        "properties": {
          "ref": {"type": "string",
                  "description": "The reference of the thing, as the catalog of parts prints it on every label of…"},
          "colour": {"type": "string", "enum": ["red", "green", "blue"]},
          "code": {"type": "string"}, "note": {"type": "string", "maxLength": 20},
          "size": {"type": "string"},
          "part": {"type": "object", "additionalProperties": false, "properties": {
            "name": {"type": "string"}, "origin": {"type": "object"}}}}})"));
    QCOMPARE(make.listedDescription, QStringLiteral("Make a thing"));
    // What clients see; the whole schema stays for get_tool_schema and argument checks.
    const json listed = make.descriptor();
    JCOMPARE(listed["inputSchema"], make.listedSchema);
    QVERIFY(!listed.contains("title"));
    JCOMPARE(make.fullDescriptor()["inputSchema"], make.inputSchema);
    JCOMPARE(make.inputSchema["properties"]["ref"]["title"], "Ref");
    QCOMPARE(make.inputSchema["properties"]["size"]["enum"].size(), size_t(21));
    QVERIFY(make.inputSchema["properties"]["part"]["properties"]["origin"].contains("properties"));
    bool noted = false;
    for (const EditorialNote &n : make.notes)
        noted = noted || (n.heuristic == u"compact_schemas" && !n.reason.isEmpty());
    QVERIFY(noted);

    // The recurring "owner" is listed without its description; the whole schema keeps it.
    const Tool &op0 = *catalog.find(QStringLiteral("op0"));
    JCOMPARE(op0.listedSchema["properties"]["owner"], json::parse(R"({"type": "string"})"));
    JCOMPARE(op0.inputSchema["properties"]["owner"]["description"],
             "The account owner. Not case sensitive.");

    // Over the budget: the parameters' objects are listed without their properties.
    QByteArray options;
    for (int i = 0; i < 90; ++i)
        options += "                    option_" + QByteArray::number(i) +
                   ": {type: object, properties: {on: {type: boolean}}}\n";
    const ToolCatalog big = generate(doc(R"(  /settings:
    put:
      operationId: putSettings
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                small: {type: object, properties: {on: {type: boolean}}}
                settings:
                  type: object
                  properties:
)" + options));
    const Tool &put = big.tools.first();
    QCOMPARE(put.inputSchema["properties"]["settings"]["properties"].size(), size_t(90));
    JCOMPARE(put.listedSchema, json::parse(R"({"type": "object", "properties": {
        "small": {"type": "object"}, "settings": {"type": "object"}}})"));

    // Off: tools/list shows the whole tool.
    ToolSettings off;
    off.heuristics.compactSchemas = false;
    const ToolCatalog whole = generate(doc(paths), off);
    const Tool &wholeMake = *whole.find(QStringLiteral("make_thing"));
    QVERIFY(wholeMake.listedSchema.is_null());
    JCOMPARE(wholeMake.descriptor(), wholeMake.fullDescriptor());
    JCOMPARE(wholeMake.descriptor()["title"], "Make a thing");
    QVERIFY(wholeMake.estimatedTokens > make.estimatedTokens);
}

void TestToolGenerator::briefDescriptions_data()
{
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("brief");
    QTest::newRow("the summary")
        << u"Get a repository"_s
        << u"The `parent` and `source` objects are present when the repository is a fork."_s
        << u"Get a repository"_s;
    QTest::newRow("no summary: the first sentence")
        << QString() << u"Lists things. Many of them."_s << u"Lists things."_s;
    QTest::newRow("links reduced")
        << QString() << u"See [the docs](https://x.example/d) now. More"_s
        << u"See the docs now."_s;
    QTest::newRow("html") << QString() << u"<p>Creates a new <code>customer</code> object.</p>"_s
                          << u"Creates a new customer object."_s;
    QTest::newRow("cut") << QString(u"word "_s.repeated(100)) << QString()
                         << QString(u"word "_s.repeated(20)).trimmed() + u'…';
}

void TestToolGenerator::briefDescriptions()
{
    QFETCH(QString, summary);
    QFETCH(QString, description);
    QFETCH(QString, brief);
    QCOMPARE(EditorialHeuristics::briefDescription(summary, description, 100), brief);
}

QTEST_GUILESS_MAIN(TestToolGenerator)
#include "TestToolGenerator.moc"
