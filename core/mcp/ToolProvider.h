#pragma once

#include "Result.h"
#include "mcp/CancellationToken.h"
#include "mcp/JsonRpc.h"
#include "mcp/LogLevel.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace gatehouse::mcp {

// Who is calling, as far as the MCP layer needs to know; the gateway maps its oauth Principal
// to this and keeps anything richer in its ToolProvider implementation.
struct Caller
{
    QString subject;
    QString clientId;
    QStringList scopes;
    // The token the request came with (its SHA-256, as stored) and its spend cap, if any: a
    // call's cost is reserved against it.
    QString tokenHash;
    std::optional<double> spendCap;
    // The token is not narrowed: scopes hold every action on the server, so none can be missing.
    bool everyAction = false;
};

// One tool as tools/list shows it. The schemas and annotations are raw JSON objects, serialised
// once when the catalog is compiled and spliced into every listing as they are.
struct ToolDescriptor
{
    QString name;
    QString title; // shown from protocol 2025-06-18 on
    QString description;
    QByteArray inputSchema;  // JSON object; empty means {"type":"object"}
    QByteArray outputSchema; // JSON object or empty; shown from protocol 2025-06-18 on
    QByteArray annotations;  // JSON object or empty
    QByteArray icons;        // JSON array or empty; shown from protocol 2025-11-25 on
};

struct ToolList
{
    // Changes whenever the list visible to a caller may have changed; pagination cursors are bound
    // to it.
    quint64 version = 0;
    std::vector<ToolDescriptor> tools; // in a stable order
};

// The answer of a tool, as a complete CallToolResult JSON object (server/tools "Tool Result"),
// spliced into the JSON-RPC response without being parsed again. Tool execution errors (upstream
// failed, bad input values) belong here with "isError": true, not in an Error.
struct ToolResult
{
    ToolResult() = default;
    explicit ToolResult(QByteArray json, int upstreamStatus = 0, bool isError = false)
        : json(std::move(json))
        , upstreamStatus(upstreamStatus)
        , isError(isError)
    {}

    QByteArray json;
    // For the audit log, never sent: the HTTP status the upstream answered (0: no upstream
    // answer, e.g. refused before the call or a network failure) and whether it is an error.
    int upstreamStatus = 0;
    bool isError = false;
    // A call a limit stopped before it ran: answered as this JSON-RPC error instead of a result;
    // a body holding only this call gets the HTTP status 429 and Retry-After (RFC 6585 section 4).
    struct Limited
    {
        int code = 0;
        QString message;
        Json data;
        qint64 retryAfterSeconds = 0;
    };
    std::optional<Limited> limited;

    static ToolResult text(const QString &text, bool isError = false);
};

struct ToolCallContext
{
    Caller caller;
    Json requestId;
    CancellationToken cancellation;
    // Sends notifications/progress when the client asked for it; drops values that do not
    // increase and anything after the call completed.
    std::function<void(double progress, std::optional<double> total, const QString &message)>
        progress;
    // Sends notifications/message on the request's stream, filtered by logging/setLevel.
    std::function<void(LogLevel level, const QString &logger, const Json &data)> log;
};

using ToolCallback = std::function<void(Result<ToolResult>)>;

// The tools a session serves: the gateway's catalog, dispatching to upstreams.
class ToolProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The tools visible to `caller`, read from an in-memory snapshot (no I/O).
    virtual ToolList list(const Caller &caller) = 0;

    // Calls `done` exactly once, now or later on this thread. After the context's cancellation
    // token fires the provider should stop and may skip `done`. Errors map to JSON-RPC errors:
    // NotFound -> -32602 (unknown tool), InvalidArgument/Validation -> -32602,
    // PermissionDenied -> a tool result with isError, anything else -> -32603.
    virtual void call(const QString &name, const Json &arguments, ToolCallContext context,
                      ToolCallback done) = 0;

Q_SIGNALS:
    // The set of tools changed (sessions send notifications/tools/list_changed).
    void toolsChanged();
};

} // namespace gatehouse::mcp
