#include "JsonRpc.h"

#include "Logging.h"

#include <cstring>

namespace gatehouse::mcp {

namespace {

bool isValidId(const Json &id)
{
    // MCP basic/index "Requests": a string or integer, never null.
    return id.is_string() || id.is_number_integer();
}

JsonRpcItem invalid(Json id, QString message)
{
    JsonRpcItem item;
    item.message.id = std::move(id);
    item.error = JsonRpcError{rpcerror::InvalidRequest, std::move(message), std::nullopt};
    return item;
}

void append(QByteArray &out, const std::string &text)
{
    out.append(text.data(), qsizetype(text.size()));
}

} // namespace

JsonRpcItem JsonRpc::classify(const Json &value)
{
    if (!value.is_object())
        return invalid(Json(),
                       QStringLiteral("Invalid Request: a JSON-RPC message must be an object"));

    Json id;
    const auto idIt = value.find("id");
    const bool hasId = idIt != value.end();
    if (hasId && isValidId(*idIt))
        id = *idIt;

    const auto version = value.find("jsonrpc");
    if (version == value.end() || !version->is_string() ||
        version->get_ref<const std::string &>() != "2.0")
        return invalid(id,
                       QStringLiteral("Invalid Request: \"jsonrpc\" must be the string \"2.0\""));

    if (hasId && !idIt->is_null() && !isValidId(*idIt))
        return invalid(Json(),
                       QStringLiteral("Invalid Request: \"id\" must be a string or an integer"));

    const auto params = value.find("params");
    const auto method = value.find("method");
    if (method != value.end()) {
        if (!method->is_string())
            return invalid(id, QStringLiteral("Invalid Request: \"method\" must be a string"));
        if (params != value.end() && !params->is_object() && !params->is_array())
            return invalid(id, QStringLiteral("Invalid Request: \"params\" must be an object"));
        if (hasId && idIt->is_null())
            return invalid(Json(),
                           QStringLiteral("Invalid Request: \"id\" must not be null in MCP"));
        JsonRpcItem item;
        item.message.kind =
            hasId ? JsonRpcMessage::Kind::Request : JsonRpcMessage::Kind::Notification;
        item.message.id = id;
        item.message.method = method->get<std::string>();
        if (params != value.end())
            item.message.params = *params;
        return item;
    }

    const auto result = value.find("result");
    const auto error = value.find("error");
    if ((result != value.end()) == (error != value.end()))
        return invalid(id, QStringLiteral("Invalid Request: a message needs \"method\", or exactly "
                                          "one of \"result\" and \"error\""));
    JsonRpcItem item;
    item.message.id = id;
    if (result != value.end()) {
        if (!hasId || id.is_null())
            return invalid(Json(),
                           QStringLiteral("Invalid Request: a result response needs an \"id\""));
        item.message.kind = JsonRpcMessage::Kind::Response;
        item.message.result = *result;
        return item;
    }
    const auto code = error->is_object() ? error->find("code") : error->end();
    const auto message = error->is_object() ? error->find("message") : error->end();
    if (!error->is_object() || code == error->end() || !code->is_number_integer() ||
        message == error->end() || !message->is_string())
        return invalid(id, QStringLiteral("Invalid Request: \"error\" must be an object with an "
                                          "integer \"code\" and a string \"message\""));
    item.message.kind = JsonRpcMessage::Kind::Error;
    item.message.error = *error;
    return item;
}

Result<JsonRpcBody> JsonRpc::decode(QByteArrayView body, const DecodeOptions &options)
{
    Result<Json> value = parse(body, options.limits);
    if (!value)
        return value.error();
    return decodeParsed(std::move(value).value(), options);
}

Result<Json> JsonRpc::parse(QByteArrayView body, const Limits &limits)
{
    if (body.size() > limits.maxBytes)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("Invalid Request: the message has %1 bytes, more than the limit of %2")
                .arg(body.size())
                .arg(limits.maxBytes));
    // Bounded before parsing, so a hostile "[[[[..." never reaches the parser or the DOM.
    if (nestingDepth(body, limits.maxDepth) > limits.maxDepth)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("Invalid Request: JSON nested deeper than %1 levels")
                         .arg(limits.maxDepth));

    Json value;
    try {
        value = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    } catch (const std::exception &e) {
        qCWarning(lcMcp) << "JSON parse failed:" << e.what();
        value = Json(Json::value_t::discarded);
    }
    if (value.is_discarded())
        return Error(ErrorCode::Parse,
                     QStringLiteral("Parse error: the body is not valid UTF-8 JSON"));
    return value;
}

Result<JsonRpcBody> JsonRpc::decodeParsed(Json value, const DecodeOptions &options)
{
    const Limits &limits = options.limits;
    JsonRpcBody decoded;
    if (value.is_array()) {
        // JSON-RPC 2.0 section 6; MCP 2025-03-26 allows batches, 2025-06-18 removed them.
        if (!options.allowBatch)
            return Error(
                ErrorCode::InvalidArgument,
                QStringLiteral("Invalid Request: JSON-RPC batches are not supported in this "
                               "protocol version; send one message per request"));
        if (value.empty())
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("Invalid Request: empty batch"));
        if (value.size() > size_t(limits.maxBatchItems))
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("Invalid Request: the batch has %1 messages, more than the "
                                        "limit of %2")
                             .arg(value.size())
                             .arg(limits.maxBatchItems));
        decoded.batch = true;
        decoded.items.reserve(value.size());
        for (const Json &element : value)
            decoded.items.push_back(classify(element));
        return decoded;
    }
    decoded.items.push_back(classify(value));
    return decoded;
}

int JsonRpc::errorCodeFor(const Error &error)
{
    switch (error.code()) {
    case ErrorCode::Parse:
        return rpcerror::ParseError;
    case ErrorCode::InvalidArgument:
    case ErrorCode::Validation:
        return rpcerror::InvalidRequest;
    default:
        return rpcerror::InternalError;
    }
}

QByteArray JsonRpc::dump(const Json &value)
{
    const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

void JsonRpc::appendString(QByteArray &out, QByteArrayView utf8)
{
    // Count first (a loop the compiler vectorises), then write into room made once: an append
    // per escape cost more than the escaping itself on typical upstream JSON.
    const auto *in = reinterpret_cast<const unsigned char *>(utf8.data());
    const qsizetype n = utf8.size();
    qsizetype specials = 0;
    unsigned char high = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char c = in[i];
        specials += (c < 0x20) | (c == '"') | (c == '\\');
        high |= c;
    }
    if ((high & 0x80) && !utf8.isValidUtf8()) {
        out.append(dump(Json(std::string(utf8.data(), size_t(n)))));
        return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    out.resize(start + n + 5 * specials + 2); // \u00XX at most; trimmed below
    char *const begin = out.data() + start;
    char *w = begin;
    *w++ = '"';
    qsizetype run = 0; // first byte not yet copied
    for (qsizetype i = 0; specials > 0; ++i) {
        const unsigned char c = in[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        --specials;
        std::memcpy(w, in + run, size_t(i - run));
        w += i - run;
        run = i + 1;
        *w++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *w++ = char(c);
            break;
        case '\n':
            *w++ = 'n';
            break;
        case '\r':
            *w++ = 'r';
            break;
        case '\t':
            *w++ = 't';
            break;
        default:
            *w++ = 'u';
            *w++ = '0';
            *w++ = '0';
            *w++ = hex[c >> 4];
            *w++ = hex[c & 0xF];
            break;
        }
    }
    std::memcpy(w, in + run, size_t(n - run));
    w += n - run;
    *w++ = '"';
    out.resize(start + (w - begin));
}

QByteArray JsonRpc::result(const Json &id, const Json &result)
{
    return rawResult(id, dump(result));
}

QByteArray JsonRpc::rawResult(const Json &id, QByteArrayView rawResult)
{
    QByteArray out;
    out.reserve(rawResult.size() + 48);
    out.append("{\"jsonrpc\":\"2.0\",\"id\":");
    out.append(dump(id));
    out.append(",\"result\":");
    out.append(rawResult);
    out.append('}');
    return out;
}

QByteArray JsonRpc::error(const Json &id, const JsonRpcError &error)
{
    QByteArray out("{\"jsonrpc\":\"2.0\",\"id\":");
    out.append(dump(id));
    out.append(",\"error\":{\"code\":");
    out.append(QByteArray::number(error.code));
    out.append(",\"message\":");
    out.append(dump(Json(error.message.toStdString())));
    if (error.data) {
        out.append(",\"data\":");
        out.append(dump(*error.data));
    }
    out.append("}}");
    return out;
}

QByteArray JsonRpc::error(const Json &id, int code, const QString &message)
{
    return error(id, JsonRpcError{code, message, std::nullopt});
}

QByteArray JsonRpc::notification(std::string_view method, const Json &params)
{
    QByteArray out("{\"jsonrpc\":\"2.0\",\"method\":");
    append(out, Json(method).dump(-1, ' ', false, Json::error_handler_t::replace));
    if (!params.is_null()) {
        out.append(",\"params\":");
        out.append(dump(params));
    }
    out.append('}');
    return out;
}

QByteArray JsonRpc::batch(const std::vector<QByteArray> &responses)
{
    if (responses.empty())
        return {};
    QByteArray out("[");
    for (size_t i = 0; i < responses.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append(responses[i]);
    }
    out.append(']');
    return out;
}

bool JsonRpc::isValidJson(QByteArrayView text)
{
    try {
        return Json::accept(text.begin(), text.end());
    } catch (const std::exception &) {
        return false;
    }
}

int JsonRpc::nestingDepth(QByteArrayView text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

QString JsonRpc::idText(const Json &id)
{
    return QString::fromStdString(id.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace gatehouse::mcp
