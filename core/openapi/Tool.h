#pragma once

#include "Spec.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace gatehouse::openapi {

// What a tool does to its resource; the permission matrix grants actions per resource.
// Default from the HTTP method: GET/HEAD/OPTIONS read, POST create, PUT/PATCH update, DELETE
// delete.
enum class ToolAction
{
    Read,
    Create,
    Update,
    Delete,
};
QString toolActionName(ToolAction action); // "read", "create", "update", "delete"
std::optional<ToolAction> toolActionFromName(QStringView name);

// Where one property of a tool's inputSchema goes in the upstream request.
enum class ArgumentTarget
{
    Path,
    Query,
    Header,
    Cookie,
    BodyProperty, // one property of an object body (JSON, form or multipart)
    WholeBody,    // the whole body (a non-object body wrapped in one property)
};

struct ToolArgument
{
    QString property; // the name in the tool's inputSchema (renamed on collisions)
    ArgumentTarget target = ArgumentTarget::Query;
    QString name;            // the parameter or body property as the spec spells it
    int parameterIndex = -1; // index into operation.parameters for Path/Query/Header/Cookie
};

// A value the gateway supplies itself instead of the client: a hidden parameter's fixed value
// (override `params: {NAME: {value: X}}`), or a default applied when the client leaves an
// argument out (`{default: X}`, the parameter stays visible with that default).
struct SuppliedArgument
{
    ArgumentTarget target = ArgumentTarget::Query;
    QString name; // as the spec spells it
    int parameterIndex = -1;
    nlohmann::json value;
};

// One thing the editorial layer changed, for the GUI and `openapi inspect` to show.
struct EditorialNote
{
    QString heuristic; // "drop_deprecated", "hide_pagination", "cut_descriptions",
                       // "shape_responses", "drop_list_with_read", "exclude", "include",
                       // "override", "naming", "compact_schemas",
                       // "reserved_header" (a header the gateway sets),
                       // "credential" (an apiKey parameter the gateway injects)
    QString subject;   // what it applied to: a parameter, "description", a response field...
    QString reason;    // one human sentence
};

struct Tool
{
    QString name; // ^[A-Za-z0-9_-]{1,64}$, unique in its catalog
    QString title;
    QString description;
    nlohmann::json inputSchema; // {"type":"object","properties":...}; carries $defs when needed
    bool readOnlyHint = false;
    bool destructiveHint = false;
    bool idempotentHint = false;
    ToolAction action = ToolAction::Read;
    QString resource; // first tag, else first path segment (sanitised like names)
    QStringList tags;
    std::optional<double> cost; // per call, for spend caps; absent: free
    // The cost also counts this argument's number times costFactor (an amount to pay, say).
    QString costArgument;
    double costFactor = 1.0;
    bool refundOnFailure = false; // a failed upstream call gives its reserved cost back
    QString credential;           // the tool's own credential; empty: the server's default
    // The upstream scopes the tool needs, one list per alternative that would do (a credential
    // carrying every scope of one alternative may call it). Empty: it needs none. From the
    // override's `scopes`, else from the operation's security requirements.
    QList<QStringList> scopes;
    // Keep only these top-level fields of a JSON response (override response_fields). Empty:
    // the whole response, or what the shape_responses heuristic keeps.
    QStringList responseFields;
    bool shapeResponse = false; // the shape_responses heuristic applies to this tool

    SpecOperation operation; // a copy of the operation the tool calls
    QString bodyContentType; // the request body's media type; empty when the tool sends no body
    QList<ToolArgument> arguments;
    QList<SuppliedArgument> fixed;    // always sent, never visible to clients
    QList<SuppliedArgument> defaults; // sent when the client leaves the argument out

    // What tools/list shows when the compact_schemas heuristic applies (listedSchema is null
    // when it does not): a brief description and a compact schema, while description and
    // inputSchema stay whole for get_tool_schema and for checking arguments.
    QString listedDescription;
    nlohmann::json listedSchema;

    QList<EditorialNote> notes; // what the editorial layer did to this tool
    int estimatedTokens = 0;    // of this tool's tools/list entry (see estimateTokens())

    // The tools/list entry: {"name","title","description","inputSchema","annotations"}, compact
    // when listedSchema is set.
    nlohmann::json descriptor() const;
    // The same with the whole description and inputSchema (get_tool_schema).
    nlohmann::json fullDescriptor() const;
    // The hints that differ from MCP's defaults; empty when none do.
    nlohmann::json annotations() const;
};

// An operation that became no tool, and why.
struct ExcludedOperation
{
    QString method;
    QString path;
    QString operationId;
    QString heuristic; // as in EditorialNote::heuristic ("exclude", "drop_deprecated", ...)
    QString reason;
};

// Switches for the heuristics; all are on by default except dropListWithRead, which is offered.
struct HeuristicOptions
{
    bool dropDeprecated = true;
    bool hidePagination = true;    // page/per_page/cursor/limit/... and formatting params
    int maxDescriptionChars = 300; // 0: descriptions are not cut
    bool shapeResponses = true;
    bool dropListWithRead = false;
    bool compactSchemas = true; // tools/list shows brief descriptions and compact schemas
};

// The owner's editorial choices for one tool (config `tools.overrides`).
struct ToolOverrideSettings
{
    QString key; // operationId or "METHOD /path"
    std::optional<bool> enabled;
    std::optional<QString> name;
    std::optional<QString> description;
    QStringList hideParams;                      // hidden; the upstream's own default applies
    QMap<QString, nlohmann::json> fixedParams;   // hidden, always sent with this value
    QMap<QString, nlohmann::json> defaultParams; // visible, sent when left out
    std::optional<QStringList> responseFields;
    std::optional<QString> credential;
    std::optional<QStringList> scopes; // over the spec's security requirements; []: none
    std::optional<double> cost;
    std::optional<QString> costArgument;
    std::optional<double> costFactor;
    std::optional<bool> refundOnFailure;
    std::optional<ToolAction> action;
    std::optional<QString> resource;
};

struct ToolSettings
{
    QStringList include; // empty: every operation; else only operations matching one of these
    QStringList exclude; // OperationIndex::matches() patterns
    QList<ToolOverrideSettings> overrides;
    HeuristicOptions heuristics;
};

// The tools generated for one server: immutable once built, shared between worker threads.
struct ToolCatalog
{
    std::shared_ptr<const Spec> spec;
    QList<Tool> tools; // in spec order
    QList<ExcludedOperation> excluded;
    QStringList warnings; // overrides naming no operation, hidden params the operation lacks...
    QHash<QString, qsizetype> byName;

    const Tool *find(const QString &name) const
    {
        const auto it = byName.constFind(name);
        return it == byName.cend() ? nullptr : &tools.at(*it);
    }
    int estimatedTokens() const; // sum over the tools
};

// The upstream scopes an operation's security requirements ask for, one list per alternative
// (OAS 3.1 §4.8.30: the requirements are alternatives, each scheme of one must be satisfied).
// Only oauth2 and openIdConnect schemes carry scopes. Empty when an alternative needs no scope
// (anonymous access, or only API keys or HTTP authentication), since any credential satisfies
// that one.
QList<QStringList> securityScopes(const Spec &spec, const SpecOperation &operation);

// A rough o200k token estimate of a JSON text (the token benchmark measures exactly).
int estimateTokens(const QByteArray &json);

} // namespace gatehouse::openapi
