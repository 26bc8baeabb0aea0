#pragma once

#include <optional>
#include <string_view>

namespace gatehouse::mcp {

// server/utilities/logging "Log Levels" (RFC 5424 severities), least severe first.
enum class LogLevel
{
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Critical,
    Alert,
    Emergency,
};

std::optional<LogLevel> parseLogLevel(std::string_view name);
const char *logLevelName(LogLevel level);

} // namespace gatehouse::mcp
