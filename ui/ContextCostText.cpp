#include "ContextCostText.h"

#include <QLocale>

namespace gatehouse::ui {

QString ContextCostText::tokens(int tokens)
{
    return tr("≈%1").arg(QLocale().toString(tokens));
}

QString ContextCostText::line(const gateway::ContextCost &cost)
{
    const QString tools =
        cost.tools == 1 ? tr("1 tool") : tr("%1 tools").arg(QLocale().toString(cost.tools));
    return tr("%1 · %2 tokens · hierarchical: %3 tokens · search: %4 tokens")
        .arg(tools, tokens(cost.flat), tokens(cost.hierarchical), tokens(cost.search));
}

QString ContextCostText::toolTip(const gateway::ContextCost &cost, gateway::DiscoveryMode mode)
{
    return tr("What an MCP client reads at session start (its tools/list), in tokens of its "
              "context window. Flat lists every tool; hierarchical and search list a few "
              "finding tools instead. This server uses %1: %2 tokens. Estimated from the JSON's "
              "size (about 4.4 bytes per token); a model's own tokenizer may count some "
              "percent more or less.")
        .arg(gateway::discoveryModeName(mode), tokens(cost.tokens(mode)));
}

} // namespace gatehouse::ui
