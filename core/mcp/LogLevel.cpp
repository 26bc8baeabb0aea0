#include "LogLevel.h"

#include <array>

namespace gatehouse::mcp {

namespace {
constexpr std::array<const char *, 8> kNames = {"debug", "info",     "notice", "warning",
                                                "error", "critical", "alert",  "emergency"};
}

std::optional<LogLevel> parseLogLevel(std::string_view name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == kNames[i])
            return LogLevel(i);
    }
    return std::nullopt;
}

const char *logLevelName(LogLevel level)
{
    return kNames[size_t(level)];
}

} // namespace gatehouse::mcp
