#include "TestSupport.h"
#include "config/ConfigLoader.h"
#include "config/StoreSync.h"
#include "config/ToolSettingsBuilder.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::config;
using namespace Qt::StringLiterals;

namespace {

QString examplesDir()
{
    return test::sourceDir() + u"/examples"_s;
}

template <typename T, typename F>
nlohmann::ordered_json optional(const std::optional<T> &value, F convert)
{
    return value ? nlohmann::ordered_json(convert(*value)) : nlohmann::ordered_json("<absent>");
}

nlohmann::ordered_json strings(const QStringList &list)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const QString &item : list)
        out.push_back(item.toStdString());
    return out;
}

nlohmann::ordered_json values(const QMap<QString, nlohmann::json> &map)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out[it.key().toStdString()] = nlohmann::ordered_json(it.value());
    return out;
}

// Every field of the settings, absent kept apart from set, so that comparing two dumps
// compares the settings (openapi::ToolSettings has no operator==).
QString dump(const openapi::ToolSettings &settings)
{
    const auto text = [](const QString &s) { return s.toStdString(); };
    nlohmann::ordered_json out;
    out["include"] = strings(settings.include);
    out["exclude"] = strings(settings.exclude);
    const openapi::HeuristicOptions &h = settings.heuristics;
    out["heuristics"] = {{"drop_deprecated", h.dropDeprecated},
                         {"hide_pagination", h.hidePagination},
                         {"max_description_chars", h.maxDescriptionChars},
                         {"shape_responses", h.shapeResponses},
                         {"drop_list_with_read", h.dropListWithRead},
                         {"compact_schemas", h.compactSchemas}};
    out["overrides"] = nlohmann::ordered_json::array();
    for (const openapi::ToolOverrideSettings &o : settings.overrides) {
        nlohmann::ordered_json j;
        j["key"] = text(o.key);
        j["enabled"] = optional(o.enabled, [](bool b) { return b; });
        j["name"] = optional(o.name, text);
        j["description"] = optional(o.description, text);
        j["hide_params"] = strings(o.hideParams);
        j["fixed_params"] = values(o.fixedParams);
        j["default_params"] = values(o.defaultParams);
        j["response_fields"] = optional(o.responseFields, strings);
        j["credential"] = optional(o.credential, text);
        j["cost"] = optional(o.cost, [](double c) { return c; });
        j["action"] = optional(o.action, [](openapi::ToolAction a) { return int(a); });
        j["resource"] = optional(o.resource, text);
        out["overrides"].push_back(j);
    }
    return QString::fromStdString(out.dump(1));
}

Config load(const QByteArray &yaml)
{
    const LoadResult result = ConfigLoader().loadString(yaml, u"config.yaml"_s, examplesDir());
    for (const Diagnostic &d : result.diagnostics)
        qWarning().noquote() << d.toString();
    return result.config.value_or(Config());
}

const QByteArray kCredentials = "credentials:\n"
                                "  - {name: billing-write, type: bearer}\n";

} // namespace

class TestToolSettingsBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void configAndStoreGiveTheSameSettings_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("overrides");
        QTest::newRow("no tools key") << QByteArray("servers:\n  - name: billing\n"
                                                    "    openapi: specs/billing.yaml\n")
                                      << 0;
        QTest::newRow("every key")
            << QByteArray(
                   "servers:\n"
                   "  - name: billing\n"
                   "    openapi: specs/billing.yaml\n"
                   "    tools:\n"
                   "      include: [invoices, \"GET /customers/*\"]\n"
                   "      exclude: [voidInvoice]\n"
                   "      heuristics:\n"
                   "        drop_deprecated: false\n"
                   "        hide_pagination: false\n"
                   "        max_description_chars: 0\n"
                   "        shape_responses: false\n"
                   "        drop_list_with_read: true\n"
                   "        compact_schemas: false\n"
                   "      overrides:\n"
                   "        createInvoice:\n"
                   "          enabled: true\n"
                   "          name: create_invoice\n"
                   "          description: Create a draft invoice.\n"
                   "          hide_params: [Idempotency-Key]\n"
                   "          fixed_params: {currency: EUR, lines: [{qty: 1}], draft: true}\n"
                   "          param_defaults: {memo: \"5\", amount: 5}\n"
                   "          response_fields: [id, total]\n"
                   "          credential: billing-write\n"
                   "          cost: 1.5\n"
                   "          action: update\n"
                   "          resource: drafts\n"
                   "        listInvoices: {enabled: false, action: delete}\n"
                   "        \"GET /customers/{customer_id}\": {action: create}\n"
                   "        getInvoice: {action: read, response_fields: [], hide_params: []}\n" +
                   kCredentials)
            << 4;
        QTest::newRow("some heuristics, empty override")
            << QByteArray("servers:\n"
                          "  - name: billing\n"
                          "    openapi: specs/billing.yaml\n"
                          "    tools:\n"
                          "      heuristics: {max_description_chars: 80}\n"
                          "      overrides:\n"
                          "        getCustomer:\n")
            << 1;
        QTest::newRow("upstream MCP server")
            << QByteArray("servers:\n"
                          "  - name: tickets\n"
                          "    mcp: https://tickets.example.internal/mcp\n"
                          "    tools:\n"
                          "      exclude: [delete_ticket]\n"
                          "      overrides: {create_ticket: {cost: 0.5, enabled: false}}\n")
            << 1;
    }
    void configAndStoreGiveTheSameSettings()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, overrides);
        const Config config = load(yaml);
        QCOMPARE(config.servers.size(), 1);
        const ServerConfig &server = config.servers.first();
        const openapi::ToolSettings fromConfig = ToolSettingsBuilder::fromConfig(server);
        QCOMPARE(fromConfig.overrides.size(), overrides);

        QTemporaryDir dir;
        store::DatabaseOptions options;
        options.sqlitePath = dir.filePath(u"store.db"_s);
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        QVERIFY(store::Migrator(**db).migrate().ok());
        const auto applied = StoreSync(**db).apply(config, StoreSync::Mode::Mirror);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message()));
        const auto stored = store::ServerRepository(**db).get(server.name);
        QVERIFY(stored.ok());
        const auto storedOverrides = store::ToolOverrideRepository(**db).listForServer(server.name);
        QVERIFY(storedOverrides.ok());
        const openapi::ToolSettings fromStore =
            ToolSettingsBuilder::fromStore(*stored, *storedOverrides);

        QCOMPARE(dump(fromStore), dump(fromConfig));
    }

    void mapsEachKey()
    {
        const Config config = load("servers:\n"
                                   "  - name: billing\n"
                                   "    openapi: specs/billing.yaml\n"
                                   "    tools:\n"
                                   "      include: [invoices]\n"
                                   "      heuristics: {hide_pagination: false, "
                                   "drop_list_with_read: true}\n"
                                   "      overrides:\n"
                                   "        createInvoice:\n"
                                   "          enabled: false\n"
                                   "          hide_params: [Idempotency-Key]\n"
                                   "          fixed_params: {currency: EUR}\n"
                                   "          param_defaults: {amount: 5}\n"
                                   "          action: update\n"
                                   "        listInvoices: {action: delete}\n");
        QCOMPARE(config.servers.size(), 1);
        const openapi::ToolSettings s = ToolSettingsBuilder::fromConfig(config.servers.first());
        QCOMPARE(s.include, QStringList{u"invoices"_s});
        QVERIFY(s.exclude.isEmpty());
        // Unset heuristics keep the generator's defaults.
        QCOMPARE(s.heuristics.dropDeprecated, true);
        QCOMPARE(s.heuristics.hidePagination, false);
        QCOMPARE(s.heuristics.maxDescriptionChars, 300);
        QCOMPARE(s.heuristics.shapeResponses, true);
        QCOMPARE(s.heuristics.dropListWithRead, true);
        QCOMPARE(s.heuristics.compactSchemas, true);
        QCOMPARE(s.overrides.size(), 2);
        const openapi::ToolOverrideSettings &create = s.overrides.at(0);
        QCOMPARE(create.key, u"createInvoice"_s);
        QCOMPARE(create.enabled, std::optional(false));
        QCOMPARE(create.hideParams, QStringList{u"Idempotency-Key"_s});
        QVERIFY(create.fixedParams.value(u"currency"_s) == nlohmann::json("EUR"));
        QVERIFY(create.defaultParams.value(u"amount"_s) == nlohmann::json(5));
        QVERIFY(create.defaultParams.value(u"amount"_s).is_number_integer());
        QCOMPARE(create.action, std::optional(openapi::ToolAction::Update));
        QVERIFY(!create.name && !create.cost && !create.responseFields);
        QCOMPARE(s.overrides.at(1).action, std::optional(openapi::ToolAction::Delete));
        QVERIFY(!s.overrides.at(1).enabled);

        const openapi::ToolSettings none = ToolSettingsBuilder::fromConfig(ServerConfig{});
        QVERIFY(none.include.isEmpty() && none.exclude.isEmpty() && none.overrides.isEmpty());
        QCOMPARE(none.heuristics.maxDescriptionChars, 300);
        QCOMPARE(none.heuristics.dropListWithRead, false);
        QCOMPARE(none.heuristics.compactSchemas, true);
    }

    void storeSkipsOtherServersOverrides()
    {
        store::Server server;
        server.name = u"billing"_s;
        server.heuristics = store::ServerHeuristics{};
        server.heuristics->maxDescriptionChars = 0;
        store::ToolOverride mine;
        mine.server = u"billing"_s;
        mine.key = u"createInvoice"_s;
        mine.action = u"create"_s;
        store::ToolOverride theirs;
        theirs.server = u"tickets"_s;
        theirs.key = u"create_ticket"_s;
        const openapi::ToolSettings s = ToolSettingsBuilder::fromStore(server, {theirs, mine});
        QCOMPARE(s.overrides.size(), 1);
        QCOMPARE(s.overrides.first().key, u"createInvoice"_s);
        QCOMPARE(s.overrides.first().action, std::optional(openapi::ToolAction::Create));
        QCOMPARE(s.heuristics.maxDescriptionChars, 0);
        QCOMPARE(s.heuristics.dropDeprecated, true);
    }
};

QTEST_GUILESS_MAIN(TestToolSettingsBuilder)
#include "TestToolSettingsBuilder.moc"
