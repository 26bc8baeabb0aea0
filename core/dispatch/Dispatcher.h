#pragma once

#include "RequestBuilder.h"
#include "http/UpstreamClient.h"
#include "mcp/ToolProvider.h"
#include "openapi/Tool.h"

#include <QObject>

#include <functional>
#include <memory>

namespace gatehouse::dispatch {

class SchemaValidator;
class TokenCache;
struct UpstreamCredential;

// A request as it went to the upstream, for a person to read ("Try it"): every form of the
// credential the dispatcher injected (as is, base64, percent-encoded, JSON-escaped) is replaced by
// kMask, in the URL, the headers and the body.
struct SentRequest
{
    static constexpr const char *kMask =
        "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"; // UTF-8
    QByteArray method;
    QString url;
    http::UpstreamHeaders headers;
    QByteArray body;
};

// One call's upstream: the tool, how to check its arguments, where its requests go and with
// which credential. The pointers stay valid while keepAlive is held.
struct DispatchTarget
{
    std::shared_ptr<const void> keepAlive;
    const openapi::Tool *tool = nullptr;
    const SchemaValidator *validator = nullptr; // null: arguments are not checked
    QString upstream;                           // the server's name, for messages
    QString baseUrl;
    std::shared_ptr<const UpstreamCredential> credential; // null: the call sends none
    QString credentialError; // set: the tool's credential cannot be used, and why
    // OAuth2 credentials: the token cache shared by the workers, whose credential it is (empty:
    // the owner's), the secret as stored at the moment a token is fetched (null: the
    // credential's own), and where a refresh token the upstream rotated is stored (null: it is
    // not kept, and a warning says so).
    std::shared_ptr<TokenCache> tokens;
    QString credentialUser;
    std::function<Result<QByteArray>()> readSecret;
    std::function<Status(QByteArrayView)> storeSecret;
    const QMap<QString, openapi::SecurityScheme> *securitySchemes = nullptr;
    // Who is calling, for the upstream (servers[].identity_headers); never the client's token.
    QList<IdentityHeader> identityHeaders;
    // Runs once, when the request is ready and nothing has been sent, and may answer later (a
    // spend reservation runs off the worker's thread): proceed(nullopt) sends the request,
    // proceed(result) stops the call before the upstream sees it (a spend cap). proceed must be
    // called once, on the dispatcher's thread. Null: nothing to check.
    using Proceed = std::function<void(std::optional<mcp::ToolResult> refused)>;
    std::function<void(const nlohmann::json &arguments, Proceed proceed)> beforeSend;
    // "Try it" watches the exchange: the request as sent with the credential masked, then the
    // answer with the injected secrets redacted, as the result is built from it. Null: unwatched.
    std::function<void(const SentRequest &)> sent;
    std::function<void(const http::UpstreamResponse &)> received;
};

// Runs tool calls against their upstream APIs on one thread: validates the arguments against
// the tool's inputSchema, builds the request, injects the credential (for an OAuth2 one, an
// access token from the token cache; a 401 drops that token and the call is sent once more with
// a new one), sends it with the thread's own libcurl client and turns the answer into a
// CallToolResult. Everything that goes
// wrong after the tool was found is a tool error (isError), so the model can read it and retry.
class Dispatcher : public QObject
{
    Q_OBJECT
public:
    explicit Dispatcher(QObject *parent = nullptr);
    ~Dispatcher() override;

    void call(DispatchTarget target, const nlohmann::json &arguments, mcp::ToolCallContext context,
              mcp::ToolCallback done);

private:
    struct Call;
    void acquireToken(const std::shared_ptr<Call> &call);
    void send(const std::shared_ptr<Call> &call, const UpstreamCredential *credential);
    void transmit(const std::shared_ptr<Call> &call, http::UpstreamRequest request);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse::dispatch
