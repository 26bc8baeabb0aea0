#include "ToolSettingsBuilder.h"

#include "Logging.h"

namespace gatehouse::config {

namespace {

openapi::ToolAction toolAction(Action action)
{
    switch (action) {
    case Action::Read:
        return openapi::ToolAction::Read;
    case Action::Create:
        return openapi::ToolAction::Create;
    case Action::Update:
        return openapi::ToolAction::Update;
    case Action::Delete:
        return openapi::ToolAction::Delete;
    }
    return openapi::ToolAction::Read;
}

openapi::HeuristicOptions
heuristicOptions(std::optional<bool> dropDeprecated, std::optional<bool> hidePagination,
                 std::optional<int> maxDescriptionChars, std::optional<bool> shapeResponses,
                 std::optional<bool> dropListWithRead, std::optional<bool> compactSchemas)
{
    openapi::HeuristicOptions options;
    options.dropDeprecated = dropDeprecated.value_or(options.dropDeprecated);
    options.hidePagination = hidePagination.value_or(options.hidePagination);
    options.maxDescriptionChars = maxDescriptionChars.value_or(options.maxDescriptionChars);
    options.shapeResponses = shapeResponses.value_or(options.shapeResponses);
    options.dropListWithRead = dropListWithRead.value_or(options.dropListWithRead);
    options.compactSchemas = compactSchemas.value_or(options.compactSchemas);
    return options;
}

} // namespace

openapi::ToolSettings ToolSettingsBuilder::fromConfig(const ServerConfig &server)
{
    openapi::ToolSettings settings;
    if (!server.tools)
        return settings;
    const ToolsConfig &tools = *server.tools;
    settings.include = tools.include.value_or(QStringList());
    settings.exclude = tools.exclude.value_or(QStringList());
    if (const std::optional<HeuristicsConfig> &h = tools.heuristics)
        settings.heuristics =
            heuristicOptions(h->dropDeprecated, h->hidePagination, h->maxDescriptionChars,
                             h->shapeResponses, h->dropListWithRead, h->compactSchemas);
    for (const ToolOverride &o : tools.overrides) {
        openapi::ToolOverrideSettings s;
        s.key = o.key;
        s.enabled = o.enabled;
        s.name = o.name;
        s.description = o.description;
        s.hideParams = o.hideParams.value_or(QStringList());
        s.fixedParams = o.fixedParams.value_or(ParamValues());
        s.defaultParams = o.paramDefaults.value_or(ParamValues());
        s.responseFields = o.responseFields;
        s.credential = o.credential;
        s.scopes = o.scopes;
        s.cost = o.cost;
        s.costArgument = o.costArgument;
        s.costFactor = o.costFactor;
        s.refundOnFailure = o.refundOnFailure;
        if (o.action)
            s.action = toolAction(*o.action);
        s.resource = o.resource;
        settings.overrides.append(s);
    }
    return settings;
}

openapi::ToolSettings ToolSettingsBuilder::fromStore(const store::Server &server,
                                                     const QList<store::ToolOverride> &overrides)
{
    openapi::ToolSettings settings;
    settings.include = server.toolIncludes;
    settings.exclude = server.toolExcludes;
    if (const std::optional<store::ServerHeuristics> &h = server.heuristics)
        settings.heuristics =
            heuristicOptions(h->dropDeprecated, h->hidePagination, h->maxDescriptionChars,
                             h->shapeResponses, h->dropListWithRead, h->compactSchemas);
    for (const store::ToolOverride &o : overrides) {
        if (!o.server.isEmpty() && o.server != server.name)
            continue;
        openapi::ToolOverrideSettings s;
        s.key = o.key;
        s.enabled = o.enabled;
        s.name = o.name;
        s.description = o.description;
        s.hideParams = o.hideParams.value_or(QStringList());
        s.fixedParams = o.fixedParams.value_or(store::ParamValues());
        s.defaultParams = o.paramDefaults.value_or(store::ParamValues());
        s.responseFields = o.responseFields;
        s.credential = o.credential;
        s.scopes = o.scopes;
        s.cost = o.cost;
        s.costArgument = o.costArgument;
        s.costFactor = o.costFactor;
        s.refundOnFailure = o.refundOnFailure;
        if (o.action) {
            // The repository only stores known actions; anything else keeps the method's.
            if (const std::optional<Action> action = fromString<Action>(*o.action))
                s.action = toolAction(*action);
            else
                qCWarning(lcConfig) << "tool override" << o.key << "of server" << server.name
                                    << "has an unknown action" << *o.action;
        }
        s.resource = o.resource;
        settings.overrides.append(s);
    }
    return settings;
}

} // namespace gatehouse::config
