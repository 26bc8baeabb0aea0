#include "DiscoveryTools.h"

#include "ToolSearch.h"

#include <QMap>

#include <algorithm>

namespace gatehouse::gateway {

namespace {

using mcp::Json;

QByteArray dump(const Json &value)
{
    return QByteArray::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// One line of a listing: the title, else the description's first sentence, cut short.
QString summary(const openapi::Tool &tool)
{
    QString text = tool.title.trimmed();
    if (text.isEmpty()) {
        text = tool.description.simplified();
        const qsizetype end = text.indexOf(QLatin1String(". "));
        if (end > 0)
            text.truncate(end);
    }
    constexpr qsizetype kMax = 80;
    if (text.size() > kMax) {
        qsizetype cut = text.lastIndexOf(u' ', kMax);
        text = text.left(cut > kMax / 2 ? cut : kMax) + QStringLiteral("…");
    }
    return text;
}

mcp::ToolDescriptor meta(const QString &name, const QString &description, const Json &properties,
                         const QStringList &required, bool readOnly)
{
    Json schema = {{"type", "object"}, {"properties", properties}};
    if (!required.isEmpty()) {
        Json list = Json::array();
        for (const QString &r : required)
            list.push_back(r.toStdString());
        schema["required"] = list;
    }
    mcp::ToolDescriptor d;
    d.name = name;
    d.description = description;
    d.inputSchema = dump(schema);
    if (readOnly)
        d.annotations = QByteArrayLiteral(R"({"readOnlyHint":true})");
    return d;
}

const openapi::Tool *visibleTool(const ServerCatalog &server, const QString &name,
                                 const DiscoveryTools::Visible &visible)
{
    const openapi::Tool *tool = server.tools ? server.tools->find(name) : nullptr;
    if (tool && visible && !visible(*tool))
        return nullptr;
    return tool;
}

std::optional<QString> stringArgument(const Json &arguments, const char *key)
{
    if (!arguments.is_object())
        return std::nullopt;
    const auto it = arguments.find(key);
    if (it == arguments.end() || !it->is_string())
        return std::nullopt;
    return QString::fromStdString(it->get<std::string>()).trimmed();
}

} // namespace

mcp::ToolDescriptor DiscoveryTools::descriptor(const openapi::Tool &tool)
{
    const Json entry = tool.descriptor();
    mcp::ToolDescriptor d;
    d.name = tool.name;
    if (const auto title = entry.find("title"); title != entry.end())
        d.title = QString::fromStdString(title->get<std::string>());
    d.description = QString::fromStdString(entry.at("description").get<std::string>());
    d.inputSchema = dump(entry.at("inputSchema"));
    if (const auto hints = entry.find("annotations"); hints != entry.end())
        d.annotations = dump(*hints);
    return d;
}

bool DiscoveryTools::offersSchemas(const openapi::ToolCatalog &catalog)
{
    if (catalog.find(kGetToolSchema))
        return false;
    return std::any_of(catalog.tools.cbegin(), catalog.tools.cend(),
                       [](const openapi::Tool &tool) { return !tool.listedSchema.is_null(); });
}

std::vector<mcp::ToolDescriptor> DiscoveryTools::listing(DiscoveryMode mode,
                                                         const openapi::ToolCatalog &catalog,
                                                         const QString &serverTitle)
{
    std::vector<mcp::ToolDescriptor> out;
    if (mode == DiscoveryMode::Flat) {
        out.reserve(catalog.tools.size());
        for (const openapi::Tool &tool : catalog.tools)
            out.push_back(descriptor(tool));
        // tools/list shows compact schemas; the whole ones are a call away.
        if (offersSchemas(catalog))
            out.push_back(meta(kGetToolSchema,
                               tr("Get a tool's whole description and input schema, with every "
                                  "parameter explained (tools/list shows them shortened)."),
                               {{"name", {{"type", "string"}}}}, {QStringLiteral("name")}, true));
        return out;
    }
    const QString api = serverTitle.isEmpty() ? QString() : serverTitle + QStringLiteral(": ");
    const Json nameProperty = {{"type", "string"}};
    if (mode == DiscoveryMode::Hierarchical) {
        out.push_back(meta(kListGroups,
                           api + tr("list the groups of tools, with how many tools each has."),
                           Json::object(), {}, true));
        out.push_back(
            meta(kListTools, tr("List a group's tools: names and summaries, paged."),
                 {{"group", nameProperty}, {"page", {{"type", "integer"}, {"minimum", 1}}}},
                 {QStringLiteral("group")}, true));
    } else {
        out.push_back(
            meta(kSearchTools, api + tr("find tools by keywords; names and summaries, best first."),
                 {{"query", nameProperty},
                  {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxSearchResults}}}},
                 {QStringLiteral("query")}, true));
    }
    out.push_back(meta(kGetToolSchema, tr("Get a tool's description and input schema."),
                       {{"name", nameProperty}}, {QStringLiteral("name")}, true));
    out.push_back(meta(kCallTool, tr("Call a tool with arguments that match its input schema."),
                       {{"name", nameProperty}, {"arguments", {{"type", "object"}}}},
                       {QStringLiteral("name"), QStringLiteral("arguments")}, false));
    return out;
}

QByteArray DiscoveryTools::listResult(const std::vector<mcp::ToolDescriptor> &tools)
{
    Json list = Json::array();
    for (const mcp::ToolDescriptor &d : tools) {
        Json entry = {{"name", d.name.toStdString()}};
        if (!d.title.isEmpty())
            entry["title"] = d.title.toStdString();
        if (!d.description.isEmpty())
            entry["description"] = d.description.toStdString();
        entry["inputSchema"] = d.inputSchema.isEmpty() ? Json{{"type", "object"}}
                                                       : Json::parse(d.inputSchema.toStdString());
        if (!d.annotations.isEmpty())
            entry["annotations"] = Json::parse(d.annotations.toStdString());
        list.push_back(std::move(entry));
    }
    return dump(Json{{"tools", list}});
}

mcp::ToolResult DiscoveryTools::answer(const ServerCatalog &server, const QString &name,
                                       const mcp::Json &arguments, const Visible &visible)
{
    if (name == kListGroups)
        return listGroups(server, visible);
    if (name == kListTools)
        return listTools(server, arguments, visible);
    if (name == kGetToolSchema)
        return getToolSchema(server, arguments, visible);
    if (name == kSearchTools)
        return searchTools(server, arguments, visible);
    return mcp::ToolResult::text(tr("%1 is not a discovery tool").arg(name), true);
}

mcp::ToolResult DiscoveryTools::listGroups(const ServerCatalog &server, const Visible &visible)
{
    QMap<QString, int> groups;
    if (server.tools)
        for (const openapi::Tool &tool : server.tools->tools)
            if (!visible || visible(tool))
                ++groups[tool.resource];
    if (groups.isEmpty())
        return mcp::ToolResult::text(tr("No tools are available to you on this server."));
    QString text =
        tr("Groups, with how many tools each has. Call list_tools with a group name.") + u'\n';
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        text += it.key() + QStringLiteral(": ") + QString::number(it.value()) + u'\n';
    return mcp::ToolResult::text(text.trimmed());
}

mcp::ToolResult DiscoveryTools::listTools(const ServerCatalog &server, const mcp::Json &arguments,
                                          const Visible &visible)
{
    const auto group = stringArgument(arguments, "group");
    if (!group || group->isEmpty())
        return mcp::ToolResult::text(
            tr("list_tools needs \"group\": one of the names list_groups returns."), true);
    int page = 1;
    if (arguments.contains("page")) {
        const Json &p = arguments.at("page");
        if (!p.is_number_integer() || p.get<long long>() < 1)
            return mcp::ToolResult::text(tr("\"page\" must be a whole number from 1."), true);
        page = int(std::min<long long>(p.get<long long>(), 1'000'000));
    }
    QList<const openapi::Tool *> members;
    if (server.tools)
        for (const openapi::Tool &tool : server.tools->tools)
            if (tool.resource.compare(*group, Qt::CaseInsensitive) == 0 &&
                (!visible || visible(tool)))
                members.append(&tool);
    if (members.isEmpty())
        return mcp::ToolResult::text(
            tr("There is no group named \"%1\": call list_groups for the names.").arg(*group),
            true);
    const int pages = int((members.size() + kToolsPerPage - 1) / kToolsPerPage);
    if (page > pages)
        return mcp::ToolResult::text(
            tr("Group %1 has no page %2: the last is %3.").arg(*group).arg(page).arg(pages), true);
    const qsizetype first = qsizetype(page - 1) * kToolsPerPage;
    const qsizetype last = std::min<qsizetype>(first + kToolsPerPage, members.size());
    QString text;
    if (pages > 1)
        text = tr("Group %1, tools %2-%3 of %4 (page %5 of %6).")
                   .arg(*group)
                   .arg(first + 1)
                   .arg(last)
                   .arg(members.size())
                   .arg(page)
                   .arg(pages);
    else
        text = tr("Group %1 (%2 in all).").arg(*group).arg(members.size());
    text += u' ' + tr("get_tool_schema gives a tool's arguments.") + u'\n';
    for (qsizetype i = first; i < last; ++i)
        text += members.at(i)->name + QStringLiteral(": ") + summary(*members.at(i)) + u'\n';
    if (page < pages)
        text += tr("More: list_tools with page %1.").arg(page + 1);
    return mcp::ToolResult::text(text.trimmed());
}

mcp::ToolResult DiscoveryTools::getToolSchema(const ServerCatalog &server,
                                              const mcp::Json &arguments, const Visible &visible)
{
    const auto name = stringArgument(arguments, "name");
    if (!name || name->isEmpty())
        return mcp::ToolResult::text(tr("get_tool_schema needs \"name\": a tool's name."), true);
    const openapi::Tool *tool = visibleTool(server, *name, visible);
    if (!tool)
        return mcp::ToolResult::text(
            tr("There is no tool named \"%1\" that you may use here.").arg(*name), true);
    Json out = tool->fullDescriptor();
    if (tool->description.startsWith(tool->title))
        out.erase("title"); // it would only repeat the description's start
    const QString how = server.discovery == DiscoveryMode::Flat
                            ? tr("Call the tool %1 itself.").arg(tool->name)
                            : tr("Call it with call_tool {\"name\": \"%1\", \"arguments\": {...}}.")
                                  .arg(tool->name);
    return mcp::ToolResult::text(QString::fromUtf8(dump(out)) + u'\n' + how);
}

mcp::ToolResult DiscoveryTools::searchTools(const ServerCatalog &server, const mcp::Json &arguments,
                                            const Visible &visible)
{
    const auto query = stringArgument(arguments, "query");
    if (!query || query->isEmpty())
        return mcp::ToolResult::text(
            tr("search_tools needs \"query\": words that describe what you want to do."), true);
    int limit = kDefaultSearchResults;
    if (arguments.contains("limit")) {
        const Json &l = arguments.at("limit");
        if (!l.is_number_integer() || l.get<long long>() < 1)
            return mcp::ToolResult::text(
                tr("\"limit\" must be a whole number from 1 to %1.").arg(kMaxSearchResults), true);
        limit = int(std::min<long long>(l.get<long long>(), kMaxSearchResults));
    }
    if (!server.tools || !server.search)
        return mcp::ToolResult::text(tr("No tools are available to you on this server."));
    const auto hits = server.search->search(*server.tools, *query, limit, visible);
    if (hits.isEmpty())
        return mcp::ToolResult::text(
            tr("No tool matches \"%1\". Try other words, or fewer.").arg(*query));
    QString text = tr("Best matches first. get_tool_schema gives a tool's arguments.") + u'\n';
    for (const ToolSearch::Hit &hit : hits) {
        const openapi::Tool &tool = server.tools->tools.at(hit.index);
        text += tool.name + QStringLiteral(": ") + summary(tool) + u'\n';
    }
    return mcp::ToolResult::text(text.trimmed());
}

} // namespace gatehouse::gateway
