#include "TestSupport.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::config;
using namespace Qt::StringLiterals;

namespace {

QString diagnosticsText(const LoadResult &result)
{
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

} // namespace

class TestConfigWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("shared example") << test::designDir() + u"/config-example.yaml"_s;
        QTest::newRow("minimal") << test::sourceDir() + u"/examples/minimal.yaml"_s;
        QTest::newRow("full") << test::sourceDir() + u"/examples/full.yaml"_s;
        QTest::newRow("full json") << test::sourceDir() + u"/examples/full.json"_s;
    }
    void roundTrip()
    {
        QFETCH(QString, path);
        const LoadResult original = ConfigLoader().loadFile(path);
        QVERIFY2(original.ok(), qPrintable(diagnosticsText(original)));
        const QString baseDir = QFileInfo(path).absolutePath();

        const QByteArray yaml = ConfigWriter::toYaml(*original.config);
        const LoadResult fromYaml = ConfigLoader().loadString(yaml, u"export.yaml"_s, baseDir);
        QVERIFY2(fromYaml.ok(),
                 qPrintable(diagnosticsText(fromYaml) + u'\n' + QString::fromUtf8(yaml)));
        QCOMPARE(diagnosticsText(fromYaml), QString());
        QVERIFY2(*fromYaml.config == *original.config, yaml.constData());
        QCOMPARE(ConfigWriter::toYaml(*fromYaml.config), yaml); // stable

        const QByteArray json = ConfigWriter::toJson(*original.config);
        const LoadResult fromJson = ConfigLoader().loadString(json, u"export.json"_s, baseDir);
        QVERIFY2(fromJson.ok(),
                 qPrintable(diagnosticsText(fromJson) + u'\n' + QString::fromUtf8(json)));
        QCOMPARE(fromJson.format, ConfigFormat::Json);
        QVERIFY2(*fromJson.config == *original.config, json.constData());
        QCOMPARE(ConfigWriter::toJson(*fromJson.config), json);
    }

    void readableYaml()
    {
        const LoadResult example =
            ConfigLoader().loadFile(test::designDir() + u"/config-example.yaml"_s);
        QVERIFY(example.ok());
        const QString yaml = QString::fromUtf8(ConfigWriter::toYaml(*example.config));
        // documented key order, as-written paths, the example's flow style for small maps
        const QStringList expectedInOrder{
            u"gateway:\n  listen: 127.0.0.1:8787\n  public_url: http://127.0.0.1:8787\n"
            "  data_dir: ./data\n"_s,
            u"\nservers:\n  - name: billing\n    title: Billing API\n    openapi: specs/billing.yaml\n"_s,
            u"    tools:\n      exclude: [GET /internal/*]\n      overrides:\n        "
            u"createInvoice:\n"
            "          name: create_invoice\n"_s,
            u"          cost: 1\n"_s,
            u"\ncredentials:\n  - name: billing-read\n    type: api_key\n    in: header\n"
            "    param: X-API-Key\n    secret: {keychain: billing-read}\n"_s,
            u"\nroles:\n  viewer:\n    billing/invoices: [read]\n"_s,
            u"    billing.void_invoice: deny\n"_s,
            u"\nplans:\n  free:\n    calls_per_month: 1000\n"_s,
            u"      billing/customers: {allow: [read]}\n      billing/invoices: {deny: [create]}\n"_s,
            u"\nclients:\n  - client_id: gh_cli_7f3a...\n    client_secret_hash: sha256$...\n"
            "    user: bob\n"_s,
        };
        qsizetype from = 0;
        for (const QString &part : expectedInOrder) {
            const qsizetype at = yaml.indexOf(part, from);
            QVERIFY2(at >= 0,
                     qPrintable(u"missing or out of order:\n"_s + part + u"\nin:\n"_s + yaml));
            from = at + part.size();
        }
        QVERIFY(!yaml.contains(u"behind_proxy"_s)); // absent stays absent
    }

    void identityHeadersRoundTrip()
    {
        const QByteArray file = "servers:\n"
                                "  - name: trading\n"
                                "    mcp: https://trading.example/mcp\n"
                                "    identity_headers: {user: X-Gatehouse-User, client: "
                                "X-Gatehouse-Client}\n"
                                "  - name: quotes\n"
                                "    mcp: https://quotes.example/mcp\n"
                                "    identity_headers: {client: X-Via}\n";
        const LoadResult original = ConfigLoader().loadString(file, u"in.yaml"_s, QDir::tempPath());
        QVERIFY2(original.ok(), qPrintable(diagnosticsText(original)));

        const QByteArray yaml = ConfigWriter::toYaml(*original.config);
        QVERIFY2(yaml.contains("    identity_headers: {user: X-Gatehouse-User, client: "
                               "X-Gatehouse-Client}\n"),
                 yaml.constData());
        QVERIFY2(yaml.contains("    identity_headers: {client: X-Via}\n"), yaml.constData());
        const LoadResult fromYaml =
            ConfigLoader().loadString(yaml, u"out.yaml"_s, QDir::tempPath());
        QVERIFY2(fromYaml.ok(), qPrintable(diagnosticsText(fromYaml)));
        QCOMPARE(fromYaml.config->servers, original.config->servers);

        const QByteArray json = ConfigWriter::toJson(*original.config);
        const LoadResult fromJson =
            ConfigLoader().loadString(json, u"out.json"_s, QDir::tempPath());
        QVERIFY2(fromJson.ok(), qPrintable(diagnosticsText(fromJson)));
        QCOMPARE(fromJson.config->servers, original.config->servers);
        QCOMPARE(fromJson.config->servers.at(1).identityHeaders->user, std::nullopt);
    }

    void scopeSelectionRoundTrip()
    {
        const QByteArray file =
            "servers:\n"
            "  - name: trading\n"
            "    mcp: https://trading.example/mcp\n"
            "    credential: desk-read\n"
            "    credentials: [desk-trade, own-trade]\n"
            "    tools:\n"
            "      overrides:\n"
            "        place_order: {scopes: [\"orders:write\"]}\n"
            "        read_positions: {scopes: []}\n"
            "credentials:\n"
            "  - {name: desk-read, type: bearer, scopes: [\"positions:read\"]}\n"
            "  - {name: desk-trade, type: bearer, scopes: [\"orders:write\"]}\n"
            "  - {name: own-trade, type: bearer, per_user: true}\n";
        const LoadResult original = ConfigLoader().loadString(file, u"in.yaml"_s, QDir::tempPath());
        QVERIFY2(original.ok(), qPrintable(diagnosticsText(original)));
        const ServerConfig &server = original.config->servers.first();
        QCOMPARE(server.credentials, (QStringList{u"desk-trade"_s, u"own-trade"_s}));
        QCOMPARE(server.tools->overrides.at(0).scopes, QStringList{u"orders:write"_s});
        QCOMPARE(server.tools->overrides.at(1).scopes, QStringList());

        const QByteArray yaml = ConfigWriter::toYaml(*original.config);
        QVERIFY2(yaml.contains("credentials: [desk-trade, own-trade]"), yaml.constData());
        const LoadResult fromYaml =
            ConfigLoader().loadString(yaml, u"out.yaml"_s, QDir::tempPath());
        QVERIFY2(fromYaml.ok(), qPrintable(diagnosticsText(fromYaml)));
        QVERIFY2(*fromYaml.config == *original.config, yaml.constData());

        const QByteArray json = ConfigWriter::toJson(*original.config);
        const LoadResult fromJson =
            ConfigLoader().loadString(json, u"out.json"_s, QDir::tempPath());
        QVERIFY2(fromJson.ok(), qPrintable(diagnosticsText(fromJson)));
        QVERIFY2(*fromJson.config == *original.config, json.constData());
        QCOMPARE(fromJson.config->servers.first().tools->overrides.at(1).scopes, QStringList());
    }

    void quotesAmbiguousStrings()
    {
        Config config;
        ServerConfig server;
        server.name = u"s"_s;
        server.mcp = QUrl(u"https://x.example/mcp"_s);
        server.title = u"true"_s;
        ToolOverride o;
        o.key = u"123"_s;
        o.description = u" padded: with # and \"quotes\"\nand a second line "_s;
        o.resource = u"null"_s;
        o.responseFields = QStringList{u"1.5"_s, u"~"_s, u""_s, u"-"_s};
        o.cost = 0.1;
        o.enabled = false;
        // strings that read as other types unquoted, numbers, and nested values
        o.fixedParams = ParamValues{
            {u"five"_s, "5"},
            {u"yes"_s, "true"},
            {u"empty"_s, ""},
            {u"tilde"_s, "~"},
            {u"null"_s, "null"},
            {u"lines"_s, "two\nlines: # not a comment"},
            {u"int"_s, 5},
            {u"float"_s, 2.5},
            {u"whole float"_s, 3.0},
            {u"bool"_s, false},
            {u"nested"_s,
             nlohmann::json::parse(R"({"a": [1, "1", null, {"b": "x: y"}], "c": {}})")},
        };
        o.paramDefaults = ParamValues{{u"limit"_s, 20}, {u"list"_s, nlohmann::json::array()}};
        server.tools = ToolsConfig{};
        server.tools->exclude = QStringList{u"*"_s};
        server.tools->overrides = {o};
        server.tools->include = QStringList{u"GET /a"_s, u"tag"_s};
        server.tools->heuristics = HeuristicsConfig{};
        server.tools->heuristics->maxDescriptionChars = 0;
        server.tools->heuristics->shapeResponses = false;
        config.servers << server;
        Plan plan{u"p"_s, 1, std::nullopt, 12.25};
        config.plans << plan;

        const QByteArray yaml = ConfigWriter::toYaml(config);
        const LoadResult back = ConfigLoader().loadString(yaml, u"x.yaml"_s, QDir::tempPath());
        QVERIFY2(back.ok(), qPrintable(diagnosticsText(back) + u'\n' + QString::fromUtf8(yaml)));
        QVERIFY2(*back.config == config, yaml.constData());
        // "5" came back a string and 5 a number (json compares 5 == 5.0, so check the types)
        const ParamValues &fixed =
            *back.config->servers.first().tools->overrides.first().fixedParams;
        QVERIFY(fixed.value(u"five"_s).is_string());
        QVERIFY(fixed.value(u"int"_s).is_number_integer());
        QVERIFY(fixed.value(u"null"_s).is_string());
        QVERIFY(fixed.value(u"nested"_s)["a"][2].is_null());
        const LoadResult json =
            ConfigLoader().loadString(ConfigWriter::toJson(config), u"x.json"_s, QDir::tempPath());
        QVERIFY2(json.ok(), qPrintable(diagnosticsText(json)));
        QVERIFY(*json.config == config);
        QVERIFY(json.config->servers.first()
                    .tools->overrides.first()
                    .fixedParams->value(u"five"_s)
                    .is_string());
    }

    void editorialKeysReadWell()
    {
        Config config;
        ServerConfig server;
        server.name = u"s"_s;
        server.mcp = QUrl(u"https://x.example/mcp"_s);
        ToolOverride o;
        o.key = u"create"_s;
        o.enabled = false;
        o.fixedParams = ParamValues{{u"currency"_s, "EUR"}, {u"count"_s, 2}};
        server.tools = ToolsConfig{};
        server.tools->overrides = {o};
        server.tools->include = QStringList{u"invoices"_s};
        server.tools->heuristics = HeuristicsConfig{};
        server.tools->heuristics->dropDeprecated = false;
        config.servers << server;
        const QString yaml = QString::fromUtf8(ConfigWriter::toYaml(config));
        // include before exclude, heuristics as a block, parameter values on one line
        QVERIFY2(yaml.contains(u"    tools:\n      include: [invoices]\n      heuristics:\n"
                               "        drop_deprecated: false\n      overrides:\n        create:\n"
                               "          enabled: false\n"
                               "          fixed_params: {count: 2, currency: EUR}\n"_s),
                 qPrintable(yaml));
    }

    void writeFile()
    {
        const LoadResult example =
            ConfigLoader().loadFile(test::sourceDir() + u"/examples/full.yaml"_s);
        QVERIFY(example.ok());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString json = dir.filePath(u"out.json"_s);
        QVERIFY(ConfigWriter::writeFile(*example.config, json).ok());
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("{\n  \"gateway\": {"));
        const Status failed =
            ConfigWriter::writeFile(*example.config, dir.filePath(u"missing/dir/out.yaml"_s));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "TestConfigWriter.moc"
