#include "McpEndpoint.h"

#include "Logging.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "mcp/JsonRpc.h"
#include "mcp/ProtocolVersion.h"
#include "mcp/SessionId.h"

#include <QCoreApplication>

namespace gatehouse::gateway {

namespace {
constexpr auto kIdleSession = std::chrono::minutes(30);
// JSON-RPC's "server error" range, as the transports page's examples use for transport errors.
constexpr int kTransportError = -32000;

bool listsType(QByteArrayView accept, QByteArrayView type)
{
    const QByteArray lower = accept.toByteArray().toLower();
    return lower.contains(type) || lower.contains("*/*");
}

http::Response rpcError(int status, const QString &message, int code = kTransportError)
{
    return http::Response::json(status, mcp::JsonRpc::error(mcp::Json(), code, message));
}

std::optional<QString> headerValue(const http::Request &request, QByteArrayView name)
{
    const QByteArray value = request.header(name);
    if (value.isNull())
        return std::nullopt;
    return QString::fromLatin1(value.trimmed());
}

// What a session id is bound to: the caller and the server it was opened on. A session opened
// on one server must not serve another: its provider is that server's, while the bearer token
// (its audience, its scopes) was checked for the server in the URL.
QString sessionSubject(const QString &server, const mcp::Caller &caller)
{
    return caller.subject + QChar(0x1f) + server;
}

// The HTTP answer to a session id that did not verify (transports, Session Management).
http::Response sessionRefused(const Error &error)
{
    if (error.code() == ErrorCode::PermissionDenied)
        return rpcError(
            403, McpEndpoint::tr("this MCP session belongs to another caller or was opened on "
                                 "another server: start your own session on this server with "
                                 "initialize"));
    return rpcError(
        404, McpEndpoint::tr("the MCP session is unknown, expired or ended: start a new one with "
                             "initialize"));
}
} // namespace

McpEndpoint::McpEndpoint(Context context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    m_evict.setInterval(std::chrono::minutes(1));
    connect(&m_evict, &QTimer::timeout, this, &McpEndpoint::evictIdle);
    m_evict.start();
}

McpEndpoint::~McpEndpoint()
{
    if (m_context.destroyed)
        m_context.destroyed(this);
    m_sessions.clear(); // before the providers they point at
}

void McpEndpoint::handle(const QString &server, const mcp::Caller &caller,
                         const http::Request &request, std::shared_ptr<http::Responder> responder)
{
    const QByteArray &method = request.method();
    if (method == "POST")
        post(server, caller, request, std::move(responder));
    else if (method == "GET")
        get(server, caller, request, std::move(responder));
    else if (method == "DELETE")
        remove(server, caller, request, std::move(responder));
    else
        responder->respond(
            http::Response(405, {{"Allow", "GET, POST, DELETE"}},
                           mcp::JsonRpc::error(mcp::Json(), kTransportError,
                                               McpEndpoint::tr("the MCP endpoint answers GET, "
                                                               "POST and DELETE"))));
}

mcp::ToolProvider *McpEndpoint::provider(const QString &server)
{
    auto it = m_providers.find(server);
    if (it == m_providers.end())
        it = m_providers.insert(server, std::shared_ptr<mcp::ToolProvider>(
                                            m_context.providerFactory(server).release()));
    return it->get();
}

std::unique_ptr<mcp::ServerSession> McpEndpoint::newSession(const QString &server,
                                                            const mcp::Caller &caller)
{
    mcp::ServerSession::Options options;
    options.cursorKey = m_context.cursorKey;
    return std::make_unique<mcp::ServerSession>(provider(server), caller, options);
}

Result<mcp::SessionInfo> McpEndpoint::verifySession(const QString &id, const QString &subject)
{
    constexpr qsizetype kMaxRemembered = 4096;
    const auto it = m_verified.constFind(id);
    if (it != m_verified.constEnd() && it->subject == subject &&
        it->info.expiresAt > QDateTime::currentDateTimeUtc() &&
        !(m_context.registry && m_context.registry->isEnded(it->info.nonce)))
        return it->info;
    auto info = m_context.sessionIds->verify(id, subject);
    if (info.ok()) {
        if (m_verified.size() >= kMaxRemembered)
            m_verified.clear();
        m_verified.insert(id, Verified{subject, *info});
    }
    return info;
}

mcp::ServerSession *McpEndpoint::session(const QString &server, const mcp::Caller &caller,
                                         const mcp::SessionInfo &info)
{
    auto it = m_sessions.find(info.nonce);
    if (it == m_sessions.end()) {
        CachedSession cached;
        cached.session = newSession(server, caller);
        cached.session->resume(info.protocolVersion);
        it = m_sessions.insert(info.nonce, std::move(cached));
    } else {
        // The same user may come back with another token (refreshed, narrower, capped): calls
        // are made, narrowed and charged with the one this request carries.
        it->session->setCaller(caller);
    }
    it->lastUsed.start();
    return it->session.get();
}

void McpEndpoint::post(const QString &server, const mcp::Caller &caller,
                       const http::Request &request, std::shared_ptr<http::Responder> responder)
{
    const QByteArray accept = request.header("accept");
    const bool acceptsSse = listsType(accept, "text/event-stream");
    if (!accept.isEmpty() && !listsType(accept, "application/json") && !acceptsSse)
        return responder->respond(rpcError(
            406, McpEndpoint::tr("Accept must list application/json and text/event-stream")));
    if (!request.header("content-type").trimmed().toLower().startsWith("application/json"))
        return responder->respond(rpcError(
            415, McpEndpoint::tr("send the JSON-RPC message with Content-Type: application/json")));

    // A step-up challenge must be an HTTP answer, so scope is checked before the session runs the
    // call. Only bodies that can be a tools/call are parsed for it; a call this misses (a batch,
    // an escaped method name) is still refused by the provider, as a tool error.
    // Parsed once, within the limits a session parses with, and handed to the session.
    std::optional<mcp::Json> parsed;
    // A token that is not narrowed cannot miss a scope: nothing to check before the session.
    if (m_context.scopeGate && !caller.everyAction && request.body().contains("tools/call")) {
        if (auto value = mcp::JsonRpc::parse(request.body(), mcp::ServerSession::Options().limits))
            parsed = std::move(value).value();
        static const mcp::Json kNotParsed;
        const mcp::Json &message = parsed ? *parsed : kNotParsed;
        if (message.is_object() && message.value("method", mcp::Json()) == "tools/call") {
            const mcp::Json params = message.value("params", mcp::Json::object());
            QString tool;
            if (params.is_object() && params.value("name", mcp::Json()).is_string()) {
                tool = QString::fromStdString(params["name"].get<std::string>());
                const mcp::Json inner = params.value("arguments", mcp::Json::object());
                if (tool == u"call_tool" && inner.is_object() &&
                    inner.value("name", mcp::Json()).is_string())
                    tool = QString::fromStdString(inner["name"].get<std::string>());
            }
            if (!tool.isEmpty()) {
                if (auto refused = m_context.scopeGate(server, caller, tool))
                    return responder->respond(std::move(*refused));
            }
        }
    }

    const std::optional<QString> sessionHeader = headerValue(request, "mcp-session-id");
    mcp::ServerSession *target = nullptr;
    std::unique_ptr<mcp::ServerSession> fresh;
    QByteArray nonce;
    QString version;
    if (!sessionHeader) {
        // Only initialize may come without a session (transports, Session Management).
        const auto decoded = mcp::JsonRpc::decode(request.body());
        if (!decoded.ok())
            return responder->respond(http::Response::json(
                400, mcp::JsonRpc::error(mcp::Json(), mcp::JsonRpc::errorCodeFor(decoded.error()),
                                         decoded.error().message())));
        const bool initialize = !decoded->batch && decoded->items.size() == 1 &&
                                decoded->items.front().isRequest() &&
                                decoded->items.front().message.method == "initialize";
        if (!initialize)
            return responder->respond(rpcError(
                400, McpEndpoint::tr("missing Mcp-Session-Id header: send initialize first and "
                                     "then the session id it returns with every request")));
        fresh = newSession(server, caller);
        target = fresh.get();
        version = mcp::ProtocolVersion::latest();
    } else {
        const auto info = verifySession(*sessionHeader, sessionSubject(server, caller));
        if (!info.ok())
            return responder->respond(sessionRefused(info.error()));
        const auto resolved = mcp::ProtocolVersion::resolve(
            headerValue(request, "mcp-protocol-version"), info->protocolVersion);
        if (!resolved.ok())
            return responder->respond(rpcError(400, resolved.error().message()));
        version = *resolved;
        nonce = info->nonce;
        target = session(server, caller, *info);
    }

    struct Exchange
    {
        bool returned = false;
        bool streaming = false;
        std::optional<mcp::ServerSession::Reply> syncReply;
        QList<QByteArray> pending;
    };
    auto exchange = std::make_shared<Exchange>();
    auto related = [exchange, responder](const QByteArray &message) {
        if (exchange->streaming)
            responder->sendEvent(message, "message");
        else
            exchange->pending << message; // a JSON answer has no room for them
    };
    auto done = [exchange, responder](const mcp::ServerSession::Reply &reply) {
        if (!exchange->returned) {
            exchange->syncReply = reply;
            return;
        }
        if (exchange->streaming) {
            if (reply.kind == mcp::ServerSession::Reply::Kind::Response ||
                reply.kind == mcp::ServerSession::Reply::Kind::Rejected)
                responder->sendEvent(reply.body, "message");
            responder->close();
            return;
        }
        if (reply.kind == mcp::ServerSession::Reply::Kind::Response ||
            reply.kind == mcp::ServerSession::Reply::Kind::Rejected) {
            http::Response response = http::Response::json(reply.httpStatus, reply.body);
            if (reply.retryAfterSeconds > 0)
                response.headers().add("Retry-After", QByteArray::number(reply.retryAfterSeconds));
            responder->respond(std::move(response));
        } else {
            responder->respond(http::Response(202));
        }
    };
    target->handle(request.body(), version, related, done, std::move(parsed));
    exchange->returned = true;
    if (!nonce.isEmpty() && m_context.broadcastCancel &&
        request.body().contains("notifications/cancelled"))
        m_context.broadcastCancel(nonce, request.body(), version);

    if (exchange->syncReply) {
        const mcp::ServerSession::Reply &reply = *exchange->syncReply;
        http::Headers headers;
        if (fresh && !reply.initializedVersion.isEmpty()) {
            const auto id = m_context.sessionIds->issue(sessionSubject(server, caller),
                                                        reply.initializedVersion);
            if (!id.ok())
                return responder->respond(rpcError(500, id.error().message(), -32603));
            const auto info = m_context.sessionIds->verify(*id, sessionSubject(server, caller));
            if (info.ok()) {
                // Keep the object that answered initialize: it holds the negotiated state.
                CachedSession cached;
                cached.session = std::move(fresh);
                cached.lastUsed.start();
                m_sessions.insert(info->nonce, std::move(cached));
            }
            headers.add("Mcp-Session-Id", id->toLatin1());
        }
        if (reply.kind == mcp::ServerSession::Reply::Kind::Accepted ||
            reply.kind == mcp::ServerSession::Reply::Kind::NoResponse)
            return responder->respond(http::Response(202, std::move(headers)));
        headers.add("Content-Type", "application/json");
        // RFC 9110 section 10.2.3, in seconds.
        if (reply.retryAfterSeconds > 0)
            headers.add("Retry-After", QByteArray::number(reply.retryAfterSeconds));
        return responder->respond(http::Response(reply.httpStatus, std::move(headers), reply.body));
    }
    if (fresh) // initialize answers at once; anything else would leave the session orphaned
        return responder->respond(
            rpcError(500, McpEndpoint::tr("initialize did not complete at once"), -32603));
    if (!acceptsSse)
        return; // `done` answers with JSON when the call completes
    exchange->streaming = true;
    responder->startStream(200);
    for (const QByteArray &message : std::as_const(exchange->pending))
        responder->sendEvent(message, "message");
    exchange->pending.clear();
}

void McpEndpoint::get(const QString &server, const mcp::Caller &caller,
                      const http::Request &request, std::shared_ptr<http::Responder> responder)
{
    if (!listsType(request.header("accept"), "text/event-stream"))
        return responder->respond(rpcError(
            406, McpEndpoint::tr("GET opens an event stream: send Accept: text/event-stream")));
    const std::optional<QString> sessionHeader = headerValue(request, "mcp-session-id");
    if (!sessionHeader)
        return responder->respond(rpcError(
            400,
            McpEndpoint::tr("missing Mcp-Session-Id header: GET opens the stream of a session")));
    const auto info = verifySession(*sessionHeader, sessionSubject(server, caller));
    if (!info.ok())
        return responder->respond(sessionRefused(info.error()));
    const auto resolved = mcp::ProtocolVersion::resolve(
        headerValue(request, "mcp-protocol-version"), info->protocolVersion);
    if (!resolved.ok())
        return responder->respond(rpcError(400, resolved.error().message()));
    auto it = m_sessions.find(info->nonce);
    if (it == m_sessions.end()) {
        // The session was initialized on another worker or instance: rebuild it here.
        session(server, caller, *info);
        it = m_sessions.find(info->nonce);
    }
    if (!responder->startStream(200))
        return;
    it->streams++;
    const QByteArray nonce = info->nonce;
    const QMetaObject::Connection connection = connect(
        it->session.get(), &mcp::ServerSession::notification, this,
        [responder](const QByteArray &message) { responder->sendEvent(message, "message"); });
    responder->onDisconnected([this, connection, nonce] {
        disconnect(connection);
        auto found = m_sessions.find(nonce);
        if (found != m_sessions.end())
            found->streams--;
    });
}

void McpEndpoint::remove(const QString &server, const mcp::Caller &caller,
                         const http::Request &request, std::shared_ptr<http::Responder> responder)
{
    const std::optional<QString> sessionHeader = headerValue(request, "mcp-session-id");
    if (!sessionHeader)
        return responder->respond(rpcError(
            400,
            McpEndpoint::tr("missing Mcp-Session-Id header: DELETE ends the session it names")));
    const auto ended = m_context.endSession(*sessionHeader, sessionSubject(server, caller));
    if (!ended.ok())
        return responder->respond(sessionRefused(ended.error()));
    m_sessions.remove(ended->nonce);
    m_verified.remove(*sessionHeader);
    responder->respond(http::Response(200));
}

void McpEndpoint::catalogChanged()
{
    for (const auto &provider : std::as_const(m_providers))
        Q_EMIT provider->toolsChanged();
}

void McpEndpoint::deliverCancel(const QByteArray &nonce, const QByteArray &body,
                                const QString &version)
{
    const auto it = m_sessions.constFind(nonce);
    if (it == m_sessions.constEnd() || it->session->callsInFlight() == 0)
        return;
    // A notification produces no reply; a cancel for a call this worker does not run is ignored.
    it->session->handle(
        body, version, [](const QByteArray &) {}, [](const mcp::ServerSession::Reply &) {});
}

void McpEndpoint::evictIdle()
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        const bool idle = it->lastUsed.hasExpired(
            std::chrono::duration_cast<std::chrono::milliseconds>(kIdleSession).count());
        if (idle && it->streams == 0 && it->session->callsInFlight() == 0)
            it = m_sessions.erase(it);
        else
            ++it;
    }
}

} // namespace gatehouse::gateway
