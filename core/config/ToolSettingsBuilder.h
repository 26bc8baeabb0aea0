#pragma once

#include "Config.h"
#include "openapi/Tool.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QList>

namespace gatehouse::config {

// The editorial settings of one server's tool generator, from where the owner keeps them: a
// configuration file (`gatehouse openapi inspect --config`) or the store (the gateway). Absent
// keys take the generator's defaults (openapi::HeuristicOptions), so both give equal settings
// for the same configuration.
class ToolSettingsBuilder
{
public:
    static openapi::ToolSettings fromConfig(const ServerConfig &server);
    // overrides: the server's, in their order; entries of another server are skipped.
    static openapi::ToolSettings fromStore(const store::Server &server,
                                           const QList<store::ToolOverride> &overrides);
};

} // namespace gatehouse::config
