#include "ServerSession.h"

#include "Hmac.h"
#include "Logging.h"
#include "ProtocolVersion.h"

#include <QtEndian>

namespace gatehouse::mcp {

namespace {

constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int kCursorPayloadBytes = 12; // catalog version (8) + offset (4)
constexpr int kCursorMacBytes = 16;

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QByteArray invalidParams(const Json &id, const QString &message)
{
    return JsonRpc::error(id, rpcerror::InvalidParams,
                          QStringLiteral("Invalid params: ") + message);
}

// The params of a request as an object: absent params read as {}.
const Json *paramsObject(const JsonRpcMessage &message)
{
    static const Json empty = Json::object();
    if (message.params.is_null())
        return &empty;
    return message.params.is_object() ? &message.params : nullptr;
}

void appendRaw(QByteArray &out, const char *key, QByteArrayView raw)
{
    out.append(",\"");
    out.append(key);
    out.append("\":");
    out.append(raw);
}

void appendString(QByteArray &out, const char *key, const QString &value)
{
    appendRaw(out, key, JsonRpc::dump(Json(value.toStdString())));
}

QByteArray toolJson(const ToolDescriptor &tool, const QString &version)
{
    const bool v0618 = ProtocolVersion::supports(version, ProtocolVersion::Feature::ToolTitle);
    QByteArray out("{\"name\":");
    out.append(JsonRpc::dump(Json(tool.name.toStdString())));
    if (v0618 && !tool.title.isEmpty())
        appendString(out, "title", tool.title);
    if (!tool.description.isEmpty())
        appendString(out, "description", tool.description);
    // server/tools "Tool": inputSchema MUST be a JSON Schema object, never null.
    appendRaw(out, "inputSchema",
              tool.inputSchema.isEmpty() ? QByteArrayView("{\"type\":\"object\"}")
                                         : tool.inputSchema);
    if (v0618 && !tool.outputSchema.isEmpty())
        appendRaw(out, "outputSchema", tool.outputSchema);
    if (!tool.annotations.isEmpty())
        appendRaw(out, "annotations", tool.annotations);
    if (!tool.icons.isEmpty() &&
        ProtocolVersion::supports(version, ProtocolVersion::Feature::Icons))
        appendRaw(out, "icons", tool.icons);
    out.append('}');
    return out;
}

} // namespace

struct ServerSession::Exchange
{
    QString protocolVersion;
    bool batch = false;
    bool anyRequest = false;
    bool finished = false;
    int pending = 1; // held by handle() until every message was dispatched
    std::vector<std::optional<QByteArray>> responses;
    MessageSink related;
    ReplySink done;
    QString initializedVersion;
    qint64 limitedRetryAfter = 0; // a call in it was stopped by a limit

    void send(const QByteArray &message)
    {
        if (!finished && related)
            related(message);
    }

    void finish(Reply reply)
    {
        finished = true;
        related = nullptr;
        reply.initializedVersion = initializedVersion;
        const ReplySink sink = std::move(done);
        done = nullptr;
        if (sink)
            sink(reply);
    }

    void settle()
    {
        if (--pending > 0 || finished)
            return;
        Reply reply;
        if (!anyRequest)
            return finish(reply);
        std::vector<QByteArray> bodies;
        for (auto &response : responses) {
            if (response)
                bodies.push_back(std::move(*response));
        }
        if (bodies.empty()) {
            reply.kind = Reply::Kind::NoResponse;
            reply.httpStatus = 200;
            return finish(reply);
        }
        reply.kind = Reply::Kind::Response;
        reply.httpStatus = 200;
        if (!batch && limitedRetryAfter > 0) {
            reply.httpStatus = 429;
            reply.retryAfterSeconds = limitedRetryAfter;
        }
        reply.body = batch ? JsonRpc::batch(bodies) : std::move(bodies.front());
        finish(reply);
    }
};

struct ServerSession::Call
{
    QString key;
    Json id;
    Json progressToken; // null: the client asked for no progress
    std::optional<double> lastProgress;
    CancellationToken token;
    bool completed = false;
    std::shared_ptr<Exchange> exchange;
    Completion complete;

    void finish(std::optional<QByteArray> response)
    {
        if (completed)
            return;
        completed = true;
        const Completion completion = std::move(complete);
        complete = nullptr;
        completion(std::move(response));
        exchange.reset();
    }
};

ServerSession::ServerSession(ToolProvider *provider, Caller caller, Options options,
                             QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_caller(std::move(caller))
    , m_options(std::move(options))
    , m_logLevel(m_options.logLevel)
{
    if (m_options.cursorKey.isEmpty())
        m_options.cursorKey = Hmac::randomBytes(32);
    if (m_options.pageSize < 1)
        m_options.pageSize = 1;
    if (!m_options.requireInitialize)
        m_phase = Phase::Operating;
    if (provider)
        connect(provider, &ToolProvider::toolsChanged, this, &ServerSession::onToolsChanged);
}

ServerSession::~ServerSession()
{
    const auto calls = m_inFlight;
    m_inFlight.clear();
    for (const auto &call : calls) {
        call->finish(std::nullopt);
        call->token.cancel(QStringLiteral("the session closed"));
    }
}

void ServerSession::resume(const QString &protocolVersion)
{
    m_protocolVersion = protocolVersion;
    m_phase = Phase::Operating;
}

void ServerSession::handle(QByteArrayView body, const QString &protocolVersion, MessageSink related,
                           ReplySink done, std::optional<Json> parsed)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->protocolVersion = protocolVersion;
    exchange->related = std::move(related);
    exchange->done = std::move(done);

    const JsonRpc::DecodeOptions decodeOptions{
        ProtocolVersion::supports(protocolVersion, ProtocolVersion::Feature::Batching),
        m_options.limits};
    const Result<JsonRpcBody> decoded =
        parsed ? JsonRpc::decodeParsed(std::move(*parsed), decodeOptions)
               : JsonRpc::decode(body, decodeOptions);
    auto reject = [&](const Json &id, const JsonRpcError &error) {
        Reply reply;
        reply.kind = Reply::Kind::Rejected;
        reply.httpStatus = 400;
        reply.body = JsonRpc::error(id, error);
        exchange->finish(reply);
    };
    if (!decoded.ok()) {
        qCDebug(lcMcp) << "rejected body:" << decoded.error().message();
        return reject(Json(), JsonRpcError{JsonRpc::errorCodeFor(decoded.error()),
                                           decoded.error().message(), std::nullopt});
    }
    const JsonRpcBody &messages = *decoded;
    if (!messages.batch && messages.items.front().error)
        return reject(messages.items.front().message.id, *messages.items.front().error);
    if (messages.batch) {
        for (const JsonRpcItem &item : messages.items) {
            // 2025-03-26 lifecycle "Initialization".
            if (!item.error && item.message.method == "initialize")
                return reject(Json(),
                              JsonRpcError{rpcerror::InvalidRequest,
                                           QStringLiteral("Invalid Request: initialize must "
                                                          "not be part of a JSON-RPC batch"),
                                           std::nullopt});
        }
    }

    exchange->batch = messages.batch;
    exchange->responses.resize(messages.items.size());
    for (size_t i = 0; i < messages.items.size(); ++i) {
        const JsonRpcItem &item = messages.items[i];
        if (item.error) {
            exchange->anyRequest = true;
            exchange->responses[i] = JsonRpc::error(item.message.id, *item.error);
            continue;
        }
        switch (item.message.kind) {
        case JsonRpcMessage::Kind::Request:
            exchange->anyRequest = true;
            ++exchange->pending;
            dispatch(exchange, item.message, [exchange, i](std::optional<QByteArray> response) {
                exchange->responses[i] = std::move(response);
                exchange->settle();
            });
            break;
        case JsonRpcMessage::Kind::Notification:
            notify(item.message);
            break;
        case JsonRpcMessage::Kind::Response:
        case JsonRpcMessage::Kind::Error:
            // The gateway sends no requests to clients, so there is nothing to match.
            qCDebug(lcMcp) << "ignored a response from the client, id"
                           << JsonRpc::idText(item.message.id);
            break;
        }
    }
    exchange->settle();
}

void ServerSession::dispatch(const std::shared_ptr<Exchange> &exchange,
                             const JsonRpcMessage &request, Completion complete)
{
    const std::string &method = request.method;
    // basic/utilities/ping: allowed in every phase.
    if (method == "ping")
        return complete(JsonRpc::result(request.id, Json::object()));
    if (method == "initialize")
        return complete(initialize(exchange, request));
    // lifecycle "Initialization": nothing but ping before initialize.
    if (m_phase == Phase::New)
        return complete(JsonRpc::error(request.id, rpcerror::InvalidRequest,
                                       QStringLiteral("Invalid Request: the session is not "
                                                      "initialized; send initialize first")));
    if (method == "tools/list")
        return complete(listTools(exchange, request));
    if (method == "tools/call")
        return callTool(exchange, request, std::move(complete));
    if (method == "logging/setLevel")
        return complete(setLevel(request));
    complete(JsonRpc::error(request.id, rpcerror::MethodNotFound,
                            QStringLiteral("Method not found: ") + fromStd(method)));
}

void ServerSession::notify(const JsonRpcMessage &notification)
{
    const std::string &method = notification.method;
    if (method == "notifications/initialized") {
        if (m_phase == Phase::Initializing)
            m_phase = Phase::Operating;
        return;
    }
    if (method == "notifications/cancelled") {
        // basic/utilities/cancellation: unknown, finished or malformed ones are ignored.
        const Json *params = paramsObject(notification);
        const auto requestId = params ? params->find("requestId") : Json::const_iterator();
        if (!params || requestId == params->end() ||
            !(requestId->is_string() || requestId->is_number_integer()))
            return;
        const auto it = m_inFlight.find(JsonRpc::idText(*requestId));
        if (it == m_inFlight.end())
            return;
        const std::shared_ptr<Call> call = it.value();
        m_inFlight.erase(it);
        const auto reason = params->find("reason");
        const QString why = reason != params->end() && reason->is_string()
                                ? fromStd(reason->get<std::string>())
                                : QString();
        qCDebug(lcMcp) << "request" << call->key << "cancelled:" << why;
        // "Not send a response for the cancelled request."
        call->finish(std::nullopt);
        call->token.cancel(why);
        return;
    }
    qCDebug(lcMcp) << "ignored notification" << fromStd(method);
}

QByteArray ServerSession::initialize(const std::shared_ptr<Exchange> &exchange,
                                     const JsonRpcMessage &request)
{
    if (m_phase != Phase::New && m_options.requireInitialize)
        return JsonRpc::error(request.id, rpcerror::InvalidRequest,
                              QStringLiteral("Invalid Request: the session is already initialized; "
                                             "start a new session to initialize again"));
    const Json *params = paramsObject(request);
    if (!params)
        return invalidParams(request.id, QStringLiteral("initialize needs params as an object"));
    const auto requested = params->find("protocolVersion");
    if (requested == params->end() || !requested->is_string())
        return invalidParams(request.id,
                             QStringLiteral("params.protocolVersion is missing or not a string; "
                                            "send the protocol version the client supports"));
    for (const char *key : {"capabilities", "clientInfo"}) {
        const auto value = params->find(key);
        if (value != params->end() && !value->is_object())
            return invalidParams(
                request.id, QStringLiteral("params.%1 must be an object").arg(QLatin1String(key)));
    }

    const QString version = ProtocolVersion::negotiate(fromStd(requested->get<std::string>()));
    m_protocolVersion = version;
    if (m_phase == Phase::New)
        m_phase = Phase::Initializing;
    exchange->initializedVersion = version;

    Json serverInfo = {{"name", m_options.serverName.toStdString()},
                       {"version", m_options.serverVersion.toStdString()}};
    if (ProtocolVersion::supports(version, ProtocolVersion::Feature::ToolTitle) &&
        !m_options.serverTitle.isEmpty())
        serverInfo["title"] = m_options.serverTitle.toStdString();
    Json result = {
        {"protocolVersion", version.toStdString()},
        {"capabilities", {{"tools", {{"listChanged", true}}}, {"logging", Json::object()}}},
        {"serverInfo", std::move(serverInfo)},
    };
    if (!m_options.instructions.isEmpty())
        result["instructions"] = m_options.instructions.toStdString();
    qCDebug(lcMcp) << "initialized with protocol" << version;
    return JsonRpc::result(request.id, result);
}

QByteArray ServerSession::listTools(const std::shared_ptr<Exchange> &exchange,
                                    const JsonRpcMessage &request)
{
    const Json *params = paramsObject(request);
    if (!params)
        return invalidParams(request.id, QStringLiteral("tools/list takes params as an object"));
    if (!m_provider)
        return JsonRpc::error(request.id, rpcerror::InternalError,
                              QStringLiteral("Internal error: no tool catalog"));
    const ToolList list = m_provider->list(m_caller);

    quint32 offset = 0;
    const auto cursor = params->find("cursor");
    if (cursor != params->end() && !cursor->is_null()) {
        if (!cursor->is_string())
            return invalidParams(request.id, QStringLiteral("params.cursor must be a string"));
        const Result<quint32> position = offsetFromCursor(cursor->get<std::string>(), list.version);
        if (!position.ok())
            return invalidParams(request.id, position.error().message());
        offset = *position;
    }
    const size_t total = list.tools.size();
    if (offset > total)
        return invalidParams(request.id, QStringLiteral("params.cursor points past the end of the "
                                                        "tool list; list again without a cursor"));
    const size_t end = std::min(total, size_t(offset) + size_t(m_options.pageSize));

    QByteArray out("{\"tools\":[");
    for (size_t i = offset; i < end; ++i) {
        if (i > offset)
            out.append(',');
        out.append(toolJson(list.tools[i], exchange->protocolVersion));
    }
    out.append(']');
    // server/utilities/pagination: nextCursor only when more results exist.
    if (end < total) {
        out.append(",\"nextCursor\":\"");
        out.append(cursorFor(list.version, quint32(end)));
        out.append('"');
    }
    out.append('}');
    return JsonRpc::rawResult(request.id, out);
}

QByteArray ServerSession::setLevel(const JsonRpcMessage &request)
{
    const Json *params = paramsObject(request);
    const auto level = params ? params->find("level") : Json::const_iterator();
    std::optional<LogLevel> parsed;
    if (params && level != params->end() && level->is_string())
        parsed = parseLogLevel(level->get_ref<const std::string &>());
    if (!parsed)
        return invalidParams(request.id,
                             QStringLiteral("params.level must be one of debug, info, notice, "
                                            "warning, error, critical, alert, emergency"));
    m_logLevel = *parsed;
    return JsonRpc::result(request.id, Json::object());
}

void ServerSession::callTool(const std::shared_ptr<Exchange> &exchange,
                             const JsonRpcMessage &request, Completion complete)
{
    const Json &id = request.id;
    const Json *params = paramsObject(request);
    if (!params || params->empty())
        return complete(invalidParams(id, QStringLiteral("tools/call needs params with the tool "
                                                         "\"name\"")));
    const auto name = params->find("name");
    if (name == params->end() || !name->is_string() || name->get_ref<const std::string &>().empty())
        return complete(invalidParams(id, QStringLiteral("params.name must be the tool's name as a "
                                                         "non-empty string")));
    Json arguments = Json::object();
    const auto args = params->find("arguments");
    if (args != params->end() && !args->is_null()) {
        if (!args->is_object())
            return complete(
                invalidParams(id, QStringLiteral("params.arguments must be an object")));
        arguments = *args;
    }
    Json progressToken;
    const auto meta = params->find("_meta");
    if (meta != params->end() && meta->is_object()) {
        const auto token = meta->find("progressToken");
        if (token != meta->end()) {
            // basic/utilities/progress: "Progress tokens MUST be a string or integer value".
            if (!token->is_string() && !token->is_number_integer())
                return complete(
                    invalidParams(id, QStringLiteral("params._meta.progressToken "
                                                     "must be a string or an integer")));
            progressToken = *token;
        }
    }
    const QString key = JsonRpc::idText(id);
    if (m_inFlight.contains(key))
        return complete(JsonRpc::error(id, rpcerror::InvalidRequest,
                                       QStringLiteral("Invalid Request: request id %1 is already "
                                                      "in use by a call in progress")
                                           .arg(key)));
    if (!m_provider)
        return complete(JsonRpc::error(id, rpcerror::InternalError,
                                       QStringLiteral("Internal error: no tool catalog")));

    auto call = std::make_shared<Call>();
    call->key = key;
    call->id = id;
    call->progressToken = progressToken;
    call->exchange = exchange;
    call->complete = std::move(complete);
    m_inFlight.insert(key, call);

    const std::weak_ptr<Call> weak = call;
    const QPointer<ServerSession> self(this);
    ToolCallContext context;
    context.caller = m_caller;
    context.requestId = id;
    context.cancellation = call->token;
    context.progress = [weak](double progress, std::optional<double> total,
                              const QString &message) {
        const auto c = weak.lock();
        // basic/utilities/progress: only for an active request, and the value MUST increase.
        if (!c || c->completed || c->progressToken.is_null() ||
            (c->lastProgress && progress <= *c->lastProgress))
            return;
        c->lastProgress = progress;
        Json params = {{"progressToken", c->progressToken}, {"progress", progress}};
        if (total)
            params["total"] = *total;
        if (!message.isEmpty())
            params["message"] = message.toStdString();
        c->exchange->send(JsonRpc::notification("notifications/progress", params));
    };
    context.log = [weak, self](LogLevel level, const QString &logger, const Json &data) {
        const auto c = weak.lock();
        if (!c || c->completed || !self || level < self->m_logLevel)
            return;
        Json params = {{"level", logLevelName(level)}, {"data", data}};
        if (!logger.isEmpty())
            params["logger"] = logger.toStdString();
        c->exchange->send(JsonRpc::notification("notifications/message", params));
    };

    const QString toolName = fromStd(name->get<std::string>());
    m_provider->call(
        toolName, arguments, std::move(context), [call, self](Result<ToolResult> result) {
            if (call->completed)
                return;
            if (self) {
                const auto it = self->m_inFlight.find(call->key);
                if (it != self->m_inFlight.end() && it.value() == call)
                    self->m_inFlight.erase(it);
            }
            if (result.ok() && result->limited) {
                const ToolResult::Limited &limited = *result->limited;
                call->exchange->limitedRetryAfter = std::max<qint64>(1, limited.retryAfterSeconds);
                return call->finish(JsonRpc::error(
                    call->id, JsonRpcError{limited.code, limited.message, limited.data}));
            }
            if (result.ok()) {
                const QByteArray &json = result->json;
                return call->finish(JsonRpc::rawResult(
                    call->id, json.isEmpty() ? QByteArrayView("{\"content\":[]}") : json));
            }
            const Error &error = result.error();
            switch (error.code()) {
            case ErrorCode::NotFound:
            case ErrorCode::InvalidArgument:
            case ErrorCode::Validation:
                return call->finish(invalidParams(call->id, error.message()));
            case ErrorCode::PermissionDenied:
                // SECURITY-CASES "Resource server": inside a session, a tool error
                // that names the missing permission.
                return call->finish(
                    JsonRpc::rawResult(call->id, ToolResult::text(error.message(), true).json));
            default:
                qCWarning(lcMcp) << "tool call failed:" << error.message();
                return call->finish(
                    JsonRpc::error(call->id, rpcerror::InternalError,
                                   QStringLiteral("Internal error: ") + error.message()));
            }
        });
}

void ServerSession::log(LogLevel level, const QString &logger, const Json &data)
{
    if (m_phase == Phase::New || level < m_logLevel)
        return;
    Json params = {{"level", logLevelName(level)}, {"data", data}};
    if (!logger.isEmpty())
        params["logger"] = logger.toStdString();
    Q_EMIT notification(JsonRpc::notification("notifications/message", params));
}

void ServerSession::onToolsChanged()
{
    // server/tools "List Changed Notification"; the lifecycle keeps the server quiet until the
    // client said it is initialized.
    if (m_phase == Phase::Operating)
        Q_EMIT notification(JsonRpc::notification("notifications/tools/list_changed"));
}

QByteArray ServerSession::cursorFor(quint64 version, quint32 offset) const
{
    char payload[kCursorPayloadBytes];
    qToBigEndian<quint64>(version, payload);
    qToBigEndian<quint32>(offset, payload + 8);
    QByteArray input = QByteArrayLiteral("gatehouse/mcp-cursor\0");
    input.append(m_caller.subject.toUtf8());
    input.append('\0');
    input.append(payload, kCursorPayloadBytes);
    QByteArray cursor(payload, kCursorPayloadBytes);
    cursor.append(Hmac::sha256(m_options.cursorKey, input).left(kCursorMacBytes));
    return cursor.toBase64(kBase64);
}

Result<quint32> ServerSession::offsetFromCursor(const std::string &cursor, quint64 version) const
{
    const Error unknown(ErrorCode::InvalidArgument,
                        QStringLiteral("params.cursor is not a cursor this server issued; list "
                                       "again without a cursor"));
    if (cursor.size() > 64)
        return unknown;
    const auto decoded =
        QByteArray::fromBase64Encoding(QByteArray(cursor.data(), qsizetype(cursor.size())),
                                       kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != kCursorPayloadBytes + kCursorMacBytes)
        return unknown;
    const QByteArray &raw = decoded.decoded;
    const quint64 cursorVersion = qFromBigEndian<quint64>(raw.constData());
    const quint32 offset = qFromBigEndian<quint32>(raw.constData() + 8);
    if (!Hmac::equal(cursorFor(cursorVersion, offset), raw.toBase64(kBase64)))
        return unknown;
    if (cursorVersion != version)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("params.cursor belongs to an earlier tool list, which has "
                                    "changed since; list again without a cursor"));
    return offset;
}

} // namespace gatehouse::mcp
