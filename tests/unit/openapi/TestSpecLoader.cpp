#include "TestSupport.h"
#include "openapi/SpecLoader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::openapi;
using json = nlohmann::json;

#define JCOMPARE(actual, expected)                                                                 \
    do {                                                                                           \
        const json a_ = (actual);                                                                  \
        const json e_ = (expected);                                                                \
        QVERIFY2(a_ == e_, (a_.dump() + " != " + e_.dump()).c_str());                              \
    } while (false)

namespace {

Spec load(const QByteArray &data, const SpecLoadOptions &options = {})
{
    Result<Spec> result = SpecLoader(options).loadData(data, QStringLiteral("test.yaml"));
    if (!result.ok())
        qWarning("%s", qPrintable(result.error().message()));
    Q_ASSERT(result.ok());
    return std::move(result).value();
}

json toJson(const QByteArray &text)
{
    return json::parse(text.constData(), text.constData() + text.size());
}

QByteArray skippedText(const Spec &spec)
{
    QStringList out;
    for (const SkippedOperation &s : spec.skipped())
        out.append(s.method + u' ' + s.path + QStringLiteral(" -> ") + s.reason);
    return out.join(u'\n').toUtf8();
}

const QByteArray kParamSpec30 = R"(openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /things/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - %1
      responses: {'200': {description: ok}}
)";

} // namespace

class TestSpecLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versions_data();
    void versions();
    void malformed_data();
    void malformed();
    void parameterStyles_data();
    void parameterStyles();
    void collectionFormat_data();
    void collectionFormat();
    void swaggerFormData_data();
    void swaggerFormData();
    void swaggerBodyDefinitionsAndServers();
    void nullable_data();
    void nullable();
    void allOf_data();
    void allOf();
    void circularRefs_data();
    void circularRefs();
    void relativeFileRefs();
    void refsRefused_data();
    void refsRefused();
    void serverVariables();
    void baseUrlOverride();
    void security_data();
    void security();
    void requestBodies();
    void partialFailure_data();
    void partialFailure();
    void responsesAndTags();
    void refSiblingsAndContentParameters();
    void limits_data();
    void limits();
    void billingSpec();
    void remoteRefs();
};

void TestSpecLoader::versions_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("versionString");

    const QByteArray paths =
        R"("paths": {"/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok"}}}}})";
    QTest::newRow("3.0 yaml") << QByteArray("openapi: 3.0.0\ninfo: {title: T, version: '1'}\n"
                                            "paths:\n  /a:\n    get:\n      operationId: getA\n"
                                            "      responses: {'200': {description: ok}}\n")
                              << int(SpecVersion::OpenApi30) << QStringLiteral("3.0.0");
    QTest::newRow("3.0 json")
        << QByteArray(R"({"openapi": "3.0.2", "info": {"title": "T", "version": "1"}, )" + paths +
                      "}")
        << int(SpecVersion::OpenApi30) << QStringLiteral("3.0.2");
    QTest::newRow("3.1 json")
        << QByteArray(R"({"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, )" + paths +
                      "}")
        << int(SpecVersion::OpenApi31) << QStringLiteral("3.1.0");
    QTest::newRow("3.1 yaml") << QByteArray("openapi: '3.1.0'\ninfo: {title: T, version: '1'}\n"
                                            "paths:\n  /a:\n    get: {operationId: getA}\n")
                              << int(SpecVersion::OpenApi31) << QStringLiteral("3.1.0");
    QTest::newRow("2.0 yaml") << QByteArray("swagger: '2.0'\ninfo: {title: T, version: '1'}\n"
                                            "paths:\n  /a:\n    get: {operationId: getA}\n")
                              << int(SpecVersion::Swagger20) << QStringLiteral("2.0");
    QTest::newRow("2.0 unquoted number")
        << QByteArray("swagger: 2.0\npaths:\n  /a:\n    get: {operationId: getA}\n")
        << int(SpecVersion::Swagger20) << QStringLiteral("2.0");
    QTest::newRow("2.0 json") << QByteArray(R"({"swagger": "2.0", )" + paths + "}")
                              << int(SpecVersion::Swagger20) << QStringLiteral("2.0");
}

void TestSpecLoader::versions()
{
    QFETCH(QByteArray, data);
    QFETCH(int, version);
    QFETCH(QString, versionString);
    const Spec spec = load(data);
    QCOMPARE(int(spec.version()), version);
    QCOMPARE(spec.versionString(), versionString);
    QCOMPARE(spec.operations().size(), 1);
    QCOMPARE(spec.operations().first().operationId, QStringLiteral("getA"));
    QCOMPARE(spec.operations().first().method, QStringLiteral("GET"));
    QCOMPARE(spec.operations().first().pointer, QStringLiteral("#/paths/~1a/get"));
    QVERIFY(spec.skipped().isEmpty());
}

void TestSpecLoader::malformed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("expected a mapping");
    QTest::newRow("not yaml") << QByteArray("a: [1, 2\nb: }") << QStringLiteral("not valid YAML");
    QTest::newRow("not json") << QByteArray(R"({"openapi": "3.0.0", )")
                              << QStringLiteral("not valid JSON");
    QTest::newRow("list") << QByteArray("- 1\n- 2\n") << QStringLiteral("got a list");
    QTest::newRow("scalar") << QByteArray("hello") << QStringLiteral("expected a mapping");
    QTest::newRow("no version") << QByteArray("info: {title: x}\npaths: {}\n")
                                << QStringLiteral("no \"openapi\" or \"swagger\"");
    QTest::newRow("openapi 4") << QByteArray("openapi: 4.0.0\npaths: {}\n")
                               << QStringLiteral("unsupported version \"4.0.0\"");
    QTest::newRow("swagger 1.2") << QByteArray("swagger: '1.2'\n")
                                 << QStringLiteral("unsupported version \"1.2\"");
    QTest::newRow("paths not mapping") << QByteArray("openapi: 3.0.0\npaths: [1]\n")
                                       << QStringLiteral("#/paths: expected a mapping, got a list");
    QTest::newRow("deep json") << QByteArray(100000, '[') << QStringLiteral("nested deeper");
    QTest::newRow("deep yaml") << (QByteArray("a: ") + QByteArray(100, '[') + QByteArray(100, ']'))
                               << QStringLiteral("deeper than");
    QTest::newRow("very deep yaml")
        << (QByteArray("a: ") + QByteArray(100000, '[')) << QStringLiteral("not valid YAML");
    QTest::newRow("alias bomb") << QByteArray("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                                              "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                              "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                              "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                                              "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                                              "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                                              "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n")
                                << QStringLiteral("more than 1000 nodes");
}

void TestSpecLoader::malformed()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    SpecLoadOptions options;
    options.maxYamlNodes = 1000;
    options.maxDocumentDepth = 50;
    const Result<Spec> result = SpecLoader(options).loadData(data, QStringLiteral("bad.yaml"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message().contains(message), qPrintable(result.error().message()));
    QVERIFY2(result.error().message().startsWith(QStringLiteral("bad.yaml")),
             qPrintable(result.error().message()));
}

void TestSpecLoader::parameterStyles_data()
{
    QTest::addColumn<QByteArray>("parameter");
    QTest::addColumn<QString>("style");
    QTest::addColumn<bool>("explode");

    QTest::newRow("query default") << QByteArray("{name: q, in: query, schema: {type: string}}")
                                   << QStringLiteral("form") << true;
    QTest::newRow("cookie default") << QByteArray("{name: c, in: cookie, schema: {type: string}}")
                                    << QStringLiteral("form") << true;
    QTest::newRow("header default") << QByteArray("{name: X-H, in: header, schema: {type: string}}")
                                    << QStringLiteral("simple") << false;
    QTest::newRow("query form no explode")
        << QByteArray("{name: q, in: query, style: form, explode: false, schema: {type: array}}")
        << QStringLiteral("form") << false;
    QTest::newRow("deepObject") << QByteArray(
                                       "{name: q, in: query, style: deepObject, explode: true, "
                                       "schema: {type: object}}")
                                << QStringLiteral("deepObject") << true;
    QTest::newRow("deepObject default explode")
        << QByteArray("{name: q, in: query, style: deepObject, schema: {type: object}}")
        << QStringLiteral("deepObject") << false;
    QTest::newRow("pipeDelimited")
        << QByteArray("{name: q, in: query, style: pipeDelimited, schema: {type: array}}")
        << QStringLiteral("pipeDelimited") << false;
}

void TestSpecLoader::parameterStyles()
{
    QFETCH(QByteArray, parameter);
    QFETCH(QString, style);
    QFETCH(bool, explode);
    const Spec spec =
        load(QString::fromUtf8(kParamSpec30).arg(QString::fromUtf8(parameter)).toUtf8());
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    const SpecOperation &op = spec.operations().first();
    QCOMPARE(op.parameters.size(), 2);
    const SpecParameter &path = op.parameters.at(0);
    QCOMPARE(path.in, ParameterLocation::Path);
    QCOMPARE(parameterStyleName(path.style), QStringLiteral("simple"));
    QCOMPARE(path.explode, false);
    QVERIFY(path.required);
    QCOMPARE(parameterStyleName(op.parameters.at(1).style), style);
    QCOMPARE(op.parameters.at(1).explode, explode);
}

void TestSpecLoader::collectionFormat_data()
{
    QTest::addColumn<QByteArray>("parameter");
    QTest::addColumn<QString>("style"); // empty: the operation is skipped
    QTest::addColumn<bool>("explode");

    QTest::newRow("csv")
        << QByteArray(
               "{name: q, in: query, type: array, items: {type: string}, collectionFormat: csv}")
        << QStringLiteral("form") << false;
    QTest::newRow("default csv") << QByteArray(
                                        "{name: q, in: query, type: array, items: {type: string}}")
                                 << QStringLiteral("form") << false;
    QTest::newRow("ssv")
        << QByteArray(
               "{name: q, in: query, type: array, items: {type: string}, collectionFormat: ssv}")
        << QStringLiteral("spaceDelimited") << false;
    QTest::newRow("pipes")
        << QByteArray(
               "{name: q, in: query, type: array, items: {type: string}, collectionFormat: pipes}")
        << QStringLiteral("pipeDelimited") << false;
    QTest::newRow("multi")
        << QByteArray(
               "{name: q, in: query, type: array, items: {type: string}, collectionFormat: multi}")
        << QStringLiteral("form") << true;
    QTest::newRow("header csv")
        << QByteArray("{name: X-L, in: header, type: array, items: {type: string}}")
        << QStringLiteral("simple") << false;
    QTest::newRow("scalar query") << QByteArray("{name: q, in: query, type: integer}")
                                  << QStringLiteral("form") << true;
    QTest::newRow("tsv")
        << QByteArray(
               "{name: q, in: query, type: array, items: {type: string}, collectionFormat: tsv}")
        << QString() << false;
    QTest::newRow("multi in header")
        << QByteArray("{name: X-L, in: header, type: array, collectionFormat: multi}") << QString()
        << false;
}

void TestSpecLoader::collectionFormat()
{
    QFETCH(QByteArray, parameter);
    QFETCH(QString, style);
    QFETCH(bool, explode);
    const Spec spec =
        load("swagger: '2.0'\npaths:\n  /a:\n    get:\n      parameters:\n        - " + parameter +
             "\n      responses: {'200': {description: ok}}\n");
    if (style.isEmpty()) {
        QCOMPARE(spec.operations().size(), 0);
        QCOMPARE(spec.skipped().size(), 1);
        QVERIFY2(spec.skipped().first().reason.contains(QStringLiteral(
                     "#/paths/~1a/get/parameters/0/collectionFormat: collectionFormat")),
                 qPrintable(spec.skipped().first().reason));
        return;
    }
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    const SpecParameter &p = spec.operations().first().parameters.first();
    QCOMPARE(parameterStyleName(p.style), style);
    QCOMPARE(p.explode, explode);
    QVERIFY(!p.schema.contains("collectionFormat"));
}

void TestSpecLoader::swaggerFormData_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<QString>("contentType");

    QTest::newRow("urlencoded") << QByteArray()
                                << QStringLiteral("application/x-www-form-urlencoded");
    QTest::newRow("file") << QByteArray("        - {name: upload, in: formData, type: file}\n")
                          << QStringLiteral("multipart/form-data");
    QTest::newRow("consumes multipart") << QByteArray("      consumes: [multipart/form-data]\n")
                                        << QStringLiteral("multipart/form-data");
}

void TestSpecLoader::swaggerFormData()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, contentType);
    QByteArray data = "swagger: '2.0'\npaths:\n  /pets:\n    post:\n";
    if (extra.startsWith("      consumes"))
        data += extra;
    data += "      parameters:\n"
            "        - {name: name, in: formData, type: string, required: true}\n"
            "        - {name: tags, in: formData, type: array, items: {type: string}, "
            "collectionFormat: multi}\n";
    if (!extra.startsWith("      consumes"))
        data += extra;
    data += "      responses: {'200': {description: ok}}\n";
    const Spec spec = load(data);
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    const SpecOperation &op = spec.operations().first();
    QVERIFY(op.parameters.isEmpty());
    QVERIFY(op.requestBody.has_value());
    QVERIFY(op.requestBody->required);
    QCOMPARE(op.requestBody->content.size(), 1);
    const SpecMediaType &media = op.requestBody->content.first();
    QCOMPARE(media.contentType, contentType);
    JCOMPARE(media.schema["type"], "object");
    JCOMPARE(media.schema["required"], json::array({"name"}));
    JCOMPARE(media.schema["properties"]["name"]["type"], "string");
    JCOMPARE(media.schema["properties"]["tags"]["type"], "array");
    QVERIFY(media.encoding.contains(QStringLiteral("tags")));
    QCOMPARE(*media.encoding.value(QStringLiteral("tags")).style, ParameterStyle::Form);
    QCOMPARE(*media.encoding.value(QStringLiteral("tags")).explode, true);
    if (media.schema["properties"].contains("upload")) {
        JCOMPARE(media.schema["properties"]["upload"],
                 json({{"type", "string"}, {"format", "binary"}}));
    }
}

void TestSpecLoader::swaggerBodyDefinitionsAndServers()
{
    const Spec spec = load(R"({
      "swagger": "2.0", "host": "api.example.com", "basePath": "/v2", "schemes": ["https", "http"],
      "securityDefinitions": {
        "basicAuth": {"type": "basic"},
        "oauth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a/auth",
                  "tokenUrl": "https://a/token", "scopes": {"read": "Read"}}
      },
      "paths": {"/pets": {"post": {
        "parameters": [{"name": "body", "in": "body", "required": true,
                        "schema": {"$ref": "#/definitions/Pet"}}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}},
                      "404": {"description": "missing"}}}}},
      "definitions": {"Pet": {"type": "object", "required": ["name"],
        "properties": {"name": {"type": "string", "x-nullable": true},
                       "age": {"type": "integer", "minimum": 0, "exclusiveMinimum": true}}}}
    })");
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    QCOMPARE(spec.servers().size(), 2);
    QCOMPARE(spec.servers().at(0).url, QStringLiteral("https://api.example.com/v2"));
    QCOMPARE(spec.servers().at(1).url, QStringLiteral("http://api.example.com/v2"));
    QCOMPARE(spec.baseUrl(), QStringLiteral("https://api.example.com/v2"));
    const SpecOperation &op = spec.operations().first();
    QVERIFY(op.parameters.isEmpty());
    QVERIFY(op.requestBody->required);
    const SpecMediaType *media = op.requestBody->find(u"application/json");
    QVERIFY(media);
    const json expected = {{"type", "object"},
                           {"required", {"name"}},
                           {"properties",
                            {{"name", {{"type", {"string", "null"}}}},
                             {"age", {{"type", "integer"}, {"exclusiveMinimum", 0}}}}}};
    JCOMPARE(media->schema, expected);
    QCOMPARE(op.responses.size(), 1);
    QCOMPARE(op.responses.first().status, QStringLiteral("200"));
    JCOMPARE(op.responses.first().content.first().schema, expected);
    QCOMPARE(spec.securitySchemes().value(QStringLiteral("basicAuth")).type,
             QStringLiteral("http"));
    QCOMPARE(spec.securitySchemes().value(QStringLiteral("basicAuth")).scheme,
             QStringLiteral("basic"));
    const SecurityScheme oauth = spec.securitySchemes().value(QStringLiteral("oauth"));
    JCOMPARE(oauth.flows["authorizationCode"]["tokenUrl"], "https://a/token");
    JCOMPARE(oauth.flows["authorizationCode"]["scopes"]["read"], "Read");
}

void TestSpecLoader::nullable_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("3.0 nullable") << QByteArray("openapi: 3.0.0")
                                  << QByteArray("{type: string, nullable: true}")
                                  << QByteArray(R"({"type": ["string", "null"]})");
    QTest::newRow("3.0 not nullable")
        << QByteArray("openapi: 3.0.0") << QByteArray("{type: string, nullable: false}")
        << QByteArray(R"({"type": "string"})");
    QTest::newRow("3.0 nullable enum")
        << QByteArray("openapi: 3.0.0")
        << QByteArray("{type: string, enum: [a, b], nullable: true}")
        << QByteArray(R"({"type": ["string", "null"], "enum": ["a", "b", null]})");
    QTest::newRow("3.0 nullable allOf")
        << QByteArray("openapi: 3.0.0")
        << QByteArray("{nullable: true, allOf: [{type: object, properties: {a: {type: string}}}]}")
        << QByteArray(R"({"type": ["object", "null"], "properties": {"a": {"type": "string"}}})");
    QTest::newRow("3.0 nullable oneOf")
        << QByteArray("openapi: 3.0.0")
        << QByteArray("{nullable: true, oneOf: [{type: string}, {type: integer}]}")
        << QByteArray(
               R"({"anyOf": [{"oneOf": [{"type": "string"}, {"type": "integer"}]}, {"type": "null"}]})");
    QTest::newRow("3.0 example") << QByteArray("openapi: 3.0.0")
                                 << QByteArray("{type: integer, example: 3}")
                                 << QByteArray(R"({"type": "integer", "examples": [3]})");
    QTest::newRow("3.0 exclusiveMaximum")
        << QByteArray("openapi: 3.0.0")
        << QByteArray("{type: number, maximum: 5, exclusiveMaximum: true}")
        << QByteArray(R"({"type": "number", "exclusiveMaximum": 5})");
    QTest::newRow("3.1 type array")
        << QByteArray("openapi: 3.1.0") << QByteArray("{type: [string, 'null']}")
        << QByteArray(R"({"type": ["string", "null"]})");
    QTest::newRow("3.1 exclusiveMinimum number")
        << QByteArray("openapi: 3.1.0") << QByteArray("{type: number, exclusiveMinimum: 1}")
        << QByteArray(R"({"type": "number", "exclusiveMinimum": 1})");
    QTest::newRow("3.0 oneOf kept")
        << QByteArray("openapi: 3.0.0")
        << QByteArray("{oneOf: [{type: string}, {type: integer, nullable: true}], x-internal: 1}")
        << QByteArray(R"({"oneOf": [{"type": "string"}, {"type": ["integer", "null"]}]})");
    QTest::newRow("3.1 anyOf kept")
        << QByteArray("openapi: 3.1.0") << QByteArray("{anyOf: [{type: string}, {const: 1}]}")
        << QByteArray(R"({"anyOf": [{"type": "string"}, {"const": 1}]})");
    QTest::newRow("yaml scalars")
        << QByteArray("openapi: 3.1.0")
        << QByteArray("{enum: [1, 2.5, true, null, '3', 1.0.0, 0x1F, -4], default: yes}")
        << QByteArray(
               R"({"enum": [1, 2.5, true, null, "3", "1.0.0", "0x1F", -4], "default": "yes"})");
}

void TestSpecLoader::nullable()
{
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, expected);
    const Spec spec = load(
        version +
        "\npaths:\n  /a:\n    get:\n      parameters:\n        - {name: q, in: query, schema: " +
        schema + "}\n");
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    JCOMPARE(spec.operations().first().parameters.first().schema, toJson(expected));
}

void TestSpecLoader::allOf_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("clean merge")
        << QByteArray("{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, required: [b], "
                      "properties: {b: {type: integer}}}], description: Outer}")
        << QByteArray(R"({"type": "object", "required": ["a", "b"], "description": "Outer",
                         "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}})");
    QTest::newRow("conflict kept")
        << QByteArray("{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: "
                      "{a: {type: integer}}}]}")
        << QByteArray(R"({"allOf": [{"type": "object", "required": ["a"], "description": "Base",
                                     "properties": {"a": {"type": "string"}}},
                                    {"type": "object", "properties": {"a": {"type": "integer"}}}]})");
    QTest::newRow("type conflict kept")
        << QByteArray("{allOf: [{type: string}, {type: integer}]}")
        << QByteArray(R"({"allOf": [{"type": "string"}, {"type": "integer"}]})");
    QTest::newRow("nested")
        << QByteArray("{allOf: [{allOf: [{properties: {x: {type: string}}}, {required: [x]}]}, "
                      "{properties: {y: {}}}]}")
        << QByteArray(R"({"properties": {"x": {"type": "string"}, "y": {}}, "required": ["x"]})");
}

void TestSpecLoader::allOf()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, expected);
    const Spec spec = load(
        "openapi: 3.0.0\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n"
        "          application/json:\n            schema: " +
        schema +
        "\ncomponents:\n  schemas:\n    Base: {type: object, description: Base, required: [a], "
        "properties: {a: {type: string}}}\n");
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    JCOMPARE(spec.operations().first().requestBody->content.first().schema, toJson(expected));
}

void TestSpecLoader::circularRefs_data()
{
    QTest::addColumn<QByteArray>("schemas");
    QTest::addColumn<QByteArray>("root");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("self")
        << QByteArray("    Node: {type: object, properties: {children: {type: array, items: {$ref: "
                      "'#/components/schemas/Node'}}}}\n")
        << QByteArray("Node")
        << QByteArray(R"({"$ref": "#/$defs/Node", "$defs": {"Node": {"type": "object", "properties":
                         {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}})");
    QTest::newRow("mutual")
        << QByteArray("    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}\n"
                      "    B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, n: "
                      "{$ref: '#/components/schemas/Leaf'}}}\n"
                      "    Leaf: {type: string}\n")
        << QByteArray("A") << QByteArray(R"({"$ref": "#/$defs/A", "$defs": {
                         "A": {"type": "object", "properties": {"b": {"$ref": "#/$defs/B"}}},
                         "B": {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}, "n": {"type": "string"}}}}})");
    QTest::newRow("wrapper of recursive")
        << QByteArray("    Page: {type: object, properties: {items: {type: array, items: {$ref: "
                      "'#/components/schemas/Tree'}}}}\n"
                      "    Tree: {type: object, properties: {kids: {type: array, items: {$ref: "
                      "'#/components/schemas/Tree'}}}}\n")
        << QByteArray("Page")
        << QByteArray(
               R"({"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/Tree"}}},
                         "$defs": {"Tree": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/Tree"}}}}}})");
    QTest::newRow("allOf cycle")
        << QByteArray("    Pet: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: "
                      "{parent: {$ref: '#/components/schemas/Pet'}}}]}\n"
                      "    Base: {type: object, properties: {id: {type: string}}}\n")
        << QByteArray("Pet")
        << QByteArray(R"({"$ref": "#/$defs/Pet", "$defs": {"Pet": {"type": "object", "properties":
                         {"id": {"type": "string"}, "parent": {"$ref": "#/$defs/Pet"}}}}})");
}

void TestSpecLoader::circularRefs()
{
    QFETCH(QByteArray, schemas);
    QFETCH(QByteArray, root);
    QFETCH(QByteArray, expected);
    const Spec spec =
        load("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n"
             "          description: ok\n          content:\n            application/json:\n"
             "              schema: {$ref: '#/components/schemas/" +
             root +
             "'}\n  /b:\n    get:\n      responses:\n        '200':\n"
             "          description: ok\n          content:\n            application/json:\n"
             "              schema: {$ref: '#/components/schemas/" +
             root + "'}\ncomponents:\n  schemas:\n" + schemas);
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    QCOMPARE(spec.operations().size(), 2);
    for (const SpecOperation &op : spec.operations())
        JCOMPARE(op.responses.first().content.first().schema, toJson(expected));
    const json expectedJson = toJson(expected);
    for (const auto &[name, def] : expectedJson["$defs"].items())
        JCOMPARE(spec.schemaDefs()[name], def);
}

void TestSpecLoader::relativeFileRefs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("common")));
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    };
    write(QStringLiteral("main.yaml"),
          "openapi: 3.0.0\ninfo: {title: Main, version: '1'}\n"
          "paths:\n"
          "  /pets/{id}:\n"
          "    get:\n"
          "      parameters: [{$ref: 'common/params.yaml#/Id'}]\n"
          "      responses:\n"
          "        '200':\n"
          "          description: ok\n"
          "          content: {application/json: {schema: {$ref: 'common/schemas.json#/Pet'}}}\n"
          "  /missing:\n"
          "    get:\n"
          "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: "
          "'nope.yaml#/X'}}}}}\n"
          "  /items:\n"
          "    $ref: 'common/paths.yaml#/items'\n");
    write(QStringLiteral("common/params.yaml"),
          "Id: {name: id, in: path, required: true, schema: {$ref: '#/IdType'}}\nIdType: {type: "
          "string, format: uuid}\n");
    write(
        QStringLiteral("common/schemas.json"),
        R"({"Pet": {"type": "object", "properties": {"id": {"$ref": "params.yaml#/IdType"}, "kids": {"type": "array", "items": {"$ref": "#/Pet"}}}}})");
    write(QStringLiteral("common/paths.yaml"),
          "items:\n  get:\n    operationId: listItems\n    parameters: [{name: q, in: query}]\n");

    const Result<Spec> result = SpecLoader().loadFile(dir.filePath(QStringLiteral("main.yaml")));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    const Spec &spec = *result;
    QCOMPARE(spec.operations().size(), 2);
    const SpecOperation *op = spec.find(u"GET /pets/{id}");
    QVERIFY(op);
    QCOMPARE(op->parameters.first().name, QStringLiteral("id"));
    JCOMPARE(op->parameters.first().schema, json({{"type", "string"}, {"format", "uuid"}}));
    const json schema = op->responses.first().content.first().schema;
    JCOMPARE(schema["$ref"], "#/$defs/Pet");
    JCOMPARE(schema["$defs"]["Pet"]["properties"]["id"]["format"], "uuid");
    QVERIFY(spec.find(u"listItems"));
    QCOMPARE(spec.skipped().size(), 1);
    QCOMPARE(spec.skipped().first().path, QStringLiteral("/missing"));
    QVERIFY2(spec.skipped().first().reason.contains(QStringLiteral("main.yaml:")) &&
                 spec.skipped().first().reason.contains(
                     QStringLiteral("$ref \"nope.yaml#/X\": cannot read")),
             qPrintable(spec.skipped().first().reason));
}

void TestSpecLoader::refsRefused_data()
{
    QTest::addColumn<QByteArray>("ref");
    QTest::addColumn<bool>("allowNetwork");
    QTest::addColumn<QString>("message");

    QTest::newRow("remote") << QByteArray("https://example.com/s.yaml#/X") << false
                            << QStringLiteral(
                                   "remote $ref \"https://example.com/s.yaml#/X\" refused");
    QTest::newRow("remote allowed, nothing to fetch with")
        << QByteArray("http://example.com/s.yaml") << true
        << QStringLiteral("this loader cannot fetch URLs");
    QTest::newRow("file scheme") << QByteArray("file:///etc/passwd") << true
                                 << QStringLiteral("only http and https references");
    QTest::newRow("file from bytes") << QByteArray("other.yaml#/X") << false
                                     << QStringLiteral("the spec was not loaded from a file");
    QTest::newRow("dangling") << QByteArray("#/components/schemas/Nope") << false
                              << QStringLiteral("points at nothing");
    QTest::newRow("ref cycle") << QByteArray("#/components/schemas/Loop1") << false
                               << QStringLiteral("$refs in a chain");
}

void TestSpecLoader::refsRefused()
{
    QFETCH(QByteArray, ref);
    QFETCH(bool, allowNetwork);
    QFETCH(QString, message);
    SpecLoadOptions options;
    options.allowNetworkRefs = allowNetwork;
    const Spec spec =
        load("openapi: 3.1.0\npaths:\n  /ok:\n    get: {}\n  /a:\n    get:\n      parameters:\n"
             "        - {name: q, in: query, schema: {$ref: '" +
                 ref +
                 "'}}\n"
                 "components:\n  schemas:\n    Loop1: {$ref: '#/components/schemas/Loop2'}\n"
                 "    Loop2: {$ref: '#/components/schemas/Loop1'}\n",
             options);
    QCOMPARE(spec.operations().size(), 1);
    QCOMPARE(spec.skipped().size(), 1);
    QCOMPARE(spec.skipped().first().pointer, QStringLiteral("#/paths/~1a/get/parameters/0/schema"));
    QVERIFY2(spec.skipped().first().reason.contains(message),
             qPrintable(spec.skipped().first().reason));
}

void TestSpecLoader::serverVariables()
{
    const Spec spec = load("openapi: 3.0.0\n"
                           "servers:\n"
                           "  - url: 'https://{region}.api.example.com:{port}/{basePath}'\n"
                           "    description: Regional\n"
                           "    variables:\n"
                           "      region: {default: eu, enum: [eu, us]}\n"
                           "      port: {default: '8443'}\n"
                           "      basePath: {enum: [v1, v2]}\n"
                           "paths:\n"
                           "  /a:\n"
                           "    servers: [{url: 'https://path.example.com'}]\n"
                           "    get: {}\n"
                           "    post: {servers: [{url: 'https://op.example.com'}]}\n"
                           "  /b:\n"
                           "    get: {}\n");
    QCOMPARE(spec.servers().size(), 1);
    const SpecServer &server = spec.servers().first();
    QCOMPARE(server.description, QStringLiteral("Regional"));
    QCOMPARE(server.variables.size(), 3);
    // nlohmann::json keeps object keys sorted: basePath, port, region
    QCOMPARE(server.variables.at(2).name, QStringLiteral("region"));
    QCOMPARE(server.variables.at(2).enumValues,
             QStringList({QStringLiteral("eu"), QStringLiteral("us")}));
    QCOMPARE(spec.baseUrl(), QStringLiteral("https://eu.api.example.com:8443/v1"));
    QCOMPARE(server.resolvedUrl({{QStringLiteral("region"), QStringLiteral("us")}}),
             QStringLiteral("https://us.api.example.com:8443/v1"));
    QCOMPARE(spec.warnings().size(), 1); // basePath has no default
    QVERIFY2(spec.warnings().first().contains(QStringLiteral("#/servers/0/variables/basePath")),
             qPrintable(spec.warnings().first()));
    QCOMPARE(spec.baseUrlFor(*spec.find(u"GET /a")), QStringLiteral("https://path.example.com"));
    QCOMPARE(spec.baseUrlFor(*spec.find(u"POST /a")), QStringLiteral("https://op.example.com"));
    QCOMPARE(spec.baseUrlFor(*spec.find(u"GET /b")),
             QStringLiteral("https://eu.api.example.com:8443/v1"));
}

void TestSpecLoader::baseUrlOverride()
{
    SpecLoadOptions options;
    options.baseUrlOverride = QStringLiteral("http://127.0.0.1:4010");
    const Spec spec = load("openapi: 3.0.0\nservers: [{url: 'https://{x}.example.com', variables: "
                           "{x: {default: a}}}]\n"
                           "paths:\n  /a:\n    get: {servers: [{url: 'https://op.example.com'}]}\n",
                           options);
    QCOMPARE(spec.servers().size(), 1);
    QCOMPARE(spec.baseUrl(), QStringLiteral("http://127.0.0.1:4010"));
    QCOMPARE(spec.baseUrlFor(spec.operations().first()), QStringLiteral("http://127.0.0.1:4010"));
}

void TestSpecLoader::security_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<bool>("inherited");
    QTest::addColumn<QByteArray>("expected"); // JSON list of {scheme: [scopes]}

    QTest::newRow("inherited") << QByteArray("{}") << true << QByteArray(R"([{"apiKey": []}])");
    QTest::newRow("override")
        << QByteArray("{security: [{oauth: [read, write]}, {apiKey: [], basic: []}]}") << false
        << QByteArray(R"([{"oauth": ["read", "write"]}, {"apiKey": [], "basic": []}])");
    QTest::newRow("anonymous") << QByteArray("{security: []}") << false << QByteArray("[]");
    QTest::newRow("optional") << QByteArray("{security: [{}, {apiKey: []}]}") << false
                              << QByteArray(R"([{}, {"apiKey": []}])");
}

void TestSpecLoader::security()
{
    QFETCH(QByteArray, operation);
    QFETCH(bool, inherited);
    QFETCH(QByteArray, expected);
    const Spec spec =
        load("openapi: 3.0.0\nsecurity: [{apiKey: []}]\npaths:\n  /a:\n    get: " + operation +
             "\ncomponents:\n  securitySchemes:\n"
             "    apiKey: {type: apiKey, in: header, name: X-API-Key}\n"
             "    basic: {type: http, scheme: Basic}\n"
             "    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t', scopes: "
             "{read: r}}}}\n");
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    const SpecOperation &op = spec.operations().first();
    QCOMPARE(op.securityInherited, inherited);
    json actual = json::array();
    for (const SecurityRequirement &requirement : op.security) {
        json item = json::object();
        for (auto it = requirement.cbegin(); it != requirement.cend(); ++it) {
            json scopes = json::array();
            for (const QString &scope : it.value())
                scopes.push_back(scope.toStdString());
            item[it.key().toStdString()] = scopes;
        }
        actual.push_back(item);
    }
    JCOMPARE(actual, toJson(expected));
    QCOMPARE(spec.securitySchemes().size(), 3);
    const SecurityScheme key = spec.securitySchemes().value(QStringLiteral("apiKey"));
    QCOMPARE(key.in, QStringLiteral("header"));
    QCOMPARE(key.parameterName, QStringLiteral("X-API-Key"));
    QCOMPARE(spec.securitySchemes().value(QStringLiteral("basic")).scheme, QStringLiteral("basic"));
    QVERIFY(
        spec.securitySchemes().value(QStringLiteral("oauth")).flows.contains("clientCredentials"));
    QVERIFY(spec.warnings().isEmpty());
}

void TestSpecLoader::requestBodies()
{
    const Spec spec = load(
        "openapi: 3.0.0\npaths:\n  /upload:\n    post:\n      requestBody:\n"
        "        $ref: '#/components/requestBodies/Upload'\n"
        "components:\n  requestBodies:\n    Upload:\n      required: true\n      content:\n"
        "        application/json: {schema: {type: object}}\n"
        "        application/x-www-form-urlencoded:\n"
        "          schema: {type: object, properties: {filter: {type: object}, ids: {type: "
        "array}}}\n"
        "          encoding:\n"
        "            filter: {style: deepObject, explode: true}\n"
        "            ids: {style: form, explode: false}\n"
        "        multipart/form-data:\n"
        "          schema: {type: object, properties: {file: {type: string, format: binary}}}\n"
        "          encoding: {file: {contentType: image/png}}\n");
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    const SpecRequestBody &body = *spec.operations().first().requestBody;
    QVERIFY(body.required);
    QCOMPARE(body.content.size(), 3);
    const SpecMediaType *form = body.find(u"application/x-www-form-urlencoded");
    QVERIFY(form);
    QCOMPARE(*form->encoding.value(QStringLiteral("filter")).style, ParameterStyle::DeepObject);
    QCOMPARE(*form->encoding.value(QStringLiteral("filter")).explode, true);
    QCOMPARE(*form->encoding.value(QStringLiteral("ids")).explode, false);
    const SpecMediaType *multipart = body.find(u"multipart/form-data");
    QVERIFY(multipart);
    QCOMPARE(multipart->encoding.value(QStringLiteral("file")).contentType,
             QStringLiteral("image/png"));
    QVERIFY(body.find(u"application/json"));
}

void TestSpecLoader::partialFailure_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("reason");

    QTest::newRow("no in")
        << QByteArray("{name: x}")
        << QStringLiteral(
               "test.yaml:8: #/paths/~1invoices/get/parameters/0: parameter has no \"in\"");
    QTest::newRow("no name")
        << QByteArray("{in: query}")
        << QStringLiteral("#/paths/~1invoices/get/parameters/0: parameter has no \"name\"");
    QTest::newRow("bad location")
        << QByteArray("{name: x, in: body}")
        << QStringLiteral(
               "#/paths/~1invoices/get/parameters/0/in: unknown parameter location \"body\"");
    QTest::newRow("bad style") << QByteArray("{name: x, in: header, style: form}")
                               << QStringLiteral("#/paths/~1invoices/get/parameters/0/style: style "
                                                 "\"form\" is not allowed in a header parameter");
    QTest::newRow("not a mapping")
        << QByteArray("42")
        << QStringLiteral(
               "#/paths/~1invoices/get/parameters/0: expected a parameter mapping, got a number");
    QTest::newRow("bad schema") << QByteArray("{name: x, in: query, schema: {properties: [1]}}")
                                << QStringLiteral("#/paths/~1invoices/get/parameters/0/schema/"
                                                  "properties: expected a mapping, got a list");
    QTest::newRow("undeclared path param")
        << QByteArray("{name: x, in: query, schema: {}}\n  /orders/{order_id}:\n    get: {}")
        << QStringLiteral(
               "#/paths/~1orders~1{order_id}/get: path parameter \"order_id\" is not declared");
}

void TestSpecLoader::partialFailure()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, reason);
    const Spec spec = load("openapi: 3.0.0\n"
                           "paths:\n"
                           "  /customers:\n"
                           "    get: {operationId: listCustomers}\n"
                           "  /invoices:\n"
                           "    get:\n"
                           "      parameters:\n"
                           "        - " +
                           bad + "\n");
    QVERIFY(spec.find(u"listCustomers"));
    QCOMPARE(spec.skipped().size(), 1);
    const SkippedOperation &skipped = spec.skipped().first();
    QCOMPARE(skipped.method, QStringLiteral("GET"));
    QVERIFY2(skipped.reason.contains(reason), qPrintable(skipped.reason));
    QVERIFY(skipped.reason.startsWith(QStringLiteral("test.yaml:")));
    QVERIFY(skipped.reason.contains(skipped.pointer + QStringLiteral(": ")));
}

void TestSpecLoader::responsesAndTags()
{
    const Spec spec =
        load(R"({"openapi": "3.1.0", "paths": {"/b": {"get": {"operationId": "deleteA"}}, "/a": {
        "parameters": [{"name": "v", "in": "query", "schema": {"type": "string"}},
                       {"name": "Accept", "in": "header", "schema": {"type": "string"}}],
        "delete": {"operationId": "deleteA", "summary": "Delete", "description": "Long", "tags": ["a", "b"],
                   "deprecated": true,
                   "parameters": [{"name": "v", "in": "query", "required": true, "schema": {"type": "integer"}}],
                   "responses": {"204": {"description": "gone"}, "2XX": {"$ref": "#/components/responses/Ok"},
                                 "400": {"description": "bad"}, "default": {"description": "error"}}}}},
        "components": {"responses": {"Ok": {"description": "fine", "content": {"application/json": {"schema": {"type": "object"}}}}}}})");
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    QCOMPARE(spec.warnings(),
             QStringList({QStringLiteral(
                 "test.yaml: operationId \"deleteA\" is used by DELETE /a and GET /b")}));
    const SpecOperation &op = *spec.find(u"DELETE /a");
    QCOMPARE(op.summary, QStringLiteral("Delete"));
    QCOMPARE(op.description, QStringLiteral("Long"));
    QCOMPARE(op.tags, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(op.deprecated);
    QCOMPARE(op.parameters.size(), 1); // Accept is ignored; v is replaced by the operation's
    QVERIFY(op.parameters.first().required);
    JCOMPARE(op.parameters.first().schema, json({{"type", "integer"}}));
    QStringList statuses;
    for (const SpecResponse &response : op.responses)
        statuses.append(response.status);
    statuses.sort();
    QCOMPARE(statuses, QStringList({QStringLiteral("204"), QStringLiteral("2XX"),
                                    QStringLiteral("default")}));
    QVERIFY(op.security.isEmpty());

    // Without response schemas (as the gateway loads): the same responses and media types.
    const QByteArray small = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      operationId: getA\n"
                             "      responses:\n        '200': {description: ok, content: "
                             "{application/json: {schema: {type: object}}, text/csv: {}}}\n";
    SpecLoadOptions lean;
    lean.responseSchemas = false;
    for (const bool schemas : {true, false}) {
        const Spec loaded = load(small, schemas ? SpecLoadOptions() : lean);
        const SpecOperation &get = *loaded.find(u"getA");
        QCOMPARE(get.responses.size(), 1);
        QCOMPARE(get.responses.first().content.size(), 2);
        for (const SpecMediaType &media : get.responses.first().content) {
            if (media.contentType == u"application/json")
                QCOMPARE(media.schema.is_null(), !schemas);
            else
                QVERIFY(media.schema.is_null());
        }
    }
}

void TestSpecLoader::refSiblingsAndContentParameters()
{
    const Spec spec =
        load("openapi: 3.1.0\npaths:\n  /a:\n    get:\n      parameters:\n"
             "        - name: f\n          in: query\n"
             "          content: {application/json: {schema: {$ref: '#/components/schemas/F', "
             "description: Filter, required: [x]}}}\n"
             "components:\n  schemas:\n    F: {type: object, properties: {x: {type: string}}}\n");
    QVERIFY2(spec.skipped().isEmpty(), skippedText(spec).constData());
    const SpecParameter &p = spec.operations().first().parameters.first();
    QCOMPARE(p.contentType, QStringLiteral("application/json"));
    JCOMPARE(p.schema, toJson(R"({"type": "object", "description": "Filter", "required": ["x"],
                                  "properties": {"x": {"type": "string"}}})"));
}

void TestSpecLoader::limits_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<QString>("message"); // in the error, or in the one skipped operation

    QTest::newRow("document size")
        << QStringLiteral("bytes") << QStringLiteral("larger than 100 bytes");
    QTest::newRow("schema depth") << QStringLiteral("depth")
                                  << QStringLiteral("nested deeper than 6 levels");
    QTest::newRow("ref chain") << QStringLiteral("chain")
                               << QStringLiteral("more than 1 $refs in a chain");
}

void TestSpecLoader::limits()
{
    QFETCH(QString, limit);
    QFETCH(QString, message);
    SpecLoadOptions options;
    if (limit == QStringLiteral("bytes"))
        options.maxDocumentBytes = 100;
    else if (limit == QStringLiteral("depth"))
        options.maxDepth = 6;
    else
        options.maxRefChain = 1;
    const QByteArray data =
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n"
        "        - {name: q, in: query, schema: {items: {items: {items: {items: {items: {items: "
        "{items: {}}}}}}}}}\n"
        "  /b:\n    get:\n      parameters: [{$ref: '#/components/parameters/P1'}]\n"
        "components:\n  parameters:\n    P1: {$ref: '#/components/parameters/P2'}\n"
        "    P2: {name: p, in: query}\n";
    const Result<Spec> result = SpecLoader(options).loadData(data, QStringLiteral("test.yaml"));
    if (limit == QStringLiteral("bytes")) {
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(message), qPrintable(result.error().message()));
        return;
    }
    QVERIFY(result.ok());
    QCOMPARE(result->skipped().size(), 1);
    QVERIFY2(result->skipped().first().reason.contains(message), skippedText(*result).constData());
}

void TestSpecLoader::billingSpec()
{
    const QString path = test::designDir() + QStringLiteral("/specs/billing.yaml");
    const Result<Spec> result = SpecLoader().loadFile(path);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    const Spec &spec = *result;
    QCOMPARE(spec.version(), SpecVersion::OpenApi30);
    QCOMPARE(spec.info().title, QStringLiteral("Billing API"));
    QCOMPARE(spec.baseUrl(), QStringLiteral("https://billing.example.com/v1"));
    QCOMPARE(spec.operations().size(), 5);
    QVERIFY(spec.skipped().isEmpty());
    const SpecOperation *create = spec.find(u"createInvoice");
    QVERIFY(create);
    QCOMPARE(create->key(), QStringLiteral("POST /invoices"));
    QCOMPARE(create->parameters.first().in, ParameterLocation::Header);
    JCOMPARE(create->requestBody->content.first().schema["required"],
             json({"customer_id", "amount"}));
    JCOMPARE(create->responses.first().content.first().schema["properties"]["due_date"]["format"],
             "date");
    QCOMPARE(create->security.size(), 1);
    QVERIFY(create->security.first().contains(QStringLiteral("apiKey")));
    QVERIFY(create->securityInherited);
    const SpecOperation *list = spec.find(u"GET /invoices");
    QVERIFY(list);
    QCOMPARE(list->parameters.size(), 3);
    JCOMPARE(list->parameters.at(1).schema["default"], 20);
    QCOMPARE(spec.securitySchemes().value(QStringLiteral("apiKey")).parameterName,
             QStringLiteral("X-API-Key"));
}

// Remote documents come through SpecLoadOptions::fetch; the gateway passes one with the SSRF
// policy (tested with DocumentFetcher), here a map of URLs stands in for the network.
void TestSpecLoader::remoteRefs()
{
    QHash<QString, QByteArray> web;
    web.insert(QStringLiteral("https://specs.example/api/main.yaml"),
               "openapi: 3.1.0\ninfo: {title: Remote, version: '1'}\npaths:\n"
               "  /pets:\n    get:\n      parameters: [{$ref: 'common/params.yaml#/Limit'}]\n"
               "  /owners:\n    get:\n      parameters:\n"
               "        - {name: o, in: query, schema: {$ref: "
               "'https://other.example/types.json#/Owner'}}\n");
    web.insert(QStringLiteral("https://specs.example/api/common/params.yaml"),
               "Limit: {name: limit, in: query, schema: {$ref: '../types.yaml#/Count'}}\n");
    web.insert(QStringLiteral("https://specs.example/api/types.yaml"),
               "Count: {type: integer, minimum: 1}\n");
    web.insert(QStringLiteral("https://other.example/types.json"),
               "{\"Owner\": {\"type\": \"string\", \"maxLength\": 40}}");
    QStringList fetched;
    SpecLoadOptions options;
    options.fetch = [&](const QUrl &url) -> Result<QByteArray> {
        fetched << url.toString();
        const auto it = web.constFind(url.toString());
        if (it == web.cend())
            return Error(ErrorCode::NotFound, url.toString() + QStringLiteral(" answered 404"));
        return *it;
    };

    // Not allowed: the spec itself loads (the owner named it), its remote $refs do not.
    const Result<Spec> refused =
        SpecLoader(options).loadUrl(QUrl(QStringLiteral("https://specs.example/api/main.yaml")));
    QVERIFY2(refused.ok(), qPrintable(refused.ok() ? QString() : refused.error().message()));
    QCOMPARE(refused->operations().size(), 0);
    QCOMPARE(refused->skipped().size(), 2);
    QVERIFY2(refused->skipped().first().reason.contains(
                 QStringLiteral("remote references are not allowed for this server "
                                "(openapi_remote_refs: true allows them)")),
             qPrintable(refused->skipped().first().reason));
    QCOMPARE(fetched, QStringList{QStringLiteral("https://specs.example/api/main.yaml")});

    // Allowed: relative $refs resolve against the document's URL, each document is fetched once.
    fetched.clear();
    options.allowNetworkRefs = true;
    const Result<Spec> loaded =
        SpecLoader(options).loadUrl(QUrl(QStringLiteral("https://specs.example/api/main.yaml")));
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
    QCOMPARE(loaded->operations().size(), 2);
    QVERIFY(loaded->skipped().isEmpty());
    // Operations come in path order: /owners, then /pets.
    const SpecParameter &limit = loaded->operations().at(1).parameters.at(0);
    QCOMPARE(limit.name, QStringLiteral("limit"));
    JCOMPARE(limit.schema, json::parse(R"({"type": "integer", "minimum": 1})"));
    JCOMPARE(loaded->operations().at(0).parameters.at(0).schema["maxLength"], 40);
    fetched.sort();
    QCOMPARE(fetched, (QStringList{QStringLiteral("https://other.example/types.json"),
                                   QStringLiteral("https://specs.example/api/common/params.yaml"),
                                   QStringLiteral("https://specs.example/api/main.yaml"),
                                   QStringLiteral("https://specs.example/api/types.yaml")}));
    QCOMPARE(loaded->sourceName(), QStringLiteral("https://specs.example/api/main.yaml"));

    // A fetch that fails names the $ref and the cause; the other operation still loads.
    web.remove(QStringLiteral("https://other.example/types.json"));
    const Result<Spec> partial =
        SpecLoader(options).loadUrl(QUrl(QStringLiteral("https://specs.example/api/main.yaml")));
    QVERIFY(partial.ok());
    QCOMPARE(partial->operations().size(), 1);
    QVERIFY2(partial->skipped().first().reason.contains(QStringLiteral("answered 404")),
             qPrintable(partial->skipped().first().reason));

    // The spec's own URL failing is an error; so are non-http URLs and a loader without fetch.
    QVERIFY(!SpecLoader(options).loadUrl(QUrl(QStringLiteral("https://specs.example/none"))));
    const Result<Spec> ftp = SpecLoader(options).loadUrl(QUrl(QStringLiteral("ftp://x.example/s")));
    QVERIFY(!ftp.ok() && ftp.error().message().contains(QStringLiteral("not an http or https")));
    const Result<Spec> cannot =
        SpecLoader().loadUrl(QUrl(QStringLiteral("https://specs.example/api/main.yaml")));
    QVERIFY(!cannot.ok() && cannot.error().message().contains(QStringLiteral("cannot fetch")));
}

QTEST_GUILESS_MAIN(TestSpecLoader)
#include "TestSpecLoader.moc"
