#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::mcp {

// The MCP revisions Gatehouse speaks and what differs between them.
class ProtocolVersion
{
public:
    static const QString V2025_11_25;
    static const QString V2025_06_18;
    static const QString V2025_03_26;

    // Features that exist only in some revisions.
    enum class Feature
    {
        Batching,              // JSON-RPC batches: 2025-03-26 only (2025-06-18 removed them)
        ProtocolVersionHeader, // MCP-Protocol-Version on every HTTP request: 2025-06-18 and later
        ToolTitle,             // Tool.title, outputSchema, structuredContent: 2025-06-18 and later
        Icons,                 // icons on tools and implementations: 2025-11-25 and later
    };

    // Newest first.
    static QStringList supported();
    static QString latest() { return V2025_11_25; }
    static bool isSupported(const QString &version);

    // lifecycle "Version Negotiation": answer the requested version when supported, otherwise the
    // latest one we support (the client then decides whether to disconnect).
    static QString negotiate(const QString &requested);

    // transports "Protocol Version Header" for requests after initialize. `header` is the value of
    // MCP-Protocol-Version (nullopt when absent); `sessionVersion` the version negotiated at
    // initialize, when the caller knows it. An absent header falls back to the session's version,
    // else to 2025-03-26 (backwards compatibility). An unsupported value is an
    // ErrorCode::InvalidArgument error, which the HTTP layer MUST answer with 400.
    static Result<QString> resolve(const std::optional<QString> &header,
                                   const std::optional<QString> &sessionVersion = std::nullopt);

    static bool supports(const QString &version, Feature feature);
};

} // namespace gatehouse::mcp
