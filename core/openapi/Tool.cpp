#include "Tool.h"

#include <cmath>

namespace gatehouse::openapi {

QString toolActionName(ToolAction action)
{
    switch (action) {
    case ToolAction::Read:
        return QStringLiteral("read");
    case ToolAction::Create:
        return QStringLiteral("create");
    case ToolAction::Update:
        return QStringLiteral("update");
    case ToolAction::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

std::optional<ToolAction> toolActionFromName(QStringView name)
{
    for (const ToolAction action :
         {ToolAction::Read, ToolAction::Create, ToolAction::Update, ToolAction::Delete}) {
        if (name == toolActionName(action))
            return action;
    }
    return std::nullopt;
}

nlohmann::json Tool::annotations() const
{
    // Only the hints that differ from MCP's defaults (readOnlyHint false, destructiveHint true,
    // idempotentHint false; schema "ToolAnnotations"), and the last two only matter when
    // readOnlyHint is false: a large catalog pays for every byte.
    nlohmann::json hints = nlohmann::json::object();
    if (readOnlyHint) {
        hints["readOnlyHint"] = true;
    } else {
        if (!destructiveHint)
            hints["destructiveHint"] = false;
        if (idempotentHint)
            hints["idempotentHint"] = true;
    }
    return hints;
}

namespace {

nlohmann::json makeDescriptor(const Tool &tool, const QString &description,
                              const nlohmann::json &schema, bool withTitle)
{
    nlohmann::json out = nlohmann::json::object();
    out["name"] = tool.name.toStdString();
    if (withTitle && !tool.title.isEmpty())
        out["title"] = tool.title.toStdString();
    out["description"] = description.toStdString();
    out["inputSchema"] = schema;
    nlohmann::json hints = tool.annotations();
    if (!hints.empty())
        out["annotations"] = std::move(hints);
    return out;
}

} // namespace

nlohmann::json Tool::descriptor() const
{
    if (listedSchema.is_null())
        return fullDescriptor();
    // The brief description starts with the title, so the title would only repeat it.
    return makeDescriptor(*this, listedDescription, listedSchema,
                          !listedDescription.startsWith(title));
}

nlohmann::json Tool::fullDescriptor() const
{
    return makeDescriptor(*this, description, inputSchema, true);
}

int ToolCatalog::estimatedTokens() const
{
    int total = 0;
    for (const Tool &tool : tools)
        total += tool.estimatedTokens;
    return total;
}

QList<QStringList> securityScopes(const Spec &spec, const SpecOperation &operation)
{
    QList<QStringList> out;
    for (const SecurityRequirement &requirement : operation.security) {
        QStringList scopes;
        for (auto it = requirement.cbegin(); it != requirement.cend(); ++it) {
            const auto scheme = spec.securitySchemes().constFind(it.key());
            if (scheme == spec.securitySchemes().cend() ||
                (scheme->type.compare(u"oauth2", Qt::CaseInsensitive) != 0 &&
                 scheme->type.compare(u"openIdConnect", Qt::CaseInsensitive) != 0))
                continue;
            for (const QString &scope : it.value())
                if (!scope.isEmpty() && !scopes.contains(scope))
                    scopes.append(scope);
        }
        if (scopes.isEmpty())
            return {};
        if (!out.contains(scopes))
            out.append(scopes);
    }
    return out;
}

int estimateTokens(const QByteArray &json)
{
    // An estimate, not a count. Measured with gpt-tokenizer (o200k_base) on the compact tools/list
    // JSON generated here: 4.6-4.7 bytes per token for GitHub's tools, 4.2-4.3 for Stripe's
    // (enums and short keys), so 4.4 is within about 7% of both.
    return int(std::ceil(double(json.size()) / 4.4));
}

} // namespace gatehouse::openapi
