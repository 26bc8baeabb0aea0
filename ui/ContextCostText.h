#pragma once

#include "gateway/ServerImport.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse::ui {

// The one line that tells what a client receives at session start, per discovery mode
// ("4 tools · ≈251 tokens · hierarchical: ≈310 tokens · search: ≈280 tokens"), and the tooltip
// that says how the estimate is made.
class ContextCostText
{
    Q_DECLARE_TR_FUNCTIONS(ContextCostText)

public:
    static QString line(const gateway::ContextCost &cost);
    static QString toolTip(const gateway::ContextCost &cost, gateway::DiscoveryMode mode);
    static QString tokens(int tokens); // "≈3,120"
};

} // namespace gatehouse::ui
