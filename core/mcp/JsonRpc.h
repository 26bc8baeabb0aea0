#pragma once

#include "Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gatehouse::mcp {

using Json = nlohmann::json;

// JSON-RPC 2.0 error codes (JSON-RPC 2.0 section 5.1).
namespace rpcerror {
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int InternalError = -32603;
} // namespace rpcerror

struct JsonRpcError
{
    int code = rpcerror::InternalError;
    QString message;
    std::optional<Json> data;
};

struct JsonRpcMessage
{
    enum class Kind
    {
        Request,
        Notification,
        Response, // a result response
        Error,    // an error response
    };

    Kind kind = Kind::Notification;
    Json id;            // string or integer; null for notifications and unreadable ids
    std::string method; // requests and notifications
    Json params;        // object or array; null when absent
    Json result;        // Response
    Json error;         // Error: {code, message, data?}
};

// One element of a decoded body: a valid message, or the error to answer it with. `message.id`
// holds the id when it could be read (MCP basic/index "Error Responses").
struct JsonRpcItem
{
    JsonRpcMessage message;
    std::optional<JsonRpcError> error;

    bool isRequest() const { return !error && message.kind == JsonRpcMessage::Kind::Request; }
};

struct JsonRpcBody
{
    bool batch = false;
    std::vector<JsonRpcItem> items;
};

// Codec for JSON-RPC 2.0 as MCP profiles it: ids are strings or integers, never null; params
// and result are objects (arrays are tolerated for params, as JSON-RPC allows them).
class JsonRpc
{
public:
    struct Limits
    {
        qsizetype maxBytes = 1024 * 1024; // matches the HTTP body limit on /mcp
        int maxDepth = 64;
        int maxBatchItems = 64;
    };

    struct DecodeOptions
    {
        bool allowBatch = false; // true only for protocol 2025-03-26 (ProtocolVersion::Feature)
        Limits limits;
    };

    // Whole-body failures come back as an Error: ErrorCode::Parse (answer -32700) or
    // ErrorCode::InvalidArgument (answer -32600, e.g. a batch where none is allowed, an empty
    // batch, too large). A single malformed message decodes to one item carrying its error.
    static Result<JsonRpcBody> decode(QByteArrayView body, const DecodeOptions &options);
    static Result<JsonRpcBody> decode(QByteArrayView body) { return decode(body, DecodeOptions{}); }
    // The two halves of decode(), for a caller that looks into the body before it is decoded
    // (the gateway's scope check) and parses it only once: the size and nesting limits and the
    // parse, then the classification of what parse() gave.
    static Result<Json> parse(QByteArrayView body, const Limits &limits);
    static Result<JsonRpcBody> decodeParsed(Json value, const DecodeOptions &options);
    // Classifies one already-parsed element.
    static JsonRpcItem classify(const Json &value);
    // The JSON-RPC error code that answers a decode() failure.
    static int errorCodeFor(const Error &error);

    // Serialisers. `id` is a string or integer (null only for error responses whose id could not
    // be read).
    static QByteArray result(const Json &id, const Json &result);
    // Splices `rawResult` (a complete, valid JSON value, typically an upstream answer that was
    // validated with isValidJson) into the response as-is, without building a DOM.
    static QByteArray rawResult(const Json &id, QByteArrayView rawResult);
    static QByteArray error(const Json &id, const JsonRpcError &error);
    static QByteArray error(const Json &id, int code, const QString &message);
    static QByteArray notification(std::string_view method, const Json &params = Json());
    // "[a,b,...]" from serialised responses; empty when there are none (JSON-RPC 2.0 section 6:
    // a batch of notifications gets no answer at all).
    static QByteArray batch(const std::vector<QByteArray> &responses);

    // Serialises any value (strings with invalid UTF-8 are repaired, never thrown on).
    static QByteArray dump(const Json &value);
    // Appends `utf8` as a JSON string (RFC 8259 §7) without a DOM: quotes, backslashes and
    // control characters escaped, everything else copied in runs. Invalid UTF-8 is repaired as
    // dump() does.
    static void appendString(QByteArray &out, QByteArrayView utf8);
    // Validates without building a DOM (no recursion, so a deep value cannot blow the stack).
    static bool isValidJson(QByteArrayView text);
    // Nesting depth of a JSON text, computed without parsing; stops counting at `limit` + 1.
    static int nestingDepth(QByteArrayView text, int limit);
    // Renders an id for messages and map keys: 7, "abc" (JSON text).
    static QString idText(const Json &id);
};

} // namespace gatehouse::mcp
