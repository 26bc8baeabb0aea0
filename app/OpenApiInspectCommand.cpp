#include "OpenApiInspectCommand.h"

#include "CommandLine.h"
#include "config/ConfigLoader.h"
#include "config/ToolSettingsBuilder.h"
#include "gateway/CatalogLoader.h"
#include "gateway/DiscoveryTools.h"
#include "http/DocumentFetcher.h"
#include "openapi/SpecLoader.h"
#include "openapi/ToolGenerator.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace gatehouse::app {

namespace {

using json = nlohmann::json;

std::string str(const QString &text)
{
    return text.toStdString();
}

QString discoveryName(config::Discovery discovery)
{
    return config::toString(discovery);
}

} // namespace

OpenApiInspectCommand::OpenApiInspectCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

int OpenApiInspectCommand::usage(const QString &problem)
{
    m_err << "gatehouse: " << problem << '\n'
          << tr("Run 'gatehouse openapi inspect --help' for the options.") << '\n';
    return CommandLine::Usage;
}

int OpenApiInspectCommand::run(const Options &options)
{
    std::optional<config::Discovery> discovery;
    if (!options.discovery.isEmpty()) {
        discovery = config::fromString<config::Discovery>(options.discovery);
        if (!discovery) {
            return usage(tr("--discovery %1: expected one of %2")
                             .arg(options.discovery, config::enumNames<config::Discovery>().join(
                                                         QStringLiteral(", "))));
        }
    }
    if (!options.server.isEmpty() && options.configFile.isEmpty())
        return usage(tr("--server needs --config FILE, the configuration that names the server"));

    openapi::ToolSettings settings;
    QString specPath = options.spec;
    QString baseUrl = options.baseUrl;
    bool remoteRefs = false;
    if (!options.configFile.isEmpty()) {
        // The spec is loaded below, where its errors are spec errors (exit code 1).
        const config::LoadResult loaded =
            config::ConfigLoader(config::ConfigLoader::Options{false}).loadFile(options.configFile);
        for (const config::Diagnostic &d : loaded.diagnostics)
            m_err << (d.isError() ? QString() : tr("warning: ")) << d.toString() << '\n';
        if (!loaded.ok())
            return usage(tr("%1 has errors; fix them or inspect the spec without --config")
                             .arg(options.configFile));
        const config::ServerConfig *server = nullptr;
        QStringList names;
        for (const config::ServerConfig &s : loaded.config->servers) {
            if (!s.openapi)
                continue;
            names.append(s.name);
            if (s.name == options.server)
                server = &s;
        }
        if (!server && options.server.isEmpty() && names.size() == 1) {
            for (const config::ServerConfig &s : loaded.config->servers) {
                if (s.openapi)
                    server = &s;
            }
        }
        if (!server) {
            if (names.isEmpty())
                return usage(tr("%1 has no server with an OpenAPI spec").arg(options.configFile));
            if (options.server.isEmpty())
                return usage(tr("%1 has several OpenAPI servers (%2): name one with --server")
                                 .arg(options.configFile, names.join(QStringLiteral(", "))));
            return usage(
                tr("%1 has no OpenAPI server named \"%2\"; it has %3")
                    .arg(options.configFile, options.server, names.join(QStringLiteral(", "))));
        }
        m_serverName = server->name;
        m_serverTitle = server->title.value_or(QString());
        settings = config::ToolSettingsBuilder::fromConfig(*server);
        if (specPath.isEmpty())
            specPath = server->openapi->resolved;
        remoteRefs = server->openapiRemoteRefs.value_or(false);
        if (baseUrl.isEmpty() && server->baseUrl)
            baseUrl = server->baseUrl->toString();
        if (!discovery)
            discovery = server->discovery;
    }
    if (specPath.isEmpty())
        return usage(tr("expected the spec file (or --config FILE with --server NAME)"));

    // The same loading as the gateway's: a URL is fetched (the owner names it, so it may be on
    // their network); remote $refs only with the server's openapi_remote_refs, public addresses
    // only.
    const openapi::SpecLoadOptions loadOptions =
        gateway::CatalogLoader::loadOptions(baseUrl, remoteRefs);
    QElapsedTimer timer;
    timer.start();
    Result<openapi::Spec> spec = Error(ErrorCode::Internal, QString());
    if (config::isHttpUrl(specPath)) {
        auto document =
            http::DocumentFetcher::fetch(QUrl(specPath), http::DocumentFetcher::Options());
        spec = document
                   ? openapi::SpecLoader(loadOptions).loadFetched(document->body, QUrl(specPath))
                   : Result<openapi::Spec>(document.error());
    } else {
        spec = openapi::SpecLoader(loadOptions).loadFile(specPath);
    }
    m_loadMs = timer.elapsed();
    if (!spec.ok()) {
        m_err << "gatehouse: " << spec.error().message() << '\n';
        return CommandLine::Failure;
    }
    timer.restart();
    const openapi::ToolCatalog catalog = openapi::ToolGenerator::generate(
        std::make_shared<const openapi::Spec>(std::move(spec).value()), settings);
    m_generateMs = timer.elapsed();

    const config::Discovery mode = discovery.value_or(config::Discovery::Flat);
    const Totals sums = totals(catalog, mode);
    if (options.json)
        m_out << QString::fromStdString(toJson(catalog, sums, mode)
                                            .dump(2, ' ', false, json::error_handler_t::replace))
              << '\n';
    else
        printTable(catalog, sums, mode);
    return CommandLine::Success;
}

OpenApiInspectCommand::Totals OpenApiInspectCommand::totals(const openapi::ToolCatalog &catalog,
                                                            config::Discovery discovery) const
{
    Totals t;
    t.tools = int(catalog.tools.size());
    t.excluded = int(catalog.excluded.size());
    for (const openapi::ExcludedOperation &e : catalog.excluded)
        ++t.excludedBy[e.heuristic];
    t.estimatedTokens = catalog.estimatedTokens();
    // What tools/list gives a client at session start: every tool (flat) or the meta-tools.
    const auto mode = gateway::discoveryModeFromName(config::toString(discovery));
    if (mode)
        t.sessionStartTokens = openapi::estimateTokens(gateway::DiscoveryTools::listResult(
            gateway::DiscoveryTools::listing(*mode, catalog, m_serverTitle)));
    return t;
}

void OpenApiInspectCommand::printTable(const openapi::ToolCatalog &catalog, const Totals &t,
                                       config::Discovery discovery)
{
    const QString nameHeader = tr("NAME");
    const QString actionHeader = tr("ACTION");
    const QString resourceHeader = tr("RESOURCE");
    const QString tokensHeader = tr("TOKENS");
    qsizetype nameWidth = nameHeader.size();
    qsizetype actionWidth = actionHeader.size();
    qsizetype resourceWidth = resourceHeader.size();
    for (const openapi::Tool &tool : catalog.tools) {
        nameWidth = std::max(nameWidth, tool.name.size());
        actionWidth = std::max(actionWidth, openapi::toolActionName(tool.action).size());
        resourceWidth = std::max(resourceWidth, tool.resource.size());
    }
    m_out << nameHeader.leftJustified(nameWidth) << "  " << actionHeader.leftJustified(actionWidth)
          << "  " << resourceHeader.leftJustified(resourceWidth) << "  " << tokensHeader << '\n';
    for (const openapi::Tool &tool : catalog.tools) {
        m_out << tool.name.leftJustified(nameWidth) << "  "
              << openapi::toolActionName(tool.action).leftJustified(actionWidth) << "  "
              << tool.resource.leftJustified(resourceWidth) << "  "
              << QString::number(tool.estimatedTokens).rightJustified(tokensHeader.size()) << '\n';
    }
    m_out << '\n';
    const openapi::Spec &spec = *catalog.spec;
    m_out << tr("spec: %1, \"%2\" %3 (OpenAPI %4), %n operation(s)", nullptr,
                int(spec.operations().size()))
                 .arg(spec.sourceName(), spec.info().title, spec.info().version,
                      spec.versionString())
          << '\n';
    if (!spec.baseUrl().isEmpty())
        m_out << tr("base URL: %1").arg(spec.baseUrl()) << '\n';
    if (!m_serverName.isEmpty())
        m_out << tr("server: %1").arg(m_serverName) << '\n';
    m_out << tr("tools: %1, estimated %2 tokens").arg(t.tools).arg(t.estimatedTokens) << '\n';
    QStringList reasons;
    for (auto it = t.excludedBy.cbegin(); it != t.excludedBy.cend(); ++it)
        reasons.append(it.key() + u' ' + QString::number(it.value()));
    m_out << (reasons.isEmpty()
                  ? tr("excluded: %1").arg(t.excluded)
                  : tr("excluded: %1 (%2)").arg(t.excluded).arg(reasons.join(QStringLiteral(", "))))
          << '\n';
    if (!spec.skipped().isEmpty())
        m_out << tr("skipped by the loader: %1").arg(spec.skipped().size()) << '\n';
    if (t.sessionStartTokens) {
        m_out << tr("estimated tokens at session start (%1): %2")
                     .arg(discoveryName(discovery))
                     .arg(*t.sessionStartTokens)
              << '\n';
    }
    m_out << tr("loaded in %1 ms, tools generated in %2 ms").arg(m_loadMs).arg(m_generateMs)
          << '\n';
    for (const openapi::SkippedOperation &s : spec.skipped())
        m_err << tr("skipped: ") << s.reason << '\n';
    for (const QString &w : spec.warnings())
        m_err << tr("warning: ") << w << '\n';
    for (const QString &w : catalog.warnings)
        m_err << tr("warning: ") << w << '\n';
}

nlohmann::json OpenApiInspectCommand::toJson(const openapi::ToolCatalog &catalog, const Totals &t,
                                             config::Discovery discovery) const
{
    const openapi::Spec &spec = *catalog.spec;
    json tools = json::array();
    for (const openapi::Tool &tool : catalog.tools) {
        json notes = json::array();
        for (const openapi::EditorialNote &n : tool.notes) {
            notes.push_back({{"heuristic", str(n.heuristic)},
                             {"subject", str(n.subject)},
                             {"reason", str(n.reason)}});
        }
        json entry = {
            {"name", str(tool.name)},
            {"action", str(openapi::toolActionName(tool.action))},
            {"resource", str(tool.resource)},
            {"estimatedTokens", tool.estimatedTokens},
            {"method", str(tool.operation.method)},
            {"path", str(tool.operation.path)},
            {"operationId", str(tool.operation.operationId)},
            {"notes", std::move(notes)},
        };
        tools.push_back(std::move(entry));
    }
    json excluded = json::array();
    for (const openapi::ExcludedOperation &e : catalog.excluded) {
        excluded.push_back({{"method", str(e.method)},
                            {"path", str(e.path)},
                            {"operationId", str(e.operationId)},
                            {"heuristic", str(e.heuristic)},
                            {"reason", str(e.reason)}});
    }
    json skipped = json::array();
    for (const openapi::SkippedOperation &s : spec.skipped()) {
        skipped.push_back(
            {{"method", str(s.method)}, {"path", str(s.path)}, {"reason", str(s.reason)}});
    }
    json warnings = json::array();
    for (const QString &w : spec.warnings())
        warnings.push_back(str(w));
    for (const QString &w : catalog.warnings)
        warnings.push_back(str(w));
    json excludedBy = json::object();
    for (auto it = t.excludedBy.cbegin(); it != t.excludedBy.cend(); ++it)
        excludedBy[str(it.key())] = it.value();
    json totals = {
        {"tools", t.tools},
        {"excluded", t.excluded},
        {"excludedBy", std::move(excludedBy)},
        {"skipped", spec.skipped().size()},
        {"estimatedTokens", t.estimatedTokens},
        {"sessionStartTokens", t.sessionStartTokens ? json(*t.sessionStartTokens) : json()},
        {"loadMs", m_loadMs},
        {"generateMs", m_generateMs},
    };
    return {
        {"spec",
         {{"source", str(spec.sourceName())},
          {"title", str(spec.info().title)},
          {"version", str(spec.info().version)},
          {"openapi", str(spec.versionString())},
          {"operations", spec.operations().size()},
          {"baseUrl", str(spec.baseUrl())}}},
        {"server", m_serverName.isEmpty() ? json() : json(str(m_serverName))},
        {"discovery", str(discoveryName(discovery))},
        {"tools", std::move(tools)},
        {"excluded", std::move(excluded)},
        {"skipped", std::move(skipped)},
        {"warnings", std::move(warnings)},
        {"totals", std::move(totals)},
    };
}

} // namespace gatehouse::app
