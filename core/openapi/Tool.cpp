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

nlohmann::json Tool::descriptor() const
{
    nlohmann::json out = nlohmann::json::object();
    out["name"] = name.toStdString();
    if (!title.isEmpty())
        out["title"] = title.toStdString();
    out["description"] = description.toStdString();
    out["inputSchema"] = inputSchema;
    // MCP 2025-11-25 ToolAnnotations: destructiveHint defaults to true and idempotentHint to
    // false when absent, so all three are written.
    out["annotations"] = {
        {"readOnlyHint", readOnlyHint},
        {"destructiveHint", destructiveHint},
        {"idempotentHint", idempotentHint},
    };
    return out;
}

int ToolCatalog::estimatedTokens() const
{
    int total = 0;
    for (const Tool &tool : tools)
        total += tool.estimatedTokens;
    return total;
}

int estimateTokens(const QByteArray &json)
{
    // An estimate, not a count. Measured with gpt-tokenizer (o200k_base) on the compact tools/list
    // JSON generated here: 4.6-4.7 bytes per token for GitHub's tools, 4.2-4.3 for Stripe's
    // (enums and short keys), so 4.4 is within about 7% of both.
    return int(std::ceil(double(json.size()) / 4.4));
}

} // namespace gatehouse::openapi
