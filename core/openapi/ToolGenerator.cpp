#include "ToolGenerator.h"

#include "EditorialHeuristics.h"
#include "InputSchemaBuilder.h"
#include "OperationIndex.h"
#include "ToolNamer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gatehouse::openapi {

namespace {

using json = nlohmann::json;

struct MethodTraits
{
    bool readOnly = false;
    bool destructive = true;
    bool idempotent = false;
    ToolAction action = ToolAction::Create;
};

// RFC 9110 9.2: GET, HEAD, OPTIONS and TRACE are safe; PUT and DELETE idempotent.
MethodTraits traitsOf(const QString &method)
{
    if (method == QLatin1String("GET") || method == QLatin1String("HEAD") ||
        method == QLatin1String("OPTIONS") || method == QLatin1String("TRACE"))
        return {true, false, true, ToolAction::Read};
    if (method == QLatin1String("POST"))
        return {false, false, false, ToolAction::Create};
    if (method == QLatin1String("PUT"))
        return {false, true, true, ToolAction::Update};
    if (method == QLatin1String("PATCH"))
        return {false, true, false, ToolAction::Update};
    if (method == QLatin1String("DELETE"))
        return {false, true, true, ToolAction::Delete};
    return {};
}

int locationRank(ParameterLocation location)
{
    switch (location) {
    case ParameterLocation::Path:
        return 0;
    case ParameterLocation::Query:
        return 1;
    case ParameterLocation::Header:
        return 2;
    case ParameterLocation::Cookie:
        return 3;
    }
    return 4;
}

ArgumentTarget targetOf(ParameterLocation location)
{
    switch (location) {
    case ParameterLocation::Path:
        return ArgumentTarget::Path;
    case ParameterLocation::Query:
        return ArgumentTarget::Query;
    case ParameterLocation::Header:
        return ArgumentTarget::Header;
    case ParameterLocation::Cookie:
        return ArgumentTarget::Cookie;
    }
    return ArgumentTarget::Query;
}

QStringView mediaTypeEssence(QStringView contentType)
{
    const qsizetype semicolon = contentType.indexOf(u';');
    return (semicolon >= 0 ? contentType.left(semicolon) : contentType).trimmed();
}

bool isJsonMediaType(QStringView contentType)
{
    const QStringView essence = mediaTypeEssence(contentType);
    return essence.compare(u"application/json", Qt::CaseInsensitive) == 0 ||
           essence.endsWith(u"+json", Qt::CaseInsensitive);
}

// application/json (or +json) first, then form-urlencoded, then multipart, else the first listed.
const SpecMediaType *chooseBody(const SpecRequestBody &body)
{
    for (const SpecMediaType &media : body.content) {
        if (isJsonMediaType(media.contentType))
            return &media;
    }
    for (const char16_t *type : {u"application/x-www-form-urlencoded", u"multipart/form-data"}) {
        for (const SpecMediaType &media : body.content) {
            if (mediaTypeEssence(media.contentType).compare(type, Qt::CaseInsensitive) == 0)
                return &media;
        }
    }
    return body.content.isEmpty() ? nullptr : &body.content.first();
}

bool hasJsonSuccessResponse(const SpecOperation &operation)
{
    for (const SpecResponse &response : operation.responses) {
        if (!response.status.startsWith(u'2'))
            continue;
        for (const SpecMediaType &media : response.content) {
            if (isJsonMediaType(media.contentType))
                return true;
        }
    }
    return false;
}

QString sanitiseResource(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const QChar l = c.toLower();
        const bool ok = (l >= u'a' && l <= u'z') || (l >= u'0' && l <= u'9') || l == u'-';
        if (ok)
            out += l;
        else if (!out.isEmpty() && out.back() != u'_')
            out += u'_';
    }
    while (out.endsWith(u'_'))
        out.chop(1);
    return out;
}

// The first tag, else the first path segment that is neither a {param} nor a version or "api"
// prefix (/v1/customers -> customers), else the first literal segment.
QString defaultResource(const SpecOperation &operation)
{
    if (!operation.tags.isEmpty()) {
        const QString tag = sanitiseResource(operation.tags.first());
        if (!tag.isEmpty())
            return tag;
    }
    static const QRegularExpression version(QStringLiteral("^(v?\\d+([._-]\\d+)*|api)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString fallback;
    for (const QStringView segment : QStringView(operation.path).split(u'/')) {
        if (segment.isEmpty() || segment.startsWith(u'{'))
            continue;
        const QString name = sanitiseResource(segment);
        if (name.isEmpty())
            continue;
        if (!version.match(segment).hasMatch())
            return name;
        if (fallback.isEmpty())
            fallback = name;
    }
    return fallback.isEmpty() ? QStringLiteral("root") : fallback;
}

QString toolDescription(const SpecOperation &operation)
{
    const QString summary = EditorialHeuristics::collapseWhitespace(operation.summary);
    const QString description = EditorialHeuristics::collapseWhitespace(operation.description);
    if (description.isEmpty())
        return summary.isEmpty() ? operation.key() : summary;
    if (summary.isEmpty() || description.startsWith(summary))
        return description;
    const QChar last = summary.back();
    const bool ended = last == u'.' || last == u'!' || last == u'?' || last == u':';
    return summary + (ended ? QStringLiteral(" ") : QStringLiteral(". ")) + description;
}

// Parameters that carry an apiKey credential of the operation's security: the gateway injects
// them from the configured credential.
QSet<QString> credentialParameters(const Spec &spec, const SpecOperation &operation)
{
    QSet<QString> out;
    for (const SecurityRequirement &requirement : operation.security) {
        for (auto it = requirement.cbegin(); it != requirement.cend(); ++it) {
            const auto scheme = spec.securitySchemes().constFind(it.key());
            if (scheme == spec.securitySchemes().cend() ||
                scheme->type.compare(u"apiKey", Qt::CaseInsensitive) != 0 ||
                scheme->parameterName.isEmpty())
                continue;
            const QString name = scheme->in.compare(u"header", Qt::CaseInsensitive) == 0
                                     ? scheme->parameterName.toLower()
                                     : scheme->parameterName;
            out.insert(scheme->in.toLower() + u':' + name);
        }
    }
    return out;
}

struct Candidate
{
    InputSchemaBuilder::Argument argument;
    bool deprecated = false;
    bool hidden = false;
    bool hasOverrideDefault = false;
};

struct Built
{
    qsizetype operationIndex = -1;
    Tool tool;
    const ToolOverrideSettings *override = nullptr;
};

struct Excluded
{
    qsizetype operationIndex = -1;
    ExcludedOperation entry;
};

void note(Tool &tool, const QString &heuristic, const QString &subject, const QString &reason)
{
    tool.notes.append(EditorialNote{heuristic, subject, reason});
}

QString describeOperation(const SpecOperation &operation)
{
    return operation.operationId.isEmpty()
               ? operation.key()
               : operation.operationId + QStringLiteral(" (") + operation.key() + u')';
}

class Generator
{
public:
    Generator(std::shared_ptr<const Spec> spec, const ToolSettings &settings)
        : m_spec(std::move(spec))
        , m_settings(settings)
    {}

    ToolCatalog run();

private:
    void matchOverrides();
    QString exclusionReason(qsizetype index, const ToolOverrideSettings *override,
                            QString *heuristic) const;
    Tool build(const SpecOperation &operation, const ToolOverrideSettings *override);
    void applyOverrideParams(Tool &tool, QList<Candidate> &candidates,
                             const ToolOverrideSettings &override);
    void dropListsWithRead(QList<Built> &built);
    void name(QList<Built> &built);
    void compact(QList<Built> &built);

    std::shared_ptr<const Spec> m_spec;
    const ToolSettings &m_settings;
    QHash<qsizetype, const ToolOverrideSettings *> m_overrides;
    QList<Excluded> m_excluded;
    QStringList m_warnings;
};

void Generator::matchOverrides()
{
    const QList<SpecOperation> &operations = m_spec->operations();
    for (const ToolOverrideSettings &override : m_settings.overrides) {
        const SpecOperation *operation = m_spec->find(override.key);
        if (!operation) {
            m_warnings.append(
                ToolGenerator::tr("The override \"%1\" names no operation of %2: use an "
                                  "operationId or \"METHOD /path\" as the spec writes it.")
                    .arg(override.key, m_spec->sourceName()));
            continue;
        }
        const qsizetype index = operation - operations.constData();
        if (m_overrides.contains(index)) {
            m_warnings.append(
                ToolGenerator::tr("%1 has more than one override; only \"%2\" "
                                  "applies. Merge them into one.")
                    .arg(describeOperation(*operation), m_overrides.value(index)->key));
            continue;
        }
        m_overrides.insert(index, &override);
    }
}

QString Generator::exclusionReason(qsizetype index, const ToolOverrideSettings *override,
                                   QString *heuristic) const
{
    const SpecOperation &op = m_spec->operations().at(index);
    if (override && override->enabled == false) {
        *heuristic = QStringLiteral("override");
        return ToolGenerator::tr("Disabled by an override.");
    }
    Operation indexed{op.method, op.path, op.operationId, op.tags, QString()};
    if (const QString pattern = OperationIndex::excludedBy(indexed, m_settings.exclude);
        !pattern.isEmpty()) {
        *heuristic = QStringLiteral("exclude");
        return ToolGenerator::tr("Matches the exclude pattern \"%1\".").arg(pattern);
    }
    if (!m_settings.include.isEmpty() &&
        OperationIndex::excludedBy(indexed, m_settings.include).isEmpty()) {
        *heuristic = QStringLiteral("include");
        return ToolGenerator::tr("Matches none of the include patterns.");
    }
    if (m_settings.heuristics.dropDeprecated && op.deprecated &&
        !(override && override->enabled == true)) {
        *heuristic = QStringLiteral("drop_deprecated");
        return ToolGenerator::tr("Deprecated upstream; an override with enabled: true keeps it.");
    }
    return {};
}

void Generator::applyOverrideParams(Tool &tool, QList<Candidate> &candidates,
                                    const ToolOverrideSettings &override)
{
    QSet<QString> known;
    for (const Candidate &c : std::as_const(candidates))
        known.insert(c.argument.name);
    auto unknown = [&](const QString &param) {
        if (known.contains(param))
            return false;
        m_warnings.append(ToolGenerator::tr("The override \"%1\" names the parameter \"%2\", "
                                            "which %3 does not have; it was ignored.")
                              .arg(override.key, param, describeOperation(tool.operation)));
        return true;
    };
    auto supplied = [](const Candidate &c, const json &value) {
        return SuppliedArgument{c.argument.target, c.argument.name, c.argument.parameterIndex,
                                value};
    };
    for (const QString &param : override.hideParams) {
        if (unknown(param))
            continue;
        for (Candidate &c : candidates) {
            if (c.argument.name != param)
                continue;
            c.hidden = true;
            note(tool, QStringLiteral("override"), param,
                 ToolGenerator::tr("Hidden by an override; the upstream's default applies."));
            if (c.argument.required && !override.fixedParams.contains(param)) {
                m_warnings.append(
                    ToolGenerator::tr("The override \"%1\" hides the required parameter \"%2\" "
                                      "without a fixed value: calls to %3 will fail upstream. "
                                      "Give it a value with fixed_params instead.")
                        .arg(override.key, param, describeOperation(tool.operation)));
            }
        }
    }
    for (auto it = override.fixedParams.cbegin(); it != override.fixedParams.cend(); ++it) {
        if (unknown(it.key()))
            continue;
        for (Candidate &c : candidates) {
            if (c.argument.name != it.key())
                continue;
            c.hidden = true;
            tool.fixed.append(supplied(c, it.value()));
            note(tool, QStringLiteral("override"), it.key(),
                 ToolGenerator::tr("Hidden by an override and always sent as %1.")
                     .arg(QString::fromStdString(it.value().dump())));
        }
    }
    for (auto it = override.defaultParams.cbegin(); it != override.defaultParams.cend(); ++it) {
        if (unknown(it.key()))
            continue;
        for (Candidate &c : candidates) {
            if (c.argument.name != it.key() || c.hidden)
                continue;
            c.hasOverrideDefault = true;
            if (c.argument.schema.is_object())
                c.argument.schema["default"] = it.value();
            tool.defaults.append(supplied(c, it.value()));
        }
    }
}

Tool Generator::build(const SpecOperation &operation, const ToolOverrideSettings *override)
{
    const HeuristicOptions &h = m_settings.heuristics;
    const bool cutting = h.maxDescriptionChars > 0;
    const int propertyChars = std::max(1, h.maxDescriptionChars / 3);

    Tool tool;
    tool.operation = operation;
    tool.tags = operation.tags;
    tool.title = EditorialHeuristics::collapseWhitespace(operation.summary);
    const MethodTraits traits = traitsOf(operation.method);
    tool.readOnlyHint = traits.readOnly;
    tool.destructiveHint = traits.destructive;
    tool.idempotentHint = traits.idempotent;
    tool.action = traits.action;
    tool.resource = defaultResource(operation);

    if (override && override->description) {
        tool.description = override->description->trimmed();
    } else {
        const QString full = toolDescription(operation);
        tool.description = full;
        if (cutting) {
            tool.description =
                EditorialHeuristics::cut(EditorialHeuristics::collapseWhitespace(
                                             EditorialHeuristics::stripMarkdownLinks(full)),
                                         h.maxDescriptionChars);
            if (full.size() > h.maxDescriptionChars) {
                note(tool, QStringLiteral("cut_descriptions"), QStringLiteral("description"),
                     ToolGenerator::tr("Cut from %1 to %2 characters; the spec has the full text.")
                         .arg(full.size())
                         .arg(tool.description.size()));
            }
        }
    }

    // Parameters in priority order (path, query, header, cookie), then the body.
    QList<Candidate> candidates;
    QList<qsizetype> order(operation.parameters.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return locationRank(operation.parameters.at(a).in) <
               locationRank(operation.parameters.at(b).in);
    });
    const QSet<QString> credentialParams = credentialParameters(*m_spec, operation);
    for (const qsizetype i : std::as_const(order)) {
        const SpecParameter &param = operation.parameters.at(i);
        Candidate c;
        c.argument.target = targetOf(param.in);
        c.argument.name = param.name;
        c.argument.parameterIndex = int(i);
        c.argument.required = param.required;
        c.argument.schema =
            param.schema.is_object() || param.schema.is_boolean() ? param.schema : json::object();
        if (c.argument.schema.is_boolean())
            c.argument.schema =
                c.argument.schema.get<bool>() ? json::object() : json{{"not", json::object()}};
        const QString description = cutting
                                        ? EditorialHeuristics::collapseWhitespace(param.description)
                                        : param.description.trimmed();
        if (!description.isEmpty())
            c.argument.schema["description"] = description.toStdString();
        c.deprecated = param.deprecated;
        const bool header = param.in == ParameterLocation::Header;
        if (header && ToolGenerator::isReservedHeader(param.name)) {
            c.hidden = true;
            note(tool, QStringLiteral("reserved_header"), param.name,
                 ToolGenerator::tr("The gateway sets the %1 header itself; clients never pass "
                                   "it.")
                     .arg(param.name));
        } else if (credentialParams.contains(parameterLocationName(param.in) + u':' +
                                             (header ? param.name.toLower() : param.name))) {
            c.hidden = true;
            note(tool, QStringLiteral("credential"), param.name,
                 ToolGenerator::tr("Carries the API key, which the gateway adds from the "
                                   "server's credential."));
        }
        candidates.append(std::move(c));
    }

    json bodyDefs = json::object();
    if (operation.requestBody) {
        const SpecRequestBody &body = *operation.requestBody;
        if (const SpecMediaType *media = chooseBody(body)) {
            tool.bodyContentType = media->contentType;
            const std::optional<InputSchemaBuilder::ObjectBody> object =
                InputSchemaBuilder::objectBody(media->schema, m_spec->schemaDefs());
            if (object) {
                QSet<QString> required;
                if (body.required)
                    required = QSet<QString>(object->required.cbegin(), object->required.cend());
                for (auto it = object->properties.begin(); it != object->properties.end(); ++it) {
                    Candidate c;
                    c.argument.target = ArgumentTarget::BodyProperty;
                    c.argument.name = QString::fromStdString(it.key());
                    c.argument.required = required.contains(c.argument.name);
                    c.argument.schema = it.value();
                    c.deprecated = it->is_object() && it->value("deprecated", false) == true;
                    candidates.append(std::move(c));
                }
                bodyDefs = object->defs;
            } else {
                Candidate c;
                c.argument.target = ArgumentTarget::WholeBody;
                c.argument.name = QStringLiteral("body");
                c.argument.required = body.required;
                if (media->schema.is_object()) {
                    c.argument.schema = media->schema;
                } else if (!isJsonMediaType(media->contentType)) {
                    // No schema for a non-JSON body: the client sends it as text.
                    c.argument.schema = json{{"type", "string"}};
                }
                const QString description =
                    EditorialHeuristics::collapseWhitespace(body.description);
                if (!description.isEmpty() && !c.argument.schema.contains("description"))
                    c.argument.schema["description"] = description.toStdString();
                candidates.append(std::move(c));
            }
        }
    }

    if (override)
        applyOverrideParams(tool, candidates, *override);

    for (Candidate &c : candidates) {
        if (c.hidden || c.argument.required || c.hasOverrideDefault)
            continue;
        if (h.dropDeprecated && c.deprecated) {
            c.hidden = true;
            note(tool, QStringLiteral("drop_deprecated"), c.argument.name,
                 ToolGenerator::tr("Deprecated and optional: hidden."));
            continue;
        }
        if (!h.hidePagination)
            continue;
        const bool query = c.argument.target == ArgumentTarget::Query;
        const bool bodyExpand = c.argument.target == ArgumentTarget::BodyProperty &&
                                c.argument.name.startsWith(QLatin1String("expand"));
        if (!query && !bodyExpand)
            continue;
        const QString reason =
            EditorialHeuristics::paginationReason(c.argument.name, c.argument.schema);
        if (!reason.isEmpty()) {
            c.hidden = true;
            note(tool, QStringLiteral("hide_pagination"), c.argument.name, reason);
        }
    }

    InputSchemaBuilder schema;
    schema.addDefs(bodyDefs);
    for (Candidate &c : candidates) {
        if (!c.hidden)
            schema.add(std::move(c.argument));
    }
    tool.inputSchema = schema.build(tool.arguments);

    if (cutting) {
        json &properties = tool.inputSchema["properties"];
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const EditorialHeuristics::CutCount count =
                EditorialHeuristics::cutSchemaDescriptions(it.value(), propertyChars);
            if (count.cut > 0) {
                note(tool, QStringLiteral("cut_descriptions"), QString::fromStdString(it.key()),
                     ToolGenerator::tr("%n description(s) cut to %1 characters; the longest had "
                                       "%2.",
                                       nullptr, count.cut)
                         .arg(propertyChars)
                         .arg(count.longest));
            }
        }
        if (const auto defs = tool.inputSchema.find("$defs"); defs != tool.inputSchema.end()) {
            for (json &def : *defs) {
                const EditorialHeuristics::CutCount count =
                    EditorialHeuristics::cutSchemaDescriptions(def, propertyChars);
                if (count.cut > 0) {
                    note(tool, QStringLiteral("cut_descriptions"), QStringLiteral("$defs"),
                         ToolGenerator::tr("%n description(s) cut to %1 characters; the longest "
                                           "had %2.",
                                           nullptr, count.cut)
                             .arg(propertyChars)
                             .arg(count.longest));
                }
            }
        }
    }

    if (override && override->responseFields) {
        tool.responseFields = *override->responseFields;
    } else if (h.shapeResponses && hasJsonSuccessResponse(operation)) {
        tool.shapeResponse = true;
        note(tool, QStringLiteral("shape_responses"), QStringLiteral("response"),
             ToolGenerator::tr("The JSON response is shaped to its top-level fields before the "
                               "client sees it; response_fields in an override chooses them."));
    }
    if (override && override->scopes)
        tool.scopes = override->scopes->isEmpty() ? QList<QStringList>()
                                                  : QList<QStringList>{*override->scopes};
    else
        tool.scopes = securityScopes(*m_spec, operation);
    if (override) {
        if (override->credential)
            tool.credential = *override->credential;
        if (override->cost)
            tool.cost = *override->cost;
        if (override->costArgument)
            tool.costArgument = *override->costArgument;
        if (override->costFactor)
            tool.costFactor = *override->costFactor;
        if (override->refundOnFailure)
            tool.refundOnFailure = *override->refundOnFailure;
        if (override->action)
            tool.action = *override->action;
        if (override->resource) {
            const QString resource = sanitiseResource(*override->resource);
            if (!resource.isEmpty())
                tool.resource = resource;
        }
    }
    return tool;
}

void Generator::dropListsWithRead(QList<Built> &built)
{
    QSet<QString> getPaths;
    for (const Built &b : std::as_const(built)) {
        if (b.tool.operation.method == QLatin1String("GET"))
            getPaths.insert(b.tool.operation.path);
    }
    static const QRegularExpression item(QStringLiteral("^/\\{[^/{}]+\\}$"));
    for (qsizetype i = 0; i < built.size();) {
        const Built &b = built.at(i);
        const SpecOperation &op = b.tool.operation;
        QString readPath;
        if (op.method == QLatin1String("GET") && !op.path.endsWith(u'}') &&
            !(b.override && b.override->enabled == true)) {
            for (const QString &path : std::as_const(getPaths)) {
                if (path.size() > op.path.size() && path.startsWith(op.path) &&
                    item.match(QStringView(path).mid(op.path.size())).hasMatch() &&
                    (readPath.isEmpty() || path < readPath))
                    readPath = path;
            }
        }
        if (readPath.isEmpty()) {
            ++i;
            continue;
        }
        m_excluded.append(Excluded{
            b.operationIndex,
            ExcludedOperation{op.method, op.path, op.operationId,
                              QStringLiteral("drop_list_with_read"),
                              ToolGenerator::tr("A list endpoint: GET %1 reads each item, so "
                                                "drop_list_with_read leaves the list out.")
                                  .arg(readPath)}});
        built.removeAt(i);
    }
}

void Generator::compact(QList<Built> &built)
{
    // A required parameter described the same way in this many tools (GitHub's owner, repo and
    // org) is listed without its description: clients learn nothing new from it per tool.
    constexpr int kRecurring = 5;
    QHash<QString, int> counts;
    for (const Built &b : std::as_const(built)) {
        const json &schema = b.tool.inputSchema;
        const auto properties = schema.find("properties");
        const auto required = schema.find("required");
        if (properties == schema.end() || required == schema.end() || !required->is_array())
            continue;
        for (const json &name : *required) {
            if (!name.is_string())
                continue;
            const auto param = properties->find(name.get<std::string>());
            if (param != properties->end() && param->is_object() &&
                param->contains("description") && param->at("description").is_string())
                ++counts[EditorialHeuristics::recurringKey(
                    QString::fromStdString(name.get<std::string>()),
                    QString::fromStdString(param->at("description").get<std::string>()))];
        }
    }
    QSet<QString> recurring;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() >= kRecurring)
            recurring.insert(it.key());

    const int owners = m_settings.heuristics.maxDescriptionChars;
    const int maxChars = owners > 0 ? std::min(owners, EditorialHeuristics::kMaxBriefChars)
                                    : EditorialHeuristics::kMaxBriefChars;
    for (Built &b : built) {
        Tool &tool = b.tool;
        const bool ownDescription = b.override && b.override->description;
        tool.listedDescription =
            ownDescription
                ? tool.description
                : EditorialHeuristics::briefDescription(tool.title, tool.description, maxChars);
        tool.listedSchema = EditorialHeuristics::compactSchema(tool.inputSchema, recurring);
        note(tool, QStringLiteral("compact_schemas"), QStringLiteral("inputSchema"),
             ToolGenerator::tr("tools/list shows a brief description and a compact schema "
                               "(short prose on required parameters only, objects two levels "
                               "deep, no long enums); get_tool_schema gives the whole of both."));
    }
}

void Generator::name(QList<Built> &built)
{
    QList<ToolNamer::Request> requests;
    requests.reserve(built.size());
    for (const Built &b : std::as_const(built)) {
        const SpecOperation &op = b.tool.operation;
        ToolNamer::Request request;
        request.key = op.key();
        if (b.override && b.override->name) {
            const QString wanted = b.override->name->trimmed();
            if (OperationIndex::isValidToolName(wanted)) {
                request.wanted = wanted;
                request.fromOverride = true;
            } else {
                request.wanted =
                    ToolNamer::defaultName(op.operationId, op.method, op.path, &request.truncated);
                m_warnings.append(ToolGenerator::tr("The override \"%1\" names the tool \"%2\", "
                                                    "which does not match ^[A-Za-z0-9_-]{1,64}$; "
                                                    "the tool is named \"%3\" instead.")
                                      .arg(b.override->key, wanted, request.wanted));
            }
        } else {
            request.wanted =
                ToolNamer::defaultName(op.operationId, op.method, op.path, &request.truncated);
        }
        requests.append(request);
    }
    const QList<ToolNamer::Naming> names = ToolNamer::assign(requests);
    for (qsizetype i = 0; i < built.size(); ++i) {
        Tool &tool = built[i].tool;
        tool.name = names.at(i).name;
        if (!names.at(i).note.isEmpty()) {
            note(tool, QStringLiteral("naming"), QStringLiteral("name"), names.at(i).note);
            if (requests.at(i).fromOverride) {
                m_warnings.append(
                    ToolGenerator::tr("The override \"%1\" names the tool \"%2\", "
                                      "which another override also uses; it is "
                                      "named \"%3\".")
                        .arg(built.at(i).override->key, requests.at(i).wanted, tool.name));
            }
        }
    }
}

ToolCatalog Generator::run()
{
    ToolCatalog catalog;
    catalog.spec = m_spec;
    if (!m_spec)
        return catalog;
    matchOverrides();
    const QList<SpecOperation> &operations = m_spec->operations();
    QList<Built> built;
    built.reserve(operations.size());
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const SpecOperation &op = operations.at(i);
        const ToolOverrideSettings *override = m_overrides.value(i, nullptr);
        QString heuristic;
        const QString reason = exclusionReason(i, override, &heuristic);
        if (!reason.isEmpty()) {
            m_excluded.append(Excluded{
                i, ExcludedOperation{op.method, op.path, op.operationId, heuristic, reason}});
            continue;
        }
        built.append(Built{i, build(op, override), override});
    }
    if (m_settings.heuristics.dropListWithRead)
        dropListsWithRead(built);
    name(built);
    if (m_settings.heuristics.compactSchemas)
        compact(built);

    catalog.tools.reserve(built.size());
    for (Built &b : built) {
        // A YAML spec can carry invalid UTF-8 in its strings: replaced, never thrown.
        b.tool.estimatedTokens = estimateTokens(QByteArray::fromStdString(
            b.tool.descriptor().dump(-1, ' ', false, json::error_handler_t::replace)));
        catalog.byName.insert(b.tool.name, catalog.tools.size());
        catalog.tools.append(std::move(b.tool));
    }
    std::stable_sort(
        m_excluded.begin(), m_excluded.end(),
        [](const Excluded &a, const Excluded &b) { return a.operationIndex < b.operationIndex; });
    for (Excluded &e : m_excluded)
        catalog.excluded.append(std::move(e.entry));
    catalog.warnings = m_warnings;
    return catalog;
}

} // namespace

ToolCatalog ToolGenerator::generate(std::shared_ptr<const Spec> spec, const ToolSettings &settings)
{
    return Generator(std::move(spec), settings).run();
}

bool ToolGenerator::isReservedHeader(QStringView name)
{
    for (const char16_t *reserved :
         {u"Authorization", u"Cookie", u"Host", u"Content-Length", u"Content-Type", u"Accept"}) {
        if (name.compare(reserved, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace gatehouse::openapi
