#include "ServerEditor.h"

#include "config/ToolSettingsBuilder.h"
#include "openapi/ToolGenerator.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gatehouse::gateway {

namespace {

bool isJson(const QString &contentType)
{
    return contentType == u"application/json" || contentType.endsWith(u"+json");
}

QList<EditableParameter> parametersOf(const openapi::SpecOperation &operation)
{
    QList<EditableParameter> out;
    for (const openapi::SpecParameter &p : operation.parameters) {
        // The gateway sets these itself; the generator never offers them.
        if (p.in == openapi::ParameterLocation::Header &&
            openapi::ToolGenerator::isReservedHeader(p.name))
            continue;
        out.append({p.name, openapi::parameterLocationName(p.in), p.required, p.description});
    }
    if (operation.requestBody) {
        for (const openapi::SpecMediaType &media : operation.requestBody->content) {
            const nlohmann::json &schema = media.schema;
            if (!schema.is_object() || !schema.contains("properties") ||
                !schema["properties"].is_object())
                continue;
            QSet<QString> required;
            if (schema.contains("required") && schema["required"].is_array())
                for (const auto &r : schema["required"])
                    if (r.is_string())
                        required.insert(QString::fromStdString(r.get<std::string>()));
            for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it) {
                const QString name = QString::fromStdString(it.key());
                QString description;
                if (it->is_object() && it->contains("description") &&
                    (*it)["description"].is_string())
                    description = QString::fromStdString((*it)["description"].get<std::string>());
                out.append({name, QStringLiteral("body"), required.contains(name), description});
            }
            break;
        }
    }
    return out;
}

nlohmann::json responseSchemaOf(const openapi::SpecOperation &operation)
{
    for (const openapi::SpecResponse &response : operation.responses) {
        if (!response.status.startsWith(u'2'))
            continue;
        for (const openapi::SpecMediaType &media : response.content)
            if (isJson(media.contentType) && media.schema.is_object())
                return media.schema;
    }
    return nullptr;
}

} // namespace

Result<ServerEditor::Overview> ServerEditor::overview(store::Database &database)
{
    Overview out;
    auto servers = store::ServerRepository(database).list();
    if (!servers)
        return servers.error();
    out.servers = std::move(servers).value();
    std::sort(out.servers.begin(), out.servers.end(),
              [](const store::Server &a, const store::Server &b) { return a.name < b.name; });
    auto credentials = store::CredentialRepository(database).list();
    if (!credentials)
        return credentials.error();
    for (const store::Credential &c : *credentials)
        out.credentials.append(c.name);
    return out;
}

QString ServerEditor::overrideKey(const openapi::SpecOperation &operation)
{
    return operation.operationId.isEmpty() ? operation.key() : operation.operationId;
}

bool ServerEditor::isEmpty(const store::ToolOverride &override_)
{
    store::ToolOverride bare;
    bare.server = override_.server;
    bare.key = override_.key;
    bare.origin = override_.origin;
    return override_ == bare;
}

Result<ServerEditor> ServerEditor::load(store::Database &database, const QString &name,
                                        std::shared_ptr<const openapi::Spec> reuse,
                                        const QString &reuseSource)
{
    ServerEditor editor;
    auto server = store::ServerRepository(database).get(name);
    if (!server)
        return server.error();
    editor.m_server = std::move(server).value();
    auto overrides = store::ToolOverrideRepository(database).listForServer(name);
    if (!overrides)
        return overrides.error();
    auto credentials = store::CredentialRepository(database).list();
    if (!credentials)
        return credentials.error();
    editor.m_overrides = *overrides;

    if (!editor.m_server.openapi) {
        editor.m_loadError = editor.m_server.mcpUrl
                                 ? tr("Server %1 fronts an upstream MCP server; its tools cannot "
                                      "be edited here yet.")
                                       .arg(name)
                                 : tr("Server %1 names no OpenAPI spec.").arg(name);
        return editor;
    }
    if (reuse && reuseSource == *editor.m_server.openapi) {
        editor.m_spec = std::move(reuse);
    } else {
        auto spec =
            ServerImport::loadSpec(*editor.m_server.openapi, editor.m_server.openapiRemoteRefs);
        if (!spec) {
            editor.m_loadError =
                tr("The spec of server %1 could not be loaded, so it offers no tools: %2")
                    .arg(name, spec.error().message());
            return editor;
        }
        editor.m_spec = std::move(spec).value();
    }

    // What the gateway serves, and the same with the owner's switches off ignored so that a
    // switched-off tool still has a row (with its name, action and tokens) to switch it back on.
    const openapi::ToolSettings settings =
        config::ToolSettingsBuilder::fromStore(editor.m_server, *overrides);
    // A switched-off tool the heuristics would also leave out keeps its row too (enabled: true).
    openapi::ToolSettings everything = settings;
    openapi::ToolSettings heuristicsOnly = settings;
    bool anySwitch = false;
    for (openapi::ToolOverrideSettings &o : everything.overrides)
        if (o.enabled == false)
            o.enabled = true;
    for (openapi::ToolOverrideSettings &o : heuristicsOnly.overrides) {
        anySwitch = anySwitch || o.enabled.has_value();
        o.enabled.reset();
    }
    const openapi::ToolCatalog live = openapi::ToolGenerator::generate(editor.m_spec, settings);
    const openapi::ToolCatalog all = openapi::ToolGenerator::generate(editor.m_spec, everything);
    QSet<QString> byHeuristics;
    for (const openapi::ExcludedOperation &e :
         anySwitch ? openapi::ToolGenerator::generate(editor.m_spec, heuristicsOnly).excluded
                   : live.excluded) {
        if (e.heuristic == u"override")
            continue;
        byHeuristics.insert(e.method + u' ' + e.path);
        if (!e.operationId.isEmpty())
            byHeuristics.insert(e.operationId);
    }
    editor.m_warnings = live.warnings;
    editor.m_cost = ContextCost::of(live, editor.m_server.title.value_or(QString()));

    QSet<QString> switchedOff;
    for (const openapi::ExcludedOperation &e : live.excluded) {
        const QString key = e.operationId.isEmpty() ? e.method + u' ' + e.path : e.operationId;
        if (e.heuristic == u"override") {
            switchedOff.insert(key);
            continue;
        }
        editor.m_removed.append({key, e.method, e.path, e.heuristic, e.reason});
    }
    const auto overrideOf =
        [&](const openapi::SpecOperation &operation) -> std::optional<store::ToolOverride> {
        // The generator matches an override by operationId or "METHOD /path".
        for (const store::ToolOverride &o : *overrides)
            if (o.key == operation.key() ||
                (!operation.operationId.isEmpty() && o.key == operation.operationId))
                return o;
        return std::nullopt;
    };
    for (const openapi::Tool &tool : all.tools) {
        ToolRow row;
        row.key = overrideKey(tool.operation);
        row.override_ = overrideOf(tool.operation);
        if (row.override_)
            row.key = row.override_->key;
        row.enabled = !switchedOff.contains(overrideKey(tool.operation)) &&
                      !switchedOff.contains(tool.operation.key());
        row.removedByHeuristics = byHeuristics.contains(tool.operation.key());
        row.credential = tool.credential.isEmpty() ? editor.m_server.credential.value_or(QString())
                                                   : tool.credential;
        row.parameters = parametersOf(tool.operation);
        row.responseSchema = responseSchemaOf(tool.operation);
        row.tool = tool;
        editor.m_tools.append(std::move(row));
    }
    return editor;
}

ContextCost ServerEditor::costWith(const store::ToolOverride &override_) const
{
    if (!m_spec)
        return {};
    QList<store::ToolOverride> overrides = m_overrides;
    const auto same =
        std::find_if(overrides.begin(), overrides.end(),
                     [&](const store::ToolOverride &o) { return o.key == override_.key; });
    if (same != overrides.end())
        *same = override_;
    else
        overrides.append(override_);
    const openapi::ToolCatalog catalog = openapi::ToolGenerator::generate(
        m_spec, config::ToolSettingsBuilder::fromStore(m_server, overrides));
    return ContextCost::of(catalog, m_server.title.value_or(QString()));
}

const ToolRow *ServerEditor::find(const QString &key) const
{
    for (const ToolRow &row : m_tools)
        if (row.key == key)
            return &row;
    return nullptr;
}

QString ServerEditor::toolNameProblem(const QString &key, const QString &name) const
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (name.isEmpty())
        return tr("A tool needs a name: 1 to 64 letters, digits, '_' or '-'.");
    if (!valid.match(name).hasMatch())
        return tr("Tool names may use letters, digits, '_' and '-' only, at most 64 "
                  "characters, so every MCP client accepts them.");
    for (const ToolRow &row : m_tools)
        if (row.key != key && row.tool.name == name)
            return tr("Tool %1 exists already in server %2. Choose another name.")
                .arg(name, m_server.name);
    return {};
}

Status ServerEditor::saveOverride(store::Database &database, const store::ToolOverride &override_)
{
    store::ToolOverrideRepository overrides(database);
    if (isEmpty(override_)) {
        const Status removed = overrides.remove(override_.server, override_.key);
        if (!removed && removed.error().code() != ErrorCode::NotFound)
            return removed;
        return {};
    }
    return overrides.upsert(override_);
}

Result<std::optional<store::ToolOverride>> ServerEditor::update(store::Database &database,
                                                                const QString &server,
                                                                const QString &key,
                                                                const OverrideChange &change)
{
    std::optional<store::ToolOverride> previous;
    const Status written = database.write([&](QSqlDatabase &) -> Status {
        store::ToolOverrideRepository overrides(database);
        auto existing = overrides.get(server, key);
        if (!existing && existing.error().code() != ErrorCode::NotFound)
            return existing.error();
        store::ToolOverride o;
        if (existing) {
            previous = *existing;
            o = *existing;
        } else {
            o.server = server;
            o.key = key;
        }
        change(o);
        o.server = server;
        o.key = key;
        return saveOverride(database, o);
    });
    if (!written)
        return written.error();
    return previous;
}

Status ServerEditor::restoreOverride(store::Database &database, const QString &server,
                                     const QString &key,
                                     const std::optional<store::ToolOverride> &previous)
{
    if (previous)
        return saveOverride(database, *previous);
    store::ToolOverride none;
    none.server = server;
    none.key = key;
    return saveOverride(database, none);
}

Status ServerEditor::bringBack(store::Database &database, const QString &server, const QString &key)
{
    store::ToolOverrideRepository overrides(database);
    auto existing = overrides.get(server, key);
    if (!existing && existing.error().code() != ErrorCode::NotFound)
        return existing.error();
    store::ToolOverride o;
    if (existing) {
        o = *existing;
    } else {
        o.server = server;
        o.key = key;
    }
    o.enabled = true;
    return overrides.upsert(o);
}

Status ServerEditor::removeServer(store::Database &database, const QString &server)
{
    return store::ServerRepository(database).remove(server);
}

} // namespace gatehouse::gateway
