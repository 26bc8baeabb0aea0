#pragma once

#include "Tool.h"

#include <QCoreApplication>

#include <memory>

namespace gatehouse::openapi {

// Turns a loaded spec into a server's tools: one per operation, then the owner's include/exclude
// patterns and overrides, then the editorial heuristics (HeuristicOptions). Everything it leaves
// out or changes is recorded (ExcludedOperation, EditorialNote) with a reason; configuration that
// names nothing (an override of no operation, a parameter the operation lacks) is a warning.
// The result depends only on the spec and the settings: names do not depend on operation order.
class ToolGenerator
{
    Q_DECLARE_TR_FUNCTIONS(ToolGenerator)

public:
    static ToolCatalog generate(std::shared_ptr<const Spec> spec, const ToolSettings &settings);

    // Headers a client never passes: the gateway sets them (credentials, content negotiation,
    // framing). Compared case-insensitively.
    static bool isReservedHeader(QStringView name);
};

} // namespace gatehouse::openapi
