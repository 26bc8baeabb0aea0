#pragma once

#include "http/Response.h"
#include "mcp/ServerSession.h"
#include "mcp/SessionId.h"
#include "mcp/SessionRegistry.h"
#include "mcp/ToolProvider.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace gatehouse::http {
class Request;
class Responder;
} // namespace gatehouse::http

namespace gatehouse::gateway {

class Gateway;

// The Streamable HTTP transport (MCP 2025-11-25, basic/transports) for the /mcp/{server}
// endpoints on one worker thread: POST carries one JSON-RPC body and is answered with JSON or an
// SSE stream, GET opens the session's notification stream, DELETE ends the session. Sessions are
// self-contained signed ids, so this object only caches the session state it has rebuilt.
class McpEndpoint : public QObject
{
    Q_OBJECT
public:
    struct Context
    {
        const mcp::SessionId *sessionIds = nullptr;     // verify/issue (thread-safe)
        const mcp::SessionRegistry *registry = nullptr; // ended sessions (thread-safe)
        std::function<Result<mcp::SessionInfo>(const QString &id, const QString &subject)>
            endSession;
        std::function<std::unique_ptr<mcp::ToolProvider>(const QString &server)> providerFactory;
        QByteArray cursorKey;
        // Hands a notifications/cancelled body to every worker's endpoint: the call it cancels
        // may run on another worker than the one whose connection carried the notification.
        std::function<void(const QByteArray &nonce, const QByteArray &body, const QString &version)>
            broadcastCancel;
        std::function<void(McpEndpoint *)> destroyed;
        // Before a tools/call reaches its session: the HTTP answer for a call the caller's token
        // lacks the scope for (403 insufficient_scope), or nothing. Unset: no check. (Limits are
        // counted per call by the tool provider, which sees every call however the body spells
        // it; a 429 comes back through the session's reply.)
        std::function<std::optional<http::Response>(const QString &server, const mcp::Caller &,
                                                    const QString &tool)>
            scopeGate;
    };

    McpEndpoint(Context context, QObject *parent = nullptr);
    ~McpEndpoint() override;

    void handle(const QString &server, const mcp::Caller &caller, const http::Request &request,
                std::shared_ptr<http::Responder> responder);
    // The catalog changed: each provider tells its sessions (notifications/tools/list_changed).
    void catalogChanged();
    // A cancellation that arrived on another worker: applied when this worker runs the call.
    void deliverCancel(const QByteArray &nonce, const QByteArray &body, const QString &version);

private:
    struct CachedSession
    {
        std::shared_ptr<mcp::ServerSession> session;
        QElapsedTimer lastUsed;
        int streams = 0; // open GET streams: the session stays cached while one is open
    };

    void post(const QString &server, const mcp::Caller &caller, const http::Request &request,
              std::shared_ptr<http::Responder> responder);
    void get(const QString &server, const mcp::Caller &caller, const http::Request &request,
             std::shared_ptr<http::Responder> responder);
    void remove(const QString &server, const mcp::Caller &caller, const http::Request &request,
                std::shared_ptr<http::Responder> responder);
    mcp::ToolProvider *provider(const QString &server);
    // SessionId::verify with a per-worker memory of ids already verified: checking the MAC costs
    // two HMACs, the most expensive step of a tools/call; expiry and ends are still checked.
    Result<mcp::SessionInfo> verifySession(const QString &id, const QString &subject);
    mcp::ServerSession *session(const QString &server, const mcp::Caller &caller,
                                const mcp::SessionInfo &info);
    std::unique_ptr<mcp::ServerSession> newSession(const QString &server,
                                                   const mcp::Caller &caller);
    void evictIdle();

    Context m_context;
    // Declared before the sessions, which point at them, so they outlive them.
    QHash<QString, std::shared_ptr<mcp::ToolProvider>> m_providers;
    QHash<QByteArray, CachedSession> m_sessions; // by session nonce
    struct Verified
    {
        QString subject;
        mcp::SessionInfo info;
    };
    QHash<QString, Verified> m_verified; // by session id
    QTimer m_evict;
};

} // namespace gatehouse::gateway
